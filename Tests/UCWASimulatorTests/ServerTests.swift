import Testing
import TestSupport
import UCWASimulator

@Suite("HTTP server")
struct ServerTests {
    @Test("non-loopback addresses are refused")
    func nonLoopback() async throws {
        var configuration = SimulatorConfiguration()
        configuration.host = "0.0.0.0"
        let simulator = SimulatorServer(configuration: configuration, clock: ManualClock())
        await #expect(
            throws: SimulatorError(code: "notLoopback", reason: "the simulator listens on loopback addresses only")
        ) {
            try await simulator.start()
        }
    }

    @Test("a second start is refused")
    func secondStart() async throws {
        try await SimulatorFixture.run { fixture in
            await #expect(throws: SimulatorError.self) { try await fixture.simulator.start() }
        }
    }

    @Test("unsupported methods answer 405, unknown paths 404, oversized bodies 413")
    func protocolErrors() async throws {
        try await SimulatorFixture.run { fixture in
            let session = try await fixture.openSession()
            let method = try await fixture.request(.PUT, session.firstLog, token: session.token)
            #expect(method.status == 405)
            #expect(try method.json().string("code") == "MethodNotAllowed")
            #expect(try await fixture.get("/nowhere").status == 404)
            let huge = String(repeating: "x", count: (1 << 20) + 1)
            let tooLarge = try await fixture.request(
                .POST,
                session.continueMessagingHref,
                token: session.token,
                body: huge,
                contentType: "application/json"
            )
            #expect(tooLarge.status == 413)
            #expect(try await fixture.get("/").status == 200)
        }
    }

    @Test("shutdown answers a parked P-GET with 503")
    func shutdownReleasesPGet() async throws {
        try await SimulatorFixture.run { fixture in
            let session = try await fixture.openSession()
            let pget = await fixture.park(session.eventsHref, token: session.token)
            await fixture.simulator.shutdown()
            #expect(try await pget.value.status == 503)
        }
    }
}
