/// The key paths of the configuration, as the YAML file spells them. They are part of the interface: add freely,
/// rename none.
enum ConfigurationKeys {
    /// Every leaf key the daemon reads.
    static let all: Set<String> = [
        "ucwa.discoveryURL", "ucwa.signInAddress", "ucwa.username", "ucwa.passwordFile", "ucwa.tokenFile",
        "ucwa.contentType", "ucwa.caFile", "ucwa.userAgent", "ucwa.eventTimeout", "ucwa.hostMapping",
        "api.socketPath", "api.socketGroup", "api.allowedUIDs", "api.allowedGIDs", "api.maxMessageBytes",
        "api.maxWait",
        "state.directory",
        "dispatch.concurrency", "dispatch.maxAttempts", "dispatch.retention",
        "dispatch.retry.initialDelay", "dispatch.retry.multiplier", "dispatch.retry.maxDelay",
        "dispatch.retry.deadline",
        "log.level", "log.target",
    ]

    /// The sections, which a file may leave empty (`state:` with nothing under it).
    static let sections: Set<String> = ["ucwa", "api", "state", "dispatch", "dispatch.retry", "log"]

    /// The command-line flag that names the configuration file.
    static let configFile = "config"
}
