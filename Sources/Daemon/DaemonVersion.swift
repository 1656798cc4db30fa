/// The version the daemon reports in its user agent and `--version`.
public enum DaemonVersion {
    public static let current = "0.1.0"
}
