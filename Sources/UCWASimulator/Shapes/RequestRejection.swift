import NIOHTTP1

/// Why a request was refused before any state changed: the status and the UCWA error body.
struct RequestRejection: Error, Sendable {
    var status: HTTPResponseStatus
    var body: UCWAErrorBody
}
