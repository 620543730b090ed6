/// The spelling of sub-command and department codes in catalog texts.
///
/// The catalog checks only the spelling: whether a code names a real unit depends on the
/// district's organisation, which the catalog does not know.
enum OrganisationCodeSyntax {
    /// Lower-case ASCII letters, digits, `-` and `_`, starting with a letter.
    static func isValid(_ code: String) -> Bool {
        guard let first = code.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return code.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }
}
