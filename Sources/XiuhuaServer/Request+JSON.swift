import Foundation
import Hummingbird

extension Request {
    /// Decodes a JSON body. Unlike `decode(as:context:)`, a decoding failure reaches the
    /// error middleware as itself, so the 400 names the field that is missing or wrong;
    /// a text field longer than its limit (`TextLimits`) is a 400 naming it too.
    func decodeJSON<T: Decodable>(as type: T.Type, context: XiuhuaRequestContext) async throws -> T {
        try await decodeJSON(as: type, context: context, using: JSONDecoder())
    }

    func decodeJSON<T: Decodable>(as type: T.Type, context: XiuhuaRequestContext, using decoder: JSONDecoder) async throws -> T {
        var request = self
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        let data = Data(buffer.readableBytesView)
        let value = try decoder.decode(T.self, from: data)
        try TextLimits.check(json: data)
        return value
    }
}
