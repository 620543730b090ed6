import Foundation
import Hummingbird
import Xiuhua

extension CampaignRefusal {
    /// The refusal as the API answers it: 400, 403, 404 or 409 with its code and message.
    var apiError: APIError {
        let status: HTTPResponse.Status = switch kind {
        case .invalid: .badRequest
        case .forbidden: .forbidden
        case .notFound: .notFound
        case .conflict: .conflict
        }
        return APIError(status, code: code, message: message)
    }
}

/// Runs a route's body, answering a campaign or vaccination rule's refusal as its API error.
func answeringRefusals<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let refusal as CampaignRefusal {
        throw refusal.apiError
    }
}

extension Request {
    /// Decodes a JSON body whose keys are snake_case, as every campaign route's are.
    func decodeSnakeCase<T: Decodable>(as type: T.Type, context: XiuhuaRequestContext) async throws -> T {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try await decodeJSON(as: type, context: context, using: decoder)
    }
}

/// A short random identifier with a readable prefix, e.g. `cp-3f9a1c0d`.
func newIdentifier(_ prefix: String) -> String {
    var generator = SystemRandomNumberGenerator()
    return prefix + "-" + String(format: "%08llx", generator.next() & 0xffff_ffff)
}
