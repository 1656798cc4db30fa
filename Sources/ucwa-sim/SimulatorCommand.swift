import ArgumentParser
import Dispatch
import Foundation
import Logging
import UCWASimulator

/// `ucwa-sim`: runs the UCWA 2.0 simulator on a loopback address until SIGINT or SIGTERM.
///
/// The first line on stdout is the discovery URL; logs go to stderr.
@main
struct SimulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ucwa-sim",
        abstract: "A UCWA 2.0 (Skype for Business Server 2015) simulator for tests, on loopback only.",
        discussion: "Prints the discovery URL as the first line of stdout, logs to stderr, and runs until "
            + "SIGINT or SIGTERM. Fault injection: see the /_sim/ admin API (docs/ucwa-sim-admin.md)."
    )

    @Option(help: "The loopback address and port to listen on, e.g. 127.0.0.1:0 or [::1]:8080 (0 picks a port).")
    var listen = "127.0.0.1:0"

    @Option(help: "The sign-in name of the simulated user.")
    var username = SimulatedUser.default.username

    @Option(help: "The simulated user's password (for tests only; never logged).")
    var password = SimulatedUser.default.password

    @Option(help: "The simulated user's SIP URI.")
    var sipUri = SimulatedUser.default.sipURI

    @Option(help: "The simulated user's display name.")
    var displayName = SimulatedUser.default.displayName

    @Option(help: "Token lifetime in seconds (expires_in).")
    var tokenLifetime = 28_800

    @Option(help: "How the 401 challenge is written: separateHeaders or combinedHeader.")
    var challenge: ChallengeStyle = .separateHeaders

    @Flag(help: "Answer the discovery root with a redirect to a second root on the same origin.")
    var redirectHop = false

    @Option(help: "Live applications per user before 410 TooManyApplications.")
    var applicationLimit = 10

    @Option(help: "The smallest accepted P-GET timeout in seconds (documented: 180).")
    var minimumEventTimeout = 180

    @Option(help: "Seconds without a parked P-GET before the next one gets resume.")
    var inactivityGap = 300

    @Option(help: "Seconds without a parked P-GET before the application expires (documented: 900).")
    var applicationExpiry = 900

    @Option(help: "Invitation outcome: accepted, declined, timedOut or neverCompletes.")
    var outcome: OutcomeArgument = .accepted

    @Option(help: "Seconds between an invitation's started and completed events.")
    var outcomeDelay: Double = 0

    @Flag(name: .customLong("events-before-201"), help: "Deliver the started event before answering continueMessaging.")
    var eventsBefore201 = false

    @Flag(help: "Emit only the completed event of each invitation (aggregation).")
    var completedOnly = false

    @Option(help: "Log level: trace, debug, info, notice, warning, error or critical.")
    var logLevel: String = "info"

    enum OutcomeArgument: String, ExpressibleByArgument, CaseIterable {
        case accepted
        case declined
        case timedOut
        case neverCompletes

        var outcome: InvitationOutcome {
            switch self {
            case .accepted: .accepted
            case .declined: .declined
            case .timedOut: .timedOut
            case .neverCompletes: .neverCompletes
            }
        }
    }

    func validate() throws {
        let (host, _) = try ListenAddress.parse(listen)
        guard ListenAddress.isLoopback(host) else {
            throw ValidationError(
                "\(host) is not a loopback address: ucwa-sim is a test tool and listens on loopback only."
            )
        }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("unknown log level \(logLevel)")
        }
    }

    func run() async throws {
        let onEventLoops = SimulatorServer.runConcurrencyOnEventLoops()
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "ucwa-sim")
        logger.debug("concurrency on the event loops", metadata: ["installed": "\(onEventLoops)"])
        let simulator = SimulatorServer(configuration: try makeConfiguration(), logger: logger)
        try await simulator.start()
        // Unbuffered: whoever started us reads this line before anything else happens.
        FileHandle.standardOutput.write(Data((simulator.discoveryURL.absoluteString + "\n").utf8))
        let received = await Self.terminationSignal()
        logger.info("shutting down", metadata: ["signal": "\(received)"])
        await simulator.shutdown()
    }

    private func makeConfiguration() throws -> SimulatorConfiguration {
        let (host, port) = try ListenAddress.parse(listen)
        var configuration = SimulatorConfiguration()
        configuration.host = host
        configuration.port = port
        configuration.users = [
            SimulatedUser(username: username, password: password, sipURI: sipUri, displayName: displayName)
        ]
        configuration.tokenLifetime = .seconds(tokenLifetime)
        configuration.challengeStyle = challenge
        configuration.redirectHop = redirectHop
        configuration.applicationLimit = applicationLimit
        configuration.minimumEventTimeout = minimumEventTimeout
        configuration.inactivityGap = .seconds(inactivityGap)
        configuration.applicationExpiry = .seconds(applicationExpiry)
        configuration.invitationOutcome = outcome.outcome
        configuration.outcomeDelay = .milliseconds(Int64(outcomeDelay * 1000))
        configuration.invitationEventOrder = eventsBefore201 ? .beforeResponse : .afterResponse
        configuration.completedOnly = completedOnly
        return configuration
    }

    /// Waits for SIGINT or SIGTERM and returns its number.
    private static func terminationSignal() async -> Int32 {
        let (stream, continuation) = AsyncStream<Int32>.makeStream()
        let sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            return source
        }
        var received: Int32 = SIGTERM
        for await number in stream {
            received = number
            break
        }
        for source in sources {
            source.cancel()
        }
        return received
    }
}

extension ChallengeStyle: ExpressibleByArgument {}
