import Testing
import Xiuhua

@Suite("Trimming white space")
struct StringTrimmingTests {
    @Test("both ends lose spaces of every width, tabs and line breaks; the inside is kept; all-blank is empty")
    func trims() {
        #expect("  06010 ".trimmingWhitespace == "06010")
        #expect("\u{3000}院内 垃圾\n\t".trimmingWhitespace == "院内 垃圾")
        #expect("\u{00A0}\u{2028}a b\u{2029}\r\n".trimmingWhitespace == "a b")
        #expect(" \t\n\u{3000}".trimmingWhitespace == "")
        #expect("".trimmingWhitespace == "")
        #expect("x".trimmingWhitespace == "x")
        #expect("垃圾".trimmingWhitespace == "垃圾")
        let text = "  前后  "
        #expect(text.dropFirst().trimmingWhitespace == "前后")
    }
}
