import Foundation
import Hummingbird
import Testing

extension APIResponse {
    /// Checks a refusal: the status, a JSON body with exactly `error` and `message`, and
    /// the expected error code.
    func expectError(_ status: HTTPResponse.Status, _ code: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(self.status == status, "\(text)", sourceLocation: sourceLocation)
        #expect(contentType?.hasPrefix("application/json") == true, sourceLocation: sourceLocation)
        #expect(json?.objectValue.map { Set($0.keys) } == ["error", "message"], "\(text)", sourceLocation: sourceLocation)
        #expect(error == code, "\(text)", sourceLocation: sourceLocation)
        #expect(self["message"]?.stringValue?.isEmpty == false, sourceLocation: sourceLocation)
    }
}
