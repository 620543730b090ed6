/// The channel through which a problem reached the platform.
public enum CaseSource: String, Hashable, Sendable, Codable, CaseIterable {
    /// An operator files the case for a caller on a public hotline.
    case hotline
    /// A grid worker reports what they found on patrol, with position and photo.
    case patrol
    /// A citizen files the case on the web or H5 page.
    case web
    /// Another system files the case through the API.
    case api

    /// True for reports from the public, which are verified (核实) before acceptance
    /// because nobody from the centre has seen the problem yet.
    public var isPublic: Bool { self != .patrol }
}
