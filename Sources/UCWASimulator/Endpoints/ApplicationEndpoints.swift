import Foundation

extension SimulatorCore {
    private enum CreationOutcome {
        case created(SimulatedApplication)
        case existing(SimulatedApplication)
        case limitReached
    }

    /// The longest accepted `culture`, `endpointId`, `userAgent` and `instanceId`.
    static let maximumApplicationFieldLength = 100

    /// `POST applications` (protocol notes §2.1): keys are matched case-insensitively, each of
    /// `culture`, `endpointId`, `userAgent` is required and at most 100 characters (else
    /// `400 ParameterValidationFailure`). Answers 201 with a new application, 200 with the
    /// existing one for the same user and `endpointId`, or `410 TooManyApplications` at the limit.
    func handleCreateApplication(_ request: SimulatorRequest, username: String) -> SimulatorResponse {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(request.body))) as? [String: Any] else {
            return .error(.badRequest, .deserialization("The request body is not a JSON object."), for: request)
        }
        let fields = Dictionary(object.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        var values: [String: String] = [:]
        var problems: [String] = []
        for name in ["culture", "endpointId", "userAgent", "instanceId"] {
            let value = fields[name.lowercased()]
            if value == nil, name == "instanceId" { continue }
            guard let text = value as? String, !text.isEmpty else {
                problems.append("\(name) is required")
                continue
            }
            guard text.count <= Self.maximumApplicationFieldLength else {
                problems.append("\(name) is longer than \(Self.maximumApplicationFieldLength) characters")
                continue
            }
            values[name] = text
        }
        guard problems.isEmpty, let culture = values["culture"], let endpointId = values["endpointId"],
            let userAgent = values["userAgent"]
        else {
            return .error(.badRequest, .parameterValidation(problems.joined(separator: "; ")), for: request)
        }
        let user = self.user(named: username) ?? .default
        let now = clock.now
        let limit = configuration.applicationLimit
        let (outcome, expired) = state.withLock { state -> (CreationOutcome, [SimulatedApplication]) in
            let expired = state.applications.removeExpired(now: now, expiry: configuration.applicationExpiry)
            if let existing = state.applications.existing(username: username, endpointId: endpointId) {
                return (.existing(existing), expired)
            }
            guard state.applications.count(of: username) < limit else {
                return (.limitReached, expired)
            }
            state.counters.applicationsCreated += 1
            let application = state.applications.create(
                username: username,
                culture: culture,
                userAgent: userAgent,
                endpointId: endpointId,
                now: now
            )
            return (.created(application), expired)
        }
        for application in expired {
            terminate(application, parkedAnswer: .error(status: 404, .applicationNotFound))
        }
        switch outcome {
        case .limitReached:
            return .error(
                .gone,
                UCWAErrorBody(
                    code: "Gone",
                    subcode: "TooManyApplications",
                    message: "Too many applications for this user."
                ),
                for: request
            )
        case .existing(let application):
            return .json(.ok, ApplicationShape.json(application, user: user))
        case .created(let application):
            logger.debug("application created", metadata: ["application": "\(application.id)"])
            return .json(.created, ApplicationShape.json(application, user: user))
        }
    }

    /// `GET application` answers the application; `DELETE application` ends it with 204, and
    /// its event channel and conversations go away.
    func handleApplication(_ request: SimulatorRequest, id: String, username: String) -> SimulatorResponse {
        let user = self.user(named: username) ?? .default
        if request.method == .DELETE {
            guard let application = removeLiveApplication(id, of: username) else {
                return .error(.notFound, .applicationNotFound, for: request)
            }
            terminate(application, parkedAnswer: .error(status: 404, .applicationNotFound))
            return SimulatorResponse(status: .noContent)
        }
        guard let application = withLiveApplication(id, of: username, { _, application, _ in application }) else {
            return .error(.notFound, .applicationNotFound, for: request)
        }
        return .json(.ok, ApplicationShape.json(application, user: user))
    }
}
