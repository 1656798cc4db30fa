import UCWA

extension DaemonConfiguration {
    /// The UCWA client's configuration: discovery, credentials (by file path), `userAgent`, `caFile`,
    /// `eventTimeout` and the host mapping from the `ucwa` section; the client's own defaults for the rest.
    ///
    /// - Parameter endpointId: The application's stable `endpointId`, from ``StateDirectory/endpointID()``.
    /// - Throws: ``ConfigurationError`` when the account is incomplete (a configuration loaded without requiring
    ///   credentials, or changed since): no discovery start, no secret file, or a password without a username.
    public func ucwaClientConfiguration(endpointId: String) throws(ConfigurationError) -> UCWAClientConfiguration {
        UCWAClientConfiguration(
            discovery: try discoverySource(),
            credentials: try credentialSource(),
            endpointId: endpointId,
            userAgent: ucwa.userAgent,
            caFile: ucwa.caFile,
            eventTimeout: ucwa.eventTimeout,
            hostMapping: ucwa.hostMapping.isEmpty ? .identity : .table(ucwa.hostMapping)
        )
    }

    /// Where discovery starts: `ucwa.discoveryURL` or `ucwa.signInAddress`.
    public func discoverySource() throws(ConfigurationError) -> DiscoverySource {
        if let url = ucwa.discoveryURL {
            return .discoveryURL(url)
        }
        if let address = ucwa.signInAddress {
            return .signInAddress(address)
        }
        throw ConfigurationError(
            key: "ucwa.discoveryURL",
            problem: "is missing: set it, or ucwa.signInAddress, to say where discovery starts"
        )
    }

    /// How tokens are obtained: the password grant with `ucwa.username` and `ucwa.passwordFile`, or
    /// `ucwa.tokenFile`.
    public func credentialSource() throws(ConfigurationError) -> CredentialSource {
        if let passwordFile = ucwa.passwordFile {
            guard let username = ucwa.username, !username.isEmpty else {
                throw ConfigurationError(key: "ucwa.username", problem: "is missing; the password grant needs it")
            }
            return .password(username: username, passwordFile: passwordFile)
        }
        if let tokenFile = ucwa.tokenFile {
            return .tokenFile(tokenFile)
        }
        throw ConfigurationError(
            key: CredentialFiles.passwordKey,
            problem: "is missing: set it or \(CredentialFiles.tokenKey), or pass a systemd credential named password "
                + "or token"
        )
    }
}
