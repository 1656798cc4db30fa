#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// `CLOCK_MONOTONIC`, the clock against which systemd reads the `MONOTONIC_USEC=` of `RELOADING=1`.
enum MonotonicTime {
    /// Now, in microseconds since an arbitrary point (the boot, on Linux).
    static func microseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1_000
    }
}
