import Testing
import Xiuhua

@Suite("Region code normalisation")
struct RegionCodeTests {
    @Test("a 14-digit legacy grid code gets its 2-digit sequence padded to 3 digits")
    func padsLegacyGridCode() {
        #expect(RegionCode.normalized("11010100100107", level: .grid) == "110101001001007")
        #expect(RegionCode.normalized("14021300300199", level: .grid) == "140213003001099")
        #expect(RegionCode.normalized(" 11010100100107 ", level: .grid) == "110101001001007", "surrounding spaces go first")
    }

    @Test("a standard 15-digit grid code is left as it is")
    func keepsStandardGridCode() {
        #expect(RegionCode.normalized("110101001001007", level: .grid) == "110101001001007")
    }

    @Test("codes of other levels, lengths or with non-digits are only trimmed")
    func leavesOthersAlone() {
        #expect(RegionCode.normalized("11010100100107", level: .community) == "11010100100107")
        #expect(RegionCode.normalized("11010100100107", level: .street) == "11010100100107")
        #expect(RegionCode.normalized("1101010010010", level: .grid) == "1101010010010")
        #expect(RegionCode.normalized("1101010010010A", level: .grid) == "1101010010010A")
        #expect(RegionCode.normalized(" 110101 ", level: .district) == "110101")
    }

    @Test("a padded legacy code passes the tree's code check")
    func paddedCodeIsValid() {
        let code = RegionCode.normalized("11010100100107", level: .grid)
        #expect(RegionCode.problem(with: code, level: .grid, parentCode: "110101001001") == nil)
        #expect(RegionCode.problem(with: "11010100100107", level: .grid, parentCode: "110101001001") != nil)
    }
}
