import Foundation

/// The body of `POST {conversationLog._links.continueMessaging}`: an `operationId` and an optional first message.
///
/// JSON: `{"operationId":"…","_links":{"message":{"href":"data:text/plain;base64,…"}}}`; XML:
/// `<input xmlns="http://schemas.microsoft.com/rtc/2012/03/ucwa"><property name="operationId">…</property>
/// <link rel="message" href="data:…"/></input>`. Without a message there is no message link.
public struct ContinueMessagingRequest: Hashable, Sendable {
    /// The UCWA XML namespace.
    public static let xmlNamespace = "http://schemas.microsoft.com/rtc/2012/03/ucwa"

    /// The id that the operation's events will carry.
    public var operationID: OperationID
    /// The first message, if any.
    public var message: OutgoingMessage?

    /// Creates a request.
    public init(operationID: OperationID, message: OutgoingMessage? = nil) {
        self.operationID = operationID
        self.message = message
    }

    /// The body in `format`, with its `Content-Type`.
    public func encoded(as format: UCWABodyFormat) -> RequestBody {
        switch format {
        case .json: RequestBody(bytes: Data(json.utf8), contentType: format.contentType)
        case .xml: RequestBody(bytes: Data(xml.utf8), contentType: format.contentType)
        }
    }

    private var json: String {
        var members = ["\"operationId\":\(operationID.rawValue.jsonQuoted)"]
        if let message {
            members.append("\"_links\":{\"message\":{\"href\":\(message.dataURI.jsonQuoted)}}")
        }
        return "{" + members.joined(separator: ",") + "}"
    }

    private var xml: String {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
        xml += "<input xmlns=\"\(Self.xmlNamespace)\">"
        xml += "<property name=\"operationId\">\(operationID.rawValue.xmlEscaped)</property>"
        if let message {
            xml += "<link rel=\"message\" href=\"\(message.dataURI.xmlEscaped)\"/>"
        }
        return xml + "</input>"
    }
}
