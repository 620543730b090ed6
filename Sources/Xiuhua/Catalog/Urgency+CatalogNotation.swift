extension Urgency {
    /// Reads the catalog notation of an urgency: `紧急` or `一般`, the words the
    /// administrators and the national standard's users write.
    public init?(catalogNotation text: String) {
        switch text {
        case "紧急": self = .urgent
        case "一般": self = .normal
        default: return nil
        }
    }

    /// The catalog notation: `紧急` or `一般`.
    public var catalogNotation: String {
        switch self {
        case .urgent: "紧急"
        case .normal: "一般"
        }
    }
}
