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
        // One draw of 64 random bits gives all ten characters (31^10 < 2^50; the bias of
        // taking remainders of a 64-bit number is below 2^-14 per character): a draw per
        // character was ten system calls, visible in the profile of a burst of intake.
        let alphabet = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ".utf8)
        var bits = UInt64.random(in: 0...UInt64.max)
        var code = [UInt8](repeating: 0, count: 10)
        for index in 0..<10 {
            code[index] = alphabet[Int(bits % UInt64(alphabet.count))]
            bits /= UInt64(alphabet.count)
        }
        return String(decoding: code, as: UTF8.self)
    }
}
