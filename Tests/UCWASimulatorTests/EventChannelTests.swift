import Testing
import UCWASimulator

@Suite("Event channel")
struct EventChannelTests {
    @Test("a P-GET is held until events arrive, then answered with them, self and next")
    func holdUntilEvents() async throws {
        try await SimulatorFixture.run { fixture in
            let session = try await fixture.openSession()
            let pget = await fixture.park(session.eventsHref, token: session.token)
            let posted = try await fixture.postJSON(
                session.continueMessagingHref,
                token: session.token,
                SimulatorFixture.continueMessagingBody(operationId: "op-1", text: "hi")
            )
            #expect(posted.status == 201)
            let response = try await pget.value
            #expect(response.status == 200)
            let body = try response.json()
            #expect(body.link("self") == session.eventsHref)
            #expect(body.link("next") == session.applicationHref + "/events?ack=2")
            #expect(body.events.map(\.event).compactMap { $0.string("type") } == ["started", "added", "updated"])
        }
    }

    @Test("without events the P-GET is released after the default 180 s with only self and next")
    func timeout() async throws {
        try await SimulatorFixture.run { fixture in
            let session = try await fixture.openSession()
            let pget = await fixture.park(session.eventsHref, token: session.token)
            fixture.clock.advance(by: .seconds(179))
            #expect(fixture.clock.sleeperCount == 1)
            fixture.clock.advance(by: .seconds(1))
            let response = try await pget.value
            #expect(response.status == 200)
            let body = try response.json()
            #expect(body.keys == ["_links"])
            #expect(try #require(body.object("_links")).keys == ["self", "next"])
            #expect(body.link("self") == session.applicationHref + "/events?ack=1")
            #expect(body.link("next") == session.applicationHref + "/events?ack=2")
            #expect(fixture.simulator.counters.pGetsServed == 1)
        }
    }

    @Test("the timeout parameter is checked against the bounds and remembered until changed")
    func timeoutParameter() async throws {
        try await SimulatorFixture.run { fixture in
            let session = try await fixture.openSession()
            for value in ["179", "1801", "abc"] {
                let refused = try await fixture.get(session.eventsHref + "&timeout=" + value, token: session.token)
                #expect(refused.status == 400)
                #expect(try refused.json().string("subcode") == "ParameterValidationFailure")
            }
            let first = await fixture.park(session.eventsHref + "&timeout=600", token: session.token)
            fixture.clock.advance(by: .seconds(600))
            let next = try #require(try await first.value.json().link("next"))
            let second = await fixture.park(next, token: session.token)
            fixture.clock.advance(by: .seconds(599))
            #expect(fixture.clock.sleeperCount == 1, "the remembered 600 s timeout still holds the P-GET")
            fixture.clock.advance(by: .seconds(1))
            #expect(try await second.value.status == 200)
        }
    }

    @Test("the lower timeout bound is configurable for tests")
    func configurableMinimum() async throws {
        try await SimulatorFixture.run {
            $0.minimumEventTimeout = 5
        } _: { fixture in
            let session = try await fixture.openSession()
            let pget = await fixture.park(session.eventsHref + "&timeout=5", token: session.token)
            fixture.clock.advance(by: .seconds(5))
            #expect(try await pget.value.status == 200)
        }
    }

    @Test("the same ack re-delivers the unacknowledged batch; next acknowledges it and serves the rest")
    func redeliveryAndAck() async throws {
        try await SimulatorFixture.run { fixture in
            let session = try await fixture.openSession()
            let pget = await fixture.park(session.eventsHref, token: session.token)
            _ = try await fixture.postJSON(
                session.continueMessagingHref,
                token: session.token,
                SimulatorFixture.continueMessagingBody(operationId: "op-1", text: "hi")
            )
            let first = try await pget.value
            let again = try await fixture.get(session.eventsHref, token: session.token)
            #expect(again.status == 200)
            #expect(again.body == first.body)
            let next = try #require(try first.json().link("next"))
            let second = try await fixture.get(next, token: session.token)
            let events = try second.json().events
            #expect(events.first?.event.string("type") == "completed")
            #expect(try second.json().link("self") == next)
            #expect(try second.json().link("next") == session.applicationHref + "/events?ack=3")
        }
    }

    @Test("a new P-GET releases the parked one with 409 Conflict/PGetReplaced")
    func pgetReplaced() async throws {
        try await SimulatorFixture.run { fixture in
            let session = try await fixture.openSession()
            let first = await fixture.park(session.eventsHref, token: session.token)
            let second = Task { try await fixture.get(session.eventsHref, token: session.token) }
            let replaced = try await first.value
            #expect(replaced.status == 409)
            #expect(try replaced.json().string("code") == "Conflict")
            #expect(try replaced.json().string("subcode") == "PGetReplaced")
            await fixture.clock.sleepers(atLeast: 1)
            fixture.clock.advance(by: .seconds(180))
            #expect(try await second.value.status == 200)
            #expect(fixture.simulator.counters.pGetsReplaced == 1)
        }
    }

    @Test("an out-of-range ack answers a single resync link to the first unacknowledged batch")
    func resync() async throws {
        try await SimulatorFixture.run { fixture in
            let session = try await fixture.openSession()
            for ack in ["7", "0", "2"] {
                let response = try await fixture.get(
                    session.applicationHref + "/events?ack=" + ack,
                    token: session.token
                )
                #expect(response.status == 200)
                let links = try #require(try response.json().object("_links"))
                #expect(links.keys == ["resync"])
                #expect(try response.json().link("resync") == session.applicationHref + "/events?ack=1")
                #expect(try response.json()["sender"] == nil)
            }
            let followed = await fixture.park(session.applicationHref + "/events?ack=1", token: session.token)
            fixture.clock.advance(by: .seconds(180))
            #expect(try await followed.value.json().link("next") == session.applicationHref + "/events?ack=2")
        }
    }

    @Test("after the inactivity gap the next P-GET gets resume; conversations and parameters are dropped")
    func resumeAfterGap() async throws {
        try await SimulatorFixture.run {
            $0.inactivityGap = .seconds(300)
            $0.outcomeDelay = .seconds(30)
        } _: { fixture in
            let session = try await fixture.openSession()
            let pget = await fixture.park(session.eventsHref + "&timeout=900", token: session.token)
            let posted = try await fixture.postJSON(
                session.continueMessagingHref,
                token: session.token,
                SimulatorFixture.continueMessagingBody(operationId: "op-gap", text: "hi")
            )
            let invitation = try #require(posted.header("Location"))
            let started = try await pget.value.json()
            #expect(try await fixture.get(invitation, token: session.token).status == 200)
            await fixture.clock.sleepers(atLeast: 1)
            fixture.clock.advance(by: .seconds(301))
            let resumed = try await fixture.get(try #require(started.link("next")), token: session.token)
            #expect(resumed.status == 200)
            let body = try resumed.json()
            #expect(body.link("next") == nil)
            let resume = try #require(body.link("resume"))
            #expect(body.events.isEmpty)
            #expect(try await fixture.get(invitation, token: session.token).status == 404)
            let after = await fixture.park(resume, token: session.token)
            fixture.clock.advance(by: .seconds(180))
            let released = try await after.value.json()
            #expect(released.events.isEmpty, "the dropped invitation never completes")
            #expect(released.link("next") != nil)
        }
    }

    @Test("an application without a parked P-GET for the expiry time answers 404 ApplicationNotFound")
    func applicationExpiry() async throws {
        try await SimulatorFixture.run { fixture in
            let session = try await fixture.openSession()
            let pget = await fixture.park(session.eventsHref, token: session.token)
            fixture.clock.advance(by: .seconds(180))
            _ = try await pget.value
            fixture.clock.advance(by: .seconds(899))
            #expect(try await fixture.get(session.applicationHref, token: session.token).status == 200)
            fixture.clock.advance(by: .seconds(1))
            let gone = try await fixture.get(session.applicationHref + "/events?ack=2", token: session.token)
            #expect(gone.status == 404)
            #expect(try gone.json().string("code") == "NotFound")
            #expect(try gone.json().string("subcode") == "ApplicationNotFound")
            #expect(fixture.simulator.applications.isEmpty)
        }
    }

    @Test("an application never parked expires the expiry time after its creation")
    func expiryFromCreation() async throws {
        try await SimulatorFixture.run {
            $0.applicationExpiry = .seconds(60)
        } _: { fixture in
            let session = try await fixture.openSession()
            fixture.clock.advance(by: .seconds(60))
            #expect(try await fixture.get(session.eventsHref, token: session.token).status == 404)
            let recreated = try await fixture.openSession()
            #expect(recreated.applicationHref != session.applicationHref)
        }
    }

    @Test("events of one application arrive in order across batches")
    func ordering() async throws {
        try await SimulatorFixture.run { fixture in
            let session = try await fixture.openSession()
            let pget = await fixture.park(session.eventsHref, token: session.token)
            for index in 1...3 {
                let posted = try await fixture.postJSON(
                    session.continueMessagingHref,
                    token: session.token,
                    SimulatorFixture.continueMessagingBody(operationId: "op-\(index)", text: "m\(index)")
                )
                #expect(posted.status == 201)
            }
            var seen: [String] = []
            var response = try await pget.value.json()
            for _ in 0..<10 {
                for (_, event) in response.events
                where event.string("type") == "started" || event.string("type") == "completed" {
                    let operation = event.embedded("messagingInvitation")?.string("operationId") ?? "?"
                    seen.append("\(event.string("type") ?? "") \(operation)")
                }
                if seen.count == 6 { break }
                response = try await fixture.get(try #require(response.link("next")), token: session.token).json()
            }
            #expect(
                seen == [
                    "started op-1", "completed op-1", "started op-2", "completed op-2", "started op-3",
                    "completed op-3",
                ]
            )
        }
    }
}
