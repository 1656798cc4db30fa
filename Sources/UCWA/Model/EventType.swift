/// The `type` of an event: `added`, `updated` and `deleted` for resources; `started`, `updated` and `completed`
/// for operations. Any other value is kept as ``unknown(_:)``.
public enum EventType: Hashable, Sendable {
    case added
    case updated
    case deleted
    case started
    case completed
    case unknown(String)

    /// Creates the type for a wire value; matching is exact, as UCWA writes these in lower case.
    public init(rawValue: String) {
        switch rawValue {
        case "added": self = .added
        case "updated": self = .updated
        case "deleted": self = .deleted
        case "started": self = .started
        case "completed": self = .completed
        default: self = .unknown(rawValue)
        }
    }

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .added: "added"
        case .updated: "updated"
        case .deleted: "deleted"
        case .started: "started"
        case .completed: "completed"
        case .unknown(let value): value
        }
    }
}

extension EventType: Codable {
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
