/// How long a daemon took from its launch to `READY=1`, and to the first answer of `GET /v1/health`.
struct StartupTimes: Codable, Sendable {
    var readyMilliseconds: Double
    var healthMilliseconds: Double
}
