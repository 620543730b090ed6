import Foundation

/// How case numbers and ticket codes are made.
///
/// A case number is the district's prefix, the local date and a five-digit sequence that
/// restarts every day: `PC2026112900001`. The sequence is drawn inside the transaction
/// that writes the case, so numbers are unique and gap-free even under concurrent intake.
public struct CaseNumbering: Sendable {
    public let prefix: String
    public let timeZone: TimeZone

    public init(prefix: String, timeZone: TimeZone) {
        self.prefix = prefix
        self.timeZone = timeZone
    }

    /// The counter key for the day `instant` falls on: prefix and local date.
    func dayKey(_ instant: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return String(format: "%@%04d%02d%02d", prefix, parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    func number(dayKey: String, sequence: Int) -> String {
        dayKey + String(format: "%05d", sequence)
    }

    /// A ticket code the citizen types to follow the case: 10 characters from an alphabet
    /// without look-alikes (0/O, 1/I/L), about 49 bits — not guessable.
    static func ticketCode() -> String {
        let alphabet = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")
        var generator = SystemRandomNumberGenerator()
        return String((0..<10).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
    }
}
