import NIOHTTP1

/// What a request path names. Autodiscover paths compare case-insensitively, as IIS does.
enum Route: Sendable, Equatable {
    static let rootPath = "/Autodiscover/AutodiscoverService.svc/root"
    /// The second root path the optional redirect hop points to (another "pool" on this origin).
    static let redirectedRootPath = "/pool2/Autodiscover/AutodiscoverService.svc/root"
    static let userPath = "/Autodiscover/AutodiscoverService.svc/root/oauth/user"
    static let xframePath = "/Autodiscover/XFrame/XFrame.html"
    static let tokenPath = "/WebTicket/oauthtoken"
    static let applicationsPath = "/ucwa/oauth/v1/applications"

    case root(redirected: Bool)
    case xframe
    case user
    case token
    case applications
    case application(String)
    case events(String)
    case conversationLogs(String)
    case conversationLog(String, log: String)
    case continueMessaging(String, log: String)
    case messagingInvitation(String, invitation: String)
    case admin([String])
    case unknown

    init(path: String) {
        let segments = path.split(separator: "/").map(String.init)
        let lowered = segments.map { $0.lowercased() }
        let autodiscover = ["autodiscover", "autodiscoverservice.svc", "root"]
        switch lowered {
        case [], autodiscover:
            self = .root(redirected: false)
        case ["pool2"] + autodiscover:
            self = .root(redirected: true)
        case autodiscover + ["oauth", "user"], autodiscover + ["user"]:
            self = .user
        case ["autodiscover", "xframe", "xframe.html"]:
            self = .xframe
        case ["webticket", "oauthtoken"]:
            self = .token
        default:
            if lowered.first == "_sim" {
                self = .admin(Array(segments.dropFirst()))
            } else if lowered.starts(with: ["ucwa", "oauth", "v1", "applications"]) {
                self = Self.ucwa(Array(segments.dropFirst(4)))
            } else {
                self = .unknown
            }
        }
    }

    private static func ucwa(_ rest: [String]) -> Route {
        switch rest.count {
        case 0:
            return .applications
        case 1:
            return .application(rest[0])
        default:
            break
        }
        let id = rest[0]
        switch Array(rest.dropFirst()) {
        case ["events"]:
            return .events(id)
        case ["communication", "conversationLogs"]:
            return .conversationLogs(id)
        case let tail where tail.count == 3 && tail[0] == "communication" && tail[1] == "conversationLogs":
            return .conversationLog(id, log: tail[2])
        case let tail
        where tail.count == 4 && tail[0] == "communication" && tail[1] == "conversationLogs"
            && tail[3] == "continueMessaging":
            return .continueMessaging(id, log: tail[2])
        case let tail where tail.count == 3 && tail[0] == "communication" && tail[1] == "messagingInvitations":
            return .messagingInvitation(id, invitation: tail[2])
        default:
            return .unknown
        }
    }

    /// The endpoint faults are scripted for, if any.
    var endpoint: SimulatedEndpoint? {
        switch self {
        case .root: .root
        case .user: .user
        case .token: .token
        case .applications: .applications
        case .application: .application
        case .events: .events
        case .conversationLogs: .conversationLogs
        case .conversationLog: .conversationLog
        case .continueMessaging: .continueMessaging
        case .xframe, .messagingInvitation, .admin, .unknown: nil
        }
    }

    /// Whether the route needs a valid bearer token (everything under /ucwa/ and `user`).
    var requiresToken: Bool {
        switch self {
        case .root, .xframe, .token, .admin, .unknown: false
        default: true
        }
    }

    var allowedMethods: [HTTPMethod] {
        switch self {
        case .token, .applications, .continueMessaging: [.POST]
        case .application: [.GET, .DELETE]
        case .admin, .unknown: [.GET, .POST, .PUT, .DELETE]
        default: [.GET]
        }
    }
}
