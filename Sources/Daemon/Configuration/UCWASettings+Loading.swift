import UCWA

extension DaemonConfiguration.UCWASettings {
    /// The P-GET `timeout` range UCWA accepts (ucwa-protocol.md, "The event channel").
    static let eventTimeoutRange: ClosedRange<Duration> = .seconds(180) ... .seconds(1800)
    /// UCWA's limit on the length of an application's `userAgent`.
    static let userAgentLimit = 100

    /// Reads and checks the `ucwa` section; see ``DaemonConfiguration/load(from:requiresCredentials:)``.
    static func load(
        from layers: LayeredConfiguration,
        requiresCredentials: Bool
    ) async throws(ConfigurationError) -> Self {
        var settings = Self()
        try await settings.loadDiscovery(from: layers, required: requiresCredentials)
        let credentials = try CredentialFiles.resolve(
            password: try await layers.string(CredentialFiles.passwordKey),
            token: try await layers.string(CredentialFiles.tokenKey),
            environment: layers.environment,
            required: requiresCredentials
        )
        settings.passwordFile = credentials.passwordFile
        settings.tokenFile = credentials.tokenFile
        if let username = try await layers.string("ucwa.username") {
            settings.username = try ConfigurationRules.nonEmpty(username, key: "ucwa.username")
        } else if settings.passwordFile != nil {
            throw ConfigurationError(key: "ucwa.username", problem: "is missing; the password grant needs it")
        }
        if let contentType = try await layers.string("ucwa.contentType") {
            guard let format = UCWABodyFormat(rawValue: contentType.value) else {
                throw contentType.refused("ucwa.contentType", "must be json or xml, but is \"\(contentType.value)\"")
            }
            settings.contentType = format
        }
        if let caFile = try await layers.string("ucwa.caFile") {
            settings.caFile = try ConfigurationRules.absolutePath(caFile, key: "ucwa.caFile")
        }
        if let userAgent = try await layers.string("ucwa.userAgent") {
            settings.userAgent = try ConfigurationRules.nonEmpty(userAgent, key: "ucwa.userAgent")
            guard userAgent.value.count <= userAgentLimit else {
                throw userAgent.refused("ucwa.userAgent", "must be at most \(userAgentLimit) characters long")
            }
        }
        if let eventTimeout = try await layers.duration("ucwa.eventTimeout") {
            settings.eventTimeout = try checkedEventTimeout(eventTimeout)
        }
        if let hostMapping = try await layers.stringArray("ucwa.hostMapping") {
            settings.hostMapping = try HostMappingText.parse(hostMapping, key: "ucwa.hostMapping")
        }
        return settings
    }

    /// Reads `discoveryURL` and `signInAddress`, exactly one of which must be set (if `required`).
    private mutating func loadDiscovery(
        from layers: LayeredConfiguration,
        required: Bool
    ) async throws(ConfigurationError) {
        let url = try await layers.string("ucwa.discoveryURL")
        let address = try await layers.string("ucwa.signInAddress")
        switch (url, address) {
        case (.some, .some(let address)):
            throw address.refused(
                "ucwa.signInAddress",
                "must not be set together with ucwa.discoveryURL; set exactly one of them"
            )
        case (.some(let url), nil):
            discoveryURL = try DiscoveryRules.discoveryURL(url, key: "ucwa.discoveryURL")
        case (nil, .some(let address)):
            signInAddress = try DiscoveryRules.signInAddress(address, key: "ucwa.signInAddress")
        case (nil, nil):
            guard !required else {
                throw ConfigurationError(
                    key: "ucwa.discoveryURL",
                    problem: "is missing: set it, or ucwa.signInAddress, to say where discovery starts"
                )
            }
        }
    }

    private static func checkedEventTimeout(_ value: Sourced<Duration>) throws(ConfigurationError) -> Duration {
        guard eventTimeoutRange.contains(value.value) else {
            throw value.refused(
                "ucwa.eventTimeout",
                "must be between 180s and 1800s (the range of the P-GET timeout UCWA accepts), "
                    + "but is \(DurationText.format(value.value))"
            )
        }
        guard value.value.components.attoseconds == 0 else {
            throw value.refused("ucwa.eventTimeout", "must be a whole number of seconds (it is sent as one)")
        }
        return value.value
    }
}
