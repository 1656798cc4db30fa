/// How the 401 challenge carries its two schemes (protocol notes §1.3; both shapes are documented).
public enum ChallengeStyle: String, Sendable, Codable, CaseIterable {
    /// Two `WWW-Authenticate` headers: `Bearer ...` and `MsRtcOAuth href="...",grant_type="..."`.
    case separateHeaders
    /// One `WWW-Authenticate` header: `Bearer ...,MsRtcOAuth href="...",grant_type="..."`.
    case combinedHeader
}
