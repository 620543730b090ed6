/// Trimming without Foundation: `trimmingCharacters(in:)` bridges to `NSString` on Linux,
/// which was a visible share of the CPU of every report taken in.
extension StringProtocol where UTF8View: BidirectionalCollection, UnicodeScalarView: BidirectionalCollection {
    /// The text without white space (Unicode `White_Space`: spaces of every width, tabs,
    /// line and paragraph breaks) at either end.
    public var trimmingWhitespace: String {
        // Most text has nothing to trim: printable ASCII at both ends says so at once.
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F {
            return String(self)
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
