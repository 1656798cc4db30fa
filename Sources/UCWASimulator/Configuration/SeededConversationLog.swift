/// A conversation log the simulator serves to every application (protocol notes §5.2).
public struct SeededConversationLog: Sendable, Hashable, Codable {
    /// One recipient of the logged conversation.
    public struct Recipient: Sendable, Hashable, Codable {
        public var displayName: String
        public var sipURI: String

        public init(displayName: String, sipURI: String) {
            self.displayName = displayName
            self.sipURI = sipURI
        }
    }

    /// The last path segment of the log's href (URL-safe).
    public var id: String
    public var subject: String
    /// Milliseconds since 1970, written as `\/Date(ms)\/`.
    public var creationTime: Int64
    /// `Archived` or `Missed`.
    public var status: String
    /// `Incoming` or `Outgoing`.
    public var direction: String
    public var importance: String
    public var threadId: String
    public var recipients: [Recipient]

    public init(
        id: String,
        subject: String,
        creationTime: Int64,
        status: String = "Archived",
        direction: String = "Outgoing",
        importance: String = "Normal",
        threadId: String,
        recipients: [Recipient]
    ) {
        self.id = id
        self.subject = subject
        self.creationTime = creationTime
        self.status = status
        self.direction = direction
        self.importance = importance
        self.threadId = threadId
        self.recipients = recipients
    }

    /// Three logs: one with Alice, one with Bob, one with both.
    public static let defaults: [SeededConversationLog] = [
        SeededConversationLog(
            id: "log-alice",
            subject: "Deployment window",
            creationTime: 1_764_400_000_000,
            threadId: "0c7e9e90916041099ffd46075944f433",
            recipients: [Recipient(displayName: "Alice Wood", sipURI: "sip:alice@contoso.com")]
        ),
        SeededConversationLog(
            id: "log-bob",
            subject: "Backup report",
            creationTime: 1_764_300_000_000,
            status: "Missed",
            direction: "Incoming",
            threadId: "534e445ee854436a8abe02c24985f78a",
            recipients: [Recipient(displayName: "Bob Marsh", sipURI: "sip:bob@contoso.com")]
        ),
        SeededConversationLog(
            id: "log-team",
            subject: "On-call handover",
            creationTime: 1_764_200_000_000,
            importance: "Urgent",
            threadId: "9b1f2a7c3d4e4f5a8b6c7d8e9f0a1b2c",
            recipients: [
                Recipient(displayName: "Alice Wood", sipURI: "sip:alice@contoso.com"),
                Recipient(displayName: "Bob Marsh", sipURI: "sip:bob@contoso.com"),
            ]
        ),
    ]
}
