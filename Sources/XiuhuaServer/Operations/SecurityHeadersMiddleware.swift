import HTTPTypes
import Hummingbird

/// The usual protective headers on every response — pages, JSON, errors, assets, photos:
/// a content security policy that allows only this server's scripts, styles and images
/// (plus the tile server, when one is configured), no framing, no MIME sniffing, no
/// referrer to other sites, the location API for our own pages only, and HSTS when the
/// public address is https. A header a route has set itself is kept.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    let headers: HTTPFields

    init(tileURL: String?, behindTLS: Bool) {
        var headers: HTTPFields = [
            .contentSecurityPolicy: Self.contentSecurityPolicy(tileURL: tileURL),
            .xContentTypeOptions: "nosniff",
            Self.referrerPolicy: "same-origin",
            Self.xFrameOptions: "DENY",
            // The report page asks for the phone's position; nothing else needs a device.
            Self.permissionsPolicy: "geolocation=(self), camera=(), microphone=(), payment=(), usb=()",
        ]
        if behindTLS { headers[.strictTransportSecurity] = "max-age=31536000" }
        self.headers = headers
    }

    static var referrerPolicy: HTTPField.Name { HTTPField.Name("Referrer-Policy")! }
    static var xFrameOptions: HTTPField.Name { HTTPField.Name("X-Frame-Options")! }
    static var permissionsPolicy: HTTPField.Name { HTTPField.Name("Permissions-Policy")! }

    /// No inline script or style anywhere: every script and style sheet is a file under
    /// `/assets/`, so an injected `<script>` or `style=` does nothing.
    static func contentSecurityPolicy(tileURL: String?) -> String {
        var images = "'self' data: blob:"
        if let origin = tileURL.flatMap(WebPage.tileOrigin) { images += " \(origin)" }
        return "default-src 'self'; img-src \(images); script-src 'self'; style-src 'self'; connect-src 'self'; "
            + "object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        for field in headers where response.headers[field.name] == nil {
            response.headers.append(field)
        }
        return response
    }
}
