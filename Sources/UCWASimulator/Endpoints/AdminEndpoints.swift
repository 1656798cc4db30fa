import NIOHTTP1

extension SimulatorCore {
    func handleAdmin(_ request: SimulatorRequest, segments: [String]) -> SimulatorResponse {
        SimulatorResponse(status: .notFound)
    }
}
