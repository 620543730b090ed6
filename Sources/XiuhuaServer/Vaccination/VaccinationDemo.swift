import Foundation
import Xiuhua
import XiuhuaStore

/// A small vaccination drive for the demo district, so the coverage report and the map
/// show something: three communities of 永泰街道, a dozen synthetic residents in each of
/// three grids (names made up, ID numbers synthetic but valid), a fixed site, a cabin site
/// and a roving team, and a month of first and second doses.
///
/// It writes a few hundred rows in a handful of transactions: the demo start stays fast.
public enum VaccinationDemo {
    static let marker = "demo_vaccination_seeded"
    static let surnames = Array("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗")
    static let givenNames = ["建国", "秀英", "桂兰", "志强", "丽娟", "海燕", "国华", "晓明", "玉梅", "德明", "春花", "子涵"]

    /// Seeds once; returns true when it seeded now.
    @discardableResult
    public static func seedIfNeeded(_ store: Store, calendar: WorkCalendar, now: Date = Date()) async throws -> Bool {
        if try await store.meta(marker) != nil { return false }
        let street = DemoAccounts.yongtaiStreet
        let communities = (1...3).map { street + threeDigits($0) }
        let today = calendar.localDate(of: now)
        let start = today.adding(days: -30)

        try await store.createCampaign(Campaign(
            id: "cp-demo-vaccination", name: "永泰街道新冠疫苗接种专项行动", kind: .vaccination, areaCodes: [street],
            startsOn: start, endsOn: today.adding(days: 30), ownerID: "demo-health", ownerName: "何芳（卫健）",
            targets: [CampaignTarget(key: "doses", name: "接种剂次", goal: 200)],
            resources: [
                CampaignResource(kind: .people, name: "医护人员", count: 12),
                CampaignResource(kind: .people, name: "网格员", count: 9),
                CampaignResource(kind: .vehicles, name: "接送车辆", count: 2),
            ],
            state: .running, createdAt: now, startedAt: now
        ))

        var residents: [Resident] = []
        for (c, community) in communities.enumerated() {
            for g in 1...3 {
                let grid = community + threeDigits(g)
                for n in 0..<12 {
                    let index = residents.count
                    let birth = LocalDate(year: 1940 + (index * 7) % 72, month: 1 + index % 12, day: 1 + (index * 5) % 28)!
                    residents.append(Resident(
                        id: "rs-demo-\(index)", gridCode: grid, household: "\(c + 1) 号楼 \(g) 单元 \(n / 3 + 1)0\(n % 3 + 1) 室",
                        name: String(surnames[index % surnames.count]) + givenNames[(index / surnames.count + n) % givenNames.count],
                        idNumber: .synthetic(area: DemoDistrict.code, birth: birth, sequence: index), phone: "1390000" + threeDigits(index) + "0"
                    ))
                }
            }
        }
        try await store.addResidents(residents, at: now)

        let sites = [
            VaccinationSite(id: "vs-demo-fixed", name: "红旗里社区卫生服务站", kind: .fixed, communityCode: communities[0], address: "红旗街 1 号",
                            opensAt: 8 * 60, closesAt: 17 * 60, slotMinutes: 30, capacityPerSlot: 20),
            VaccinationSite(id: "vs-demo-cabin", name: "平城区体育馆方舱接种点", kind: .cabin, communityCode: communities[1], address: "体育馆",
                            opensAt: 8 * 60, closesAt: 20 * 60, slotMinutes: 60, capacityPerSlot: 120),
            VaccinationSite(id: "vs-demo-mobile", name: "永泰街道流动接种队", kind: .mobile, communityCode: communities[2], address: "流动",
                            opensAt: 9 * 60, closesAt: 16 * 60, slotMinutes: 60, capacityPerSlot: 15),
        ]
        for site in sites { try await store.addSite(site) }
        for offset in 0..<7 {
            try await store.scheduleRovingTeam("vs-demo-mobile", day: today.adding(days: offset), communityCode: communities[offset % 3])
        }

        // Adults get a first dose on one of the last 30 days; those vaccinated early enough a
        // second dose 21 days later. Grids differ, so the map has colours.
        let localDay: @Sendable (Date) -> LocalDate = { calendar.localDate(of: $0) }
        for (index, resident) in residents.enumerated() where resident.age(on: today) >= 18 && index % 4 != 3 {
            let firstAt = now.addingTimeInterval(-Double(1 + (index * 11) % 29) * 86_400)
            for (number, at) in [(1, firstAt), (2, firstAt.addingTimeInterval(21 * 86_400))] where at <= now && (number == 1 || index % 3 != 0) {
                _ = try await store.recordDose(
                    Dose(id: "ds-demo-\(index)-\(number)", residentID: resident.id, appointmentID: nil, siteID: sites[index % 2].id,
                         vaccineCode: "inactivated-vero", lot: "2026\(threeDigits(index % 9 + 1))A", doseNumber: number, givenAt: at,
                         staffID: "demo-health", staffName: "何芳（卫健）", screening: Dictionary(uniqueKeysWithValues: Screening.questions.map { ($0.key, false) })),
                    localDay: localDay, rule: { _, _, _ in nil }
                )
            }
        }
        try await store.setMeta(marker, "1")
        return true
    }

    static func threeDigits(_ n: Int) -> String {
        String(format: "%03d", n)
    }
}
