import Bridge
import Foundation
import LocalAPIModels
import Logging
import UCWA

/// The account's conversation logs, read from UCWA on every call: the application's `communication` resource
/// links the `conversationLogs` collection (links only); each of the first ``limit`` logs is read, a few at a time,
/// and the answer is sorted newest first by `creationTime`.
///
/// A log that cannot be read is left out (and logged); the call fails only when the collection cannot be read or
/// no log can.
public struct ConversationLogDirectory: ConversationLogSource {
    let connection: any DispatchConnection
    let limit: Int
    let concurrency: Int
    let logger: Logger

    /// - Parameters:
    ///   - connection: the UCWA client (``UCWAClient`` conforms).
    ///   - limit: how many logs of the collection are read.
    ///   - concurrency: how many are read at once.
    public init(connection: any DispatchConnection, limit: Int = 50, concurrency: Int = 4, logger: Logger) {
        self.connection = connection
        self.limit = max(1, limit)
        self.concurrency = max(1, concurrency)
        self.logger = logger
    }

    public func conversationLogs() async throws(APIError) -> [ConversationLogView] {
        guard let context = await connection.application else {
            throw APIError(.unavailable, "no UCWA application is open yet; try again shortly")
        }
        guard let collectionHref = context.application.communication?.conversationLogs?.href else {
            throw APIError(
                .upstreamFailure,
                "the UCWA application has no conversationLogs link: conversation history is off for this account"
            )
        }
        let collection = try await fetch(ConversationLogs.self, collectionHref, what: "the conversationLogs collection")
        let links = Array(collection.conversationLogs.prefix(limit))
        let logs = await fetchAll(links)
        if logs.isEmpty, !links.isEmpty {
            throw APIError(.upstreamFailure, "none of the \(links.count) conversation logs could be read from UCWA")
        }
        return logs.sorted(by: Self.newestFirst)
    }

    private func fetchAll(_ links: [Link]) async -> [ConversationLogView] {
        await withTaskGroup(of: ConversationLogView?.self) { group in
            var views: [ConversationLogView] = []
            var pending = links.makeIterator()
            var running = 0
            // Keeps at most `concurrency` GETs in flight; each finished one starts the next.
            while running < concurrency, let link = pending.next() {
                group.addTask { await self.view(of: link) }
                running += 1
            }
            for await view in group {
                if let view {
                    views.append(view)
                }
                if let link = pending.next() {
                    group.addTask { await self.view(of: link) }
                }
            }
            return views
        }
    }

    private func view(of link: Link) async -> ConversationLogView? {
        do {
            let log = try await fetch(ConversationLog.self, link.href, what: "a conversation log")
            return ConversationLogView(
                href: link.href,
                subject: log.subject,
                creationTime: log.creationTime,
                recipients: log.recipients.map {
                    ConversationLogView.Recipient(name: $0.displayName, sipUri: $0.sipUri)
                }
            )
        } catch {
            logger.warning(
                "a conversation log could not be read",
                metadata: ["href": "\(link.href)", "error": "\(error)"]
            )
            return nil
        }
    }

    private func fetch<Resource: UCWAResource>(_ type: Resource.Type, _ href: String, what: String)
        async throws(APIError)
        -> Resource
    {
        let outcome = await connection.get(href, accept: .json)
        guard case .success(let response) = outcome else {
            throw APIError(.upstreamFailure, "UCWA did not return \(what): \(Self.summary(outcome))")
        }
        do {
            return try response.decode(type)
        } catch {
            throw APIError(.upstreamFailure, "UCWA returned \(what) that could not be read: \(error)")
        }
    }

    private static func summary(_ outcome: UCWAOutcome) -> String {
        switch outcome {
        case .success(let response): "HTTP \(response.status)"
        case .ucwaError(let response, let reason):
            "HTTP \(response.status) \(reason.code.rawValue)/\(reason.subcode?.rawValue ?? "-")"
        case .infrastructureError(let response): "HTTP \(response.status) without a UCWA body"
        case .notSent(let error), .ambiguous(let error): "\(error.reason)"
        }
    }

    /// Newest `creationTime` first; logs without one last, then by href for a stable order.
    static func newestFirst(_ left: ConversationLogView, _ right: ConversationLogView) -> Bool {
        switch (left.creationTime, right.creationTime) {
        case (let l?, let r?) where l != r: l > r
        case (nil, _?): false
        case (_?, nil): true
        default: left.href < right.href
        }
    }
}
