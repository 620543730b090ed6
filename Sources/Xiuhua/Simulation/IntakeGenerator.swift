import Foundation
import XiuhuaGeo

/// Draws a simulated day's reports: channel, category, place and time of day, following a
/// `SimulationMix`. Pure: the same random state gives the same day.
public struct IntakeGenerator: Sendable {
    let mix: SimulationMix
    let categories: [Category]
    let categoryWeights: [Double]
    let channels: [CaseSource]
    let channelWeights: [Double]
    let places: [SimulationPlace]
    let timeZone: TimeZone

    /// Nil when no category of the mix is in `catalog` or there is no place to report from.
    public init?(mix: SimulationMix, catalog: Catalog, places: [SimulationPlace], timeZone: TimeZone) {
        let resolved = mix.categories.compactMap { entry in catalog.matter(code: entry.code).map { ($0, entry.weight) } }
        guard !resolved.isEmpty, !places.isEmpty else { return nil }
        self.mix = mix
        categories = resolved.map(\.0)
        categoryWeights = resolved.map(\.1)
        channels = CaseSource.allCases
        channelWeights = CaseSource.allCases.map { mix.channels[$0] ?? 0 }
        self.places = places
        self.timeZone = timeZone
    }

    /// `count` reports spread over the local day starting at `dayStart`, in time order.
    public func arrivals(dayStart: Date, count: Int, random: inout SplitMix64) -> [SimulatedArrival] {
        var arrivals: [SimulatedArrival] = []
        arrivals.reserveCapacity(count)
        for _ in 0..<count {
            let hour = random.pick(weights: mix.hourCurve)
            let at = dayStart.addingTimeInterval(Double(hour * 3600 + random.int(in: 0...3599)))
            arrivals.append(arrival(at: at, random: &random))
        }
        return arrivals.sorted { $0.at < $1.at }
    }

    private func arrival(at: Date, random: inout SplitMix64) -> SimulatedArrival {
        let source = channels[random.pick(weights: channelWeights)]
        let category = categories[random.pick(weights: categoryWeights)]
        let place = places[random.int(in: 0...(places.count - 1))]
        // Patrol reports carry the worker's position and photo; the public's reports do not always.
        let positioned = source == .patrol || random.chance(0.7)
        let selfHandled = source == .patrol && random.chance(mix.selfHandled)
        let hasReporter = source == .hotline || source == .web
        let intake = CaseIntake(
            number: "pending",
            ticketCode: "pending",
            source: source,
            categoryCode: category.code,
            urgency: category.urgency,
            disposalLimit: category.disposalLimit,
            suggestedOwner: IntakeRouting.suggestedOwner(for: category, streetCode: place.streetCode),
            subCommandCode: category.commandCode,
            location: CaseLocation(
                latitude: positioned ? place.latitude : nil,
                longitude: positioned ? place.longitude : nil,
                address: place.name,
                gridCode: place.gridCode,
                communityCode: place.communityCode,
                streetCode: place.streetCode
            ),
            description: "\(place.name)\(SimulationText.sighting(category.name, random: &random))",
            photos: source == .patrol ? ["sim-photo-\(random.next() % 1_000_000)"] : [],
            reporterName: hasReporter ? SimulationText.reporterName(random: &random) : nil,
            reporterPhone: hasReporter ? SimulationText.phone(random: &random) : nil,
            directAcceptance: source == .hotline && random.chance(mix.directAcceptance),
            selfHandled: selfHandled
        )
        return SimulatedArrival(at: at, intake: intake, seed: random.next())
    }
}
