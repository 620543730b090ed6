import Foundation
import Hummingbird
import Xiuhua
import XiuhuaStore

/// Photos as their own resource: upload (`POST /api/v1/attachments`, the raw image as the
/// body or one file in a multipart form) and fetch (`GET /api/v1/attachments/{id}`). The
/// id is the SHA-256 of the bytes, so an attachment never changes and is cached for good.
/// Uploading needs no account: a citizen's report may carry a photo.
struct AttachmentRoutes {
    let services: XiuhuaServices
    let maxPhotoBytes: Int

    struct Uploaded: Codable {
        let id: String
        let mediaType: String
        let size: Int
        let width: Int?
        let height: Int?
        let url: String
    }

    func add(to router: Router<XiuhuaRequestContext>) {
        router.post("/api/v1/attachments") { request, context in try await upload(request, context) }
        router.get("/api/v1/attachments/{id}") { request, context in
            let id = try context.parameters.require("id")
            guard let response = try await Self.serve(id, request, services: services) else {
                throw APIError.notFound("attachment_not_found", "没有这个附件 (no such attachment): \(id)")
            }
            return response
        }
    }

    func upload(_ request: Request, _ context: XiuhuaRequestContext) async throws -> Response {
        let bytes = try await Self.file(in: request, context: context)
        let desk = AttachmentDesk(services: services, maxBytes: maxPhotoBytes)
        guard let kept = try await desk.keep([bytes], by: context.account).first else {
            throw APIError.badRequest("empty_attachment", "没有收到照片内容 (the upload is empty)")
        }
        let a = kept.attachment
        return try json(
            Uploaded(id: a.id, mediaType: a.mediaType, size: a.size, width: a.width, height: a.height, url: PhotoRules.apiURL(a.id)),
            // The same bytes sent again are the same attachment: 200 rather than 201.
            status: kept.isNew ? .created : .ok
        )
    }

    /// The uploaded bytes: the one file of a multipart form, or the whole body.
    static func file(in request: Request, context: XiuhuaRequestContext) async throws -> Data {
        var request = request
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        let bytes = Array(buffer.readableBytesView)
        let contentType = request.headers[.contentType] ?? ""
        guard contentType.lowercased().hasPrefix("multipart/form-data") else { return Data(bytes) }
        let form: FormData
        do {
            form = try FormData.parse(bytes, contentType: contentType)
        } catch .tooManyFields {
            throw APIError(.contentTooLarge, code: "too_many_parts", message: "表单部分过多 (the multipart body has more than \(FormData.maximumParts) parts)")
        } catch {
            throw APIError.badRequest("invalid_multipart", "无法读取表单 (the multipart body cannot be read: missing boundary or parts)")
        }
        let files = form.allFiles
        guard files.count == 1 else {
            throw APIError.badRequest(
                files.isEmpty ? "empty_attachment" : "too_many_files",
                files.isEmpty ? "表单中没有文件 (the form carries no file)" : "每次只上传一个文件 (send one file per upload; got \(files.count))"
            )
        }
        return files[0].data
    }

    /// The bytes of attachment `id` (or of a photo kept before attachments existed), with
    /// its type and caching headers; 304 when the client's copy is current; nil when unknown.
    static func serve(_ id: String, _ request: Request, services: XiuhuaServices) async throws -> Response? {
        guard AttachmentStore.isID(id), let store = AttachmentStore(store: services.store), let content = try await store.content(id) else {
            return nil
        }
        let etag = "\"\(id)\""
        var headers: HTTPFields = [
            .eTag: etag, .cacheControl: "public, max-age=31536000, immutable",
            .xContentTypeOptions: "nosniff", .contentDisposition: "inline",
        ]
        if let known = request.headers[.ifNoneMatch], known.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == etag || $0.trimmingCharacters(in: .whitespaces) == "*" }) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = content.contentType
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: content.bytes)))
    }
}
