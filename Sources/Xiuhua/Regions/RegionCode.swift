import Foundation

/// The standard region codes: 6-digit 区划, then 3 digits per level down to the
/// 15-digit 单元网格标识码 (6 区划 + 3 街道 + 3 社区 + 3 顺序码).
public enum RegionCode {
    /// Brings a code to its standard form: legacy 14-digit grid codes (2-digit sequence,
    /// CJ/T 213 style) get their sequence left-padded to 3 digits.
    public static func normalized(_ code: String, level: RegionLevel) -> String {
        let trimmed = code.trimmingCharacters(in: .whitespaces)
        if level == .grid, trimmed.count == 14, isDigits(trimmed) {
            return String(trimmed.prefix(12)) + "0" + String(trimmed.suffix(2))
        }
        return trimmed
    }

    /// Why `code` is not a valid code for `level` under `parentCode`, or nil when it is.
    public static func problem(with code: String, level: RegionLevel, parentCode: String?) -> String? {
        guard code.count == level.codeLength, isDigits(code) else {
            return "\(level.label)编码应为\(level.codeLength)位数字，实际为“\(code)”"
        }
        if let parentCode, level != .district, !code.hasPrefix(parentCode) {
            return "\(level.label)编码“\(code)”应以上级编码“\(parentCode)”开头"
        }
        if code.hasSuffix("000"), level != .district {
            return "\(level.label)编码“\(code)”的本级顺序码不能为000"
        }
        return nil
    }

    private static func isDigits(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { ("0"..."9").contains($0) }
    }
}
