import Foundation
import Logging
import XiuhuaStore

/// A duration as milliseconds, the unit the benchmarks print.
func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

/// CPU time of the calling thread, so a figure measured on a busy machine still says how
/// fast the code is.
func threadCPUSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

/// CPU time of the whole process (every thread, user and system), for figures that span
/// many threads, like a server and its clients in one process.
func processCPUSeconds() -> Double {
    var usage = rusage()
    #if os(Linux)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

/// The store a benchmark measures: PostgreSQL at `database` (a postgres:// URL) when given,
/// else SQLite in `directory`. Both as the server opens them, so the figures compare the
/// backends and nothing else.
func openBenchStore(database: String?, directory: String, logger: Logger) async throws -> Store {
    guard let database else { return try await Store.openSQLite(dataDirectory: directory, logger: logger) }
    guard database.hasPrefix("postgres://") || database.hasPrefix("postgresql://") else {
        throw CLIError("--database 需要 postgres:// 地址 (--database takes a postgres:// URL; without it the benchmark uses SQLite)")
    }
    return try await Store.openPostgres(url: database, filesDirectory: directory, logger: logger)
}

/// The backend in a benchmark's closing lines.
func benchBackendDescription(database: String?) -> String {
    database == nil
        ? "SQLite, WAL, synchronous=\(SQLiteEngine.defaultSynchronous) (durable commits)"
        : "PostgreSQL (commit durability as the server is configured)"
}
