import Foundation
import Hummingbird

extension Request {
    /// Decodes a JSON body. Unlike `decode(as:context:)`, a decoding failure reaches the
    /// error middleware as itself, so the 400 names the field that is missing or wrong.
    func decodeJSON<T: Decodable>(as type: T.Type, context: XiuhuaRequestContext) async throws -> T {
        var request = self
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
    }
}
