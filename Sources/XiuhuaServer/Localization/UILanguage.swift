import Hummingbird

/// The language of a page: Chinese by default, English on request (`?lang=en`).
enum UILanguage: String, Sendable {
    case zh = "zh-CN"
    case en

    init(request: Request) {
        self = request.uri.queryParameters["lang"] == "en" ? .en : .zh
    }
}
