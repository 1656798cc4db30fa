import Logging

/// Turns swift-log metadata into the key/value pairs of a journal entry, losing nothing.
///
/// - A string or string-convertible value is one pair, its text as it is (line breaks included).
/// - A dictionary is flattened: each leaf becomes a pair whose key is the path joined by `-` (`http` →
///   `["status": "201"]` gives `http-status`, sent as `HTTP_STATUS`); an empty dictionary is one pair `[:]`.
/// - An array is one pair, rendered as swift-log renders it (`["a", "b"]`), so that its order stays readable.
///
/// Pairs come sorted by key, so that the same metadata always gives the same fields.
enum JournalMetadata {
    /// The pairs for `metadata`.
    static func pairs(_ metadata: Logger.Metadata) -> [(key: String, value: String)] {
        var pairs: [(key: String, value: String)] = []
        for key in metadata.keys.sorted() {
            if let value = metadata[key] {
                append(value, at: key, to: &pairs)
            }
        }
        return pairs
    }

    /// Merges what a handler logs with, in swift-log's order: the handler's own metadata, then the provider's, then
    /// the call's (a later source wins for a key); an error attached to the call adds `error.message` and
    /// `error.type`, as swift-log's stream handler does.
    static func merged(
        handler: Logger.Metadata,
        provider: Logger.MetadataProvider?,
        call: Logger.Metadata?,
        error: (any Error)?
    ) -> Logger.Metadata {
        var metadata = handler
        if let provided = provider?.get(), !provided.isEmpty {
            metadata.merge(provided) { _, provided in provided }
        }
        if let call, !call.isEmpty {
            metadata.merge(call) { _, call in call }
        }
        if let error {
            metadata["error.message"] = "\(error)"
            metadata["error.type"] = "\(String(reflecting: type(of: error)))"
        }
        return metadata
    }

    private static func append(
        _ value: Logger.MetadataValue,
        at key: String,
        to pairs: inout [(key: String, value: String)]
    ) {
        switch value {
        case .string(let text):
            pairs.append((key, text))
        case .stringConvertible(let convertible):
            pairs.append((key, convertible.description))
        case .array:
            pairs.append((key, value.description))
        case .dictionary(let dictionary):
            guard !dictionary.isEmpty else {
                pairs.append((key, value.description))
                return
            }
            for child in dictionary.keys.sorted() {
                if let childValue = dictionary[child] {
                    append(childValue, at: key + "-" + child, to: &pairs)
                }
            }
        }
    }
}
