import Foundation
import UCWA

extension DaemonConfiguration {
    /// The `ucwa` section: where discovery starts, the account, and the HTTP settings toward the server.
    ///
    /// Exactly one of ``discoveryURL`` and ``signInAddress`` is set in a loaded configuration, and exactly one of
    /// ``passwordFile`` and ``tokenFile`` (unless it was loaded without requiring credentials).
    public struct UCWASettings: Sendable, Equatable {
        /// `ucwa.discoveryURL`: an explicit discovery URL; `https`, or `http` only for a loopback host.
        public var discoveryURL: URL?
        /// `ucwa.signInAddress`: a `user@domain` address whose domain names the discovery hosts.
        public var signInAddress: String?
        /// `ucwa.username`: the user of the password grant.
        public var username: String?
        /// `ucwa.passwordFile`: the path of the file holding the password (normally a systemd credential).
        public var passwordFile: String?
        /// `ucwa.tokenFile`: the path of the file holding a bearer token, instead of a password.
        public var tokenFile: String?
        /// `ucwa.contentType`: the body format of continueMessaging (`json` or `xml`); default `json`.
        public var contentType: UCWABodyFormat
        /// `ucwa.caFile`: an extra PEM trust root, added to the system's.
        public var caFile: String?
        /// `ucwa.userAgent`: the application's `userAgent`; default `ucwa-bridge`.
        public var userAgent: String
        /// `ucwa.eventTimeout`: the P-GET `timeout` parameter, 180 s to 1800 s; default 180 s.
        public var eventTimeout: Duration
        /// `ucwa.hostMapping`: for test setups, hosts (lower case) mapped to the base URL to connect to instead,
        /// written `host=http://127.0.0.1:8443`; default none.
        public var hostMapping: [String: URL]

        /// Creates the section; the defaults are the documented ones.
        public init(
            discoveryURL: URL? = nil,
            signInAddress: String? = nil,
            username: String? = nil,
            passwordFile: String? = nil,
            tokenFile: String? = nil,
            contentType: UCWABodyFormat = .json,
            caFile: String? = nil,
            userAgent: String = "ucwa-bridge",
            eventTimeout: Duration = .seconds(180),
            hostMapping: [String: URL] = [:]
        ) {
            self.discoveryURL = discoveryURL
            self.signInAddress = signInAddress
            self.username = username
            self.passwordFile = passwordFile
            self.tokenFile = tokenFile
            self.contentType = contentType
            self.caFile = caFile
            self.userAgent = userAgent
            self.eventTimeout = eventTimeout
            self.hostMapping = hostMapping
        }
    }
}
