import Foundation
import XiuhuaGeo

/// A derelict or idle space (消极空间, catalog 06901) found by a grid survey: its outline,
/// kind, owner, hazard and proposed reuse, and where it stands in being put to use.
///
/// Status: registered → plan → works → reused or cleared; a space may also be cleared
/// straight from registered or plan (the rubbish removed, nothing built).
public struct IdleSpace: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case vacantLot, derelictBuilding, underBridge, cornerPlot, rooftop, other

        public var label: String {
            switch self {
            case .vacantLot: "闲置空地"
            case .derelictBuilding: "废弃建筑"
            case .underBridge: "桥下空间"
            case .cornerPlot: "边角地"
            case .rooftop: "闲置屋顶"
            case .other: "其他"
            }
        }
    }

    public enum Hazard: String, Hashable, Sendable, Codable, CaseIterable {
        case none, low, medium, high
    }

    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        case registered, plan, works, reused, cleared

        public var label: String {
            switch self {
            case .registered: "已登记"
            case .plan: "已定方案"
            case .works: "施工中"
            case .reused: "已利用"
            case .cleared: "已清理"
            }
        }

        /// The statuses this one may move to.
        public var next: Set<Status> {
            switch self {
            case .registered: [.plan, .cleared]
            case .plan: [.works, .cleared]
            case .works: [.reused, .cleared]
            case .reused, .cleared: []
            }
        }
    }

    public struct Event: Hashable, Sendable, Codable {
        public let status: Status
        public let at: Date
        public let by: String
        public let note: String?
    }

    public let id: String
    public let name: String
    public let kind: Kind
    /// The closed exterior ring, WGS-84.
    public let outline: [Coordinate]
    public let place: ShopPlace
    public var owner: String
    public var hazard: Hazard
    public var hazardNote: String?
    public var proposedReuse: String?
    public var photos: [String]
    public private(set) var status: Status
    public private(set) var cases: [String]
    public private(set) var events: [Event]
    public let registeredAt: Date

    public enum Problem: Error, Hashable, Sendable {
        case missing(String)
        case tooLong(String)
        case outline
        case transition(from: Status, to: Status)
        case caseLinked(String)

        public var message: String {
            switch self {
            case .missing(let field): "缺少 \(field) (\(field) is required)"
            case .tooLong(let field): "\(field) 过长 (\(field) is too long)"
            case .outline: "范围应为闭合多边形，至少三个不同的点 (the outline must be a closed ring of at least three distinct points)"
            case .transition(let from, let to): "不能从“\(from.label)”改为“\(to.label)” (no move from \(from.rawValue) to \(to.rawValue))"
            case .caseLinked(let number): "该案件已关联 (case already linked): \(number)"
            }
        }
    }

    public init(
        id: String, name: String, kind: Kind, outline: [Coordinate], place: ShopPlace, owner: String, hazard: Hazard,
        hazardNote: String?, proposedReuse: String?, photos: [String], at: Date, by: String
    ) throws(Problem) {
        func text(_ value: String, _ field: String, max: Int) throws(Problem) -> String {
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { throw .missing(field) }
            if trimmed.count > max { throw .tooLong(field) }
            return trimmed
        }
        guard outline.count >= 4, outline.first == outline.last, Set(outline).count >= 3, outline.allSatisfy(\.isValid) else { throw .outline }
        if let note = hazardNote, note.count > 500 { throw .tooLong("hazard_note") }
        if let reuse = proposedReuse, reuse.count > 500 { throw .tooLong("proposed_reuse") }
        if photos.count > 9 { throw .tooLong("photos") }
        self.id = id
        self.name = try text(name, "name", max: 100)
        self.kind = kind
        self.outline = outline
        self.place = place
        self.owner = try text(owner, "owner", max: 100)
        self.hazard = hazard
        self.hazardNote = hazardNote
        self.proposedReuse = proposedReuse
        self.photos = photos
        status = .registered
        cases = []
        events = [Event(status: .registered, at: at, by: by, note: nil)]
        registeredAt = at
    }

    public mutating func move(to status: Status, note: String?, by: String, at: Date) throws(Problem) {
        guard self.status.next.contains(status) else { throw .transition(from: self.status, to: status) }
        self.status = status
        events.append(Event(status: status, at: at, by: by, note: note))
    }

    public mutating func link(case number: String) throws(Problem) {
        guard !cases.contains(number) else { throw .caseLinked(number) }
        cases.append(number)
    }

    /// The outline as a GeoJSON Polygon.
    public var geoJSON: JSONValue {
        .object(["type": .string("Polygon"), "coordinates": .array([.array(outline.map { .array([.number($0.lon), .number($0.lat)]) })])])
    }

    /// A point inside the outline, to find its grid cell.
    public static func representativePoint(of outline: [Coordinate]) -> Coordinate {
        Polygon(exterior: Ring(outline)).representativePoint
    }
}
