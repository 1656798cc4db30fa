import Hummingbird

/// The query parameters of a request, checked against the ones its route reads: an unknown or repeated parameter
/// is refused (`400 invalidParameter`) instead of being ignored, so that a typo never widens a listing.
struct QueryParameters {
    private var values: [String: String] = [:]

    /// Reads the query of `request`.
    ///
    /// - Throws: ``APIError/Code/invalidParameter`` for a name not in `allowed` or given twice.
    init(_ request: Request, allowed: Set<String>) throws(APIError) {
        for (key, value) in request.uri.queryParameters {
            let name = String(key)
            guard allowed.contains(name) else {
                let known = allowed.sorted().joined(separator: ", ")
                throw APIError(
                    .invalidParameter,
                    "unknown query parameter \(name)" + (known.isEmpty ? "; this route takes none" : "; use \(known)")
                )
            }
            guard values[name] == nil else {
                throw APIError(.invalidParameter, "the query parameter \(name) is given more than once")
            }
            values[name] = String(value)
        }
    }

    /// The value of `name`, if given.
    subscript(_ name: String) -> String? {
        values[name]
    }
}
