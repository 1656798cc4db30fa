import Testing

@testable import ucwa_bridge

@Suite struct GlobalOptionsTests {
    @Test func theSocketOptionWins() throws {
        let options = try GlobalOptions.parse(["--socket", "/tmp/given.sock"])
        #expect(options.socketPath(environment: ["UCWA_BRIDGE_SOCKET": "/tmp/env.sock"]) == "/tmp/given.sock")
    }

    @Test func theEnvironmentComesNext() throws {
        let options = try GlobalOptions.parse([])
        #expect(options.socketPath(environment: ["UCWA_BRIDGE_SOCKET": "/tmp/env.sock"]) == "/tmp/env.sock")
    }

    @Test func theDefaultIsTheSystemSocket() throws {
        let options = try GlobalOptions.parse([])
        #expect(options.socketPath(environment: [:]) == "/run/ucwa-bridge/api.sock")
        #expect(options.socketPath(environment: ["UCWA_BRIDGE_SOCKET": ""]) == "/run/ucwa-bridge/api.sock")
        #expect(!options.json)
    }

    @Test func optionsBeforeTheSubcommandApply() throws {
        let command = try #require(
            try UCWABridge.parseAsRoot(["--socket", "/tmp/before.sock", "--json", "health"]) as? HealthCommand
        )
        #expect(command.global.socketPath(environment: [:]) == "/tmp/before.sock")
        #expect(command.global.json)
    }

    @Test func optionsAfterTheSubcommandWin() throws {
        let command = try #require(
            try UCWABridge.parseAsRoot(["--socket", "/tmp/before.sock", "status", "--socket", "/tmp/after.sock", "x"])
                as? StatusCommand
        )
        #expect(command.global.socketPath(environment: [:]) == "/tmp/after.sock")
        #expect(!command.global.json)
    }
}
