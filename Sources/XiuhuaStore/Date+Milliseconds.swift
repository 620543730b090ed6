import Foundation

extension Date {
    /// The instant as whole milliseconds since 1970 (UTC), as the store keeps times.
    var millis: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }

    init(millis: Int64) {
        self.init(timeIntervalSince1970: Double(millis) / 1000)
    }
}
