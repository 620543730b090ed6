import Foundation
import Testing
import XiuhuaGeo

struct JSONValueTests {
    @Test("JSONValue round-trips through Foundation's coders without turning 1 into true or true into 1")
    func codable() throws {
        let text = #"{"a": 1, "b": true, "c": "x", "d": null, "e": [0.5, false], "f": {"g": 0}}"#
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        let expected = JSONValue.object([
            "a": .number(1), "b": .bool(true), "c": .string("x"), "d": .null,
            "e": .array([.number(0.5), .bool(false)]), "f": .object(["g": .number(0)]),
        ])
        #expect(value == expected)
        #expect(try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(value)) == expected)
    }
}
