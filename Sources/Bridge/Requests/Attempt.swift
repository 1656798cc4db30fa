import Foundation
import UCWA

/// One POST of a request to UCWA, kept for the request's history.
public struct Attempt: Sendable, Hashable, Codable {
    /// The operationId this attempt used; never reused by another attempt.
    public var operationID: OperationID
    public var startedAt: Date
    /// The HTTP status of the POST, once known; `nil` while in flight or when the connection failed.
    public var httpStatus: Int?
    /// The UCWA error code of the POST or of the `completed` event, when there was one.
    public var code: String?
    public var subcode: String?

    public init(
        operationID: OperationID,
        startedAt: Date,
        httpStatus: Int? = nil,
        code: String? = nil,
        subcode: String? = nil
    ) {
        self.operationID = operationID
        self.startedAt = startedAt
        self.httpStatus = httpStatus
        self.code = code
        self.subcode = subcode
    }

    private enum CodingKeys: String, CodingKey {
        case operationID = "operationId"
        case startedAt
        case httpStatus
        case code
        case subcode
    }
}
