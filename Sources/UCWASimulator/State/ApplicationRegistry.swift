/// Every live application, by id.
struct ApplicationRegistry: Sendable {
    private(set) var applications: [String: SimulatedApplication] = [:]
    private var nextID = 101

    /// The application a user created with `endpointId`, if it is still there.
    func existing(username: String, endpointId: String) -> SimulatedApplication? {
        applications.values.first { $0.username == username && $0.endpointId == endpointId }
    }

    func count(of username: String) -> Int {
        applications.values.count { $0.username == username }
    }

    var ids: [String] { applications.keys.sorted() }

    mutating func create(
        username: String,
        culture: String,
        userAgent: String,
        endpointId: String,
        now: Duration
    ) -> SimulatedApplication {
        let id = String(nextID)
        nextID += 1
        let application = SimulatedApplication(
            id: id,
            username: username,
            culture: culture,
            userAgent: userAgent,
            endpointId: endpointId,
            createdAt: now
        )
        applications[id] = application
        return application
    }

    subscript(id: String) -> SimulatedApplication? {
        applications[id]
    }

    mutating func insert(_ application: SimulatedApplication) {
        applications[application.id] = application
    }

    /// Changes an application in place (no copy of its queues and invitations).
    mutating func modify<R>(_ id: String, _ body: (inout SimulatedApplication) -> R) -> R? {
        guard applications[id] != nil else { return nil }
        return body(&applications[id]!)
    }

    mutating func remove(_ id: String) -> SimulatedApplication? {
        applications.removeValue(forKey: id)
    }

    /// Removes the applications that expired; returns them so their P-GETs and tasks can end.
    mutating func removeExpired(now: Duration, expiry: Duration) -> [SimulatedApplication] {
        let expired = applications.values.filter { $0.isExpired(now: now, expiry: expiry) }
        for application in expired {
            applications.removeValue(forKey: application.id)
        }
        return expired
    }
}
