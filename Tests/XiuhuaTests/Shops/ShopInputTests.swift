import Testing
import Xiuhua
import XiuhuaGeo

@Suite("Shop input and CSV rows")
struct ShopInputTests {
    static let place = ShopPlace(gridCode: "140213003001001", communityCode: "140213003001", streetCode: "140213003")
    /// Everything north of latitude 40 is inside the test's district.
    static func locate(_ point: Coordinate) -> ShopPlace? { point.lat > 40 ? place : nil }

    static let good = ShopInput(
        name: " 永泰便利店 ", creditCode: "91140213ma0k3xh01g", licence: "JY11402130001", ownerName: "张三",
        phone: "138-1234-1234", address: "永泰南路 12 号", position: Coordinate(lon: 113.3, lat: 40.08),
        frontage: .line([Coordinate(lon: 113.3, lat: 40.08), Coordinate(lon: 113.301, lat: 40.08)])
    )

    @Test("a complete input is trimmed, its code normalised and its place found")
    func complete() throws {
        let (details, place) = try Self.good.checked(locate: Self.locate).get()
        #expect(details.name == "永泰便利店")
        #expect(details.creditCode.text == "91140213MA0K3XH01G")
        #expect(place == Self.place)
    }

    @Test("every mistake is reported at once, by field")
    func everyMistake() {
        var input = Self.good
        input.name = "  "
        input.creditCode = "91140213MA0K3XH01H"
        input.phone = "call me"
        input.position = Coordinate(lon: 113.3, lat: 39.5)
        guard case .failure(let failure) = input.checked(locate: Self.locate) else {
            Issue.record("accepted a wrong input")
            return
        }
        #expect(failure.errors.map(\.code) == ["missing_name", "invalid_phone", "invalid_credit_code", "outside_district"])
        #expect(failure.errors.map(\.field) == ["name", "phone", "credit_code", "lat"])
    }

    @Test("no position is its own error")
    func noPosition() {
        var input = Self.good
        input.position = nil
        guard case .failure(let failure) = input.checked(locate: Self.locate) else {
            Issue.record("accepted an input without position")
            return
        }
        #expect(failure.errors.map(\.code) == ["missing_position"])
    }

    @Test("frontage: a line, a closed ring as an area, and malformed text")
    func frontage() throws {
        #expect(try Frontage(csvText: "113.3 40.08;113.301 40.08") == .line([Coordinate(lon: 113.3, lat: 40.08), Coordinate(lon: 113.301, lat: 40.08)]))
        let area = try Frontage(csvText: "113.3 40.08;113.301 40.08;113.301 40.081;113.3 40.08")
        guard case .area(let ring) = area else {
            Issue.record("a closed ring was not read as an area")
            return
        }
        #expect(ring.count == 4)
        #expect(try Frontage(geoJSON: area.geoJSON) == area)
        #expect(throws: ShopFieldError.self) { try Frontage(csvText: "113.3 40.08") }
        #expect(throws: ShopFieldError.self) { try Frontage(csvText: "113.3,40.08;113.4,40.08") }
        #expect(throws: ShopFieldError.self) { try Frontage(csvText: "113.3 40.08;200 40.08") }
        #expect(throws: ShopFieldError.self) { try Frontage(geoJSON: .object(["type": .string("Point"), "coordinates": .array([.number(1), .number(2)])])) }
    }

    @Test("CSV: Chinese headers in any order, quoted fields with commas and line breaks, lines counted from the file")
    func csvRows() throws {
        let text = "\u{FEFF}统一社会信用代码,名称,负责人,联系电话,地址,纬度,经度\r\n"
            + "91140213MA0K3XH01G,\"永泰便利店, 二店\",张三,13812341234,\"永泰南路\n12 号\",40.08,113.30\r\n"
            + "\r\n"
            + "92140213MA0K3XH02G,老王烧烤,王五,13912345678,永泰北路 3 号,north,113.31\r\n"
        let rows = try ShopCSV.rows(text)
        #expect(rows.map(\.line) == [2, 5])
        #expect(rows[0].input.name == "永泰便利店, 二店")
        #expect(rows[0].input.address == "永泰南路\n12 号")
        #expect(rows[0].input.position == Coordinate(lon: 113.30, lat: 40.08))
        #expect(rows[1].input.readErrors.map(\.code) == ["invalid_lat"])
        guard case .failure(let failure) = rows[1].input.checked(locate: Self.locate) else {
            Issue.record("accepted a row with a wrong latitude")
            return
        }
        #expect(failure.errors.map(\.code) == ["invalid_lat"])
    }

    @Test("CSV: an unknown or missing column, an empty file and an open quote fail the whole file")
    func csvFileErrors() {
        #expect(throws: ShopCSV.FileError.self) { try ShopCSV.rows("") }
        #expect(throws: ShopCSV.FileError.self) { try ShopCSV.rows("name,credit_code,owner_name,phone,address,lat,lon,colour\n") }
        #expect(throws: ShopCSV.FileError.self) { try ShopCSV.rows("name,credit_code,owner_name,phone,address,lat\n") }
        #expect(throws: ShopCSV.FileError.self) { try ShopCSV.rows("name,credit_code,owner_name,phone,address,lat,lon\n\"open,a,b,c,d,1,2\n") }
    }

    @Test("CSV: a row with too few fields is reported")
    func shortRow() throws {
        let rows = try ShopCSV.rows("name,credit_code,owner_name,phone,address,lat,lon\n永泰便利店,91140213MA0K3XH01G\n")
        #expect(rows[0].input.readErrors.map(\.code) == ["wrong_column_count"])
    }

    @Test("the keeper's contact is visible only to the roles that keep the registry")
    func contactRoles() {
        #expect(Role.allCases.filter(\.seesShopOwnerContact) == [.streetOfficer, .departmentHandler, .admin])
    }
}
