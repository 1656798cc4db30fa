import Bridge
import Logging
import LocalAPI
import ServiceLifecycle
import Synchronization
import Systemd

/// Serves the local API until the daemon shuts down; it is the first service told to stop, so no request is
/// accepted once draining begins.
struct APIService: Service, CustomStringConvertible {
    var description: String { "APIService" }

    let server: APIServer
    let logger: Logger

    /// The socket systemd passed (socket activation) when there is one, otherwise `api.socketPath` bound by the
    /// daemon with mode 0660 and `api.socketGroup`.
    ///
    /// - Throws: ``SystemdError`` when systemd passed more than one socket, or one that is not a listening Unix
    ///   stream socket bound to `api.socketPath` (the reason names what differs); the daemon then stops before
    ///   `READY=1`.
    static func socket(for settings: DaemonConfiguration.APISettings) throws -> ListeningSocket {
        let passed = try ListeningSockets.passed()
        if let descriptor = try passed.singleUnixStreamListener(boundTo: settings.socketPath) {
            return .adopted(fd: descriptor)
        }
        return .path(settings.socketPath, group: settings.socketGroup.isEmpty ? nil : settings.socketGroup)
    }

    /// The API's configuration from the daemon's.
    static func configuration(_ settings: DaemonConfiguration.APISettings) throws -> APIConfiguration {
        APIConfiguration(
            socket: try socket(for: settings),
            peerPolicy: PeerPolicy(allowedUIDs: Set(settings.allowedUIDs), allowedGIDs: Set(settings.allowedGIDs)),
            submission: SubmissionRules(maximumMessageBytes: settings.maxMessageBytes),
            maximumWait: settings.maxWait
        )
    }

    /// Returns `true` once the API accepts connections, `false` if it never will.
    func waitUntilListening() async -> Bool {
        do {
            try await server.listening()
            return true
        } catch {
            return false
        }
    }

    func run() async throws {
        let server = server
        try await cancelWhenGracefulShutdown {
            try await server.run()
        }
    }
}
