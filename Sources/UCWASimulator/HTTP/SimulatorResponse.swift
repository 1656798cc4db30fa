import NIOHTTP1

/// What the router decided to do with a request: answer it, or close the connection unanswered.
struct SimulatorResponse: Sendable {
    /// Where an answer goes once it is known: at once for most requests, later for held P-GETs
    /// and scripted operations. Called exactly once, from any thread, never under the state lock.
    typealias Reply = @Sendable (SimulatorResponse) -> Void

    enum Disposition: Sendable {
        case respond
        /// Close the connection without writing anything (fault injection).
        case closeWithoutAnswer
    }

    static let jsonContentType = "application/json; charset=utf-8"

    var status: HTTPResponseStatus
    var headers: [(String, String)] = []
    var body: [UInt8] = []
    var disposition: Disposition = .respond
    /// Runs once the response was written or failed to be (or, for `closeWithoutAnswer`, before
    /// the close), on the connection's event loop.
    var afterWrite: (@Sendable () -> Void)?

    init(status: HTTPResponseStatus, headers: [(String, String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    static func json(_ status: HTTPResponseStatus, _ value: JSONValue, headers: [(String, String)] = []) -> Self {
        SimulatorResponse(
            status: status,
            headers: [("Content-Type", jsonContentType)] + headers,
            body: value.serialized()
        )
    }

    static func xml(_ status: HTTPResponseStatus, _ text: String, mediaType: String) -> Self {
        SimulatorResponse(
            status: status,
            headers: [("Content-Type", mediaType + "; charset=utf-8")],
            body: Array(text.utf8)
        )
    }

    static func html(_ status: HTTPResponseStatus, _ text: String, headers: [(String, String)] = []) -> Self {
        SimulatorResponse(
            status: status,
            headers: [("Content-Type", "text/html")] + headers,
            body: Array(text.utf8)
        )
    }

    /// A UCWA error body, as XML when the request asks for XML, else JSON.
    static func error(_ status: HTTPResponseStatus, _ body: UCWAErrorBody, for request: SimulatorRequest) -> Self {
        if let mediaType = request.xmlMediaType {
            var writer = XMLWriter()
            writer.open("reason", [("xmlns", XMLWriter.namespace)])
            body.writeXMLChildren(to: &writer)
            writer.close()
            return .xml(status, writer.text, mediaType: mediaType)
        }
        return .json(status, body.json)
    }

    static let closeWithoutAnswer: Self = {
        var response = SimulatorResponse(status: .internalServerError)
        response.disposition = .closeWithoutAnswer
        return response
    }()
}
