import Foundation
import Xiuhua
import XiuhuaGeo
import XiuhuaStore

/// A small deterministic generator of realistic case histories, played through the real
/// store: every path the workflow allows turns up (rejection, cancellation, return,
/// extension, suspension and resumption, rework, rating), at times that are sometimes late.
struct HistoryGenerator {
    var random: SplitMix64

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    private mutating func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
    private mutating func chance(_ p: Double) -> Bool { random.nextUnit() < p }
    private mutating func minutes(_ low: Double, _ high: Double) -> Double { random.next(in: low, high) }

    /// Files `count` cases from `start`, one every `spacing` minutes, and plays each.
    mutating func fill(_ store: Store, count: Int, from start: Date, spacingMinutes spacing: Double) async throws {
        let v = People.self
        for i in 0..<count {
            let grid = pick(["G1", "G2", "G3", "G4"])
            let street = grid == "G3" || grid == "G4" ? "S2" : "S1"
            let source = pick([CaseSource.hotline, .hotline, .patrol, .web])
            var c = try await CaseScript(
                store, source, at: start.addingTimeInterval(Double(i) * spacing * 60), grid: grid,
                community: street == "S1" ? "C1" : "C2", street: street, category: pick(["06010", "06011", "09006"])
            )
            if source != .patrol {
                let real = chance(0.9)
                try await c.then(minutes(10, 200), .verify(real: real, note: "现场查看"), by: v.gridWorker)
                if !real { try await c.then(minutes(5, 40), .reject(reason: "不属实"), by: v.dutyChief); continue }
            }
            try await c.then(minutes(3, 45), .accept(), by: v.dutyChief)
            if chance(0.05) { try await c.then(minutes(10, 60), .approveCancel(reason: "重复"), by: v.dutyChief); continue }
            var owner = pick(["D1", "D2", "D3"])
            try await c.then(minutes(3, 45), .dispatch(to: .department(owner)), by: v.dispatcher)
            if chance(0.1) {
                try await c.then(minutes(10, 120), .return(reason: "非本单位"), by: v.handler(owner))
                owner = owner == "D1" ? "D2" : "D1"
                try await c.then(minutes(3, 45), .dispatch(to: .department(owner)), by: v.dispatcher)
            }
            if chance(0.1) { continue }
            if chance(0.08) {
                try await c.then(minutes(10, 120), .requestSuspension(reason: "需资金"), by: v.handler(owner))
                try await c.then(minutes(5, 60), .approveSuspension(), by: v.dispatcher)
                if chance(0.5) { continue }
                try await c.then(minutes(600, 20_000), .resume(), by: v.dispatcher)
            }
            if chance(0.1) {
                try await c.then(minutes(10, 120), .requestExtension(.extraTime(.hours(4)), reason: "需机械"), by: v.handler(owner))
                try await c.then(minutes(5, 60), .approveExtension(), by: v.dispatcher)
            }
            try await c.then(minutes(30, 400), .handle(note: "已处置"), by: v.handler(owner))
            if chance(0.15) {
                try await c.then(minutes(20, 200), .check(passed: false, note: "未到位"), by: v.gridWorker)
                try await c.then(minutes(30, 300), .handle(note: "返工"), by: v.handler(owner))
            }
            try await c.then(minutes(20, 200), .check(passed: true), by: v.gridWorker)
            try await c.then(minutes(5, 100), .close(), by: v.dutyChief)
            if source != .patrol, chance(0.8) {
                let satisfaction = pick([Rating.Satisfaction.satisfied, .satisfied, .basicallySatisfied, .unsatisfied])
                try await c.then(minutes(60, 3_000), .rate(Rating(satisfaction: satisfaction, fixed: chance(0.9))), by: v.citizen)
            }
        }
    }
}
