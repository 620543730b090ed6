import Foundation
import Testing
import Xiuhua

@Suite("门前五包 contracts")
struct DutyContractTests {
    static func date(_ text: String) -> LocalDate { try! LocalDate(text) }
    static let issuer = DutyContract.Issuer(street: "永泰街道", community: "红旗里社区", squad: "永泰城管执法中队")

    static func contract(from: String = "2026-01-01", until: String = "2026-12-31") -> DutyContract {
        DutyContract(
            number: "MQWB-2026-0001", shopID: "SH1", issuer: issuer, area: "门前至路缘石", lengthMetres: 12, depthMetres: 5,
            duties: DutyContract.standardDuties, validFrom: date(from), validUntil: date(until), createdAt: Date(timeIntervalSince1970: 0)
        )
    }

    @Test("the five duties are the checklist's, with its items")
    func duties() {
        #expect(DutyContract.standardDuties.map(\.name) == ["包净化", "包绿化", "包亮化", "包美化", "包秩序"])
        #expect(DutyContract.standardDuties.last?.items.contains("无店外经营、占道经营") == true)
    }

    @Test("status over the life of a contract: unsigned, pending, active, expiring in its last 30 days, expired")
    func lifecycle() throws {
        var contract = Self.contract()
        #expect(contract.status(on: Self.date("2026-06-01")) == .unsigned)
        try contract.sign(on: Self.date("2025-12-20"), issuerSignatory: " 陈静 ", shopSignatory: "张三", draftedOn: Self.date("2025-12-15"))
        #expect(contract.signing?.issuerSignatory == "陈静")
        #expect(contract.status(on: Self.date("2025-12-31")) == .pending)
        #expect(contract.status(on: Self.date("2026-01-01")) == .active)
        #expect(contract.status(on: Self.date("2026-12-01")) == .active)
        #expect(contract.status(on: Self.date("2026-12-02")) == .expiring)
        #expect(contract.status(on: Self.date("2026-12-31")) == .expiring)
        #expect(contract.status(on: Self.date("2027-01-01")) == .expired)
        #expect(throws: DutyContract.Problem.alreadySigned) {
            try contract.sign(on: Self.date("2025-12-21"), issuerSignatory: "陈静", shopSignatory: "张三", draftedOn: Self.date("2025-12-15"))
        }
    }

    @Test("signing needs both signatories and a date not before the draft")
    func signingChecks() {
        var contract = Self.contract()
        #expect(throws: DutyContract.Problem.missing("shop_signatory")) {
            try contract.sign(on: Self.date("2025-12-20"), issuerSignatory: "陈静", shopSignatory: " ", draftedOn: Self.date("2025-12-15"))
        }
        #expect(throws: DutyContract.Problem.signedOutsideCreation) {
            try contract.sign(on: Self.date("2025-12-01"), issuerSignatory: "陈静", shopSignatory: "张三", draftedOn: Self.date("2025-12-15"))
        }
        #expect(contract.signing == nil)
    }

    @Test("terms: a backwards or over-long period, a blank area and a silly measure are refused")
    func terms() {
        func check(_ area: String = "门前", length: Double = 10, from: String = "2026-01-01", until: String = "2026-12-31") throws(DutyContract.Problem) {
            try DutyContract.checkTerms(issuer: Self.issuer, area: area, lengthMetres: length, depthMetres: 5, validFrom: Self.date(from), validUntil: Self.date(until))
        }
        #expect(throws: Never.self) { try check() }
        #expect(throws: DutyContract.Problem.periodBackwards) { try check(until: "2025-12-31") }
        #expect(throws: DutyContract.Problem.periodTooLong) { try check(until: "2032-01-01") }
        #expect(throws: DutyContract.Problem.missing("area")) { try check("  ") }
        #expect(throws: DutyContract.Problem.invalidMeasure("length_metres")) { try check(length: 0) }
        #expect(throws: DutyContract.Problem.invalidMeasure("length_metres")) { try check(length: .nan) }
    }
}
