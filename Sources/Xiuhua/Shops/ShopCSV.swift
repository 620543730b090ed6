import Foundation
import XiuhuaGeo

/// The shop registry's CSV layout: a header row naming the columns (English or Chinese,
/// in any order), then one shop per row.
///
///     name,credit_code,licence,owner_name,phone,address,lat,lon,frontage
///     永泰便利店,91140213MA0K3XH01G,JY11402130001,张三,13812341234,永泰南路 12 号,40.08,113.30,"113.300 40.080;113.301 40.080"
///
/// `frontage` is `lon lat;lon lat;…`: a line, or an area when the last point repeats the first.
public enum ShopCSV {
    /// Column → the header names accepted for it.
    static let columns: [(field: String, names: Set<String>)] = [
        ("name", ["name", "名称", "店名"]),
        ("credit_code", ["credit_code", "统一社会信用代码", "信用代码"]),
        ("licence", ["licence", "license", "许可证号"]),
        ("owner_name", ["owner_name", "owner", "负责人"]),
        ("phone", ["phone", "联系电话", "电话"]),
        ("address", ["address", "地址"]),
        ("lat", ["lat", "纬度"]),
        ("lon", ["lon", "经度"]),
        ("frontage", ["frontage", "门前责任区"]),
    ]

    static let required: Set<String> = ["name", "credit_code", "owner_name", "phone", "address", "lat", "lon"]

    public struct Row: Hashable, Sendable {
        /// The line of the file the row starts on.
        public let line: Int
        public let input: ShopInput
    }

    /// A mistake in the file as a whole, before any row is looked at.
    public struct FileError: Error, Hashable, Sendable {
        public let message: String
    }

    /// The rows of `text`, each read into a `ShopInput` (a row's own mistakes are in its
    /// `readErrors`); throws only when the file itself cannot be read as a shop table.
    public static func rows(_ text: String) throws(FileError) -> [Row] {
        let table: CSVTable
        do {
            table = try CSVTable(parsing: text)
        } catch {
            throw FileError(message: error.message)
        }
        guard let header = table.records.first else {
            throw FileError(message: "文件为空，需要表头行 (the file is empty; a header row is required)")
        }
        var positions: [String: Int] = [:]
        for (index, name) in header.fields.enumerated() {
            let key = name.trimmingCharacters(in: .whitespaces).lowercased()
            guard let column = columns.first(where: { $0.names.contains(key) }) else {
                throw FileError(message: "表头第 \(index + 1) 列“\(name)”不认识 (unknown column); expected: \(columns.map(\.field).joined(separator: ","))")
            }
            guard positions[column.field] == nil else {
                throw FileError(message: "表头列“\(column.field)”重复 (column given twice)")
            }
            positions[column.field] = index
        }
        let missing = required.subtracting(positions.keys).sorted()
        guard missing.isEmpty else {
            throw FileError(message: "表头缺少列 (missing columns): \(missing.joined(separator: ","))")
        }
        return table.records.dropFirst().map { record in
            Row(line: record.line, input: input(record, positions, width: header.fields.count))
        }
    }

    static func input(_ record: CSVTable.Record, _ positions: [String: Int], width: Int) -> ShopInput {
        func value(_ field: String) -> String? {
            guard let index = positions[field], index < record.fields.count else { return nil }
            let text = record.fields[index].trimmingCharacters(in: .whitespaces)
            return text.isEmpty ? nil : text
        }
        var input = ShopInput(
            name: value("name"), creditCode: value("credit_code"), licence: value("licence"), ownerName: value("owner_name"),
            phone: value("phone"), address: value("address")
        )
        if record.fields.count != width {
            input.readErrors.append(ShopFieldError(
                field: "row", code: "wrong_column_count",
                message: "本行有 \(record.fields.count) 列，表头有 \(width) 列 (the row has \(record.fields.count) fields, the header \(width))"
            ))
        }
        var lat: Double?
        var lon: Double?
        for (field, label) in [("lat", "纬度"), ("lon", "经度")] {
            guard let text = value(field) else { continue }
            if let number = Double(text), number.isFinite {
                if field == "lat" { lat = number } else { lon = number }
            } else {
                input.readErrors.append(ShopFieldError(field: field, code: "invalid_\(field)", message: "\(label)不是数字 (\(field) is not a number): \(text)"))
            }
        }
        if let lat, let lon { input.position = Coordinate(lon: lon, lat: lat) }
        if let text = value("frontage") {
            do {
                input.frontage = try Frontage(csvText: text)
            } catch {
                input.readErrors.append(error)
            }
        }
        return input
    }
}
