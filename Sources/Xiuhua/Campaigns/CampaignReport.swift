import Foundation

/// One day's progress of a running campaign: what was done towards each target.
public struct CampaignReport: Hashable, Sendable, Codable {
    public var day: LocalDate
    /// Target key → amount done that day.
    public var progress: [String: Int]
    public var note: String
    public var reporterID: String
    public var reporterName: String
    public var reportedAt: Date

    public init(day: LocalDate, progress: [String: Int], note: String, reporterID: String, reporterName: String, reportedAt: Date) {
        self.day = day
        self.progress = progress
        self.note = note
        self.reporterID = reporterID
        self.reporterName = reporterName
        self.reportedAt = reportedAt
    }
}
