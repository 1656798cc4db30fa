import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Measures what one continueMessaging round trip costs the simulator in CPU.
///
/// It starts `ucwa-sim` as its own process on loopback, signs in, creates an application, and then
/// runs a fixed number of round trips: P-GET parked, `continueMessaging` POSTed, events read until
/// the `completed` event with that round trip's operationId. The simulator's user and system CPU
/// time comes from `/proc/PID/stat` before and after, so the client's own work is not counted.
///
/// Usage: ucwa-sim-bench [ROUND_TRIPS] [PATH_TO_UCWA_SIM]
@main
struct SimulatorBenchmark {
    static func main() async throws {
        let arguments = CommandLine.arguments
        let roundTrips = arguments.count > 1 ? Int(arguments[1]) ?? 2000 : 2000
        let simulatorPath = arguments.count > 2 ? arguments[2] : ".build/release/ucwa-sim"

        let simulator = try SimulatorProcess(path: simulatorPath)
        defer { simulator.stop() }
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        do {
            let session = try await BenchmarkSession.signIn(client: client, discoveryURL: simulator.discoveryURL)
            let warmUp = min(200, roundTrips)
            var next = session.events
            _ = try await session.run(roundTrips: warmUp, next: &next)

            let cpuBefore = try simulator.cpuTime()
            let wallBefore = ContinuousClock.now
            let retries = try await session.run(roundTrips: roundTrips, next: &next)
            let wall = ContinuousClock.now - wallBefore
            let cpu = try simulator.cpuTime() - cpuBefore

            let perRoundTrip = cpu / Double(roundTrips)
            print("round trips:            \(roundTrips) (after \(warmUp) warm-up)")
            print("simulator CPU total:    \(String(format: "%.3f", cpu)) s")
            print("simulator CPU per trip: \(String(format: "%.1f", perRoundTrip * 1_000_000)) µs")
            print("wall time:              \(wall)")
            print("CallbackChannelError retries: \(retries)")
            try await client.shutdown()
        } catch {
            try? await client.shutdown()
            throw error
        }
    }
}
