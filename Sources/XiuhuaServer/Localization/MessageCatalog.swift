import Hummingbird

/// A message catalog for one area of the pages: every key has its zh-CN and English text.
/// Texts with `{name}` placeholders are filled by `text(_:_:_:)`.
protocol MessageCatalog {
    associatedtype Key: Hashable & CaseIterable & RawRepresentable where Key.RawValue == String
    static var table: [Key: (zh: String, en: String)] { get }
}

extension MessageCatalog {
    static func text(_ key: Key, _ language: UILanguage) -> String {
        guard let pair = table[key] else { return key.rawValue }
        return language == .zh ? pair.zh : pair.en
    }

    /// The text with each `{name}` replaced by its value.
    static func text(_ key: Key, _ language: UILanguage, _ values: [String: String]) -> String {
        values.reduce(text(key, language)) { $0.replacingOccurrences(of: "{\($1.key)}", with: $1.value) }
    }

    /// Keys without a text in the table; a test keeps this empty.
    static var missingKeys: [Key] { Key.allCases.filter { table[$0] == nil } }
}

extension UILanguage {
    static let cookieName = "xiuhua_lang"

    /// The language of a page: `?lang=` first, then the choice remembered in a cookie,
    /// then Chinese.
    static func page(_ request: Request) -> UILanguage {
        if let asked = request.uri.queryParameters["lang"] {
            return asked == "en" ? .en : .zh
        }
        return request.cookies[cookieName]?.value == "en" ? .en : .zh
    }

    /// The other language, for the switch link.
    var other: UILanguage { self == .zh ? .en : .zh }

    /// The short code a link carries (`zh` or `en`).
    var code: String { self == .zh ? "zh" : "en" }
}
