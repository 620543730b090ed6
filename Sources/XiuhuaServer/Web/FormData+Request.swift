import Hummingbird

extension FormData {
    /// The form posted to a page; a body that is not a readable form is refused with the
    /// page's error (400, or 413 for too many fields).
    static func read(_ request: Request, context: XiuhuaRequestContext) async throws -> FormData {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        do {
            return try parse(Array(buffer.readableBytesView), contentType: request.headers[.contentType] ?? "")
        } catch {
            throw WebError(refusal: error)
        }
    }
}

extension FormData.Refusal {
    /// What the refusal says, in both languages as the API's messages do.
    var message: String {
        switch self {
        case .badBoundary: "表单分隔符无效 (the multipart boundary is missing or invalid)"
        case .noParts: "无法读取表单 (the multipart body has no complete part)"
        case .tooManyFields(let limit): "表单项过多 (too many form fields or parts: the limit is \(limit))"
        }
    }
}

extension WebError {
    init(refusal: FormData.Refusal) {
        switch refusal {
        case .tooManyFields: self.init(status: .contentTooLarge, key: .errorBadRequest, detail: refusal.message)
        case .badBoundary, .noParts: self.init(status: .badRequest, key: .errorBadRequest, detail: refusal.message)
        }
    }
}
