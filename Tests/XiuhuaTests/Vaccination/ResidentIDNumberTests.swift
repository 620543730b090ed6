import Testing
@testable import Xiuhua

@Suite("Identity numbers (GB 11643)")
struct ResidentIDNumberTests {
    @Test("a number with the right check character parses, with its birth date; lower-case x is accepted")
    func valid() throws {
        // The standard's own example: 11010519491231002X.
        let number = try ResidentIDNumber("11010519491231002x")
        #expect(number.text == "11010519491231002X")
        #expect(number.birthDate == LocalDate(year: 1949, month: 12, day: 31))
        #expect(number.masked == "110105********002X")
    }

    @Test("wrong length, characters, birth date or check character are each refused for what they are")
    func invalid() {
        func problem(_ text: String) -> ResidentIDNumber.Problem? {
            do {
                _ = try ResidentIDNumber(text)
                return nil
            } catch {
                return error
            }
        }
        #expect(problem("11010519491231002") == .length)
        #expect(problem("1101051949123100200") == .length)
        #expect(problem("1101051949123100AX") == .characters)
        #expect(problem("11010519491331002X") == .birthDate)
        #expect(problem("110105194902300021") == .birthDate)
        #expect(problem("110105194912310021") == .checksum)
        #expect(problem("１１０１０５１９４９１２３１００２X") == .characters)
    }

    @Test("synthetic numbers are valid, carry their birth date and differ by sequence")
    func synthetic() throws {
        let birth = try #require(LocalDate(year: 1960, month: 2, day: 29))
        let numbers = (0..<50).map { ResidentIDNumber.synthetic(area: "140213", birth: birth, sequence: $0) }
        #expect(Set(numbers).count == 50)
        for number in numbers {
            #expect(try ResidentIDNumber(number.text) == number)
            #expect(number.birthDate == birth)
        }
    }
}
