import UCWA

/// Attributes event-channel events to the operations this process started.
///
/// The order of calls matters and mirrors the protocol: an operation is registered *before* its
/// POST goes out, because its events can beat the 201; the 201's `Location` is recorded when it
/// arrives. An event belongs to an operation when `_embedded[link.rel].operationId` is its id, or
/// when its normalised `link.href` equals the operation's `Location` (the reference samples show
/// events without `_embedded`). An operation event that names no id and no known href is kept,
/// up to `unmatchedLimit`, in case a `Location` recorded later claims it. Events for ids that are
/// not registered (other clients, or attempts already given up) are ignored, never guessed at.
///
/// The correlator is a value with no concurrency of its own; its owner serialises access.
public struct OperationCorrelator: Sendable {
    private struct Pending: Sendable {
        var href: ResolvedHref
        var progress: OperationProgress
    }

    private let origin: UCWAOrigin
    private let unmatchedLimit: Int
    private var registered: Set<OperationID> = []
    private var operationByHref: [ResolvedHref: OperationID] = [:]
    /// The keys of ``operationByHref`` by operation, so that forgetting one does not walk every operation in flight.
    private var hrefsByOperation: [OperationID: [ResolvedHref]] = [:]
    private var unmatched: [Pending] = []

    /// - Parameters:
    ///   - origin: the UCWA origin that relative hrefs resolve against.
    ///   - unmatchedLimit: how many unattributed operation events to keep for a later `Location`.
    public init(origin: UCWAOrigin, unmatchedLimit: Int = 256) {
        self.origin = origin
        self.unmatchedLimit = unmatchedLimit
    }

    /// The operations currently registered.
    public var operations: Set<OperationID> {
        registered
    }

    /// Registers an operation; call it before the POST that starts the operation.
    public mutating func register(_ id: OperationID) {
        registered.insert(id)
    }

    /// Forgets an operation and its href; its later events are ignored.
    public mutating func unregister(_ id: OperationID) {
        registered.remove(id)
        for href in hrefsByOperation.removeValue(forKey: id) ?? [] where operationByHref[href] == id {
            operationByHref[href] = nil
        }
    }

    /// Records the 201's `Location` of a registered operation, and returns the progress of events
    /// that arrived earlier, naming only that href, in the order they arrived.
    public mutating func recordLocation(_ location: String, for id: OperationID) -> [OperationUpdate] {
        guard registered.contains(id), let href = try? origin.resolve(location) else { return [] }
        map(href, to: id)
        let claimed = unmatched.filter { $0.href == href }
        unmatched.removeAll { $0.href == href }
        return claimed.map { OperationUpdate(operationID: id, progress: $0.progress) }
    }

    /// The progress this event reports for one of our operations, or `nil` when it is not ours.
    public mutating func correlate(_ event: Event) -> OperationUpdate? {
        // Most events of a busy channel are about other resources: the cheap checks come before any decoding.
        guard Self.operationEventTypes.contains(event.type) else { return nil }
        if let rawID = event.operationId {
            guard let id = try? OperationID(validating: rawID), registered.contains(id),
                let progress = progress(of: event)
            else { return nil }
            if let href = try? origin.resolve(event.link.href) {
                map(href, to: id)
            }
            return OperationUpdate(operationID: id, progress: progress)
        }
        guard event.type != .updated || !operationByHref.isEmpty,
            let href = try? origin.resolve(event.link.href),
            let progress = progress(of: event)
        else { return nil }
        if let id = operationByHref[href] {
            return OperationUpdate(operationID: id, progress: progress)
        }
        // Only the start and the end of an operation are worth keeping for a `Location` to come;
        // `updated` events without an id are mostly about plain resources.
        if event.type != .updated, !registered.isEmpty {
            unmatched.append(Pending(href: href, progress: progress))
            if unmatched.count > unmatchedLimit {
                unmatched.removeFirst(unmatched.count - unmatchedLimit)
            }
        }
        return nil
    }

    private mutating func map(_ href: ResolvedHref, to id: OperationID) {
        guard operationByHref.updateValue(id, forKey: href) != id else { return }
        hrefsByOperation[id, default: []].append(href)
    }

    /// The event types an operation's progress comes in.
    private static let operationEventTypes: Set<EventType> = [.started, .updated, .completed]

    /// The progress `event` reports for the operation it names by its `operationId`, registered or not; `nil` for an
    /// event that names none or is not an operation's. What an event batch is recorded with
    /// (``RequestStore/recordEventBatch(nextHref:progress:)``) before this process attributes it.
    public static func update(namedBy event: Event, origin: UCWAOrigin) -> OperationUpdate? {
        guard operationEventTypes.contains(event.type), let rawID = event.operationId,
            let id = try? OperationID(validating: rawID), let progress = progress(of: event, origin: origin)
        else { return nil }
        return OperationUpdate(operationID: id, progress: progress)
    }

    private func progress(of event: Event) -> OperationProgress? {
        Self.progress(of: event, origin: origin)
    }

    /// The progress an operation event reports; `nil` for event types operations do not have.
    ///
    /// The embedded invitation is read in place (its `_links.self.href` and `state`) rather than decoded whole.
    private static func progress(of event: Event, origin: UCWAOrigin) -> OperationProgress? {
        switch event.type {
        case .started:
            let selfLink = event.embeddedResource?["_links"]?["self"]
            let selfHref = (selfLink?.arrayValue?.first ?? selfLink)?["href"]?.stringValue ?? event.link.href
            return .started(invitation: try? origin.resolve(selfHref))
        case .updated:
            return .updated(state: event.embeddedResource?["state"]?.stringValue.map(InvitationState.init(rawValue:)))
        case .completed:
            if event.status?.isSuccess == true {
                return .completed(.succeeded)
            }
            return .completed(.failed(event.reason))
        default:
            return nil
        }
    }
}
