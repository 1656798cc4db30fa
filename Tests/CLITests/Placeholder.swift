import Testing

@testable import ucwa_bridge

@Suite struct CLIPlaceholderTests {
    @Test func placeholderIsReplaced() {
        #expect(Bool(true) == true)
    }
}
