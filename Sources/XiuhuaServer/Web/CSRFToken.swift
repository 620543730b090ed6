import Hummingbird

/// Cross-site request forgery protection for the page forms (double submit, bound to a
/// cookie): every page gets a random token in an HttpOnly, SameSite=Strict cookie and the
/// same token in a hidden field of each form; a form post is accepted only when both agree.
/// Another site can make a browser post, but it can read neither the cookie nor the page.
enum CSRFToken {
    static let cookieName = "xiuhua_csrf"
    static let fieldName = "_csrf"

    /// The request's token, or a new one that the response must set.
    static func token(for request: Request) -> (value: String, isNew: Bool) {
        if let value = request.cookies[cookieName]?.value, value.count == 64, value.allSatisfy(\.isHexDigit) {
            return (value, false)
        }
        return (SessionRoutes.newToken(), true)
    }

    static func cookie(_ value: String) -> Cookie {
        Cookie(name: cookieName, value: value, path: "/", httpOnly: true, sameSite: .strict)
    }

    /// Refuses a form whose token is missing or does not match the cookie, and (unless the
    /// page says them beside its fields itself) one with a field past the backstop length
    /// of every form (`TextLimits.check(form:)`).
    static func check(_ request: Request, _ form: FormData, checkingLengths: Bool = true) throws {
        guard let cookie = request.cookies[cookieName]?.value, let field = form[fieldName],
              constantTimeEqual(cookie, field)
        else {
            throw WebError.forbidden("csrf")
        }
        if checkingLengths { try TextLimits.check(form: form.fields) }
    }

    private static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}
