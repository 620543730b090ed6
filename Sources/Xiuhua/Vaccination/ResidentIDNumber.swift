/// A citizen's identity number (公民身份号码, GB 11643-1999): 6 digits of the place of
/// registration, 8 of the birth date, 3 of sequence (odd for men) and a check character
/// (ISO 7064 MOD 11-2, `X` standing for 10).
public struct ResidentIDNumber: Hashable, Sendable, CustomStringConvertible {
    public let text: String
    public let birthDate: LocalDate

    static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    static let checkCharacters: [Character] = ["1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"]

    /// Why a text is not an identity number.
    public enum Problem: String, Error, Hashable, Sendable {
        case length
        case characters
        case birthDate
        case checksum

        public var message: String {
            switch self {
            case .length: "身份证号应为 18 位 (an ID number has 18 characters)"
            case .characters: "身份证号前 17 位应为数字，末位为数字或 X (17 digits, then a digit or X)"
            case .birthDate: "身份证号中的出生日期无效 (the birth date in the ID number is not a date)"
            case .checksum: "身份证号校验位不对 (the check character does not match, GB 11643)"
            }
        }
    }

    /// Parses and checks `text`; a lower-case `x` is accepted and stored upper-case.
    public init(_ text: String) throws(Problem) {
        let characters = Array(text.uppercased())
        guard characters.count == 18 else { throw .length }
        let digits = characters.prefix(17).compactMap(\.wholeNumberValue)
        guard digits.count == 17, characters.prefix(17).allSatisfy(\.isASCII),
              characters[17].isASCII, characters[17].isNumber || characters[17] == "X"
        else { throw .characters }
        guard let birth = LocalDate(
            year: digits[6] * 1000 + digits[7] * 100 + digits[8] * 10 + digits[9],
            month: digits[10] * 10 + digits[11],
            day: digits[12] * 10 + digits[13]
        ), birth.year >= 1900 else { throw .birthDate }
        guard Self.checkCharacter(of: digits) == characters[17] else { throw .checksum }
        self.text = String(characters)
        self.birthDate = birth
    }

    /// The check character of the first 17 digits.
    static func checkCharacter(of digits: [Int]) -> Character {
        let sum = zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return checkCharacters[sum % 11]
    }

    /// A valid number for `area` (6 digits), `birth` and `sequence` (0…999), for demo and
    /// test residents: synthetic, never a real person's.
    public static func synthetic(area: String, birth: LocalDate, sequence: Int) -> ResidentIDNumber {
        func padded(_ number: Int, _ width: Int) -> String {
            let text = String(number)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        let body = area + padded(birth.year, 4) + padded(birth.month, 2) + padded(birth.day, 2) + padded(sequence % 1000, 3)
        let check = checkCharacter(of: body.compactMap(\.wholeNumberValue))
        // Built from digits with the right check character, so it always parses.
        return try! ResidentIDNumber(body + String(check))
    }

    /// The number with the birth date and sequence hidden: `140213********123X`.
    public var masked: String {
        String(text.prefix(6)) + String(repeating: "*", count: 8) + String(text.suffix(4))
    }

    public var description: String { text }
}
