import Foundation

/// How long a text field of a request may be, by its name, and the one check every JSON
/// body, form and Open311 report passes before anything reads it.
///
/// A field's kind is read from its name (`reporter_phone` is a phone, `shop_name` a name,
/// `hazard_note` free text), so a new field is bounded the day it is added; the limits are
/// generous for what a person types and far below what a script can send.
enum TextLimits {
    /// Free text a person writes: descriptions, notes, reasons, orders, replies, reports.
    static let freeText = 4_000
    /// Photo references and media URLs.
    static let reference = 2_000
    /// Addresses and place descriptions.
    static let address = 300
    /// Names of people, shops, sites, campaigns …
    static let name = 100
    /// Phone numbers and similar contact fields.
    static let phone = 40
    /// Everything else: codes, ids, choices, short labels.
    static let other = 200
    /// The smallest of the limits above: a value no longer than this fits any field.
    static let smallest = min(freeText, reference, address, name, phone, other)

    /// Name endings of free-text fields.
    private static let freeTextEndings = [
        "description", "note", "notes", "reason", "order", "reply", "report", "requirement", "requirements",
        "finding", "findings", "remediation", "plan", "hazard", "comment", "comments", "text", "content",
        "summary", "answer", "remark", "remarks", "reuse", "measures", "target", "targets", "body", "message",
        "conditions", "condition", "duties", "terms", "rule", "rules",
    ]

    /// The most characters field `key` may hold.
    static func limit(for key: String) -> Int {
        let field = key.lowercased().filter { $0 != "_" && $0 != "-" }
        if freeTextEndings.contains(where: { field.hasSuffix($0) }) { return freeText }
        if ["photo", "media", "url", "attachment"].contains(where: { field.contains($0) }) { return reference }
        if ["phone", "mobile", "tel"].contains(where: { field.contains($0) }) || field.hasSuffix("contact") { return phone }
        if ["address", "location", "frontage"].contains(where: { field.contains($0) }) { return address }
        if ["name", "signatory", "signer", "title"].contains(where: { field.hasSuffix($0) }) { return name }
        return other
    }

    /// Nil when `value` fits field `key` (within `limit`, or the limit of its kind), else
    /// the 400 naming the field and its limit.
    static func refusal(_ key: String, _ value: String, limit given: Int? = nil) -> APIError? {
        // A UTF-8 count never undercounts characters, and is free for native strings. Most
        // values (codes, numbers, coordinates) are shorter than the smallest limit and pass
        // without their field's name being read: reading it costs more than the rest of an
        // Open311 report's checks, on the path that acknowledges ten thousand a second.
        guard value.utf8.count > given ?? smallest else { return nil }
        let limit = given ?? limit(for: key)
        guard value.utf8.count > limit else { return nil }
        let length = value.unicodeScalars.count
        guard length > limit else { return nil }
        return APIError.badRequest(
            "too_long", "\(key) 不能超过 \(limit) 字，收到 \(length) 字 (\(key) may be at most \(limit) characters, got \(length))"
        )
    }

    /// Checks every string of a JSON body, at any depth, against the limit of the key it
    /// sits under (an array's strings under the array's key). Bytes that are not JSON are
    /// left to the decoder, whose message says what is wrong with them.
    static func check(json data: Data) throws {
        guard let root = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { return }
        if let refusal = refusal(in: root, key: "body") { throw refusal }
    }

    private static func refusal(in value: Any, key: String) -> APIError? {
        switch value {
        case let text as String:
            return refusal(key, text)
        case let object as [String: Any]:
            for (name, item) in object {
                if let refusal = refusal(in: item, key: name) { return refusal }
            }
            return nil
        case let array as [Any]:
            for item in array {
                if let refusal = refusal(in: item, key: key) { return refusal }
            }
            return nil
        default:
            return nil
        }
    }

    /// The backstop of every staff page form: no field longer than free text may be. The
    /// forms check their own fields more finely and show the form again with the reason
    /// (a contract's signatory, a notice's rule); this only stops what no form would send.
    static func check(form fields: [String: [String]]) throws {
        if let refusal = refusal(form: fields, limit: freeText) { throw WebError.badRequest(refusal.message) }
    }

    /// Checks every field of a form (every value of a repeated field), each against
    /// `limit` or, without one, the limit of its kind.
    static func refusal(form fields: [String: [String]], limit: Int? = nil) -> APIError? {
        for (key, values) in fields {
            for value in values {
                if let refusal = refusal(key, value, limit: limit) { return refusal }
            }
        }
        return nil
    }
}
