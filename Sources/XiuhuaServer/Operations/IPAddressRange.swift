import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One address or a CIDR block (`127.0.0.1`, `10.0.0.0/8`, `::1`, `fd00::/8`), for the
/// trusted-proxy list. IPv4-mapped IPv6 addresses (`::ffff:10.0.0.1`) count as IPv4.
public struct IPAddressRange: Sendable, Equatable, CustomStringConvertible {
    let bytes: [UInt8]
    let prefixLength: Int
    public let description: String

    /// Reads `text`; nil when it is neither an address nor a block.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let bytes = Self.parse(String(parts[0])) else { return nil }
        let bits = bytes.count * 8
        var length = bits
        if parts.count == 2 {
            guard let given = Int(parts[1]), (0...bits).contains(given) else { return nil }
            length = given
        }
        self.bytes = bytes
        self.prefixLength = length
        self.description = text
    }

    /// Whether `address` (as text) lies in this range.
    public func contains(_ address: String) -> Bool {
        guard let other = Self.parse(address), other.count == bytes.count else { return false }
        var remaining = prefixLength
        for index in bytes.indices where remaining > 0 {
            let take = min(8, remaining)
            let mask: UInt8 = take == 8 ? 0xFF : ~(0xFF >> UInt8(take))
            if bytes[index] & mask != other[index] & mask { return false }
            remaining -= take
        }
        return true
    }

    /// The bytes of an IPv4 (4) or IPv6 (16) address; IPv4-mapped IPv6 gives 4.
    static func parse(_ text: String) -> [UInt8]? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var v4 = in_addr()
        if inet_pton(AF_INET, trimmed, &v4) == 1 {
            return withUnsafeBytes(of: &v4) { Array($0) }
        }
        var v6 = in6_addr()
        // Strip a zone (`fe80::1%eth0`) and brackets (`[::1]`), which peers may carry.
        let bare = String(trimmed.split(separator: "%").first ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        guard inet_pton(AF_INET6, bare, &v6) == 1 else { return nil }
        let bytes = withUnsafeBytes(of: &v6) { Array($0) }
        if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF { return Array(bytes[12..<16]) }
        return bytes
    }

    /// Whether `text` is an IP address at all.
    static func isAddress(_ text: String) -> Bool { parse(text) != nil }
}
