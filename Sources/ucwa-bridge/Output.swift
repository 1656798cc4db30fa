import Foundation
import LocalAPIModels

/// Prints an answer the way the command line asked: the API's JSON for scripts, or a table for
/// people.
struct Output: Sendable {
    /// Whether `--json` was given.
    var json: Bool

    /// Prints `value` as JSON, or `human()` as text.
    func show<Value: Encodable>(_ value: Value, human: () -> String) throws {
        StandardStreams.printOutput(try render(value, human: human))
    }

    /// What `show` prints, without its final newline.
    func render<Value: Encodable>(_ value: Value, human: () -> String) throws -> String {
        guard json else { return human() }
        do {
            return String(decoding: try APIJSON.encoder().encode(value), as: UTF8.self)
        } catch {
            throw CLIError("the answer could not be written as JSON: \(error)", exitStatus: .daemonError)
        }
    }
}
