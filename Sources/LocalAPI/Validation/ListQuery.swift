import Bridge
import LocalAPIModels

/// The query of `GET /v1/messages`: `state`, `after` (a cursor from `next`) and `limit` (1 to 1000, 100 by default).
struct ListQuery {
    static let defaultLimit = 100
    static let maximumLimit = 1000

    var state: RequestState?
    var after: RequestCursor?
    var limit: Int

    /// Reads and checks the parameters.
    ///
    /// - Throws: ``APIError/Code/invalidParameter`` naming the parameter and what it takes.
    init(_ query: QueryParameters) throws(APIError) {
        state = try StateParameter.state(query["state"], name: "state")
        if let text = query["after"] {
            guard let cursor = RequestCursor(token: text) else {
                throw APIError(.invalidParameter, "after must be the next cursor of an earlier page")
            }
            self.after = cursor
        }
        limit = Self.defaultLimit
        if let text = query["limit"] {
            guard let limit = Int(text), (1...Self.maximumLimit).contains(limit) else {
                throw APIError(.invalidParameter, "limit must be a whole number from 1 to \(Self.maximumLimit)")
            }
            self.limit = limit
        }
    }
}
