import Bridge
import LocalAPIModels
import Prometheus
import Synchronization

/// The daemon's Prometheus metrics (see ``MetricNames``), in a registry of its own so that several can live in one
/// process (tests) and nothing depends on the global `MetricsSystem`.
///
/// Where the numbers come from: outcomes, retries and latencies from a ``MeteredJournal`` around the dispatcher's
/// journal (and cancellations from the API); attempts, ambiguous re-sends and channel resets from the dispatcher's
/// ``DispatchCounters``, queue depth and reconnects from the health report, both read at each scrape
/// (``refresh(health:counters:)``).
public final class BridgeMetrics: Sendable {
    /// The registry the metrics live in; ``exposition()`` renders it.
    public let registry: PrometheusCollectorRegistry

    private let oldestAge: Gauge
    private let attempts: Counter
    private let ambiguousResends: Counter
    private let reconnects: Counter
    private let resets: Counter
    private let latency: ValueHistogram
    private let mirrored = Mutex(Mirrored())

    /// The last values copied from cumulative sources, to turn them into counter increments.
    private struct Mirrored {
        var attempts = 0
        var ambiguousResends = 0
        var reconnects = 0
        var resets = 0
    }

    /// The latency buckets, in seconds: an invitation is answered within its 30 s time-out, plus margins.
    static let latencyBuckets: [Double] = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 45, 60, 120]

    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        oldestAge = registry.makeGauge(
            descriptor: Self.descriptor(
                MetricNames.queueOldestAge,
                "Seconds since the oldest waiting request was accepted"
            )
        )
        attempts = registry.makeCounter(
            descriptor: Self.descriptor(MetricNames.attempts, "continueMessaging attempts started")
        )
        ambiguousResends = registry.makeCounter(
            descriptor: Self.descriptor(
                MetricNames.ambiguousResends,
                "Attempts sent again after their outcome stayed unknown"
            )
        )
        reconnects = registry.makeCounter(
            descriptor: Self.descriptor(MetricNames.eventChannelReconnects, "Event channel reconnects")
        )
        resets = registry.makeCounter(
            descriptor: Self.descriptor(MetricNames.eventChannelResets, "Event channel resets seen by the dispatcher")
        )
        latency = registry.makeValueHistogram(
            descriptor: Self.descriptor(
                MetricNames.dispatchToCompleted,
                "Seconds from the start of the final attempt to delivered or failed"
            ),
            buckets: Self.latencyBuckets
        )
        for state in RequestState.allCases {
            _ = queueGauge(state)
        }
        for outcome in [RequestState.delivered, .failed, .cancelled, .expired] {
            _ = outcomeCounter(outcome)
        }
    }

    /// Wraps the dispatcher's journal so that what it stores is counted.
    public func journal(wrapping base: any RequestJournal) -> MeteredJournal {
        MeteredJournal(wrapping: base, metrics: self)
    }

    /// Counts a request that ended in `state` (`delivered`, `failed`, `cancelled` or `expired`).
    public func recordOutcome(_ state: RequestState) {
        guard state.isTerminal else { return }
        outcomeCounter(state).increment()
    }

    /// Counts a retry scheduled because of `reason`.
    func recordRetry(reason: String) {
        registry.makeCounter(
            descriptor: Self.descriptor(MetricNames.retries, "Retries scheduled, by what the attempt before got"),
            labels: [("reason", reason)]
        ).increment()
    }

    /// Records a dispatch-to-completed latency.
    func recordCompletion(seconds: Double) {
        latency.record(max(0, seconds))
    }

    /// Counts one API answer.
    func recordAPIRequest(method: String, route: String, status: Int) {
        registry.makeCounter(
            descriptor: Self.descriptor(MetricNames.apiRequests, "API requests answered"),
            labels: [("method", method), ("route", route), ("status", String(status))]
        ).increment()
    }

    /// Copies the scrape-time numbers: queue depth and reconnects from `health`, the dispatcher's counters.
    public func refresh(health: HealthView?, counters: DispatchCounters?) {
        if let health {
            for state in RequestState.allCases {
                queueGauge(state).set(Double(health.queue.byState[state.rawValue] ?? 0))
            }
            oldestAge.set(health.queue.oldestQueuedAgeSeconds ?? 0)
        }
        let increments = mirrored.withLock { last -> Mirrored in
            var delta = Mirrored()
            if let health {
                delta.reconnects = Self.advance(&last.reconnects, to: health.eventChannel.reconnects)
            }
            if let counters {
                delta.attempts = Self.advance(&last.attempts, to: counters.attempts)
                delta.ambiguousResends = Self.advance(&last.ambiguousResends, to: counters.ambiguousResends)
                delta.resets = Self.advance(&last.resets, to: counters.channelResets)
            }
            return delta
        }
        attempts.increment(by: Int64(increments.attempts))
        ambiguousResends.increment(by: Int64(increments.ambiguousResends))
        reconnects.increment(by: Int64(increments.reconnects))
        resets.increment(by: Int64(increments.resets))
    }

    /// The Prometheus text exposition of every metric.
    public func exposition() -> String {
        registry.emitToString()
    }

    /// The increase from `last` to `value`; a smaller value (a new source) counts from zero.
    private static func advance(_ last: inout Int, to value: Int) -> Int {
        let delta = value >= last ? value - last : value
        last = value
        return delta
    }

    /// A descriptor whose name is `name` as given.
    private static func descriptor(_ name: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(metricName: name, unitName: "", helpText: help)
    }

    private func queueGauge(_ state: RequestState) -> Gauge {
        registry.makeGauge(
            descriptor: Self.descriptor(MetricNames.queueRequests, "Requests in the store by state"),
            labels: [("state", state.rawValue)]
        )
    }

    private func outcomeCounter(_ state: RequestState) -> Counter {
        registry.makeCounter(
            descriptor: Self.descriptor(MetricNames.requestsFinished, "Requests that ended, by outcome"),
            labels: [("outcome", state.rawValue)]
        )
    }
}
