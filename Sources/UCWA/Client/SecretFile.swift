import Foundation

/// Reads a secret (a password or a token) from a file: the content with one trailing newline (`\n` or `\r\n`)
/// removed. Errors name the file, never its content.
enum SecretFile {
    static func read(_ path: String, what: String) throws(UCWAClientError) -> String {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw UCWAClientError(
                code: .secretFileUnreadable,
                reason: "the \(what) file \(path) cannot be read",
                source: "credentials"
            )
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw UCWAClientError(
                code: .secretFileUnreadable,
                reason: "the \(what) file \(path) is not UTF-8",
                source: "credentials"
            )
        }
        if text.hasSuffix("\r\n") {
            text.removeLast(1)  // "\r\n" is one Character
        } else if text.hasSuffix("\n") {
            text.removeLast()
        }
        guard !text.isEmpty else {
            throw UCWAClientError(
                code: .secretFileUnreadable,
                reason: "the \(what) file \(path) is empty",
                source: "credentials"
            )
        }
        return text
    }
}
