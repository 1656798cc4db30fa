import Foundation

extension ConversationLog: JSONTreeDecodableResource {
    /// Decodes a conversation log from its parsed JSON, as its `Decodable` conformance does; the dispatcher reads
    /// one before every attempt.
    init(json root: JSONValue) throws(UCWADecodingError) {
        let log = try JSONObjectReader(root, source: Self.resourceName)
        var creationTime: Date?
        if let text = try log.optionalString("creationTime") {
            guard let date = ASPNETDate.parse(text) else {
                let path = log.path(of: "creationTime")
                throw UCWADecodingError(
                    code: .unexpectedStructure,
                    reason: "invalid value at \(path): not an ASP.NET /Date(ms)/ or ISO 8601 date",
                    source: log.source
                )
            }
            creationTime = date
        }
        var modalities: [String] = []
        for (value, path) in try log.optionalArray("modalities") {
            guard case .string(let modality) = value else {
                throw UCWADecodingError(
                    code: .unexpectedStructure,
                    reason: "expected a string at \(path)",
                    source: log.source
                )
            }
            modalities.append(modality)
        }
        var recipients: [ConversationLogRecipient] = []
        if let embedded = try log.optionalObject("_embedded"),
            let listed = embedded.members["conversationLogRecipient"]
        {
            // As EmbeddedResources.decodeList: a list, or a single object as a list of one.
            let path = embedded.path(of: "conversationLogRecipient")
            let entries = listed.arrayValue.map { $0.enumerated().map { ($0.element, path + "[\($0.offset)]") } }
                ?? [(listed, path)]
            for (value, path) in entries {
                let recipient = try JSONObjectReader(value, path: path, source: log.source)
                recipients.append(try ConversationLogRecipient(json: recipient))
            }
        }
        self.init(
            creationTime: creationTime,
            direction: try log.optionalString("direction").map(Direction.init(rawValue:)),
            importance: try log.optionalString("importance").map(Importance.init(rawValue:)),
            modalities: modalities,
            status: try log.optionalString("status"),
            subject: try log.optionalString("subject"),
            threadId: try log.optionalString("threadId"),
            type: try log.optionalString("type"),
            totalRecipientsCount: try log.optionalInt("totalRecipientsCount"),
            onlineMeetingUri: try log.optionalString("onlineMeetingUri"),
            previewMessage: try log.optionalString("previewMessage"),
            links: try log.optionalObject("_links").map(Links.init(json:)) ?? Links(),
            recipients: recipients
        )
    }
}

extension ConversationLogRecipient {
    fileprivate init(json recipient: JSONObjectReader) throws(UCWADecodingError) {
        self.init(
            displayName: try recipient.optionalString("displayName"),
            sipUri: try recipient.optionalString("sipUri"),
            links: try recipient.optionalObject("_links").map(Links.init(json:)) ?? Links()
        )
    }
}
