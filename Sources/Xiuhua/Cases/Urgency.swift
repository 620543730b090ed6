/// How urgent a case is; urgent cases get shorter intake stage limits.
public enum Urgency: String, Hashable, Sendable, Codable, CaseIterable {
    case normal
    case urgent
}
