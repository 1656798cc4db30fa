import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The process's standard streams: what the commands print, and whether a person watches.
enum StandardStreams {
    /// Writes `text` and a newline to standard output.
    static func printOutput(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Writes `ucwa-bridge: ` and `line` to standard error.
    static func printError(_ line: String) {
        FileHandle.standardError.write(Data("ucwa-bridge: \(line)\n".utf8))
    }

    /// Whether standard error is a terminal, so that progress lines have a reader.
    static var errorIsTerminal: Bool {
        isatty(STDERR_FILENO) == 1
    }

    /// Whether standard input is a terminal, so that reading it waits for typing.
    static var inputIsTerminal: Bool {
        isatty(STDIN_FILENO) == 1
    }
}
