extension SimulatorCore {
    /// The domain discovery hrefs mention as `originalDomain`.
    var signInDomain: String {
        let username = configuration.users.first?.username ?? SimulatedUser.default.username
        return username.split(separator: "@").last.map(String.init) ?? "contoso.com"
    }

    /// `GET /` and `GET /Autodiscover/AutodiscoverService.svc/root` (protocol notes §1.2): the
    /// `self`, `user` and `xframe` links, absolute on this origin; or, with the redirect hop
    /// configured, only a `redirect` link to a second root path on the same origin.
    func handleRoot(_ request: SimulatorRequest, redirected: Bool) -> SimulatorResponse {
        let origin = self.origin
        if configuration.redirectHop && !redirected {
            return .json(.ok, .object([("_links", .object([("redirect", .link(origin + Route.redirectedRootPath))]))]))
        }
        let query = "?originalDomain=" + signInDomain
        let rootPath = redirected ? Route.redirectedRootPath : Route.rootPath
        return .json(
            .ok,
            .object([
                (
                    "_links",
                    .object([
                        ("self", .link(origin + rootPath + query)),
                        ("user", .link(origin + Route.userPath + query)),
                        ("xframe", .link(origin + Route.xframePath)),
                    ])
                )
            ])
        )
    }

    /// `GET user` once authenticated: `self`, `applications` and `xframe`, absolute.
    func handleUser(_ request: SimulatorRequest) -> SimulatorResponse {
        let origin = self.origin
        return .json(
            .ok,
            .object([
                (
                    "_links",
                    .object([
                        ("self", .link(origin + Route.userPath)),
                        ("applications", .link(origin + Route.applicationsPath)),
                        ("xframe", .link(origin + Route.xframePath)),
                    ])
                )
            ])
        )
    }

    /// The user a request's bearer token belongs to, if the token is known and unexpired.
    func authenticate(_ request: SimulatorRequest) -> String? {
        guard let token = request.bearerToken else { return nil }
        let now = clock.now
        return state.withLock { $0.tokens.username(for: token, now: now) }
    }

    /// The 401 with the `MsRtcOAuth` challenge and an IIS-style HTML body (protocol notes §1.3).
    func challenge() -> SimulatorResponse {
        let bearer =
            "Bearer trusted_issuers=\"00000002-0000-0ff1-ce00-000000000000@\(signInDomain)\", "
            + "client_id=\"00000004-0000-0ff1-ce00-000000000000\""
        let msRtcOAuth =
            "MsRtcOAuth href=\"\(origin + Route.tokenPath)\","
            + "grant_type=\"urn:microsoft.rtc:windows,urn:microsoft.rtc:anonmeeting,password\""
        let headers: [(String, String)] =
            switch configuration.challengeStyle {
            case .separateHeaders: [("WWW-Authenticate", bearer), ("WWW-Authenticate", msRtcOAuth)]
            case .combinedHeader: [("WWW-Authenticate", bearer + "," + msRtcOAuth)]
            }
        return .html(
            .unauthorized,
            "<!DOCTYPE html><html><head><title>401 - Unauthorized</title></head>"
                + "<body><h1>401 - Unauthorized: Access is denied due to invalid credentials.</h1></body></html>",
            headers: headers
        )
    }
}
