import Foundation
import UCWA

/// The bridge's own id of a continueMessaging request, as the local API shows it.
public struct RequestID: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The id as stored and shown.
    public let rawValue: String

    /// Wraps an id read back from the store or the API.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    /// A new id: 32 lower-case hexadecimal digits, in time order with 74 random bits (``TimeOrderedHex``), so that
    /// the store's indexes of request ids take new ones on their last page.
    public static func random() -> RequestID {
        RequestID(TimeOrderedHex.make())
    }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
