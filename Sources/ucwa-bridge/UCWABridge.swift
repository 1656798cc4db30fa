import ArgumentParser

import Foundation

/// The command-line client of the ucwa-bridge daemon's local API. The API it speaks is not built
/// yet; until it is, the client says so and exits with `EX_UNAVAILABLE`.
@main
struct UCWABridge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ucwa-bridge",
        abstract: "Queues messages for the ucwa-bridge daemon and reports what became of them.",
        discussion: "Not yet functional: the daemon's local API arrives in a later milestone."
    )

    func run() throws {
        FileHandle.standardError.write(Data("ucwa-bridge: the daemon's local API is not built yet\n".utf8))
        throw ExitCode(69)  // EX_UNAVAILABLE
    }
}
