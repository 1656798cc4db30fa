import Foundation
import Hummingbird
import LocalAPIModels

/// How the API writes its answers: JSON bodies with `Content-Type: application/json`, encoded with ``APIJSON``.
enum APIResponse {
    /// The media type of every JSON answer.
    static let jsonMediaType = "application/json"

    /// A JSON answer with `status` and `value` as body.
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws
        -> Response
    {
        jsonAnswer(try APIJSON.encoder().encode(value), status: status, headers: headers)
    }

    /// A message's view as the JSON answer, written by ``MessageView/jsonBytes()``: the bytes the generic
    /// ``json(_:status:headers:)`` would write, without the encoder's cost.
    static func json(_ view: MessageView, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        jsonAnswer(view.jsonBytes(), status: status, headers: headers)
    }

    private static func jsonAnswer(
        _ bytes: some Sequence<UInt8>,
        status: HTTPResponse.Status,
        headers: HTTPFields
    ) -> Response {
        var headers = headers
        headers[.contentType] = jsonMediaType
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The answer for `error`: its status, the `{message, code}` body, and `Retry-After` when the error has
    /// ``APIError/retryAfterSeconds``. Never fails: an error body always encodes.
    static func error(_ error: APIError, headers: HTTPFields = [:]) -> Response {
        let body = APIErrorBody(message: error.message, code: error.code.rawValue)
        let data = (try? APIJSON.encoder().encode(body)) ?? Data(#"{"code":"internalError","message":""}"#.utf8)
        var headers = headers
        headers[.contentType] = jsonMediaType
        if let seconds = error.retryAfterSeconds {
            headers[.retryAfter] = String(max(0, seconds))
        }
        return Response(
            status: status(code: error.code.httpStatus),
            headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data))
        )
    }

    /// A plain-text answer (the metrics endpoint).
    static func text(_ text: String, contentType: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// The HTTP status for a numeric code, with its standard reason phrase.
    static func status(code: Int) -> HTTPResponse.Status {
        switch code {
        case 200: .ok
        case 202: .accepted
        case 400: .badRequest
        case 403: .forbidden
        case 404: .notFound
        case 405: .methodNotAllowed
        case 409: .conflict
        case 413: .contentTooLarge
        case 415: .unsupportedMediaType
        case 422: .unprocessableContent
        case 500: .internalServerError
        case 502: .badGateway
        case 503: .serviceUnavailable
        default: HTTPResponse.Status(code: code)
        }
    }
}

extension APIError: HTTPResponseError {
    /// The HTTP status of ``code``.
    public var status: HTTPResponse.Status {
        APIResponse.status(code: code.httpStatus)
    }

    /// The JSON error answer.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        APIResponse.error(self)
    }
}
