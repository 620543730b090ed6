import Foundation

/// Writes the bytes of `CanonicalJSON` without Foundation's `JSONEncoder`.
///
/// Every case filed writes the canonical JSON of its event, snapshot, facts and
/// notifications, and Foundation's encoder was the largest part of the server's CPU per
/// case: it builds a dictionary per object (hashing every key), a nested encoder per date
/// (the custom date strategy) and boxes every value. This writer is an `Encoder` of its
/// own, so every `Codable` record keeps its one `encode(to:)`; it collects each object's
/// members in the order they are encoded, sorts them by the UTF-8 bytes of their keys (as
/// `.sortedKeys` does) and writes strings, numbers and dates exactly as Foundation does.
/// The bytes must not change: they are hashed into the event chain and stored in rows that
/// audits compare. `CanonicalJSONWriterTests` pins them to Foundation's over real records.
///
/// Values whose Foundation encoding this writer does not reproduce (`Data`, `URL`,
/// `Decimal`, non-finite numbers) make it throw `Unsupported`, and
/// `CanonicalJSON` then encodes that value with Foundation.
struct CanonicalJSONWriter {
    /// Thrown for a value the writer leaves to Foundation.
    struct Unsupported: Error {}

    /// The canonical JSON of `value`.
    static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = TreeEncoder()
        let root = try encoder.box(value)
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        write(root, to: &out)
        return out
    }

    // MARK: - The tree

    /// A JSON value collected from `encode(to:)`; objects and arrays are references because
    /// a container is filled after it has been placed in its parent.
    fileprivate enum Node {
        /// Bytes written as they are: numbers, `true`, `false`, `null`.
        case literal(String)
        case string(String)
        case object(ObjectNode)
        case array(ArrayNode)
        /// What a super encoder has produced by the time the tree is written.
        case pending(TreeEncoder)
    }

    fileprivate final class ObjectNode {
        var keys: [String] = []
        var values: [Node] = []

        func set(_ key: String, _ value: Node) {
            keys.append(key)
            values.append(value)
        }
    }

    fileprivate final class ArrayNode {
        var values: [Node] = []
    }

    // MARK: - Writing

    private static func write(_ node: Node, to out: inout [UInt8]) {
        switch node {
        case .literal(let text):
            out.append(contentsOf: text.utf8)
        case .string(let text):
            writeString(text, to: &out)
        case .array(let array):
            out.append(UInt8(ascii: "["))
            for (index, value) in array.values.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                write(value, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            out.append(UInt8(ascii: "{"))
            var first = true
            for index in sortedOrder(object.keys) {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                writeString(object.keys[index], to: &out)
                out.append(UInt8(ascii: ":"))
                write(object.values[index], to: &out)
            }
            out.append(UInt8(ascii: "}"))
        case .pending(let encoder):
            write(encoder.slot ?? .object(ObjectNode()), to: &out)
        }
    }

    /// The indices of `keys` in the order of their UTF-8 bytes; of a key encoded twice only
    /// the last stays, as in Foundation's dictionary.
    private static func sortedOrder(_ keys: [String]) -> [Int] {
        var order = Array(keys.indices)
        // Insertion sort: objects are small and mostly encoded close to sorted order; the
        // tie on the index keeps equal keys in encoding order.
        for i in order.indices.dropFirst() {
            let moving = order[i]
            var j = i
            while j > 0, precedes(keys[moving], keys[order[j - 1]]) {
                order[j] = order[j - 1]
                j -= 1
            }
            order[j] = moving
        }
        var unique: [Int] = []
        unique.reserveCapacity(order.count)
        for index in order {
            if let last = unique.last, keys[last] == keys[index] {
                unique[unique.count - 1] = index
            } else {
                unique.append(index)
            }
        }
        return unique
    }

    private static func precedes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in b.withUTF8 { y in
            let count = min(x.count, y.count)
            for i in 0..<count where x[i] != y[i] { return x[i] < y[i] }
            return x.count < y.count
        } }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// A JSON string as Foundation writes it without escaping slashes: quotes, backslashes
    /// and control characters escaped, everything else as UTF-8.
    private static func writeString(_ text: String, to out: inout [UInt8]) {
        var text = text
        out.append(UInt8(ascii: "\""))
        text.withUTF8 { bytes in
            var start = 0
            for (i, byte) in bytes.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                if start < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i])) }
                start = i + 1
                out.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
                case 0x08: out.append(UInt8(ascii: "b"))
                case 0x0C: out.append(UInt8(ascii: "f"))
                case UInt8(ascii: "\n"): out.append(UInt8(ascii: "n"))
                case UInt8(ascii: "\r"): out.append(UInt8(ascii: "r"))
                case UInt8(ascii: "\t"): out.append(UInt8(ascii: "t"))
                default:
                    out.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                            hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]])
                }
            }
            if start < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...])) }
        }
        out.append(UInt8(ascii: "\""))
    }

    // MARK: - Numbers as Foundation writes them

    fileprivate static func number<F: BinaryFloatingPoint & CustomStringConvertible>(_ value: F) throws -> Node {
        guard value.isFinite else { throw Unsupported() }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return .literal(text)
    }

    fileprivate static func number<I: BinaryInteger>(_ value: I) -> Node {
        .literal(String(value))
    }
}

// MARK: - The encoder

/// One encoder for the whole value: `box` encodes a child with the encoder's slot saved and
/// restored, so no encoder is allocated per nested value.
fileprivate final class TreeEncoder: Encoder {
    typealias Node = CanonicalJSONWriter.Node

    /// What the value being encoded has produced so far.
    var slot: Node?

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func box<T: Encodable>(_ value: T) throws -> Node {
        if T.self == Date.self {
            return CanonicalJSONWriter.number((value as! Date).epochMilliseconds)
        }
        if T.self == String.self { return .string(value as! String) }
        if T.self == Data.self || T.self == URL.self || T.self == Decimal.self {
            throw CanonicalJSONWriter.Unsupported()
        }
        let saved = slot
        slot = nil
        defer { slot = saved }
        try value.encode(to: self)
        // A value that encodes nothing is an empty object, as in Foundation.
        return slot ?? .object(CanonicalJSONWriter.ObjectNode())
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let object: CanonicalJSONWriter.ObjectNode
        if case .object(let existing) = slot {
            object = existing
        } else {
            object = CanonicalJSONWriter.ObjectNode()
            slot = .object(object)
        }
        return KeyedEncodingContainer(TreeKeyedContainer<Key>(encoder: self, object: object))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let array: CanonicalJSONWriter.ArrayNode
        if case .array(let existing) = slot {
            array = existing
        } else {
            array = CanonicalJSONWriter.ArrayNode()
            slot = .array(array)
        }
        return TreeUnkeyedContainer(encoder: self, array: array)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        TreeSingleValueContainer(encoder: self)
    }
}

private struct TreeKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: TreeEncoder
    let object: CanonicalJSONWriter.ObjectNode
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws { object.set(key.stringValue, .literal("null")) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { object.set(key.stringValue, .literal(value ? "true" : "false")) }
    mutating func encode(_ value: String, forKey key: Key) throws { object.set(key.stringValue, .string(value)) }
    mutating func encode(_ value: Double, forKey key: Key) throws { object.set(key.stringValue, try CanonicalJSONWriter.number(value)) }
    mutating func encode(_ value: Float, forKey key: Key) throws { object.set(key.stringValue, try CanonicalJSONWriter.number(value)) }
    mutating func encode(_ value: Int, forKey key: Key) throws { object.set(key.stringValue, CanonicalJSONWriter.number(value)) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { object.set(key.stringValue, CanonicalJSONWriter.number(value)) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { object.set(key.stringValue, CanonicalJSONWriter.number(value)) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { object.set(key.stringValue, CanonicalJSONWriter.number(value)) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { object.set(key.stringValue, CanonicalJSONWriter.number(value)) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { object.set(key.stringValue, CanonicalJSONWriter.number(value)) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { object.set(key.stringValue, CanonicalJSONWriter.number(value)) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { object.set(key.stringValue, CanonicalJSONWriter.number(value)) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { object.set(key.stringValue, CanonicalJSONWriter.number(value)) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { object.set(key.stringValue, CanonicalJSONWriter.number(value)) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { object.set(key.stringValue, try encoder.box(value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested = CanonicalJSONWriter.ObjectNode()
        object.set(key.stringValue, .object(nested))
        return KeyedEncodingContainer(TreeKeyedContainer<NestedKey>(encoder: encoder, object: nested))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = CanonicalJSONWriter.ArrayNode()
        object.set(key.stringValue, .array(nested))
        return TreeUnkeyedContainer(encoder: encoder, array: nested)
    }

    mutating func superEncoder() -> any Encoder {
        let child = TreeEncoder()
        object.set("super", .pending(child))
        return child
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let child = TreeEncoder()
        object.set(key.stringValue, .pending(child))
        return child
    }
}

private struct TreeUnkeyedContainer: UnkeyedEncodingContainer {
    let encoder: TreeEncoder
    let array: CanonicalJSONWriter.ArrayNode
    var codingPath: [any CodingKey] { [] }
    var count: Int { array.values.count }

    mutating func encodeNil() throws { array.values.append(.literal("null")) }
    mutating func encode(_ value: Bool) throws { array.values.append(.literal(value ? "true" : "false")) }
    mutating func encode(_ value: String) throws { array.values.append(.string(value)) }
    mutating func encode(_ value: Double) throws { array.values.append(try CanonicalJSONWriter.number(value)) }
    mutating func encode(_ value: Float) throws { array.values.append(try CanonicalJSONWriter.number(value)) }
    mutating func encode(_ value: Int) throws { array.values.append(CanonicalJSONWriter.number(value)) }
    mutating func encode(_ value: Int8) throws { array.values.append(CanonicalJSONWriter.number(value)) }
    mutating func encode(_ value: Int16) throws { array.values.append(CanonicalJSONWriter.number(value)) }
    mutating func encode(_ value: Int32) throws { array.values.append(CanonicalJSONWriter.number(value)) }
    mutating func encode(_ value: Int64) throws { array.values.append(CanonicalJSONWriter.number(value)) }
    mutating func encode(_ value: UInt) throws { array.values.append(CanonicalJSONWriter.number(value)) }
    mutating func encode(_ value: UInt8) throws { array.values.append(CanonicalJSONWriter.number(value)) }
    mutating func encode(_ value: UInt16) throws { array.values.append(CanonicalJSONWriter.number(value)) }
    mutating func encode(_ value: UInt32) throws { array.values.append(CanonicalJSONWriter.number(value)) }
    mutating func encode(_ value: UInt64) throws { array.values.append(CanonicalJSONWriter.number(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { array.values.append(try encoder.box(value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = CanonicalJSONWriter.ObjectNode()
        array.values.append(.object(nested))
        return KeyedEncodingContainer(TreeKeyedContainer<NestedKey>(encoder: encoder, object: nested))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = CanonicalJSONWriter.ArrayNode()
        array.values.append(.array(nested))
        return TreeUnkeyedContainer(encoder: encoder, array: nested)
    }

    mutating func superEncoder() -> any Encoder {
        let child = TreeEncoder()
        array.values.append(.pending(child))
        return child
    }
}

private struct TreeSingleValueContainer: SingleValueEncodingContainer {
    let encoder: TreeEncoder
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { encoder.slot = .literal("null") }
    mutating func encode(_ value: Bool) throws { encoder.slot = .literal(value ? "true" : "false") }
    mutating func encode(_ value: String) throws { encoder.slot = .string(value) }
    mutating func encode(_ value: Double) throws { encoder.slot = try CanonicalJSONWriter.number(value) }
    mutating func encode(_ value: Float) throws { encoder.slot = try CanonicalJSONWriter.number(value) }
    mutating func encode(_ value: Int) throws { encoder.slot = CanonicalJSONWriter.number(value) }
    mutating func encode(_ value: Int8) throws { encoder.slot = CanonicalJSONWriter.number(value) }
    mutating func encode(_ value: Int16) throws { encoder.slot = CanonicalJSONWriter.number(value) }
    mutating func encode(_ value: Int32) throws { encoder.slot = CanonicalJSONWriter.number(value) }
    mutating func encode(_ value: Int64) throws { encoder.slot = CanonicalJSONWriter.number(value) }
    mutating func encode(_ value: UInt) throws { encoder.slot = CanonicalJSONWriter.number(value) }
    mutating func encode(_ value: UInt8) throws { encoder.slot = CanonicalJSONWriter.number(value) }
    mutating func encode(_ value: UInt16) throws { encoder.slot = CanonicalJSONWriter.number(value) }
    mutating func encode(_ value: UInt32) throws { encoder.slot = CanonicalJSONWriter.number(value) }
    mutating func encode(_ value: UInt64) throws { encoder.slot = CanonicalJSONWriter.number(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { encoder.slot = try encoder.box(value) }
}
