extension SimulatorCore {
    func injectFault(_ fault: SimulatedFault, at endpoint: SimulatedEndpoint, count: Int) {
        state.withLock { $0.faults.script(fault, at: endpoint, count: count) }
    }

    func injectFault(_ fault: SimulatedFault, at endpoint: SimulatedEndpoint, probability: Double) {
        state.withLock { $0.faults.script(fault, at: endpoint, probability: probability) }
    }

    func clearFaults() {
        state.withLock { $0.faults.clear() }
    }

    func updateScript(_ body: (inout InvitationScript) -> Void) {
        state.withLock { body(&$0.script) }
    }

    func expireTokensNow() {
        state.withLock { $0.tokens.expireAll() }
    }

    /// Ends every application as if its expiry time had passed; parked P-GETs get 404.
    func expireApplicationsNow() {
        let removed = state.withLock { state in
            state.applications.ids.compactMap { state.applications.remove($0) }
        }
        for application in removed {
            terminate(application, parkedAnswer: .error(status: 404, .applicationNotFound))
        }
    }

    /// Drops every application's transient state; a parked P-GET is answered with `resume` at
    /// once, otherwise the next P-GET gets it.
    func resetTransientStateNow() {
        let now = clock.now
        let (releases, cancelled) = state.withLock {
            state -> ([(ParkedPoll, EventResponseShape)], [Task<Void, Never>]) in
            var releases: [(ParkedPoll, EventResponseShape)] = []
            var cancelled: [Task<Void, Never>] = []
            for id in state.applications.ids {
                state.applications.modify(id) { application in
                    cancelled += application.resetTransientState()
                    if let parked = application.channel.parked, let shape = application.channel.respond(toAck: nil) {
                        application.channel.parked = nil
                        application.channel.lastReleasedAt = now
                        releases.append((parked, shape))
                    }
                }
            }
            return (releases, cancelled)
        }
        for task in cancelled {
            task.cancel()
        }
        for (parked, shape) in releases {
            parked.release(with: .events(shape, nil))
        }
    }

    var receivedContinueMessaging: [ReceivedContinueMessaging] {
        state.withLock { $0.received }
    }

    func clearReceived() {
        state.withLock { $0.received = [] }
    }

    var counters: SimulatorCounters {
        state.withLock { $0.counters }
    }

    var applicationInfos: [SimulatedApplicationInfo] {
        state.withLock { state in
            state.applications.ids.compactMap { state.applications[$0] }.map { application in
                SimulatedApplicationInfo(
                    id: application.id,
                    href: application.path,
                    username: application.username,
                    endpointId: application.endpointId,
                    eventsHref: application.channel.currentHref,
                    hasParkedPGet: application.channel.parked != nil,
                    invitationCount: application.invitations.count
                )
            }
        }
    }
}
