import Foundation
import XiuhuaStore

/// How cases refer to photos and how pages link to them. A case keeps each photo as a
/// reference: the attachment id itself, or a path naming it (`/photos/{id}` from the web
/// forms, `/api/v1/attachments/{id}`). Anything else (an Open311 client's own URL, a
/// file name from an older import) is kept on the case but never linked by our pages.
enum PhotoRules {
    /// The most photos one form sends with a report or an action.
    static let maximumPerForm = 3
    /// The most photo references one API request carries.
    static let maximumPerRequest = 9

    /// The attachment a reference names, or nil when it names none of ours.
    static func id(_ reference: String) -> String? {
        var key = Substring(reference)
        for prefix in ["/photos/", "/api/v1/attachments/"] where key.hasPrefix(prefix) {
            key = key.dropFirst(prefix.count)
        }
        return AttachmentStore.isID(key) ? String(key) : nil
    }

    /// The page address of a photo a case refers to, or nil for anything that is not one of
    /// ours (a page never links to a stored string it cannot vouch for).
    static func url(_ reference: String) -> String? {
        id(reference).map(path)
    }

    static func path(_ id: String) -> String { "/photos/\(id)" }

    /// The API address of an attachment.
    static func apiURL(_ id: String) -> String { "/api/v1/attachments/\(id)" }

    /// Checks the photos of one form without keeping them: nil when they may be kept, else
    /// the refusal with its status (413, 415 or 400).
    static func refusal(_ files: [Data], desk: AttachmentDesk) -> APIError? {
        guard files.count <= maximumPerForm else {
            return APIError.badRequest("too_many_files", "最多 \(maximumPerForm) 张照片 (at most \(maximumPerForm) photos)")
        }
        do {
            for file in files { _ = try desk.check(file) }
            return nil
        } catch let error as APIError {
            return error
        } catch {
            return APIError.badRequest("damaged_image", "\(error)")
        }
    }

    /// What a page tells a person about a refused photo, in the page's language.
    static func message(_ refusal: APIError, _ language: UILanguage, maxBytes: Int) -> String {
        switch refusal.code {
        case "attachment_too_large": CitizenText.text(.errorPhotoSize, language, ["mb": megabytes(maxBytes)])
        case "unsupported_media_type": CitizenText.text(.errorPhotoType, language)
        case "too_many_files": CitizenText.text(.errorPhotoCount, language)
        default: CitizenText.text(.errorPhotoDamaged, language)
        }
    }

    /// A byte count in MB as people write it: "10", "0.5".
    static func megabytes(_ bytes: Int) -> String {
        let value = Double(bytes) / 1_048_576
        return value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
