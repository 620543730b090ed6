import Xiuhua

/// The values of the shop and idle-space records as people read them — idle-space kinds,
/// statuses and hazard levels, score grades — and the shop page's monthly score section.
/// Pages show these, never the API's raw values.
enum RecordLabelText: MessageCatalog {
    enum Key: String, CaseIterable {
        case kindVacantLot, kindDerelictBuilding, kindUnderBridge, kindCornerPlot, kindRooftop, kindOther
        case statusRegistered, statusPlan, statusWorks, statusReused, statusCleared
        case hazardNone, hazardLow, hazardMedium, hazardHigh
        case gradeGood, gradeFair, gradePoor
        case monthlyScores, month, inspections, cases, score, grade, notInspected, scoreHint
    }

    static let table: [Key: (zh: String, en: String)] = [
        .kindVacantLot: ("闲置空地", "Vacant lot"),
        .kindDerelictBuilding: ("废弃建筑", "Derelict building"),
        .kindUnderBridge: ("桥下空间", "Under-bridge space"),
        .kindCornerPlot: ("边角地", "Corner plot"),
        .kindRooftop: ("闲置屋顶", "Idle rooftop"),
        .kindOther: ("其他", "Other"),
        .statusRegistered: ("已登记", "Registered"),
        .statusPlan: ("已定方案", "Planned"),
        .statusWorks: ("施工中", "Works under way"),
        .statusReused: ("已利用", "Reused"),
        .statusCleared: ("已清理", "Cleared"),
        .hazardNone: ("无隐患", "None"),
        .hazardLow: ("低", "Low"),
        .hazardMedium: ("中", "Medium"),
        .hazardHigh: ("高", "High"),
        .gradeGood: ("优", "Good"),
        .gradeFair: ("良", "Fair"),
        .gradePoor: ("差", "Poor"),
        .monthlyScores: ("月度评分", "Monthly score"),
        .month: ("月份", "Month"),
        .inspections: ("检查次数", "Inspections"),
        .cases: ("立案数", "Cases opened"),
        .score: ("得分", "Score"),
        .grade: ("等级", "Grade"),
        .notInspected: ("本月未检查", "Not inspected"),
        .scoreHint: ("与红黑榜同一算法：当月检查平均分，每立案 1 件扣 5 分。", "As the red & black lists compute it: the month's mean inspection score, less 5 for each case opened."),
    ]

    static func kind(_ kind: IdleSpace.Kind, _ language: UILanguage) -> String {
        let key: Key = switch kind {
        case .vacantLot: .kindVacantLot
        case .derelictBuilding: .kindDerelictBuilding
        case .underBridge: .kindUnderBridge
        case .cornerPlot: .kindCornerPlot
        case .rooftop: .kindRooftop
        case .other: .kindOther
        }
        return text(key, language)
    }

    static func status(_ status: IdleSpace.Status, _ language: UILanguage) -> String {
        let key: Key = switch status {
        case .registered: .statusRegistered
        case .plan: .statusPlan
        case .works: .statusWorks
        case .reused: .statusReused
        case .cleared: .statusCleared
        }
        return text(key, language)
    }

    static func hazard(_ hazard: IdleSpace.Hazard, _ language: UILanguage) -> String {
        let key: Key = switch hazard {
        case .none: .hazardNone
        case .low: .hazardLow
        case .medium: .hazardMedium
        case .high: .hazardHigh
        }
        return text(key, language)
    }

    static func grade(_ grade: ShopGrade, _ language: UILanguage) -> String {
        let key: Key = switch grade {
        case .good: .gradeGood
        case .fair: .gradeFair
        case .poor: .gradePoor
        }
        return text(key, language)
    }
}
