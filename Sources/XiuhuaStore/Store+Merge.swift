import Foundation
import SQLKit
import Xiuhua

extension Store {
    /// 合并 in one transaction: the workflow decides on both cases as they stand, and both
    /// chains grow — the duplicate's by `merged`, the survivor's by `absorbed`.
    static func merge(
        _ duplicate: CaseSnapshot, into number: String, note: String?, by actor: Actor, at now: Date,
        clock: any WorkingTimeCalculator, in db: any SQLDatabase
    ) async throws -> (snapshot: CaseSnapshot, events: [CaseEvent]) {
        let target = number.trimmingCharacters(in: .whitespacesAndNewlines)
        let survivor = target.isEmpty ? nil : try await Store.snapshot(target, in: db)
        switch Workflow.merge(duplicate, into: survivor, by: actor, at: now, note: note) {
        case .failure(let refusal):
            throw CaseStoreError.refused(refusal, current: duplicate)
        case .success(let decided):
            guard let survivor else { throw CaseStoreError.notFound(number: target) }
            let merged = try await Store.record(decided.duplicate, on: duplicate, at: now, clock: clock, in: db)
            _ = try await Store.record(decided.survivor, on: survivor, at: now, clock: clock, in: db)
            return (merged, decided.duplicate)
        }
    }

    /// The case a ticket code leads to: its own, or — once merged — the case it was merged
    /// into, followed to the end. Nil for an unknown code.
    public func caseSnapshot(followingTicket code: String) async throws -> (snapshot: CaseSnapshot, mergedFrom: CaseSnapshot?)? {
        guard var snapshot = try await caseSnapshot(ticket: code) else { return nil }
        let own = snapshot
        // Merging only into open cases keeps chains acyclic; the bound guards stored data.
        var hops = 0
        while let next = snapshot.mergedInto, hops < 32, let survivor = try await caseSnapshot(next) {
            snapshot = survivor
            hops += 1
        }
        return (snapshot, snapshot.number == own.number ? nil : own)
    }

    /// Open cases that may duplicate `subject` under `criteria`, nearest first.
    public func duplicateCandidates(of subject: CaseSnapshot, criteria: DuplicateCriteria) async throws -> [DuplicateCandidate] {
        guard let latitude = subject.location.latitude, let longitude = subject.location.longitude else { return [] }
        let box = DuplicateCriteria.box(around: latitude, longitude, metres: criteria.radius(for: subject.categoryCode))
        let micro = { @Sendable (value: Double) -> Int64 in Int64((value * 1_000_000).rounded()) }
        let latitudes = (micro(box.latitudes.lowerBound), micro(box.latitudes.upperBound))
        let longitudes = (micro(box.longitudes.lowerBound), micro(box.longitudes.upperBound))
        let earliest = subject.createdAt.addingTimeInterval(-criteria.window)
        let closed = CaseState.allCases.filter { !$0.isOpen }.map(\.rawValue)
        let candidates = try await engine.read { db in
            try await db.raw("""
                SELECT snapshot, number FROM cases
                WHERE category_code = \(bind: subject.categoryCode)
                  AND lat_e6 BETWEEN \(bind: latitudes.0) AND \(bind: latitudes.1)
                  AND lon_e6 BETWEEN \(bind: longitudes.0) AND \(bind: longitudes.1)
                  AND created_at BETWEEN \(bind: earliest.millis) AND \(bind: subject.createdAt.millis)
                  AND state NOT IN (\(binds: closed)) AND number <> \(bind: subject.number)
                LIMIT 200
                """).all().map { try Store.decodeSnapshot($0) }
        }
        return criteria.duplicates(of: subject, among: candidates)
    }
}
