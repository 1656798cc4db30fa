import Testing

@testable import Daemon

@Suite struct TestFaultsTests {
    @Test func nothingIsArmedWithoutTheVariable() {
        #expect(!TestFaults(environment: [:]).isArmed)
        #expect(!TestFaults(environment: ["UCWA_BRIDGE_TEST_FAULTS": ""]).isArmed)
    }

    @Test func theWedgeIsArmedByItsExactName() {
        let armed = TestFaults(environment: ["UCWA_BRIDGE_TEST_FAULTS": "other, wedge-event-loop-on-sigusr2"])
        #expect(armed.wedgeEventLoopOnSIGUSR2)
        #expect(!TestFaults(environment: ["UCWA_BRIDGE_TEST_FAULTS": "wedge"]).isArmed)
        #expect(!TestFaults(environment: ["UCWA_BRIDGE_TEST_FAULT": "wedge-event-loop-on-sigusr2"]).isArmed)
    }
}
