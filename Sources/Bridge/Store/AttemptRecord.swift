import Foundation
import GRDB
import UCWA

/// A row of the `attempt` table: one ``Attempt`` of a request, at its position (`ordinal`, from 0) in the history.
struct AttemptRecord: FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "attempt"

    var requestID: String
    var ordinal: Int
    var operationID: String
    var startedAt: Double
    var httpStatus: Int?
    var code: String?
    var subcode: String?

    init(_ attempt: Attempt, of request: RequestID, ordinal: Int) {
        requestID = request.rawValue
        self.ordinal = ordinal
        operationID = attempt.operationID.rawValue
        startedAt = StoredTime.column(attempt.startedAt)
        httpStatus = attempt.httpStatus
        code = attempt.code
        subcode = attempt.subcode
    }

    init(row: Row) throws {
        requestID = row["requestId"]
        ordinal = row["ordinal"]
        operationID = row["operationId"]
        startedAt = row["startedAt"]
        httpStatus = row["httpStatus"]
        code = row["code"]
        subcode = row["subcode"]
    }

    func encode(to container: inout PersistenceContainer) throws {
        container["requestId"] = requestID
        container["ordinal"] = ordinal
        container["operationId"] = operationID
        container["startedAt"] = startedAt
        container["httpStatus"] = httpStatus
        container["code"] = code
        container["subcode"] = subcode
    }

    /// The attempt as the bridge uses it.
    func attempt() throws(StoreError) -> Attempt {
        let operationID: OperationID
        do {
            operationID = try OperationID(validating: self.operationID)
        } catch {
            throw StoreError(
                code: .corruptRow,
                reason: "attempt \(ordinal) of request \(requestID) has an invalid operationId: \(error.reason)",
                source: "read"
            )
        }
        return Attempt(
            operationID: operationID,
            startedAt: StoredTime.date(startedAt),
            httpStatus: httpStatus,
            code: code,
            subcode: subcode
        )
    }
}
