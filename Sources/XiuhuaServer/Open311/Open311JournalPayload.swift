import Xiuhua
import XiuhuaStore

/// An Open311 report as the intake journal keeps it: the key's identity and the form as it
/// arrived, on one line — `v1 \t KEY-ID \t KEY-NAME \t FORM`, each field with backslash,
/// tab, newline and carriage return escaped (`\\`, `\t`, `\n`, `\r`), so that it reads back
/// to exactly the text that was received.
struct Open311JournalPayload: Equatable {
    let keyID: String
    let keyName: String
    let form: String

    init(key: APIKey, form: String) {
        self.keyID = key.id
        self.keyName = key.name
        self.form = form
    }

    var line: String {
        ["v1", keyID, keyName, form].map(Self.escaped).joined(separator: "\t")
    }

    init?(line: String) {
        let parts = line.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "v1",
              let keyID = Self.unescaped(parts[1]), let keyName = Self.unescaped(parts[2]), let form = Self.unescaped(parts[3])
        else { return nil }
        self.keyID = keyID
        self.keyName = keyName
        self.form = form
    }

    /// Who files the case: the client system, as when it is filed at once.
    var actor: Actor {
        Actor(id: "apikey:\(keyID)", name: keyName, role: .system)
    }

    static func escaped(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 {
            switch byte {
            case 0x5C: out += [0x5C, 0x5C]
            case 0x09: out += [0x5C, UInt8(ascii: "t")]
            case 0x0A: out += [0x5C, UInt8(ascii: "n")]
            case 0x0D: out += [0x5C, UInt8(ascii: "r")]
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Nil for an escape that `escaped` does not write.
    static func unescaped(_ text: Substring) -> String? {
        guard text.utf8.contains(0x5C) else { return String(text) }
        var out: [UInt8] = []
        var input = text.utf8.makeIterator()
        while let byte = input.next() {
            guard byte == 0x5C else {
                out.append(byte)
                continue
            }
            switch input.next() {
            case 0x5C: out.append(0x5C)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            default: return nil
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
