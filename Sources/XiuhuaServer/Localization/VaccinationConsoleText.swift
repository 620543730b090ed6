import Xiuhua

/// The staff console's vaccination desk (接种工作台): roster search, a resident's page with
/// visits, bookings and doses, the sites' seats and the forms at the site.
enum VaccinationConsoleText: MessageCatalog {
    enum Key: String, CaseIterable {
        case title, search, searchName, searchRegion, searchHint, searchButton, residents, none, maskedNote
        case colName, colIDNumber, colGrid, colHousehold, colPhone, colAge
        case sites, colSite, colKind, colHours, colSeats, seatsTitle, day, show, slot, capacity, booked, free
        case resident, age, eligible, notEligible, visits, visitsNone, appointments, appointmentsNone, doses, dosesNone
        case visitTitle, result, note, record, bookTitle, site, vaccine, book, cancel, noShow
        case doseTitle, identity, consent, screening, yes, no, lot, appointment, walkIn, giveDose, observationEnds, doseNumber, staff
        case done, refused, badDay, badResult, badChoice, screeningUnanswered
        case willing, contraindication, refusedVaccination, away, vaccinatedElsewhere
        case fixed, cabin, mobile, stateBooked, stateCancelled, stateAttended, stateNoShow
        case supervisionTitle, supervisionDone, supervisionNone, itemMet, itemNotMet, findings, inspect
        case registerTitle, register, registered, gridHint, newSiteTitle, openSite, siteOpened, community, address
        case opensAt, closesAt, slotMinutes, rovingTitle, rovingNone, plan, rovingPlanned, badKind, badNumber
    }

    static let table: [Key: (zh: String, en: String)] = [
        .title: ("接种工作台", "Vaccination desk"),
        .search: ("查找居民", "Find a resident"),
        .searchName: ("姓名", "Name"),
        .searchRegion: ("区域代码（街道、社区或网格）", "Region code (street, community or grid)"),
        .searchHint: ("姓名查找仅限卫健和网格人员", "Searching by name is for health and grid workers only"),
        .searchButton: ("查找", "Search"),
        .residents: ("台账", "Roster"),
        .none: ("没有符合条件的居民。", "No resident matches."),
        .maskedNote: ("您的角色只能看到脱敏后的个人信息。", "Your role sees personal data masked."),
        .colName: ("姓名", "Name"),
        .colIDNumber: ("身份证号", "ID number"),
        .colGrid: ("网格", "Grid"),
        .colHousehold: ("户", "Household"),
        .colPhone: ("电话", "Phone"),
        .colAge: ("年龄", "Age"),
        .sites: ("接种点", "Sites"),
        .colSite: ("接种点", "Site"),
        .colKind: ("类型", "Kind"),
        .colHours: ("时间", "Hours"),
        .colSeats: ("每时段名额", "Seats per slot"),
        .seatsTitle: ("号源", "Seats"),
        .day: ("日期", "Day"),
        .show: ("查看", "Show"),
        .slot: ("时段", "Slot"),
        .capacity: ("名额", "Capacity"),
        .booked: ("已约", "Booked"),
        .free: ("剩余", "Free"),
        .resident: ("居民", "Resident"),
        .age: ("年龄", "Age"),
        .eligible: ("符合接种条件", "Eligible"),
        .notEligible: ("不符合接种条件", "Not eligible"),
        .visits: ("敲门走访", "Canvass visits"),
        .visitsNone: ("尚无走访记录。", "No visits yet."),
        .appointments: ("预约", "Appointments"),
        .appointmentsNone: ("尚无预约。", "No appointments."),
        .doses: ("接种记录", "Doses"),
        .dosesNone: ("尚无接种记录。", "No doses yet."),
        .visitTitle: ("记录走访", "Record a visit"),
        .result: ("结果", "Result"),
        .note: ("说明", "Note"),
        .record: ("记录", "Record"),
        .bookTitle: ("预约接种", "Book a slot"),
        .site: ("接种点", "Site"),
        .vaccine: ("疫苗", "Vaccine"),
        .book: ("预约", "Book"),
        .cancel: ("取消预约", "Cancel"),
        .noShow: ("记为爽约", "Record no-show"),
        .doseTitle: ("现场接种", "At the site"),
        .identity: ("已核验身份证件", "Identity checked"),
        .consent: ("已签署知情同意书", "Consent signed"),
        .screening: ("禁忌核查", "Contraindication checklist"),
        .yes: ("是", "Yes"),
        .no: ("否", "No"),
        .lot: ("批号", "Lot"),
        .appointment: ("预约", "Appointment"),
        .walkIn: ("无预约（现场）", "Walk-in (no booking)"),
        .giveDose: ("登记接种", "Record the dose"),
        .observationEnds: ("留观结束", "Observation ends"),
        .doseNumber: ("剂次", "Dose"),
        .staff: ("接种人员", "Staff"),
        .done: ("已完成：{action}", "Done: {action}"),
        .refused: ("未执行：", "Not done: "),
        .badDay: ("日期格式应为 年-月-日", "The day is year-month-day"),
        .badResult: ("请选择走访结果", "Choose the visit's result"),
        .badChoice: ("请选择接种点和疫苗", "Choose the site and the vaccine"),
        .screeningUnanswered: ("禁忌核查未完成：{item}", "The checklist is incomplete: {item}"),
        .willing: ("愿意接种", "Willing"),
        .contraindication: ("禁忌症", "Contraindication"),
        .refusedVaccination: ("拒绝接种", "Refused"),
        .away: ("外出不在", "Away"),
        .vaccinatedElsewhere: ("已在外地接种", "Vaccinated elsewhere"),
        .fixed: ("固定接种点", "Fixed site"),
        .cabin: ("方舱接种点", "Cabin site"),
        .mobile: ("流动接种队", "Roving team"),
        .stateBooked: ("已预约", "Booked"),
        .stateCancelled: ("已取消", "Cancelled"),
        .stateAttended: ("已接种", "Attended"),
        .stateNoShow: ("爽约", "No-show"),
        .supervisionTitle: ("督导检查", "Supervision"),
        .supervisionDone: ("已记录督导检查", "Inspection recorded"),
        .supervisionNone: ("您不在任何督导组中。", "You are in no supervision group."),
        .itemMet: ("合格", "Met"),
        .itemNotMet: ("不合格", "Not met"),
        .findings: ("问题次数", "Findings"),
        .inspect: ("提交检查", "Record the inspection"),
        .registerTitle: ("登记居民", "Put a resident on the roster"),
        .register: ("登记", "Register"),
        .registered: ("已登记到台账。", "Put on the roster."),
        .gridHint: ("15 位网格代码，可在地图或区域列表中查到", "The grid's 15-digit code, as on the map or the region list"),
        .newSiteTitle: ("设立接种点", "Open a site"),
        .openSite: ("设立", "Open the site"),
        .siteOpened: ("接种点已设立。", "The site is open."),
        .community: ("社区", "Community"),
        .address: ("地址", "Address"),
        .opensAt: ("开始时间", "Opens at"),
        .closesAt: ("结束时间", "Closes at"),
        .slotMinutes: ("每时段分钟数", "Minutes per slot"),
        .rovingTitle: ("流动接种排班", "Mobile team's plan"),
        .rovingNone: ("尚未排班。", "No day planned yet."),
        .plan: ("排班", "Plan the day"),
        .rovingPlanned: ("排班已保存。", "The day is planned."),
        .badKind: ("请选择接种点类型", "Choose the kind of site"),
        .badNumber: ("时段分钟数和名额应为整数", "Minutes per slot and seats are whole numbers"),
    ]

    static func key(_ result: CanvassVisit.Result) -> Key {
        switch result {
        case .willing: .willing
        case .contraindication: .contraindication
        case .refused: .refusedVaccination
        case .away: .away
        case .vaccinatedElsewhere: .vaccinatedElsewhere
        }
    }

    static func key(_ kind: VaccinationSite.Kind) -> Key {
        switch kind {
        case .fixed: .fixed
        case .cabin: .cabin
        case .mobile: .mobile
        }
    }

    static func key(_ state: Appointment.State) -> Key {
        switch state {
        case .booked: .stateBooked
        case .cancelled: .stateCancelled
        case .attended: .stateAttended
        case .noShow: .stateNoShow
        }
    }
}
