import Foundation
import Hummingbird

extension Request {
    /// Decodes a JSON body. Unlike `decode(as:context:)`, a decoding failure reaches the
    /// error middleware as itself, so the 400 names the field that is missing or wrong;
    /// a text field longer than its limit (`TextLimits`) is a 400 naming it too.
    /// `checkingLengths: false` is for a body that is a whole document (an administrator's
    /// routing rules file), bounded by the request size alone.
    func decodeJSON<T: Decodable>(
        as type: T.Type, context: XiuhuaRequestContext, using decoder: JSONDecoder = JSONDecoder(), checkingLengths: Bool = true
    ) async throws -> T {
        var request = self
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        let data = Data(buffer.readableBytesView)
        let value = try decoder.decode(T.self, from: data)
        if checkingLengths { try TextLimits.check(json: data) }
        return value
    }
}
