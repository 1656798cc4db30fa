import Bridge

/// The `?until=` of a `?wait=` (`GET /v1/messages/{id}`, `POST /v1/messages`): `change` (the default) or `final`.
enum WaitTargetParameter {
    /// The target `text` names; ``WaitTarget/change`` when absent.
    ///
    /// - Throws: ``APIError/Code/invalidParameter`` for any other value.
    static func target(_ text: String?) throws(APIError) -> WaitTarget {
        guard let text else { return .change }
        guard let target = WaitTarget(rawValue: text) else {
            throw APIError(.invalidParameter, "until must be change or final, not \(text.prefix(40))")
        }
        return target
    }
}
