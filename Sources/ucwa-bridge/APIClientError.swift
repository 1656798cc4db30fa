import AsyncHTTPClient
import Foundation
import LocalAPIModels
import NIOCore

/// Why a call to the daemon's local API did not produce the answer asked for, with where it came
/// from (the socket and the request), the API's stable code and its sentence.
struct APIClientError: ReportableError, Equatable, CustomStringConvertible {
    /// What went wrong, which decides the exit status.
    enum Kind: Equatable, Sendable {
        /// The socket is missing, refuses connections, or the daemon hung up or never answered.
        case unreachable
        /// The API refused the request (4xx).
        case refused
        /// The daemon failed (5xx).
        case daemonError
        /// The answer was not what the API promises (unexpected status, unreadable body).
        case badResponse
    }

    var kind: Kind
    /// The API's `code` (`notFound`, `conflict`, ...), or one of the client's own for transport failures.
    var code: String
    /// The API's `message`, or the reason the daemon could not be reached.
    var message: String
    /// The request this answers, such as `GET /v1/messages/01JD`.
    var endpoint: String
    /// The socket the request went to.
    var socketPath: String
    /// The HTTP status, when there was an answer.
    var httpStatus: Int?

    var report: String {
        switch kind {
        case .unreachable where code == Self.permissionDenied:
            "cannot use the daemon's socket \(socketPath): \(message)"
        case .unreachable:
            "cannot reach the daemon at \(socketPath): \(message); is ucwa-bridged running?"
        case .refused, .daemonError, .badResponse:
            "\(message) (\(code))"
        }
    }

    var exitStatus: CLIExitCode {
        switch kind {
        case .unreachable: .unavailable
        case .refused: .refused
        case .daemonError, .badResponse: .daemonError
        }
    }

    var description: String {
        "\(endpoint) on \(socketPath): \(report)"
    }
}

extension APIClientError {
    /// The error for an answer with an error status: the API's `{message, code}` body when there
    /// is one, a sentence naming the status otherwise.
    static func answer(status: Int, body: Data, endpoint: String, socketPath: String) -> APIClientError {
        let kind: Kind =
            switch status {
            case 400..<500: .refused
            case 500..<600: .daemonError
            default: .badResponse
            }
        if let error = try? APIJSON.decoder().decode(APIErrorBody.self, from: body) {
            return APIClientError(
                kind: kind,
                code: error.code,
                message: error.message,
                endpoint: endpoint,
                socketPath: socketPath,
                httpStatus: status
            )
        }
        return APIClientError(
            kind: kind,
            code: "http\(status)",
            message: "the daemon answered \(endpoint) with HTTP \(status)",
            endpoint: endpoint,
            socketPath: socketPath,
            httpStatus: status
        )
    }

    /// The error for a successful status whose body is not the promised JSON.
    static func unreadable(
        status: Int,
        reason: String,
        endpoint: String,
        socketPath: String
    ) -> APIClientError {
        APIClientError(
            kind: .badResponse,
            code: "badResponse",
            message: "the daemon's answer to \(endpoint) could not be read: \(reason)",
            endpoint: endpoint,
            socketPath: socketPath,
            httpStatus: status
        )
    }

    /// The error for a request that got no answer: the socket could not be used, or the daemon
    /// closed the connection or stayed silent.
    static func transport(_ error: any Error, endpoint: String, socketPath: String) -> APIClientError {
        if let error = error as? IOError, error.errnoCode == EACCES || error.errnoCode == EPERM {
            return APIClientError(
                kind: .unreachable,
                code: permissionDenied,
                message: "permission denied; only root and members of the socket's group (normally ucwa-bridge, "
                    + "`usermod -aG ucwa-bridge $USER`, then log in again) may use it",
                endpoint: endpoint,
                socketPath: socketPath,
                httpStatus: nil
            )
        }
        return APIClientError(
            kind: .unreachable,
            code: "unreachable",
            message: reason(for: error),
            endpoint: endpoint,
            socketPath: socketPath,
            httpStatus: nil
        )
    }

    /// The code of a connection the socket's permissions refused.
    static let permissionDenied = "permissionDenied"

    /// A short phrase for a transport failure, such as `No such file or directory`.
    static func reason(for error: any Error) -> String {
        if let error = error as? IOError {
            return String(cString: strerror(error.errnoCode))
        }
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout: return "the connection timed out"
            case .deadlineExceeded, .readTimeout: return "no answer in time"
            case .remoteConnectionClosed: return "the daemon closed the connection"
            default: return String(describing: error)
            }
        }
        return String(describing: error)
    }
}
