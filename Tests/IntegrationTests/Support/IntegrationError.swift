/// A failure of the test harness or of a part under test, with a sentence that says what was expected and,
/// where it helps, what the processes printed.
struct IntegrationError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
