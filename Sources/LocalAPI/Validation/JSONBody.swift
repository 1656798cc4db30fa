import Foundation
import Hummingbird

/// Reads a JSON request body: `Content-Type: application/json` (415 otherwise), at most a limit of bytes (413,
/// without reading more than the limit), valid UTF-8 (400).
enum JSONBody {
    /// The body of `request` as bytes.
    static func read(_ request: Request, limit: Int) async throws -> [UInt8] {
        try checkContentType(request.headers[.contentType])
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limit {
            throw tooLarge(limit)
        }
        var bytes: [UInt8] = []
        for try await buffer in request.body {
            guard bytes.count + buffer.readableBytes <= limit else {
                throw tooLarge(limit)
            }
            bytes.append(contentsOf: buffer.readableBytesView)
        }
        // ASCII, nearly every body, is valid UTF-8: the generic validation is for the others.
        guard bytes.allSatisfy({ $0 < 0x80 }) || String(validating: bytes, as: UTF8.self) != nil else {
            throw APIError(.invalidUTF8, "the body is not valid UTF-8")
        }
        return bytes
    }

    /// Accepts `application/json`, with any parameters as long as a `charset` is UTF-8.
    static func checkContentType(_ value: String?) throws(APIError) {
        guard let value else {
            throw APIError(.unsupportedMediaType, "the body must be JSON: send Content-Type: application/json")
        }
        // What clients send, nearly always: no need to split and trim it.
        if value == "application/json" {
            return
        }
        let parts = value.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard parts.first == "application/json" else {
            throw APIError(
                .unsupportedMediaType,
                "the body must be application/json, not \(value.prefix(60))"
            )
        }
        for parameter in parts.dropFirst() where parameter.hasPrefix("charset=") {
            let charset = parameter.dropFirst("charset=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            guard charset == "utf-8" || charset == "utf8" else {
                throw APIError(.unsupportedMediaType, "the body must be UTF-8, not \(charset.prefix(30))")
            }
        }
    }

    private static func tooLarge(_ limit: Int) -> APIError {
        APIError(.bodyTooLarge, "the body is larger than \(limit) bytes")
    }
}
