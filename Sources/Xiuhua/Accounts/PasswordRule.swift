/// The one rule every new password meets, wherever it is set: the API, the command line,
/// the demo seeder. 8 to 64 characters (and at most 72 bytes, all bcrypt reads), with at
/// least one letter and one digit, and not the username itself.
public enum PasswordRule {
    public static let minimumLength = 8
    public static let maximumLength = 64
    /// bcrypt ignores everything after the 72nd byte; a longer password would only seem stronger.
    public static let maximumBytes = 72

    /// The rule in one sentence, Chinese first.
    public static let statement =
        "密码须为 8–64 个字符（不超过 72 字节），至少含一个字母和一个数字，且不能与用户名相同 "
        + "(a password needs 8–64 characters, at most 72 bytes, at least one letter and one digit, and must differ from the username)"

    /// Nil when `password` meets the rule, or the message naming the rule it breaks.
    public static func problem(_ password: String, username: String) -> String? {
        let fits = (minimumLength...maximumLength).contains(password.count) && password.utf8.count <= maximumBytes
        let hasLetter = password.unicodeScalars.contains { $0.properties.isAlphabetic }
        let hasDigit = password.unicodeScalars.contains { ("0"..."9").contains($0) }
        let isUsername = password.lowercased() == username.lowercased()
        return fits && hasLetter && hasDigit && !isUsername ? nil : statement
    }
}
