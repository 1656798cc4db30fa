import Foundation
import UCWA

/// The start or the end of an operation that an event batch carried, recorded on the request whose current attempt
/// it is, in the transaction that records the batch's `next` href
/// (``RequestStore/recordEventBatch(nextHref:progress:)``).
///
/// The request's own commit of that progress follows a moment later; a crash in between would otherwise lose it for
/// good, since the server does not serve an acknowledged batch again. A restart hands it to the restored run
/// (``Dispatcher/restore(_:applicationReused:recorded:)``): a `completed` ends the request without a wait and without a
/// second POST, a `started` proves that the server has the message, as a stored 201 does.
public struct RecordedProgress: Sendable, Hashable {
    enum Kind: String, Sendable {
        case started
        case succeeded
        case failed
    }

    /// The operation the event named.
    public let operationID: OperationID
    let kind: Kind
    /// `started`: the invitation's href; `failed`: the reason as JSON, when the event had one.
    let detail: String?

    /// The record of `update`; `nil` for progress a restart does not need (`updated`).
    public init?(_ update: OperationUpdate) {
        operationID = update.operationID
        switch update.progress {
        case .started(let invitation):
            kind = .started
            detail = invitation?.description
        case .completed(.succeeded):
            kind = .succeeded
            detail = nil
        case .completed(.failed(let reason)):
            kind = .failed
            detail = reason.flatMap { try? JSONEncoder().encode($0) }.map { String(decoding: $0, as: UTF8.self) }
        case .updated:
            return nil
        }
    }

    /// Reads the stored columns back; `nil` when they do not make a record.
    init?(operationID: String?, kind: String?, detail: String?) {
        guard let operationID, let kind = kind.flatMap(Kind.init(rawValue:)),
            let id = try? OperationID(validating: operationID)
        else { return nil }
        self.operationID = id
        self.kind = kind
        self.detail = detail
    }

    /// Whether the record is of the operation's end.
    var isCompletion: Bool {
        kind != .started
    }

    /// The progress as the correlator would have reported it, its hrefs resolved against `origin`.
    public func update(origin: UCWAOrigin) -> OperationUpdate {
        let progress: OperationProgress =
            switch kind {
            case .started: .started(invitation: detail.flatMap { try? origin.resolve($0) })
            case .succeeded: .completed(.succeeded)
            case .failed:
                .completed(.failed(detail.flatMap { try? JSONDecoder().decode(ErrorReason.self, from: Data($0.utf8)) }))
            }
        return OperationUpdate(operationID: operationID, progress: progress)
    }
}
