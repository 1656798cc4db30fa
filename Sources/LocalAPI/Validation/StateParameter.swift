import Bridge
import LocalAPIModels

/// A query parameter that names a request state (`state` of the list, `from` of a long poll).
enum StateParameter {
    /// The state `text` names, `nil` when absent.
    ///
    /// - Throws: ``APIError/Code/invalidParameter`` naming `name` and the states for any other value.
    static func state(_ text: String?, name: String) throws(APIError) -> RequestState? {
        guard let text else { return nil }
        guard let state = MessageState(rawValue: text) else {
            let names = MessageState.allCases.map(\.rawValue).joined(separator: ", ")
            throw APIError(.invalidParameter, "\(name) must be one of \(names), not \(text.prefix(40))")
        }
        return RequestState(state)
    }
}
