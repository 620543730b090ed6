/// Trimming without Foundation: `trimmingCharacters(in:)` bridges to `NSString` on Linux,
/// which was a visible share of the CPU of every report taken in.
extension StringProtocol {
    /// The text without white space (Unicode `White_Space`: spaces of every width, tabs,
    /// line and paragraph breaks) at either end.
    public var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
