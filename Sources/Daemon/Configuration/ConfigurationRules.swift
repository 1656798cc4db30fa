/// Checks shared by several keys; each returns the value or throws a refusal naming the key and the source.
enum ConfigurationRules {
    /// An absolute path: the daemon runs with `/` as its working directory, so a relative one means nothing.
    static func absolutePath(_ value: Sourced<String>, key: String) throws(ConfigurationError) -> String {
        guard value.value.hasPrefix("/") else {
            throw value.refused(key, "must be an absolute path, but is \"\(value.value)\"")
        }
        return value.value
    }

    /// A text that is not empty or blank.
    static func nonEmpty(_ value: Sourced<String>, key: String) throws(ConfigurationError) -> String {
        guard !value.value.allSatisfy(\.isWhitespace) else {
            throw value.refused(key, "must not be empty")
        }
        return value.value
    }

    /// A whole number within `range`; `why` (if any) follows in parentheses.
    static func within(
        _ value: Sourced<Int>,
        _ range: ClosedRange<Int>,
        key: String,
        why: String? = nil
    ) throws(ConfigurationError) -> Int {
        guard range.contains(value.value) else {
            let reason = why.map { " (\($0))" } ?? ""
            throw value.refused(
                key,
                "must be between \(range.lowerBound) and \(range.upperBound)\(reason), but is \(value.value)"
            )
        }
        return value.value
    }

    /// A duration above zero.
    static func positive(_ value: Sourced<Duration>, key: String) throws(ConfigurationError) -> Duration {
        guard value.value > .zero else {
            throw value.refused(key, "must be longer than zero")
        }
        return value.value
    }

    /// A list of user or group ids: whole numbers from 0 to 4294967294 (`(uid_t) -1` means "no id").
    static func ids(_ value: Sourced<[Int]>, key: String) throws(ConfigurationError) -> [UInt32] {
        var ids: [UInt32] = []
        for id in value.value {
            guard id >= 0, id < Int(UInt32.max) else {
                throw value.refused(key, "must list non-negative ids below 4294967295, but lists \(id)")
            }
            ids.append(UInt32(id))
        }
        return ids
    }
}
