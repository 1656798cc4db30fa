import Hummingbird
import LocalAPIModels

/// Every route the API serves: the one table the router is built from and `docs/openapi.yaml` is checked against.
public enum APIRoute: String, Sendable, CaseIterable {
    case submitMessage
    case getMessage
    case listMessages
    case cancelMessage
    case health
    case conversationLogs
    case metrics

    /// The HTTP method: `GET`, `POST` or `DELETE`.
    public var method: String {
        switch self {
        case .submitMessage: "POST"
        case .getMessage, .listMessages, .health, .conversationLogs, .metrics: "GET"
        case .cancelMessage: "DELETE"
        }
    }

    /// The path template, with `{id}` for a request id.
    public var path: String {
        let prefix = APIVersion.pathPrefix
        return switch self {
        case .submitMessage, .listMessages: "\(prefix)/messages"
        case .getMessage, .cancelMessage: "\(prefix)/messages/{id}"
        case .health: "\(prefix)/health"
        case .conversationLogs: "\(prefix)/conversation-logs"
        case .metrics: "/metrics"
        }
    }

    /// The method as Hummingbird's type.
    var httpMethod: HTTPRequest.Method {
        switch self {
        case .submitMessage: .post
        case .getMessage, .listMessages, .health, .conversationLogs, .metrics: .get
        case .cancelMessage: .delete
        }
    }

    /// Whether `path` (a request path, no query) matches this route's template.
    func matches(path: String) -> Bool {
        let template = self.path.split(separator: "/", omittingEmptySubsequences: false)
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        guard template.count == segments.count else { return false }
        return zip(template, segments).allSatisfy { expected, actual in
            expected.hasPrefix("{") ? !actual.isEmpty : expected == actual
        }
    }

    /// The methods `path` is served with, for a `405`'s `Allow` header; empty for an unknown path.
    static func methods(for path: String) -> [String] {
        Array(Set(allCases.filter { $0.matches(path: path) }.map(\.method))).sorted()
    }
}
