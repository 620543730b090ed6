import Foundation
import Testing
@testable import Xiuhua
import XiuhuaGeo
import XiuhuaTestSupport

/// The canonical JSON writer must give exactly the bytes Foundation's `JSONEncoder` gave
/// (sorted keys, slashes unescaped, dates as epoch milliseconds): they are hashed into every
/// case's event chain and stored in rows that audits compare, so one byte of difference
/// breaks every existing chain. These tests compare the two over real records and over the
/// awkward values, so they fail the day a record gains a value the writer gets wrong.
@Suite("Canonical JSON writer")
struct CanonicalJSONWriterTests {
    /// The encoder the records were written with before the writer existed.
    static func foundationBytes<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Int64((date.timeIntervalSince1970 * 1000).rounded()))
        }
        return Array(try encoder.encode(value))
    }

    static func expectSameBytes<T: Encodable>(_ value: T, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let written = try CanonicalJSONWriter.encode(value)
        let reference = try foundationBytes(value)
        #expect(
            String(decoding: written, as: UTF8.self) == String(decoding: reference, as: UTF8.self),
            sourceLocation: sourceLocation
        )
        #expect(written == reference, sourceLocation: sourceLocation)
    }

    @Test("every event, snapshot, facts and notification of 300 simulated cases is written byte for byte as Foundation wrote it")
    func simulatedRecords() throws {
        let policy = SimulationPolicy(mix: .standard, timeZone: WorkCalendar.chinaStandardTime)
        var random = SplitMix64(seed: 11)
        let arrivals = SimulationPolicyTests.generator.arrivals(dayStart: Fixture.start, count: 300, random: &random)
        var counts = (events: 0, snapshots: 0, facts: 0, notifications: 0)
        for (index, arrival) in arrivals.enumerated() {
            var caseRandom = SplitMix64(seed: arrival.seed)
            var intake = arrival.intake
            intake.number = "PC20261001\(String(format: "%05d", index))"
            intake.ticketCode = SimulationText.ticketCode(seed: 11, number: intake.number)
            let reporter: Actor? = intake.source == .web ? nil : Fixture.reporter(for: intake.source)
            var now = arrival.at
            let reported = try Workflow.report(intake, by: reporter, at: now, clock: Fixture.clock).get()
            var snapshot = try #require(CaseSnapshot(reported: reported))
            var facts = try #require(CaseFacts(reported: reported))
            var events = [reported]
            var steps = 0
            while let step = policy.nextStep(for: snapshot, at: now, random: &caseRandom), steps < 60 {
                now = policy.performed(step, plannedAt: now.addingTimeInterval(step.delay), random: &caseRandom)
                let actor = SimulationPolicyTests.actor(step.performer, snapshot)
                let decided = try Workflow.decide(snapshot, step.action, by: actor, at: now, clock: Fixture.clock).get()
                for event in decided {
                    snapshot = snapshot.applying(event)
                    facts.apply(event)
                    try Self.expectSameBytes(snapshot)
                    try Self.expectSameBytes(facts)
                    counts.snapshots += 1
                    counts.facts += 1
                    for notification in NotificationRules.notifications(for: event, after: snapshot) {
                        try Self.expectSameBytes(notification)
                        counts.notifications += 1
                    }
                }
                events += decided
                steps += 1
            }
            for event in events {
                try Self.expectSameBytes(event)
                #expect(try event.canonicalJSON() == Data(try Self.foundationBytes(event)))
            }
            counts.events += events.count
        }
        // The run must have produced the records it claims to check.
        #expect(counts.events > 1_000)
        #expect(counts.snapshots > 700)
        #expect(counts.notifications > 100)
    }

    static let awkwardTexts = [
        "", "plain", "quote \" inside", "back\\slash", "slash / and \\/", "emoji 😀👨‍👩‍👧 and flags 🇨🇳",
        "中文：人行道上堆放建筑垃圾，“引号”", "tab\tnew\nline\rcr\r\nboth", "\u{08}\u{0C}\u{00}\u{01}\u{1F}\u{7F}",
        String((0..<32).map { Character(Unicode.Scalar(UInt8($0))) }), "line\u{2028}separator\u{2029}", "e\u{301} combining",
        "<script>alert('x')</script>&amp;", "\u{FEFF}bom", "null", "12",
    ]

    @Test("events of every kind, with awkward text in every text field, are written as Foundation wrote them")
    func everyKindOfEvent() throws {
        let owner = CaseOwner.department("D1")
        let at = Date(timeIntervalSince1970: 1_790_000_000.1234)
        for text in Self.awkwardTexts {
            var intake = Fixture.intake()
            intake.description = text
            intake.reporterName = text.isEmpty ? nil : text
            intake.location.address = text
            intake.photos = [text, "/photos/a.jpg"]
            intake.attributes = [CaseAttribute(code: text, values: [text, ""]), CaseAttribute(code: "b", values: [])]
            let changes: [CaseChange] = [
                .reported(intake: intake, initialState: .reported),
                .verified(real: true), .accepted, .rejected(reason: text), .cancelRequested(reason: text),
                .cancelled(reason: text), .cancelDenied, .dispatched(owner: owner, isRedispatch: false),
                .returned(owner: .street(text), reason: text), .handled, .checked(passed: false),
                .reworked(owner: owner, reworkCount: 2), .closed, .rated(rating: Rating(satisfaction: .basicallySatisfied, fixed: true)),
                .reopened(owner: nil, reopenedCount: 1), .reopened(owner: owner, reopenedCount: 3),
                .extensionRequested(deadlineExtension: .newLimit(.workingDays(3)), reason: text),
                .extensionApproved(deadlineExtension: .extraTime(.minutes(90))), .extensionDenied,
                .suspensionRequested(reason: text), .suspensionApproved, .suspensionDenied, .resumed(suspendedAt: at),
                .urged, .supervised(level: 2, order: text), .supervisionReplied(index: 0, reply: text),
                .selfHandlingApproved, .selfHandlingRejected, .markedOverdue(stage: .disposal, deadline: at),
                .whistled(id: text, kind: .emergency, departments: ["D1", text], deadline: at, jointCases: [], reason: text),
                .checkedIn(whistleID: "w1", department: text, late: true),
                .whistleReported(whistleID: "w1", department: "D1", report: text),
                .summonsReleased(whistleID: "w1", department: "D1", reason: text),
                .summonsRated(whistleID: "w1", department: "D1", satisfaction: .unsatisfied),
                .checkInMissed(whistleID: "w1", department: "D1", deadline: at), .merged(into: text),
                .absorbed(number: text, followers: [
                    CaseFollower(number: "N1", ticketCode: text, source: .web, reporterPhone: nil),
                    CaseFollower(number: "N2", ticketCode: "T", source: .hotline, reporterPhone: "13812345678"),
                ]),
            ]
            for change in changes {
                let clock = StageClock(stage: .check, startedAt: at, limit: .workingHours(4), extraTime: [.hours(1)], deadline: at.addingTimeInterval(3_600))
                try Self.expectSameBytes(CaseEvent(change: change, actorID: text, actorRole: .dispatcher, actorName: text, at: at, note: text, attachments: [text], stage: clock))
                try Self.expectSameBytes(CaseEvent(change: change, actorID: nil, actorRole: nil, actorName: nil, at: at))
            }
        }
    }

    /// Every shape Codable produces: optionals, nested arrays and objects, every number type,
    /// dictionaries whose keys sort differently by bytes than by letters.
    struct Sample: Codable {
        var text: String
        var present: String?
        var absent: Int?
        var nulls: [String?]
        var doubles: [Double]
        var floats: [Float]
        var integers: [Int]
        var extremes: [Int64]
        var small: [Int8]
        var unsigned: [UInt64]
        var nested: [[Int]]
        var when: Date
        var dates: [Date?]
        var map: [String: Int]
        var numbered: [Int: String]
        var flags: [Bool]
        var objects: [CaseOwner]
        var empty: [String]
        var emptyMap: [String: String]
    }

    @Test("strings, numbers, dates, optionals, nested arrays and dictionaries are written as Foundation wrote them")
    func everyShape() throws {
        let dates = [0, 0.0004, 0.0005, -1.5, 1_790_000_000.1234, 4_102_444_800.999, -62_135_596_800]
            .map(Date.init(timeIntervalSince1970:))
        for text in Self.awkwardTexts {
            let sample = Sample(
                text: text, present: text, absent: nil, nulls: [nil, text, nil],
                doubles: [0, -0.0, 1, -1, 40.0, 40.12234718190999, 113.2818037388908, 0.1, 1e-7, 1.5e-300, 1e16, 1e21, 123_456_789.125,
                          .pi, Double.leastNonzeroMagnitude, Double.greatestFiniteMagnitude, 31.2304, 121.4737],
                floats: [0, 0.1, 1.5, 3.4e38, -2.5e-12],
                integers: [0, 1, -1, Int.max, Int.min, 1_000_000],
                extremes: [Int64.max, Int64.min],
                small: [Int8.min, 0, Int8.max],
                unsigned: [0, UInt64.max],
                nested: [[], [1], [1, [2, 3].count], []],
                when: dates[4], dates: dates + [nil],
                map: ["a": 1, "B": 2, "b": 3, "é": 4, "中": 5, "aa": 6, "a_b": 7, "A1": 8, "a10": 9, "a2": 10, "": 11, "Z": 12, "key " + text: 13],
                numbered: [10: "ten", 9: "nine", -1: text, 100: ""],
                flags: [true, false],
                objects: [.department(text), .street("S1")],
                empty: [], emptyMap: [:]
            )
            try Self.expectSameBytes(sample)
            try Self.expectSameBytes([sample, sample])
            try Self.expectSameBytes(["key": sample])
        }
        for date in dates { try Self.expectSameBytes(date) }
        try Self.expectSameBytes("top-level / string")
        try Self.expectSameBytes(42)
        try Self.expectSameBytes(Optional<String>.none)
    }

    /// A record with a value the writer leaves to Foundation.
    struct WithLink: Codable {
        var link: URL
        var data: Data
        var amount: Decimal
    }

    @Test("a value the writer does not reproduce is encoded by Foundation, with the same bytes as before")
    func foundationFallback() throws {
        let value = WithLink(link: URL(string: "https://example.org/a/b?q=中")!, data: Data([0, 1, 2, 250]), amount: Decimal(string: "12.50")!)
        #expect(throws: CanonicalJSONWriter.Unsupported.self) { try CanonicalJSONWriter.encode(value) }
        #expect(try CanonicalJSON.encode(value) == Data(try Self.foundationBytes(value)))
        #expect(throws: (any Error).self) { try CanonicalJSON.encode([Double.nan]) }
    }

    @Test("a case's event written by the writer reads back equal and keeps its hash input")
    func roundTrip() throws {
        let event = try Workflow.report(Fixture.intake(), by: Fixture.operatorActor, at: Fixture.start, clock: Fixture.clock).get()
        let data = try event.canonicalJSON()
        #expect(try CaseEvent(canonicalJSON: data) == event)
        #expect(try CanonicalJSON.string(event) == String(decoding: data, as: UTF8.self))
    }
}
