/// The YAML configuration the benchmark writes for `ucwa-bridged` (keys as in `config/config.example.yaml`).
struct DaemonConfigFile: Sendable {
    var discoveryURL: String
    var username: String
    var passwordFile: String
    var socketPath: String
    var stateDirectory: String
    var concurrency: Int
    var logLevel = "warning"

    /// The file's text. Strings are written as JSON-style double-quoted YAML scalars.
    var yaml: String {
        """
        ucwa:
          discoveryURL: \(quoted(discoveryURL))
          username: \(quoted(username))
          passwordFile: \(quoted(passwordFile))
        api:
          socketPath: \(quoted(socketPath))
          socketGroup: ""
        state:
          directory: \(quoted(stateDirectory))
        dispatch:
          concurrency: \(concurrency)
        log:
          level: \(logLevel)
          target: stderr

        """
    }

    private func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
