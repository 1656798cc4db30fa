import ArgumentParser

import Foundation

/// The ucwa-bridge daemon. Its queue, local API and UCWA session are not built yet; until they
/// are, it says so and exits with `EX_UNAVAILABLE` rather than pretending to run.
@main
struct UCWABridged: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ucwa-bridged",
        abstract: "Keeps a UCWA application open and delivers queued continueMessaging requests.",
        discussion: """
            Not yet functional: the durable queue, the local API and the UCWA session arrive in \
            the next milestones. To try the UCWA side today, run the simulator: swift run ucwa-sim
            """
    )

    func run() throws {
        let notice = "ucwa-bridged: the daemon is not built yet; run `swift run ucwa-sim` to try the simulator\n"
        FileHandle.standardError.write(Data(notice.utf8))
        throw ExitCode(69)  // EX_UNAVAILABLE
    }
}
