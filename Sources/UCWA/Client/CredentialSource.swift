/// How the client gets its bearer tokens. Secrets stay in files (normally systemd credentials); the client reads
/// them when it needs them and never logs them.
public enum CredentialSource: Hashable, Sendable {
    /// The `password` grant against the `MsRtcOAuth` token endpoint named by the server's 401 challenge; the
    /// password is the content of `passwordFile` with one trailing newline removed.
    case password(username: String, passwordFile: String)
    /// A ready bearer token (`cwt=…`) in `tokenFile`, re-read after a 401 in case it was replaced.
    case tokenFile(String)
}
