import Logging

/// swift-log's `StreamLogHandler` output (key=value lines on standard output), with the
/// metadata rendered only when a line is written. `StreamLogHandler` renders it again each
/// time a key is set, and the server sets several on every request (request id, method,
/// path) whether anything is logged or not: a few per cent of the CPU of a busy server.
struct LineLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(
        level: Logger.Level, message: Logger.Message, metadata extra: Logger.Metadata?,
        source: String, file: String, function: String, line: UInt
    ) {
        var stream = StreamLogHandler.standardOutput(label: label)
        stream.logLevel = .trace
        stream.metadata = metadata
        stream.log(level: level, message: message, metadata: extra, source: source, file: file, function: function, line: line)
    }
}
