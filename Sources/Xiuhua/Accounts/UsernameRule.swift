/// Usernames are what people type to sign in and what the command line names: 1–64
/// letters, digits, `.`, `_` or `-`.
public enum UsernameRule {
    public static let statement = "用户名须为 1–64 个字母、数字、“.”、“_”或“-” (a username is 1–64 letters, digits, '.', '_' or '-')"

    /// Nil when `username` meets the rule, or the message naming the rule.
    public static func problem(_ username: String) -> String? {
        let allowed = username.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || ".-_".unicodeScalars.contains($0)) }
        return (1...64).contains(username.count) && allowed ? nil : statement
    }
}
