/// HTML that is safe to send: literal text written in the source is trusted, and every
/// `String` interpolated into it is escaped. A page is built only from `Markup`, so text
/// from a request or the database cannot become markup by mistake.
struct Markup: ExpressibleByStringInterpolation, Sendable {
    let html: String

    init(stringLiteral value: String) {
        html = value
    }

    init(stringInterpolation: StringInterpolation) {
        html = stringInterpolation.html
    }

    private init(trusted html: String) {
        self.html = html
    }

    static let empty = Markup(trusted: "")

    /// Several fragments one after another.
    init(joining parts: [Markup], separator: Markup = .empty) {
        html = parts.map(\.html).joined(separator: separator.html)
    }

    struct StringInterpolation: StringInterpolationProtocol {
        var html = ""

        init(literalCapacity: Int, interpolationCount: Int) {
            html.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        mutating func appendLiteral(_ literal: String) { html += literal }
        mutating func appendInterpolation(_ text: String) { html += text.htmlEscaped }
        mutating func appendInterpolation(_ text: Substring) { html += String(text).htmlEscaped }
        mutating func appendInterpolation(_ markup: Markup) { html += markup.html }
        mutating func appendInterpolation(_ markup: Markup?) { html += markup?.html ?? "" }
        mutating func appendInterpolation(_ parts: [Markup]) { for part in parts { html += part.html } }
        mutating func appendInterpolation(_ number: Int) { html += String(number) }
        mutating func appendInterpolation(_ number: Double) { html += String(number) }
    }
}

extension Markup {
    /// `attribute` when `condition` holds, for flags like `checked` and `selected`.
    static func when(_ condition: Bool, _ markup: Markup) -> Markup {
        condition ? markup : .empty
    }
}
