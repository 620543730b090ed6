import Crypto
import Foundation

/// The tamper-evident chain of a case's events: each event's hash covers the case number,
/// its position, the previous event's hash and its own canonical JSON, so changing,
/// removing or reordering any stored event breaks every hash after it.
enum EventChain {
    /// The "previous hash" of a case's first event.
    static let genesis = String(repeating: "0", count: 64)

    static func hash(caseNumber: String, seq: Int, previous: String, body: Data) -> String {
        var hasher = SHA256()
        hasher.update(data: Data("\(caseNumber)\n\(seq)\n\(previous)\n".utf8))
        hasher.update(data: body)
        return Hex.string(hasher.finalize())
    }
}
