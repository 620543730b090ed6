import Foundation
import Logging
import Xiuhua
import XiuhuaGeo
import XiuhuaStore

/// Everything a route needs, loaded once at start: the store and the district's
/// reference data (regions with their spatial index, catalog, calendar, organisation).
public struct XiuhuaServices: Sendable {
    public let store: Store
    public let catalog: Catalog
    public let calendar: WorkCalendar
    public let organisation: Organisation
    public let regions: RegionTree?
    public let gridIndex: SpatialIndex<String>
    public let features: [RegionFeature]
    /// How new cases are numbered (the district's prefix and time zone).
    public let numbering: CaseNumbering
    /// The current instant; tests move it to exercise deadlines.
    public let now: @Sendable () -> Date
    /// The categories' extra questions (Open311 service definitions).
    public let questions: CategoryQuestions
    /// Named places, to locate a report that gives only an address.
    public let gazetteer: Gazetteer
    /// Open311 API keys and their rate limits.
    let apiKeys: APIKeyGate
    /// Rendered public Open311 answers, shared by the routes and the event-loop fast path.
    let publicAnswers = PublicListCache()
    /// How long summoned departments have to check in (报到), by kind of whistle.
    public var whistleLimits: WhistleLimits = .standard
    /// The ordered routing rules that suggest an owner on intake (admin-editable).
    public var routing = RoutingBook()
    /// Which open cases are suggested as duplicates of a new report (radius, window).
    public var duplicates: DuplicateCriteria = .standard
    /// Journals reports when they arrive faster than cases are filed (a server on SQLite);
    /// nil files every report at once.
    public var surgeIntake: SurgeIntake?

    /// Reads the reference data from `store`. A store without a district yet is fine:
    /// the server runs, and locate answers that there is no district.
    public static func load(
        store: Store,
        catalog: Catalog,
        calendar: WorkCalendar,
        questions: CategoryQuestions = .shipped,
        places: [Gazetteer.Place] = [],
        now: @escaping @Sendable () -> Date = { Date() }
    ) async throws -> XiuhuaServices {
        let features = try await store.regionFeatures()
        let regions = features.isEmpty ? nil : try RegionTree(features.map(\.region))
        let cells = features.compactMap { feature -> (id: String, geometry: Geometry)? in
            guard feature.region.level == .grid, let geometry = feature.geometry else { return nil }
            return (id: feature.region.code, geometry: geometry)
        }
        let gridIndex = SpatialIndex(cells)
        let regionPlaces = regions.map { tree in Gazetteer.regionPlaces(tree, features: features, contains: { gridIndex.locate($0) }) } ?? []
        let services = XiuhuaServices(
            store: store,
            catalog: catalog,
            calendar: calendar,
            organisation: try await store.organisation(),
            regions: regions,
            gridIndex: gridIndex,
            features: features,
            numbering: CaseNumbering(prefix: try await store.meta("case_prefix") ?? "XH", timeZone: calendar.timeZone),
            now: now,
            questions: questions,
            gazetteer: Gazetteer(places + regionPlaces),
            apiKeys: APIKeyGate(store: store)
        )
        try await services.routing.load(from: store)
        return services
    }
}
