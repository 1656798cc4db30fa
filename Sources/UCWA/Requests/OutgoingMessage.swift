/// The text of an invitation message, sent as the `message` link's `data:` URI.
public struct OutgoingMessage: Hashable, Sendable {
    /// The text, plain or HTML according to ``format``.
    public var text: String
    /// The media type of the text.
    public var format: MessageFormat

    /// Creates a message.
    public init(text: String, format: MessageFormat = .plain) {
        self.text = text
        self.format = format
    }

    /// The `data:<type>;base64,…` URI of the UTF-8 text.
    public var dataURI: String {
        DataURI.encode(text, format: format)
    }
}
