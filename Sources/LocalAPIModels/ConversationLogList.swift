import Foundation

/// The answer of `GET /v1/conversation-logs`, newest first.
public struct ConversationLogList: Codable, Sendable, Hashable {
    public var conversationLogs: [ConversationLogView]

    public init(conversationLogs: [ConversationLogView]) {
        self.conversationLogs = conversationLogs
    }
}

/// One conversation log of the account: its href (what `POST /v1/messages` takes), subject, time and people.
public struct ConversationLogView: Codable, Sendable, Hashable {
    public var href: String
    public var subject: String?
    public var creationTime: Date?
    public var recipients: [Recipient]

    public init(href: String, subject: String?, creationTime: Date?, recipients: [Recipient]) {
        self.href = href
        self.subject = subject
        self.creationTime = creationTime
        self.recipients = recipients
    }

    /// A participant of the conversation.
    public struct Recipient: Codable, Sendable, Hashable {
        public var name: String?
        public var sipUri: String?

        public init(name: String?, sipUri: String?) {
            self.name = name
            self.sipUri = sipUri
        }
    }
}
