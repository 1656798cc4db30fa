import Foundation

extension RequestCursor {
    /// The cursor as an opaque string for the API's `next`/`after`: the creation time (seconds since 2001, exact)
    /// and the id.
    public var token: String {
        "\(createdAt.timeIntervalSinceReferenceDate.bitPattern)-\(id.rawValue)"
    }

    /// Reads a ``token``; `nil` for anything else.
    public init?(token: String) {
        guard let dash = token.firstIndex(of: "-"), let bits = UInt64(token[..<dash]) else { return nil }
        let id = String(token[token.index(after: dash)...])
        guard !id.isEmpty, id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else { return nil }
        self.init(createdAt: Date(timeIntervalSinceReferenceDate: Double(bitPattern: bits)), id: RequestID(id))
    }
}
