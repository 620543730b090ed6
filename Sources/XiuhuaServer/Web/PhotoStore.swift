import Foundation
import XiuhuaStore

/// Where the web forms keep the photos people send. Cases refer to a photo by the path
/// `photoPath(key)` returns. The upload API's content-addressed store can take this role
/// by conforming; the pages only need these two operations.
protocol PhotoStore: Sendable {
    /// Keeps the bytes and returns the photo's key.
    func save(_ bytes: Data, contentType: String) async throws -> String
    func photo(_ key: String) async throws -> StoredPhoto?
}

/// Photos kept in the database, keyed by their SHA-256.
struct DatabasePhotoStore: PhotoStore {
    let services: XiuhuaServices

    func save(_ bytes: Data, contentType: String) async throws -> String {
        try await services.store.savePhoto(bytes, contentType: contentType, at: services.now())
    }

    func photo(_ key: String) async throws -> StoredPhoto? {
        try await services.store.photo(key)
    }
}

/// What the pages accept as a photo and how they link to it.
enum PhotoRules {
    static let maximumBytes = 5 * 1024 * 1024
    static let maximumCount = 3

    /// The image type read from the first bytes (never trusted from the browser), or nil
    /// when the file is not a JPEG, PNG or WebP image.
    static func imageType(_ data: Data) -> String? {
        let head = [UInt8](data.prefix(12))
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if head.count == 12, head[0..<4].elementsEqual(Array("RIFF".utf8)), head[8..<12].elementsEqual(Array("WEBP".utf8)) {
            return "image/webp"
        }
        return nil
    }

    static func path(_ key: String) -> String { "/photos/\(key)" }

    /// The address of a photo a case refers to, or nil for anything that is not one of
    /// ours (a page never links to a stored string it cannot vouch for).
    static func url(_ reference: String) -> String? {
        let key = reference.hasPrefix("/photos/") ? String(reference.dropFirst("/photos/".count)) : reference
        return isKey(key) ? path(key) : nil
    }

    static func isKey(_ text: String) -> Bool {
        text.count == 64 && text.allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }

    /// Checks and keeps the files; the paths to store on the case, or nil when a file is
    /// not an acceptable photo.
    static func keep(_ files: [UploadedFile], in store: any PhotoStore) async throws -> [String]? {
        guard files.count <= maximumCount else { return nil }
        var checked: [(data: Data, type: String)] = []
        for file in files {
            guard file.data.count <= maximumBytes, let type = imageType(file.data) else { return nil }
            checked.append((file.data, type))
        }
        var paths: [String] = []
        for photo in checked {
            paths.append(path(try await store.save(photo.data, contentType: photo.type)))
        }
        return paths
    }
}
