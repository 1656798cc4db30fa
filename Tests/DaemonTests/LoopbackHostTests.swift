import Testing

@testable import Daemon

@Suite struct LoopbackHostTests {
    @Test(arguments: ["localhost", "LOCALHOST", "127.0.0.1", "127.255.0.9", "::1", "[::1]", "0:0:0:0:0:0:0:1"])
    func loopbackHosts(host: String) {
        #expect(LoopbackHost.contains(host))
    }

    @Test(arguments: ["128.0.0.1", "10.0.0.1", "::2", "::", "lyncdiscover.contoso.com", "127.0.0.1.nip.io", ""])
    func otherHosts(host: String) {
        #expect(!LoopbackHost.contains(host))
    }
}
