import Testing
import Xiuhua

@Suite("Category questions (Open311 attributes)")
struct CategoryQuestionsTests {
    @Test("the shipped questions parse and name only catalog categories")
    func shipped() throws {
        let questions = try CategoryQuestions(parsing: CategoryQuestions.shippedText, catalog: .national)
        #expect(questions.questions(for: "06010").map(\.code) == ["amount", "kinds"])
        #expect(questions.questions(for: "09001").last?.isVariable == false)
    }

    @Test("a bad line is refused with its number")
    func badLine() {
        #expect(throws: CategoryQuestionsError.self) { try CategoryQuestions(parsing: "\n06010 a type=singlevaluelist text=x") }
        do {
            _ = try CategoryQuestions(parsing: "# c\n99999 a type=string text=x", catalog: .national)
            Issue.record("unknown category accepted")
        } catch let error as CategoryQuestionsError {
            #expect(error.line == 2)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("answers: required missing, choice outside the list, unknown attribute, bad number")
    func answers() {
        let questions = CategoryQuestions.shipped
        let missing = questions.check([:], for: "06010")
        #expect(missing.problems.map(\.code) == ["amount"])
        let wrong = questions.check(["amount": ["lots"], "colour": ["red"]], for: "06010")
        #expect(Set(wrong.problems.map(\.code)) == ["amount", "colour"])
        let good = questions.check(["amount": ["bag"], "kinds": ["household", "bulky"]], for: "06010")
        #expect(good.problems.isEmpty)
        #expect(good.answers == [CaseAttribute(code: "amount", values: ["bag"]), CaseAttribute(code: "kinds", values: ["household", "bulky"])])
        #expect(questions.check(["lamps": ["three"]], for: "01037").problems.map(\.code) == ["lamps"])
    }
}
