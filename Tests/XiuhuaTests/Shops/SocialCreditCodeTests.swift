import Testing
import Xiuhua

@Suite("Unified social credit code (GB 32100-2015)")
struct SocialCreditCodeTests {
    @Test("published codes of real companies pass, lower case and spaces accepted", arguments: [
        "91110108551385082Q", "91440300708461136T", "91350100M000100Y43", "91140213ma0k3xh01g", "9114 0213 MA0K 3XH0 1G",
    ])
    func validCodes(_ text: String) throws {
        let code = try SocialCreditCode(text)
        #expect(code.text.count == 18)
        #expect(code.text == code.text.uppercased())
        #expect(!code.text.contains(" "))
    }

    @Test("the division code is characters 3–8")
    func division() throws {
        #expect(try SocialCreditCode("91140213MA0K3XH01G").divisionCode == "140213")
    }

    @Test("one mistyped character is caught by the check character, which the message names")
    func wrongCheck() {
        // 91110108551385082Q with its 10th character changed.
        #expect(throws: SocialCreditCode.Problem.checkMismatch(expected: "Q")) { try SocialCreditCode("91110108551385082X") }
        #expect(throws: SocialCreditCode.Problem.self) { try SocialCreditCode("91110108561385082Q") }
        let message = SocialCreditCode.Problem.checkMismatch(expected: "Q").message
        #expect(message.contains("校验位") && message.contains("Q"))
    }

    @Test("two swapped characters are caught")
    func swapped() {
        #expect(throws: SocialCreditCode.Problem.self) { try SocialCreditCode("91110108553185082Q") }
    }

    @Test("wrong length, letters the standard leaves out, and a non-numeric division are refused")
    func malformed() {
        #expect(throws: SocialCreditCode.Problem.wrongLength(17)) { try SocialCreditCode("91110108551385082") }
        #expect(throws: SocialCreditCode.Problem.wrongLength(0)) { try SocialCreditCode("") }
        #expect(throws: SocialCreditCode.Problem.invalidCharacter("I", position: 9)) { try SocialCreditCode("91110108I51385082Q") }
        #expect(throws: SocialCreditCode.Problem.invalidCharacter("O", position: 18)) { try SocialCreditCode("91110108551385082O") }
        #expect(throws: SocialCreditCode.Problem.divisionNotDigits) { try SocialCreditCode("91A10108551385082Q") }
    }
}
