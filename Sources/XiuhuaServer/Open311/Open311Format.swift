import Hummingbird

/// The response format, chosen by the path's suffix (`services.json`, `services.xml`).
enum Open311Format: String {
    case json, xml

    /// Splits `requests.json` into its name and format; nil when the suffix is neither.
    static func split(_ file: String) -> (name: String, format: Open311Format)? {
        guard let dot = file.lastIndex(of: ".") else { return nil }
        guard let format = Open311Format(rawValue: String(file[file.index(after: dot)...]).lowercased()) else { return nil }
        return (String(file[..<dot]), format)
    }

    var contentType: String {
        switch self {
        case .json: "application/json; charset=utf-8"
        case .xml: "text/xml; charset=utf-8"
        }
    }

    /// `value` in this format; `root` names the XML root element.
    func response(_ value: Open311Value, root: String, status: HTTPResponse.Status = .ok) -> Response {
        response(bytes: self == .json ? value.json : value.xml(root: root), status: status)
    }

    /// A body already written in this format.
    func response(bytes body: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
        response(body: ByteBuffer(bytes: body), status: status)
    }

    func response(body: ByteBuffer, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: contentType], body: .init(byteBuffer: body))
    }
}

/// An Open311 refusal: the HTTP status (400, 403, 404 as the spec says, 429 when a key is
/// over its rate) and one or more `{code, description}` entries.
struct Open311Error: Error {
    struct Entry {
        let code: Int
        let description: String
    }

    let status: HTTPResponse.Status
    let entries: [Entry]

    init(_ status: HTTPResponse.Status, _ description: String) {
        self.status = status
        self.entries = [Entry(code: Int(status.code), description: description)]
    }

    init(_ status: HTTPResponse.Status, entries: [Entry]) {
        self.status = status
        self.entries = entries
    }

    static func badRequest(_ description: String) -> Open311Error { Open311Error(.badRequest, description) }
    static func notFound(_ description: String) -> Open311Error { Open311Error(.notFound, description) }

    /// `[{"code":400,"description":"…"}]` or `<errors><error>…</error></errors>`.
    func response(_ format: Open311Format) -> Response {
        let value = Open311Value.list(item: "error", entries.map {
            .object([("code", .integer($0.code)), ("description", .string($0.description))])
        })
        var response = format.response(value, root: "errors", status: status)
        if status == .tooManyRequests { response.headers[.retryAfter] = "1" }
        // A full intake queue drains at the filing rate: a client should wait a while.
        if status == .serviceUnavailable, response.headers[.retryAfter] == nil { response.headers[.retryAfter] = "30" }
        return response
    }

    /// A native API refusal (from the shared intake path) in Open311's words: its status
    /// when the spec has it, else 400.
    init(_ error: APIError) {
        let status: HTTPResponse.Status = switch error.status {
        case .notFound: .notFound
        case .forbidden: .forbidden
        default: .badRequest
        }
        self.init(status, "\(error.message) [\(error.code)]")
    }
}
