import Foundation
import Xiuhua

/// What to simulate: how long, how busy, from when, with which seed.
public struct SimulationOptions: Sendable {
    public var days: Int
    public var casesPerDay: Int
    public var seed: UInt64
    /// The first simulated local day.
    public var start: LocalDate
    public var mix: SimulationMix
    /// How often the virtual overdue scheduler scans, in minutes.
    public var tickMinutes: Int

    public init(days: Int, casesPerDay: Int, seed: UInt64 = 1, start: LocalDate, mix: SimulationMix = .standard, tickMinutes: Int = 10) {
        self.days = days
        self.casesPerDay = casesPerDay
        self.seed = seed
        self.start = start
        self.mix = mix
        self.tickMinutes = tickMinutes
    }
}

/// Where a run stands, reported after every simulated day.
public struct SimulationProgress: Sendable {
    public var day: Int
    public var days: Int
    public var date: LocalDate
    public var cases: Int
    public var events: Int
    /// Cases someone will still act on.
    public var open: Int
}
