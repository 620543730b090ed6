/// Masks a phone number for people who must not see it (个人信息保护法).
public enum PhoneMask {
    /// Keeps the first three and last four digits of a long number ("138****5678"); a short
    /// number keeps only its last two, so that a masked value never reveals most of it.
    public static func mask(_ phone: String) -> String {
        let characters = Array(phone)
        if characters.count >= 8 {
            return String(characters.prefix(3)) + String(repeating: "*", count: characters.count - 7) + String(characters.suffix(4))
        }
        if characters.count > 2 {
            return String(repeating: "*", count: characters.count - 2) + String(characters.suffix(2))
        }
        return String(repeating: "*", count: characters.count)
    }
}
