/// A unified social credit code (统一社会信用代码, GB 32100-2015): the 18-character
/// identity every business, individual trader and institution carries on its licence.
///
/// Positions: 1 registering authority, 2 kind of entity, 3–8 the administrative division,
/// 9–17 the organisation code, 18 a check character over the first 17. The check is what
/// catches the usual typing slip (one wrong or two swapped characters) at import time.
public struct SocialCreditCode: Hashable, Sendable, Codable, CustomStringConvertible {
    public let text: String

    /// The 31 characters the standard uses: digits and capitals without I, O, S, V, Z.
    static let alphabet: [Character] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    /// 3^i mod 31 for positions 1–17, as the standard tabulates them.
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    public enum Problem: Error, Hashable, Sendable {
        case wrongLength(Int)
        case invalidCharacter(Character, position: Int)
        case divisionNotDigits
        case checkMismatch(expected: Character)
    }

    /// Checks `text` (spaces removed, lower case accepted) and keeps it in capitals.
    public init(_ text: String) throws(Problem) {
        let characters = Array(text.filter { !$0.isWhitespace }.uppercased())
        guard characters.count == 18 else { throw .wrongLength(characters.count) }
        var values: [Int] = []
        for (index, character) in characters.enumerated() {
            guard let value = Self.alphabet.firstIndex(of: character) else {
                throw .invalidCharacter(character, position: index + 1)
            }
            values.append(value)
        }
        guard characters[2..<8].allSatisfy(\.isASCIIDigit) else { throw .divisionNotDigits }
        let expected = Self.checkCharacter(values.prefix(17))
        guard characters[17] == expected else { throw .checkMismatch(expected: expected) }
        self.text = String(characters)
    }

    /// The check character of the first 17 values: 31 − (Σ value × weight mod 31), with 31 read as 0.
    static func checkCharacter(_ values: ArraySlice<Int>) -> Character {
        let sum = zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return alphabet[(31 - sum % 31) % 31]
    }

    /// The six-digit administrative division the entity was registered in.
    public var divisionCode: String { String(text.dropFirst(2).prefix(6)) }

    public var description: String { text }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            try self.init(text)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}

extension SocialCreditCode.Problem {
    /// What is wrong, in Chinese first.
    public var message: String {
        switch self {
        case .wrongLength(let count):
            "统一社会信用代码应为 18 位，实为 \(count) 位 (the code must have 18 characters, not \(count))"
        case .invalidCharacter(let character, let position):
            "统一社会信用代码第 \(position) 位“\(character)”不是允许的字符 (character \(position) is not allowed; I, O, S, V, Z are never used)"
        case .divisionNotDigits:
            "统一社会信用代码第 3–8 位应为行政区划代码数字 (characters 3–8 must be the division code digits)"
        case .checkMismatch(let expected):
            "统一社会信用代码校验位不符，按前 17 位应为“\(expected)” (check character wrong; the first 17 give \(expected))"
        }
    }
}

private extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
