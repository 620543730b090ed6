/// Masks a person's name for people who must not see it (个人信息保护法).
public enum NameMask {
    /// Keeps the family name and, for three or more characters, the last character:
    /// "张三" → "张*", "张小明" → "张*明".
    public static func mask(_ name: String) -> String {
        let characters = Array(name)
        switch characters.count {
        case 0: return ""
        case 1: return "*"
        case 2: return String(characters[0]) + "*"
        default: return String(characters[0]) + String(repeating: "*", count: characters.count - 2) + String(characters[characters.count - 1])
        }
    }
}
