import Foundation
import Hummingbird

/// The answer to a console page asked for without a session: the sign-in page, which
/// brings the person back to `request`'s path and query once they have signed in.
func signInFirst(_ request: Request) -> Response {
    let path = request.uri.path + (request.uri.query.map { "?\($0)" } ?? "")
    return Response.redirect(to: "/console/login?next=\(path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")", type: .found)
}
