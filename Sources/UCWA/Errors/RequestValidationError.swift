/// A value that cannot be sent to UCWA because it breaks a documented limit (for example an `operationId`
/// longer than 50 characters or an empty `endpointId`).
public struct RequestValidationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        enum Backing: String, Hashable, Sendable {
            case empty
            case tooLong
            case invalidCharacter
        }

        let backing: Backing

        /// The value is empty but UCWA requires one.
        public static let empty = Code(backing: .empty)
        /// The value is longer than UCWA allows.
        public static let tooLong = Code(backing: .tooLong)
        /// The value contains a character that cannot be sent (a control character).
        public static let invalidCharacter = Code(backing: .invalidCharacter)

        public var description: String { backing.rawValue }
    }

    /// The kind of failure.
    public var code: Code
    /// A human-readable explanation; it never repeats the value itself.
    public var reason: String
    /// The field that was validated, for example `"operationId"` or `"endpointId"`.
    public var field: String

    /// Creates an error.
    public init(code: Code, reason: String, field: String) {
        self.code = code
        self.reason = reason
        self.field = field
    }

    public var description: String { "RequestValidationError.\(code) for \(field): \(reason)" }
}
