/// The limits a submission is checked against.
public struct SubmissionRules: Sendable, Hashable {
    /// The largest message text, in bytes of UTF-8 (16 KiB by default).
    public var maximumMessageBytes: Int
    /// The longest idempotencyKey, in characters.
    public var maximumIdempotencyKeyLength: Int

    public init(maximumMessageBytes: Int = 16 * 1024, maximumIdempotencyKeyLength: Int = 200) {
        self.maximumMessageBytes = maximumMessageBytes
        self.maximumIdempotencyKeyLength = maximumIdempotencyKeyLength
    }

    /// The longest operationId (UCWA's documented limit).
    static let maximumOperationIDLength = 50
}
