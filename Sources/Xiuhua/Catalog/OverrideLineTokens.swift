/// One line of an overrides text split into whitespace-separated tokens, where a
/// double-quoted stretch keeps its spaces and loses its quotes (`filing="a b"` → `filing=a b`).
struct OverrideLineTokens {
    let tokens: [String]

    init(_ line: Substring, line number: Int) throws(CatalogError) {
        var tokens: [String] = []
        var current = ""
        var inToken = false
        var quoted = false
        for character in line {
            if character == "\"" {
                quoted.toggle()
                inToken = true
            } else if character.isWhitespace && !quoted {
                if inToken { tokens.append(current) }
                current = ""
                inToken = false
            } else {
                current.append(character)
                inToken = true
            }
        }
        guard !quoted else { throw CatalogError(line: number, problem: .unterminatedQuote) }
        if inToken { tokens.append(current) }
        self.tokens = tokens
    }
}
