import Testing

/// Returns once `condition` holds, yielding to other tasks in between; fails after a bounded number of looks. For a
/// state another task reaches without anything to await (a write handed over, a wait registered).
func until(_ condition: () -> Bool, sourceLocation: SourceLocation = #_sourceLocation) async throws {
    for _ in 0..<1_000_000 where !condition() {
        await Task.yield()
    }
    try #require(condition(), sourceLocation: sourceLocation)
}
