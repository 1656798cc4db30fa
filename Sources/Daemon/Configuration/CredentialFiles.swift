import Foundation

/// Which secret file the daemon authenticates with: `ucwa.passwordFile` or `ucwa.tokenFile`, or, when neither is
/// set, the systemd credential named `password` or `token` in `$CREDENTIALS_DIRECTORY`.
///
/// Only paths are handled here; no secret file is opened or required to exist (the client reads it when it
/// authenticates, so a credential that appears later still works).
struct CredentialFiles: Equatable {
    var passwordFile: String?
    var tokenFile: String?

    static let passwordKey = "ucwa.passwordFile"
    static let tokenKey = "ucwa.tokenFile"
    static let directoryVariable = "CREDENTIALS_DIRECTORY"

    /// Resolves the files: at most one may be configured; without one, the credentials directory is looked at.
    ///
    /// - Throws: ``ConfigurationError`` when both are set, when a path is relative, when the credentials directory
    ///   holds both credentials, or (if `required`) when none results.
    static func resolve(
        password: Sourced<String>?,
        token: Sourced<String>?,
        environment: [String: String],
        required: Bool
    ) throws(ConfigurationError) -> CredentialFiles {
        switch (password, token) {
        case (.some, .some(let token)):
            throw token.refused(tokenKey, "must not be set together with \(passwordKey); set exactly one of them")
        case (.some(let password), nil):
            return CredentialFiles(passwordFile: try ConfigurationRules.absolutePath(password, key: passwordKey))
        case (nil, .some(let token)):
            return CredentialFiles(tokenFile: try ConfigurationRules.absolutePath(token, key: tokenKey))
        case (nil, nil):
            return try fromCredentialsDirectory(environment[directoryVariable], required: required)
        }
    }

    private static func fromCredentialsDirectory(
        _ directory: String?,
        required: Bool
    ) throws(ConfigurationError) -> CredentialFiles {
        let missing = ConfigurationError(
            key: passwordKey,
            problem: "is missing: set it or \(tokenKey), or pass a systemd credential named password or token"
        )
        guard let directory, !directory.isEmpty else {
            if required { throw missing }
            return CredentialFiles()
        }
        let base = URL(fileURLWithPath: directory, isDirectory: true)
        let password = base.appendingPathComponent("password").path
        let token = base.appendingPathComponent("token").path
        switch (isFile(password), isFile(token)) {
        case (true, true):
            throw ConfigurationError(
                key: passwordKey,
                problem: "is not set and the credentials directory \(directory) holds both password and token; "
                    + "set \(passwordKey) or \(tokenKey) to choose",
                source: SourceName.credentialsDirectory
            )
        case (true, false):
            return CredentialFiles(passwordFile: password)
        case (false, true):
            return CredentialFiles(tokenFile: token)
        case (false, false):
            if required { throw missing }
            return CredentialFiles()
        }
    }

    /// Whether `path` names something that is not a directory; its content is not read.
    private static func isFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }
}
