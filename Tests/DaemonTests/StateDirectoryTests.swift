import Foundation
import Testing

@testable import Daemon

@Suite struct StateDirectoryTests {
    @Test func createsAMissingDirectoryPrivateToItsOwner() throws {
        let temporary = try TemporaryDirectory()
        let path = temporary.path("nested/state")
        let state = try StateDirectory(path: path)
        #expect(state.path == path)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o700)
        #expect(attributes[.type] as? FileAttributeType == .typeDirectory)
    }

    @Test func keepsAnExistingDirectory() throws {
        let temporary = try TemporaryDirectory()
        try temporary.write("x", to: "kept")
        let state = try StateDirectory(path: temporary.url.path)
        #expect(FileManager.default.fileExists(atPath: state.path + "/kept"))
    }

    @Test func refusesAFile() throws {
        let temporary = try TemporaryDirectory()
        let file = try temporary.write("not a directory", to: "state")
        #expect {
            try StateDirectory(path: file)
        } throws: { error in
            guard let error = error as? StateDirectoryError else { return false }
            return error.path == file && error.description.contains("is a file")
        }
    }

    @Test func theEndpointIDIsStableAcrossInstances() throws {
        let temporary = try TemporaryDirectory()
        let path = temporary.path("state")
        let first = try StateDirectory(path: path).endpointID()
        #expect(UUID(uuidString: first) != nil)
        let again = try StateDirectory(path: path).endpointID()
        let third = try StateDirectory(path: path).endpointID()
        #expect(again == first)
        #expect(third == first)
        let file = try String(contentsOfFile: path + "/endpoint-id", encoding: .utf8)
        #expect(file == first + "\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: path)
        #expect(leftovers == ["endpoint-id"])
        let attributes = try FileManager.default.attributesOfItem(atPath: path + "/endpoint-id")
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test func aDirectoryGetsItsOwnEndpointID() throws {
        let temporary = try TemporaryDirectory()
        let one = try StateDirectory(path: temporary.path("one")).endpointID()
        let other = try StateDirectory(path: temporary.path("other")).endpointID()
        #expect(one != other)
    }

    @Test func anExistingEndpointIDIsReadBack() throws {
        let temporary = try TemporaryDirectory()
        let endpointID = "5c1e4a3e-8a0d-4d7e-9c55-2b1f0a6f3d21"
        try temporary.write("\(endpointID)\n", to: "endpoint-id")
        #expect(try StateDirectory(path: temporary.url.path).endpointID() == endpointID)
    }

    @Test(arguments: ["", "\n", "not-a-uuid\n", "5c1e4a3e-8a0d"])
    func aCorruptEndpointIDFileIsAnErrorNotReplaced(contents: String) throws {
        let temporary = try TemporaryDirectory()
        let file = try temporary.write(contents, to: "endpoint-id")
        #expect {
            try StateDirectory(path: temporary.url.path).endpointID()
        } throws: { error in
            guard let error = error as? StateDirectoryError else { return false }
            return error.path == file && error.description.contains(file)
        }
        #expect(try String(contentsOfFile: file, encoding: .utf8) == contents)
    }

    @Test func concurrentFirstCallsAgree() async throws {
        let temporary = try TemporaryDirectory()
        let path = temporary.path("state")
        let ids = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<8 {
                group.addTask { try StateDirectory(path: path).endpointID() }
            }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(ids.count == 1)
    }
}
