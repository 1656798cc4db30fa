import NIOHTTP1

extension SimulatorCore {
    /// The value of `X-MS-UcwaVersion` on every response. Inference: the docs name the header but
    /// show no value.
    static let ucwaVersion = "2"

    /// Answers one request: routing, method check, authentication, scripted faults, then the
    /// endpoint. Every `continueMessaging` request is recorded with what it was answered.
    /// Most requests are answered before this returns; held P-GETs and scripted operations later.
    func respond(to request: SimulatorRequest, reply: @escaping SimulatorResponse.Reply) {
        let route = Route(path: request.path)
        if case .continueMessaging(let application, let log) = route {
            let input = Result { () throws(RequestRejection) in try ContinueMessagingInput(request) }
            respond(to: request, route: route, continueMessagingInput: input) { response in
                self.record(request, input: try? input.get(), application: application, log: log, response: response)
                reply(Self.versioned(response))
            }
        } else {
            respond(to: request, route: route, continueMessagingInput: nil) { reply(Self.versioned($0)) }
        }
    }

    private static func versioned(_ response: SimulatorResponse) -> SimulatorResponse {
        var response = response
        response.headers.append(("X-MS-UcwaVersion", ucwaVersion))
        return response
    }

    /// `continueMessagingInput` is the body of a continueMessaging request, read once.
    private func respond(
        to request: SimulatorRequest,
        route: Route,
        continueMessagingInput: Result<ContinueMessagingInput, RequestRejection>?,
        reply: @escaping SimulatorResponse.Reply
    ) {
        if let response = precheck(request, route: route) {
            reply(response)
            return
        }
        var username = ""
        if route.requiresToken {
            guard let authenticated = authenticate(request) else {
                reply(challenge())
                return
            }
            username = authenticated
        }
        let fault = route.endpoint.flatMap { endpoint in state.withLock { $0.faults.nextFault(for: endpoint) } }
        if let fault {
            logger.debug("injecting fault", metadata: ["fault": "\(fault.rawValue)", "path": "\(request.path)"])
            if let response = fault.response(for: request) {
                reply(response)
                return
            }
            if fault == .connectionClosed {
                reply(.closeWithoutAnswer)
                return
            }
        }
        var carryOut = reply
        if fault == .acceptThenClose {
            carryOut = { response in
                var response = response
                response.disposition = .closeWithoutAnswer
                reply(response)
            }
        }
        dispatch(
            request,
            route: route,
            username: username,
            continueMessagingInput: continueMessagingInput,
            reply: carryOut
        )
    }

    /// The answer to a request refused before authentication: shutting down, admin, unknown
    /// path or method; nil when the request goes on.
    private func precheck(_ request: SimulatorRequest, route: Route) -> SimulatorResponse? {
        if state.withLock({ $0.shuttingDown }) {
            return SimulatorResponse(status: .serviceUnavailable)
        }
        if case .admin(let segments) = route {
            return handleAdmin(request, segments: segments)
        }
        if route == .unknown {
            return .error(
                .notFound,
                UCWAErrorBody(code: "NotFound", subcode: "ResourceNotFound", message: "The resource does not exist."),
                for: request
            )
        }
        guard route.allowedMethods.contains(request.method) else {
            return .error(
                .methodNotAllowed,
                UCWAErrorBody(code: "MethodNotAllowed", subcode: nil, message: "The HTTP method is not supported."),
                for: request
            )
        }
        return nil
    }

    private func dispatch(
        _ request: SimulatorRequest,
        route: Route,
        username: String,
        continueMessagingInput: Result<ContinueMessagingInput, RequestRejection>?,
        reply: @escaping SimulatorResponse.Reply
    ) {
        switch route {
        case .events(let id):
            handleEvents(request, application: id, username: username, reply: reply)
        case .continueMessaging(let id, let log):
            handleContinueMessaging(
                request,
                input: continueMessagingInput
                    ?? Result { () throws(RequestRejection) in try ContinueMessagingInput(request) },
                application: id,
                log: log,
                username: username,
                reply: reply
            )
        default:
            reply(answer(request, route: route, username: username))
        }
    }

    /// The endpoints that answer at once.
    private func answer(_ request: SimulatorRequest, route: Route, username: String) -> SimulatorResponse {
        switch route {
        case .root(let redirected):
            return handleRoot(request, redirected: redirected)
        case .xframe:
            return .html(.ok, "<!DOCTYPE html><html><head><title>XFrame</title></head><body></body></html>")
        case .user:
            return handleUser(request)
        case .token:
            return handleToken(request)
        case .applications:
            return handleCreateApplication(request, username: username)
        case .application(let id):
            return handleApplication(request, id: id, username: username)
        case .conversationLogs(let id):
            return handleConversationLogs(request, application: id, username: username)
        case .conversationLog(let id, let log):
            return handleConversationLog(request, application: id, log: log, username: username)
        case .messagingInvitation(let id, let invitation):
            return handleMessagingInvitation(request, application: id, invitation: invitation, username: username)
        case .events, .continueMessaging, .admin, .unknown:
            return SimulatorResponse(status: .notFound)
        }
    }

    private func record(
        _ request: SimulatorRequest,
        input: ContinueMessagingInput?,
        application: String,
        log: String,
        response: SimulatorResponse
    ) {
        let answered = response.disposition == .respond ? Int(response.status.code) : nil
        state.withLock { state in
            state.counters.continueMessagingReceived += 1
            state.received.append(
                ReceivedContinueMessaging(
                    sequence: state.received.count + 1,
                    application: application,
                    conversationLog: SimulatedApplication.path(application) + "/communication/conversationLogs/" + log,
                    contentType: request.headers.first(name: "content-type"),
                    operationId: input?.operationId,
                    messageHref: input?.messageHref,
                    messageText: input?.message?.text,
                    httpStatus: answered
                )
            )
        }
    }
}
