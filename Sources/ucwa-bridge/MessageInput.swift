import Foundation

/// The text `send` queues: its argument, or standard input when the argument is absent or `-`.
enum MessageInput {
    /// The message to send. Standard input is read to its end, must be UTF-8, and loses its final
    /// line breaks (so that `echo hi |` sends `hi`); an empty message is a usage error.
    static func resolve(
        _ argument: String?,
        readStandardInput: () -> Data = { FileHandle.standardInput.readDataToEndOfFile() }
    ) throws -> String {
        let text: String
        if let argument, argument != "-" {
            text = argument
        } else {
            if StandardStreams.inputIsTerminal {
                StandardStreams.printError("reading the message from standard input; end it with Ctrl-D")
            }
            text = try fromStandardInput(readStandardInput())
        }
        guard !text.isEmpty else {
            throw CLIError("the message is empty", exitStatus: .usage)
        }
        return text
    }

    /// `data` as UTF-8 text without its final line breaks.
    static func fromStandardInput(_ data: Data) throws -> String {
        guard var text = String(data: data, encoding: .utf8) else {
            throw CLIError("the message on standard input is not UTF-8 text", exitStatus: .usage)
        }
        while let last = text.last, last.isNewline {
            text.removeLast()
        }
        return text
    }
}
