/// A benchmark step that could not be carried out; the message says which step and why.
struct BenchmarkError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
