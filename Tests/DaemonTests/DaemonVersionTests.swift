import Testing

@testable import Daemon

@Suite struct DaemonVersionTests {
    @Test func versionIsSemantic() {
        #expect(DaemonVersion.current.split(separator: ".").count == 3)
    }
}
