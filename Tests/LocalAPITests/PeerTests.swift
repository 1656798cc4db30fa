import Foundation
import Glibc
import LocalAPIModels
import Testing

@testable import LocalAPI

/// Peer credentials over the real socket, and the policy's rules.
struct PeerTests {
    /// Tests run as root: a policy without the root exception that allows only uid 4242.
    static let onlyUID4242 = PeerPolicy(allowedUIDs: [4242], allowsRoot: false, daemonUID: 4243, socketGroupID: 4244)

    @Test func refusesAPeerTheConfigurationDoesNotAllowOnEveryRoute() async throws {
        try await APIFixture.run({ $0.peerPolicy = Self.onlyUID4242 }) { api in
            let refused = try await api.send(.GET, "/v1/health").expectError(403, "peerNotAllowed")
            #expect(refused.message.hasPrefix("uid 0 (gid 0) may not use this socket"))
            try await api.send(.GET, "/metrics").expectError(403, "peerNotAllowed")
            try await api.submit(["conversationLog": api.logHref, "message": "hi"]).expectError(403, "peerNotAllowed")
            try await api.send(.GET, "/nowhere").expectError(403, "peerNotAllowed")
            #expect(api.logs.all.contains { $0.contains("API connection refused") && $0.contains("peer-uid") })
        }
    }

    @Test func allowsAPeerByAConfiguredGroup() async throws {
        var policy = Self.onlyUID4242
        policy.allowedGIDs = [getegid()]
        try await APIFixture.run({ $0.peerPolicy = policy }) { api in
            let answer = try await api.send(.GET, "/v1/health")
            #expect(answer.status == 200)
        }
    }

    @Test func logsEachRequestWithThePeer() async throws {
        try await APIFixture.run { api in
            #expect(try await api.send(.GET, "/v1/health").status == 200)
            let line = try #require(api.logs.all.first { $0.contains("GET /v1/health 200") })
            #expect(line.hasPrefix("debug"))
            #expect(line.contains(#""peer-uid": \#(geteuid())"#))
            #expect(line.contains(#""peer-gid": \#(getegid())"#))
            #expect(line.contains(#""peer-pid": \#(getpid())"#))
            #expect(line.contains("duration-ms"))
        }
    }

    @Test func thePolicyAllowsRootTheDaemonTheSocketGroupAndTheConfiguredIDs() {
        let policy = PeerPolicy(allowedUIDs: [1001], allowedGIDs: [2001], daemonUID: 999, socketGroupID: 3001)
        func decide(uid: UInt32, gid: UInt32, groups: [UInt32] = []) -> PeerPolicy.Decision {
            policy.decide(PeerCredentials(pid: 1, uid: uid, gid: gid)) { groups }
        }
        #expect(decide(uid: 0, gid: 0) == .allowed("root"))
        #expect(decide(uid: 999, gid: 5) == .allowed("daemon user"))
        #expect(decide(uid: 1001, gid: 5) == .allowed("allowed uid"))
        #expect(decide(uid: 5, gid: 3001) == .allowed("socket group"))
        #expect(decide(uid: 5, gid: 2001) == .allowed("allowed gid"))
        #expect(decide(uid: 5, gid: 5, groups: [7, 3001]) == .allowed("socket group (supplementary)"))
        #expect(decide(uid: 5, gid: 5, groups: [2001]) == .allowed("allowed gid (supplementary)"))
        #expect(!decide(uid: 5, gid: 5, groups: [6]).isAllowed)
        var noRoot = policy
        noRoot.allowsRoot = false
        #expect(!noRoot.decide(PeerCredentials(pid: 1, uid: 0, gid: 0)) { [] }.isAllowed)
        #expect(!policy.decide(nil) { [] }.isAllowed)
    }

    @Test func readsSupplementaryGroupsFromProc() throws {
        let status = "Name:\tbash\nUid:\t1000\t1000\t1000\t1000\nGroups:\t4 24 27 1000 \nNgid:\t0\n"
        #expect(SupplementaryGroups.parse(status: status) == [4, 24, 27, 1000])
        #expect(SupplementaryGroups.parse(status: "Groups:\t\n") == [])
        let count = Int(getgroups(0, nil))
        var own = [gid_t](repeating: 0, count: count)
        _ = getgroups(Int32(count), &own)
        #expect(Set(SupplementaryGroups.of(pid: getpid())) == Set(own))
        #expect(SupplementaryGroups.of(pid: 0).isEmpty)
    }
}
