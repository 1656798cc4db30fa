import UCWA

/// A conversationLog href checked against the UCWA origin and the application, and carried over to a re-created
/// application.
///
/// The daemon refuses hrefs outside the UCWA origin or not under the `applications` collection (no request
/// forgery through the daemon). After the application is created again its id changes; a log href of the old
/// application is then rebased: the same path after the application id, under the new application.
public struct ConversationLogHref: Sendable, Hashable {
    /// The resolved href as the client gave it.
    public let resolved: ResolvedHref

    /// Checks `href` against `application`'s origin and `applications` collection.
    public init(validating href: String, application: ApplicationContext) throws(SubmissionError) {
        let resolved: ResolvedHref
        do {
            resolved = try application.origin.resolve(href)
        } catch {
            throw SubmissionError(code: .invalidHref, reason: "the conversationLog href: \(error.reason)")
        }
        guard resolved.origin == application.origin else {
            throw SubmissionError(
                code: .hrefOutsideApplication,
                reason: "\(resolved.origin) is not the UCWA origin \(application.origin)"
            )
        }
        let collection = Self.collectionPath(of: application.selfHref)
        guard resolved.path.hasPrefix(collection + "/"), Self.suffix(of: resolved.path, under: collection) != nil
        else {
            throw SubmissionError(
                code: .hrefOutsideApplication,
                reason: "the conversationLog href is not under an application (\(collection)/…)"
            )
        }
        self.resolved = resolved
    }

    /// The href to use with `application`: unchanged when it is under that application, else rebased onto it.
    public func href(for application: ApplicationContext) -> String {
        let own = application.selfHref.path + "/"
        if resolved.path.hasPrefix(own) {
            return resolved.pathAndQuery
        }
        let collection = Self.collectionPath(of: application.selfHref)
        guard let suffix = Self.suffix(of: resolved.path, under: collection) else {
            return resolved.pathAndQuery
        }
        let path = application.selfHref.path + "/" + suffix
        return resolved.query.map { "\(path)?\($0)" } ?? path
    }

    /// `/ucwa/oauth/v1/applications` for the application `/ucwa/oauth/v1/applications/105`.
    private static func collectionPath(of application: ResolvedHref) -> String {
        guard let slash = application.path.lastIndex(of: "/") else { return application.path }
        return String(application.path[..<slash])
    }

    /// `communication/conversationLogs/x1` for `{collection}/105/communication/conversationLogs/x1`.
    private static func suffix(of path: String, under collection: String) -> String? {
        let rest = path.dropFirst(collection.count + 1)
        guard let slash = rest.firstIndex(of: "/"), rest.startIndex < slash else { return nil }
        let suffix = rest[rest.index(after: slash)...]
        return suffix.isEmpty ? nil : String(suffix)
    }
}
