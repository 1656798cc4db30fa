import Bridge
import LocalAPIModels

extension MessageState {
    /// The API name of a bridge state (the same words; spelled out so that a new state cannot slip through).
    init(_ state: RequestState) {
        switch state {
        case .accepted: self = .accepted
        case .dispatching: self = .dispatching
        case .awaitingEvents: self = .awaitingEvents
        case .started: self = .started
        case .retryScheduled: self = .retryScheduled
        case .delivered: self = .delivered
        case .failed: self = .failed
        case .cancelled: self = .cancelled
        case .expired: self = .expired
        }
    }
}

extension RequestState {
    /// The bridge state of an API state name.
    init(_ state: MessageState) {
        switch state {
        case .accepted: self = .accepted
        case .dispatching: self = .dispatching
        case .awaitingEvents: self = .awaitingEvents
        case .started: self = .started
        case .retryScheduled: self = .retryScheduled
        case .delivered: self = .delivered
        case .failed: self = .failed
        case .cancelled: self = .cancelled
        case .expired: self = .expired
        }
    }
}

extension MessageView {
    /// A request as the API shows it. The message text is not part of the view.
    init(_ request: MessageRequest) {
        self.init(
            id: request.id.rawValue,
            state: MessageState(request.state),
            conversationLog: request.conversationLog,
            contentType: request.contentType.mediaType,
            operationId: request.operationID?.rawValue,
            idempotencyKey: request.idempotencyKey,
            attempts: request.attempts.map(AttemptView.init),
            nextAttemptAt: request.nextAttemptAt,
            deadline: request.deadline,
            failure: request.failure.map(FailureView.init),
            invitation: request.invitation,
            createdAt: request.createdAt,
            updatedAt: request.updatedAt
        )
    }
}

extension AttemptView {
    init(_ attempt: Attempt) {
        self.init(
            operationId: attempt.operationID.rawValue,
            startedAt: attempt.startedAt,
            httpStatus: attempt.httpStatus,
            code: attempt.code,
            subcode: attempt.subcode
        )
    }
}

extension FailureView {
    init(_ failure: RequestFailure) {
        self.init(code: failure.code, subcode: failure.subcode, message: failure.message)
    }
}

extension MessageList {
    /// A page of requests; `next` is the cursor token of the following page.
    init(_ page: RequestPage) {
        self.init(messages: page.requests.map(MessageView.init), next: page.next?.token)
    }
}
