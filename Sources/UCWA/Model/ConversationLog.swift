import Foundation

/// A `conversationLog` resource: a past conversation kept in Exchange, which `continueMessaging` continues.
public struct ConversationLog: Hashable, Sendable, UCWAResource {
    /// The name used in decoding errors.
    public static let resourceName = "conversationLog"

    /// When the log was delivered to Exchange (decoded from `/Date(ms)/`).
    public var creationTime: Date?
    /// `Incoming` or `Outgoing`.
    public var direction: Direction?
    /// The importance.
    public var importance: Importance?
    /// The modalities, for example `["Messaging", "Audio"]`.
    public var modalities: [String]
    /// `Archived` (answered) or `Missed`.
    public var status: String?
    /// The subject.
    public var subject: String?
    /// The thread id.
    public var threadId: String?
    /// `AppSharingLog`, `AudioLog`, `ConferenceLog`, `MessageLog`, `UnknownLog` or `VideoLog`.
    public var type: String?
    /// `totalRecipientsCount`.
    public var totalRecipientsCount: Int?
    /// `onlineMeetingUri`, if any.
    public var onlineMeetingUri: String?
    /// `previewMessage`, if any.
    public var previewMessage: String?
    /// The links: `self`, the `continue*` links, `markAsRead`, ...
    public var links: Links
    /// The recipients (`_embedded.conversationLogRecipient`).
    public var recipients: [ConversationLogRecipient]

    /// Creates a conversation log.
    public init(
        creationTime: Date? = nil,
        direction: Direction? = nil,
        importance: Importance? = nil,
        modalities: [String] = [],
        status: String? = nil,
        subject: String? = nil,
        threadId: String? = nil,
        type: String? = nil,
        totalRecipientsCount: Int? = nil,
        onlineMeetingUri: String? = nil,
        previewMessage: String? = nil,
        links: Links = Links(),
        recipients: [ConversationLogRecipient] = []
    ) {
        self.creationTime = creationTime
        self.direction = direction
        self.importance = importance
        self.modalities = modalities
        self.status = status
        self.subject = subject
        self.threadId = threadId
        self.type = type
        self.totalRecipientsCount = totalRecipientsCount
        self.onlineMeetingUri = onlineMeetingUri
        self.previewMessage = previewMessage
        self.links = links
        self.recipients = recipients
    }

    /// The `continueMessaging` link; present only when continuing by IM is possible.
    public var continueMessaging: Link? { links["continueMessaging"] }
    /// The `continueAudio` link.
    public var continueAudio: Link? { links["continueAudio"] }
    /// The `continueAudioVideo` link.
    public var continueAudioVideo: Link? { links["continueAudioVideo"] }
    /// The `continuePhoneAudio` link.
    public var continuePhoneAudio: Link? { links["continuePhoneAudio"] }
    /// The `continueVideo` link.
    public var continueVideo: Link? { links["continueVideo"] }
}

extension ConversationLog: Codable {
    enum CodingKeys: String, CodingKey {
        case creationTime
        case direction
        case importance
        case modalities
        case status
        case subject
        case threadId
        case type
        case totalRecipientsCount
        case onlineMeetingUri
        case previewMessage
        case links = "_links"
        case embedded = "_embedded"
    }

    enum EmbeddedKeys: String, CodingKey {
        case conversationLogRecipient
    }

    /// Decodes a conversation log; `creationTime` must be an ASP.NET `/Date(ms)/` or ISO 8601 string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let text = try container.decodeIfPresent(String.self, forKey: .creationTime) {
            guard let date = ASPNETDate.parse(text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .creationTime,
                    in: container,
                    debugDescription: "not an ASP.NET /Date(ms)/ or ISO 8601 date"
                )
            }
            self.creationTime = date
        }
        self.direction = try container.decodeIfPresent(Direction.self, forKey: .direction)
        self.importance = try container.decodeIfPresent(Importance.self, forKey: .importance)
        self.modalities = try container.decodeIfPresent([String].self, forKey: .modalities) ?? []
        self.status = try container.decodeIfPresent(String.self, forKey: .status)
        self.subject = try container.decodeIfPresent(String.self, forKey: .subject)
        self.threadId = try container.decodeIfPresent(String.self, forKey: .threadId)
        self.type = try container.decodeIfPresent(String.self, forKey: .type)
        self.totalRecipientsCount = try container.decodeIfPresent(Int.self, forKey: .totalRecipientsCount)
        self.onlineMeetingUri = try container.decodeIfPresent(String.self, forKey: .onlineMeetingUri)
        self.previewMessage = try container.decodeIfPresent(String.self, forKey: .previewMessage)
        self.links = try container.decodeIfPresent(Links.self, forKey: .links) ?? Links()
        let embedded =
            try container.decodeIfPresent(EmbeddedResources.self, forKey: .embedded) ?? EmbeddedResources()
        self.recipients = try embedded.decodeList(ConversationLogRecipient.self, rel: "conversationLogRecipient")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if let creationTime {
            let milliseconds = Int64((creationTime.timeIntervalSince1970 * 1000).rounded())
            try container.encode("/Date(\(milliseconds))/", forKey: .creationTime)
        }
        try container.encodeIfPresent(direction, forKey: .direction)
        try container.encodeIfPresent(importance, forKey: .importance)
        try container.encode(modalities, forKey: .modalities)
        try container.encodeIfPresent(status, forKey: .status)
        try container.encodeIfPresent(subject, forKey: .subject)
        try container.encodeIfPresent(threadId, forKey: .threadId)
        try container.encodeIfPresent(type, forKey: .type)
        try container.encodeIfPresent(totalRecipientsCount, forKey: .totalRecipientsCount)
        try container.encodeIfPresent(onlineMeetingUri, forKey: .onlineMeetingUri)
        try container.encodeIfPresent(previewMessage, forKey: .previewMessage)
        try container.encode(links, forKey: .links)
        var embedded = container.nestedContainer(keyedBy: EmbeddedKeys.self, forKey: .embedded)
        try embedded.encode(recipients, forKey: .conversationLogRecipient)
    }
}
