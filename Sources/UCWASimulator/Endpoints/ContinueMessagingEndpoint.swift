extension SimulatorCore {
    private enum Admission {
        case logNotFound
        case rejected(RequestRejection)
        case noEventChannel
        case accepted(InvitationRun)
    }

    /// `POST continueMessaging` on a conversation log (protocol notes §5.3).
    ///
    /// Checks, in order: the application (404 ApplicationNotFound), the log (404
    /// ResourceNotFound), the body (415, 400 DeserializationFailure, 400
    /// ParameterValidationFailure), then the event channel: without a parked P-GET, and more than
    /// the configured grace after the last one was released, it answers `500
    /// ServiceFailure/CallbackChannelError`. Otherwise it answers 201 with the invitation's
    /// relative `Location` and an empty body, and plays the invitation script on the event
    /// channel: before the 201 (`beforeResponse`: the P-GET response carrying the first events is
    /// written before the 201) or after it.
    func handleContinueMessaging(
        _ request: SimulatorRequest,
        input read: Result<ContinueMessagingInput, RequestRejection>,
        application id: String,
        log logID: String,
        username: String,
        reply: @escaping SimulatorResponse.Reply
    ) {
        let parsed = Result { () throws(RequestRejection) -> ContinueMessagingInput in
            let input = try read.get()
            try input.validate()
            return input
        }
        let log = configuration.conversationLogs.first { $0.id == logID }
        let user = self.user(named: username) ?? .default
        let admission = withLiveApplication(id, of: username) { state, application, now -> Admission in
            guard let log else { return .logNotFound }
            let input: ContinueMessagingInput
            switch parsed {
            case .failure(let rejection): return .rejected(rejection)
            case .success(let value): input = value
            }
            guard application.hasReachableChannel(now: now, grace: configuration.callbackChannelGrace) else {
                return .noEventChannel
            }
            let number = state.makeID()
            let record = InvitationRecord(
                id: "mi" + String(number),
                conversationID: "c" + String(number),
                operationId: input.operationId,
                log: log,
                messageHref: input.messageHref,
                outcome: state.script.nextOutcome()
            )
            application.remember(record)
            state.counters.invitationsStarted += 1
            return .accepted(
                InvitationRun(
                    application: id,
                    generation: application.generation,
                    record: record,
                    user: user,
                    order: state.script.order,
                    completedOnly: state.script.completedOnly,
                    outcomeDelay: state.script.outcomeDelay,
                    eventDelay: state.script.eventDelay
                )
            )
        }
        switch admission {
        case nil:
            reply(.error(.notFound, .applicationNotFound, for: request))
        case .logNotFound:
            let body = UCWAErrorBody(
                code: "NotFound",
                subcode: "ResourceNotFound",
                message: "The conversation log does not exist."
            )
            reply(.error(.notFound, body, for: request))
        case .rejected(let rejection):
            reply(.error(rejection.status, rejection.body, for: request))
        case .noEventChannel:
            reply(.error(.internalServerError, .callbackChannelError, for: request))
        case .accepted(let run):
            var response = SimulatorResponse(status: .created, headers: [("Location", run.invitationHref)])
            guard run.order == .beforeResponse else {
                response.afterWrite = { self.play(run, startedAlreadyEmitted: false) }
                reply(response)
                return
            }
            let first = run.completedOnly ? run.outcomeEvents : run.startedEvents
            let signal = emit(first, to: run.application, generation: run.generation) { application in
                if run.completedOnly, let state = run.finalState {
                    application.invitations[run.record.id]?.state = state
                }
            }
            if !run.completedOnly {
                response.afterWrite = { self.play(run, startedAlreadyEmitted: true) }
            }
            if let signal {
                signal.whenFired { [response] in reply(response) }
            } else {
                reply(response)
            }
        }
    }

    /// Plays the rest of an invitation's script: the first events (after the event delay) and
    /// the outcome (after the outcome delay). Without delays it runs synchronously; otherwise in
    /// a task that a reset, a delete or the shutdown cancels.
    private func play(_ run: InvitationRun, startedAlreadyEmitted: Bool) {
        let emitsStarted = !startedAlreadyEmitted && !run.completedOnly
        guard run.eventDelay > .zero || run.outcomeDelay > .zero else {
            if emitsStarted {
                emit(run.startedEvents, to: run.application, generation: run.generation)
            }
            emitOutcome(run)
            return
        }
        state.withLock { state in
            let taskID = state.makeID()
            state.applications.modify(run.application) { application in
                guard application.generation == run.generation else { return }
                application.scriptTasks[taskID] = Task {
                    defer { self.forgetTask(taskID, of: run.application) }
                    do {
                        if run.eventDelay > .zero {
                            try await self.clock.sleep(until: self.clock.now + run.eventDelay)
                        }
                        if emitsStarted {
                            self.emit(run.startedEvents, to: run.application, generation: run.generation)
                        }
                        if run.record.outcome == .neverCompletes {
                            return
                        }
                        if run.outcomeDelay > .zero {
                            try await self.clock.sleep(until: self.clock.now + run.outcomeDelay)
                        }
                        self.emitOutcome(run)
                    } catch {
                        return
                    }
                }
            }
        }
    }

    private func emitOutcome(_ run: InvitationRun) {
        guard let finalState = run.finalState else { return }
        emit(run.outcomeEvents, to: run.application, generation: run.generation) { application in
            application.invitations[run.record.id]?.state = finalState
        }
    }

    private func forgetTask(_ taskID: UInt64, of application: String) {
        state.withLock { state in
            _ = state.applications.modify(application) { $0.scriptTasks.removeValue(forKey: taskID) }
        }
    }
}
