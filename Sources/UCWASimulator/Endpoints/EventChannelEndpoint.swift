import NIOHTTP1

extension SimulatorCore {
    private enum PollStart {
        case answered(ParkedPoll.Answer)
        case parked
    }

    /// `GET events?ack=N[&timeout=S&medium=S&low=S]`: the P-GET (protocol notes §3).
    ///
    /// - `timeout` must lie within the configured bounds (documented 180...1800 s), `medium` and
    ///   `low` within 5...1800 s, else `400 ParameterValidationFailure`; `timeout` is remembered
    ///   until changed or until a `resume`. `medium`, `low` and `priority` have no other effect.
    /// - A parked P-GET of the same application is released with `409 Conflict/PGetReplaced`
    ///   (whatever its ack; `priority` is not modelled).
    /// - After the inactivity gap, the transient state is dropped and the answer carries `resume`
    ///   at once, whatever the ack (inference: the reset itself is the news).
    /// - Otherwise see `EventChannelState`: re-delivery, acknowledgement, `resync`, or the P-GET is
    ///   held until events arrive or the timeout passes (then an empty `self` + `next` answer).
    func handleEvents(
        _ request: SimulatorRequest,
        application id: String,
        username: String,
        reply: @escaping SimulatorResponse.Reply
    ) {
        let query: EventQuery
        do {
            query = try EventQuery(
                request,
                timeoutBounds: configuration.minimumEventTimeout...configuration.maximumEventTimeout
            )
        } catch {
            reply(.error(error.status, error.body, for: request))
            return
        }
        startPoll(query, application: id, username: username) { answer in
            reply(self.response(to: answer, for: request))
        }
    }

    /// The HTTP answer of a P-GET.
    private func response(to answer: ParkedPoll.Answer, for request: SimulatorRequest) -> SimulatorResponse {
        switch answer {
        case .events(let shape, let signal):
            state.withLock { $0.counters.pGetsServed += 1 }
            var response: SimulatorResponse =
                if let mediaType = request.xmlMediaType {
                    .xml(.ok, shape.xml, mediaType: mediaType)
                } else {
                    .json(.ok, shape.json)
                }
            if let signal {
                response.afterWrite = { signal.fire() }
            }
            return response
        case .error(let status, let body):
            return .error(HTTPResponseStatus(statusCode: status), body, for: request)
        case .shuttingDown:
            return SimulatorResponse(status: .serviceUnavailable)
        }
    }

    /// Answers the P-GET through `deliver` at once, or parks it with a timer on the clock.
    private func startPoll(
        _ query: EventQuery,
        application id: String,
        username: String,
        deliver: @escaping @Sendable (ParkedPoll.Answer) -> Void
    ) {
        var displaced: ParkedPoll?
        var cancelled: [Task<Void, Never>] = []
        let start = withLiveApplication(id, of: username) { state, application, now -> PollStart in
            if let parked = application.channel.parked {
                displaced = parked
                application.channel.parked = nil
                state.counters.pGetsReplaced += 1
            } else if application.isInactive(now: now, gap: configuration.inactivityGap) {
                cancelled = application.resetTransientState()
            }
            if let timeout = query.timeout {
                application.channel.timeout = timeout
            }
            if let shape = application.channel.respond(toAck: query.ack) {
                application.channel.lastReleasedAt = now
                return .answered(.events(shape, nil))
            }
            let pollID = state.makeID()
            let deadline = now + .seconds(application.channel.timeout ?? configuration.defaultEventTimeout)
            let timer = clock.schedule(at: deadline) {
                self.releaseTimedOutPoll(application: id, poll: pollID)
            }
            application.channel.parked = ParkedPoll(id: pollID, deliver: deliver, timer: timer)
            return .parked
        }
        displaced?.release(with: .error(status: 409, .pGetReplaced))
        for task in cancelled {
            task.cancel()
        }
        switch start {
        case nil:
            deliver(.error(status: 404, .applicationNotFound))
        case .answered(let answer):
            deliver(answer)
        case .parked:
            break
        }
    }

    /// Answers a parked P-GET whose timeout passed with an empty `self` + `next` response.
    private func releaseTimedOutPoll(application id: String, poll: UInt64) {
        let now = clock.now
        let released = state.withLock { state in
            state.applications.modify(id) { application -> (ParkedPoll, EventResponseShape)? in
                guard let parked = application.channel.parked, parked.id == poll else { return nil }
                application.channel.parked = nil
                application.channel.lastReleasedAt = now
                return (parked, application.channel.emptyResponse())
            } ?? nil
        }
        if let (parked, shape) = released {
            parked.deliver(.events(shape, nil))
        }
    }

    /// Queues events for an application and answers its parked P-GET with them at once.
    /// Events of an older generation (before a transient state reset) are dropped. Returns the
    /// signal that fires when the P-GET response carrying them was written, if one was parked.
    @discardableResult
    func emit(
        _ events: [ChannelEvent],
        to id: String,
        generation: Int,
        update: (inout SimulatedApplication) -> Void = { _ in }
    ) -> DeliverySignal? {
        let now = clock.now
        let released = state.withLock { state in
            state.applications.modify(id) { application -> (ParkedPoll, EventResponseShape)? in
                guard application.generation == generation else { return nil }
                update(&application)
                application.channel.enqueue(events)
                guard let parked = application.channel.parked, let shape = application.channel.takeQueue() else {
                    return nil
                }
                application.channel.parked = nil
                application.channel.lastReleasedAt = now
                return (parked, shape)
            } ?? nil
        }
        guard let (parked, shape) = released else { return nil }
        let signal = DeliverySignal()
        parked.release(with: .events(shape, signal))
        return signal
    }
}
