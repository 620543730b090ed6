import Foundation
import XiuhuaGeo

/// The words simulated people use, in one place so that reports and notes read like a
/// real district's (zh-CN).
public enum SimulationText {
    static let surnames = Array("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗")
    static let sightings = ["发现%@", "有%@，请尽快处理", "%@问题反复出现", "附近%@，影响通行", "群众反映%@"]
    static let ticketAlphabet = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")

    static func sighting(_ category: String, random: inout SplitMix64) -> String {
        sightings[random.int(in: 0...(sightings.count - 1))].replacingOccurrences(of: "%@", with: category)
    }

    static func reporterName(random: inout SplitMix64) -> String {
        "\(surnames[random.int(in: 0...(surnames.count - 1))])\(random.chance(0.5) ? "先生" : "女士")"
    }

    static func phone(random: inout SplitMix64) -> String {
        "13" + String(format: "%09d", random.int(in: 0...999_999_999))
    }

    /// A ticket code as the store draws them (10 characters, no look-alikes), but from the
    /// simulation's seed and the case number, so a rerun gives the same codes and a second
    /// run into the same database gives new ones.
    public static func ticketCode(seed: UInt64, number: String) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in number.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3
        }
        var random = SplitMix64(seed: seed ^ hash)
        return String((0..<10).map { _ in ticketAlphabet[Int(random.next() % UInt64(ticketAlphabet.count))] })
    }

    static let handled = ["已到场处置完毕", "已清理，现场恢复整洁", "已劝离并清理现场", "已整改到位", "已拖移/规范停放"]
    static let returned = "经核实不属于本单位职责范围，请重新派遣"
    static let extension_ = "需调用机械设备，申请延期"
    static let suspension = "需列入专项资金计划，暂无法处置"
    static let checkFailed = "现场复核仍有残留，需返工"
    static let untrue = "现场核实未发现该问题"
    static let duplicate = "与已立案件重复上报"
    static let whistleReport = "已到场协同处置，现场问题已解决"
    /// Departments a street most often summons.
    static let summonedDepartments = ["chengguan", "huanwei", "shizheng", "jiaojing", "zhujian", "shichang", "yuanlin"]

    static func whistleReason(_ kind: WhistleKind) -> String {
        switch kind {
        case .publicDemand: "群众反映强烈，街道无法单独解决，请相关部门到场"
        case .enforcement: "需执法力量到场联合整治"
        case .emergency: "突发险情，请相关部门立即到场处置"
        }
    }

    static let selfHandlingRejected = "自处理照片不清，按正常流程办理"
}
