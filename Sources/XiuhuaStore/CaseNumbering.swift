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
        return prefix + Self.zeroPadded(parts.year ?? 0, width: 4) + Self.zeroPadded(parts.month ?? 0, width: 2)
            + Self.zeroPadded(parts.day ?? 0, width: 2)
    }

    /// `value` padded with zeros to `width` digits (faster than `String(format:)`, which
    /// showed in the profile of intake).
    private static func zeroPadded(_ value: Int, width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    func number(dayKey: String, sequence: Int) -> String {
        dayKey + Self.zeroPadded(sequence, width: 5)
    }

    /// A ticket code the citizen types to follow the case: 10 characters from an alphabet
    /// without look-alikes (0/O, 1/I/L), about 49 bits — not guessable.
    public static func ticketCode() -> String {
        let alphabet = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")
        var generator = SystemRandomNumberGenerator()
        return String((0..<10).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
    }
}
