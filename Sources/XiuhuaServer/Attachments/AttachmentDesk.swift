import Foundation
import Xiuhua
import XiuhuaStore

/// Checks uploads and keeps them: the one path shared by `POST /api/v1/attachments`, the
/// citizen's report form and the console's action forms. Every file is checked before any
/// is kept, so a refused upload leaves no file and no row behind; what is kept is the
/// photo without its metadata (`ImageMetadata`: no GPS position, camera or comment), and
/// its SHA-256 is that of the kept bytes.
struct AttachmentDesk: Sendable {
    let services: XiuhuaServices
    /// The largest photo accepted (`uploads.max_photo_bytes`).
    let maxBytes: Int

    /// The files' store, beside the database; a store without a data directory keeps none.
    func store() throws -> AttachmentStore {
        guard let store = AttachmentStore(store: services.store) else {
            throw APIError(.serviceUnavailable, code: "attachments_unavailable", message: "此部署不保存附件 (this deployment keeps no attachments)")
        }
        return store
    }

    /// What the bytes are, or the refusal: 413 over the limit, 415 for anything but a
    /// JPEG, PNG or WebP image, 400 for an image that is cut short or malformed.
    func check(_ bytes: Data) throws -> ImageFacts {
        guard bytes.count <= maxBytes else {
            throw APIError(.contentTooLarge, code: "attachment_too_large", message: "照片过大 (photo too large): \(bytes.count) bytes, limit \(maxBytes)")
        }
        do throws(ImageProblem) {
            return try ImageCheck.inspect(Array(bytes))
        } catch {
            switch error {
            case .empty:
                throw APIError.badRequest("empty_attachment", "没有收到照片内容 (the upload is empty)")
            case .unsupportedType:
                throw APIError(.unsupportedMediaType, code: "unsupported_media_type", message: "只接受 JPEG、PNG 或 WebP 照片 (only JPEG, PNG or WebP images are accepted; the type is read from the content)")
            case .damaged(let type, let reason):
                throw APIError.badRequest("damaged_image", "照片文件不完整或已损坏 (the \(type) file is truncated or damaged): \(reason)")
            }
        }
    }

    /// Checks every file, then keeps them all; returns the attachments and which of them
    /// this call created (to discard if what they came with is refused).
    func keep(_ files: [Data], by account: Account?) async throws -> [(attachment: Attachment, isNew: Bool)] {
        let checked = try files.map { file in
            let facts = try check(file)
            let stripped = ImageMetadata.stripped(Array(file), mediaType: facts.mediaType)
            guard stripped.count != file.count else { return (file, facts) }
            // Stripping only drops whole segments; the result must still be a whole image.
            return (Data(stripped), try check(Data(stripped)))
        }
        let store = try store()
        var kept: [(attachment: Attachment, isNew: Bool)] = []
        do {
            for (bytes, facts) in checked {
                kept.append(try await store.save(bytes, facts: facts, uploadedBy: account?.username, at: services.now()))
            }
        } catch {
            await discard(kept)
            throw error
        }
        return kept
    }

    /// Forgets the attachments this request created, when the report or action they were
    /// sent with is refused.
    func discard(_ kept: [(attachment: Attachment, isNew: Bool)]) async {
        guard let store = AttachmentStore(store: services.store) else { return }
        for item in kept where item.isNew {
            try? await store.discard(item.attachment.id)
        }
    }
}
