import Foundation
import HTTPTypes
import Hummingbird

/// Works out the client's address for the per-address limits (sign-in, public intake)
/// and puts it in `context.clientAddress`.
///
/// It is the peer's address, unless the peer is a configured trusted proxy: then the
/// proxy's `X-Forwarded-For` is read from the right, skipping our own proxies, and the
/// first address not among them is the client (entries further left were written by the
/// client itself and prove nothing). `X-Real-IP` is the fallback. From an untrusted peer
/// both headers are ignored, so nobody escapes a limit by inventing an address.
struct ClientAddressMiddleware: RouterMiddleware {
    typealias Context = XiuhuaRequestContext
    let trustedProxies: [IPAddressRange]

    static var forwardedFor: HTTPField.Name { HTTPField.Name("X-Forwarded-For")! }
    static var realIP: HTTPField.Name { HTTPField.Name("X-Real-IP")! }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.clientAddress = clientAddress(peer: context.remoteAddress?.ipAddress, headers: request.headers)
        return try await next(request, context)
    }

    func clientAddress(peer: String?, headers: HTTPFields) -> String? {
        guard let peer, isTrusted(peer) else { return peer }
        let forwarded = headers[values: Self.forwardedFor]
            .flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        if !forwarded.isEmpty {
            for hop in forwarded.reversed() {
                guard IPAddressRange.isAddress(hop) else { return peer }
                if !isTrusted(hop) { return hop }
            }
            // Every hop is one of ours: the leftmost is the client.
            return forwarded.first
        }
        if let real = headers[Self.realIP]?.trimmingCharacters(in: .whitespaces), IPAddressRange.isAddress(real) {
            return real
        }
        return peer
    }

    private func isTrusted(_ address: String) -> Bool {
        trustedProxies.contains { $0.contains(address) }
    }
}
