/// The endpoints a fault can be scripted for (the names are used by the admin API).
public enum SimulatedEndpoint: String, Sendable, Codable, CaseIterable {
    case root
    case user
    case token
    case applications
    case application
    case events
    case conversationLogs
    case conversationLog
    case continueMessaging
}
