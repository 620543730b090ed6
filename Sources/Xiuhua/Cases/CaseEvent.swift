import Foundation

/// One entry in a case's append-only history.
///
/// The JSON shape is stable: `kind`, the actor fields, `at` (epoch milliseconds), `note`,
/// `attachments`, `stage` (the stage clock this event started or moved) and `change`
/// (the kind-specific facts, keyed by kind).
public struct CaseEvent: Hashable, Sendable {
    /// The kind-specific facts.
    public var change: CaseChange
    /// Who acted; nil for an anonymous web report.
    public var actorID: String?
    /// The role they acted in.
    public var actorRole: Role?
    /// Their display name at the time.
    public var actorName: String?
    /// When, to the millisecond.
    public var at: Date
    /// Free text from the actor.
    public var note: String?
    /// Photo references.
    public var attachments: [String]
    /// The clock of the stage this event started, or the moved deadline of the current one.
    public var stage: StageClock?

    /// Creates an event.
    public init(
        change: CaseChange,
        actorID: String?,
        actorRole: Role?,
        actorName: String?,
        at: Date,
        note: String? = nil,
        attachments: [String] = [],
        stage: StageClock? = nil
    ) {
        self.change = change
        self.actorID = actorID
        self.actorRole = actorRole
        self.actorName = actorName
        self.at = at
        self.note = note
        self.attachments = attachments
        self.stage = stage
    }

    /// The flat kind of the event.
    public var kind: CaseEventKind { change.kind }

    /// The deterministic JSON the store hashes into its tamper-evident chain.
    public func canonicalJSON() throws -> Data {
        try CanonicalJSON.encode(self)
    }

    /// Reads an event back from its canonical JSON.
    public init(canonicalJSON data: Data) throws {
        self = try CanonicalJSON.decode(CaseEvent.self, from: data)
    }
}

extension CaseEvent: Codable {
    private enum CodingKeys: String, CodingKey {
        case kind, change, actorID, actorRole, actorName, at, note, attachments, stage
    }

    /// Decodes an event; a `kind` that disagrees with `change` means the record was altered.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        change = try container.decode(CaseChange.self, forKey: .change)
        let kind = try container.decode(CaseEventKind.self, forKey: .kind)
        guard kind == change.kind else {
            throw DecodingError.dataCorruptedError(
                forKey: .kind, in: container, debugDescription: "kind \(kind.rawValue) does not match change \(change.kind.rawValue)"
            )
        }
        actorID = try container.decodeIfPresent(String.self, forKey: .actorID)
        actorRole = try container.decodeIfPresent(Role.self, forKey: .actorRole)
        actorName = try container.decodeIfPresent(String.self, forKey: .actorName)
        at = try container.decode(Date.self, forKey: .at)
        note = try container.decodeIfPresent(String.self, forKey: .note)
        attachments = try container.decode([String].self, forKey: .attachments)
        stage = try container.decodeIfPresent(StageClock.self, forKey: .stage)
    }

    /// Encodes the event with its flat `kind` beside the change.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(change, forKey: .change)
        try container.encodeIfPresent(actorID, forKey: .actorID)
        try container.encodeIfPresent(actorRole, forKey: .actorRole)
        try container.encodeIfPresent(actorName, forKey: .actorName)
        try container.encode(at, forKey: .at)
        try container.encodeIfPresent(note, forKey: .note)
        try container.encode(attachments, forKey: .attachments)
        try container.encodeIfPresent(stage, forKey: .stage)
    }
}
