import Testing
import Xiuhua

@Suite("Privacy masks")
struct PrivacyMaskTests {
    @Test("a mobile number keeps its first three and last four digits")
    func phone() {
        #expect(PhoneMask.mask("13812345678") == "138****5678")
        #expect(PhoneMask.mask("02112345678") == "021****5678")
        #expect(PhoneMask.mask("12345") == "***45")
        #expect(PhoneMask.mask("12") == "**")
    }

    @Test("a name keeps its family name and, when long enough, its last character")
    func name() {
        #expect(NameMask.mask("张三") == "张*")
        #expect(NameMask.mask("张小明") == "张*明")
        #expect(NameMask.mask("欧阳娜娜") == "欧**娜")
        #expect(NameMask.mask("张") == "*")
    }

    @Test("only the centre's staff see the reporter's identity")
    func whoSeesIdentity() {
        let seeing = Set(Role.allCases.filter(\.seesReporterIdentity))
        #expect(seeing == [.operator, .dutyChief, .dispatcher, .admin])
    }
}
