import Testing
import XiuhuaGeo

struct ChinaCoordinatesTests {
    @Test("WGS-84 (116.397, 39.908) in Beijing maps to the published GCJ-02 value")
    func referenceValue() {
        let gcj = ChinaCoordinates.wgs84ToGCJ02(Coordinate(lon: 116.397, lat: 39.908))
        #expect(abs(gcj.lon - 116.4032) < 1e-4)
        #expect(abs(gcj.lat - 39.9094) < 1e-4)
    }

    @Test("GCJ-02 back to WGS-84 recovers the original to better than 1e-7 degrees across China")
    func roundTrip() {
        var random = SplitMix64(seed: 11)
        for _ in 0..<2_000 {
            let wgs = Coordinate(lon: random.next(in: 73, 135), lat: random.next(in: 18, 53))
            let back = ChinaCoordinates.gcj02ToWGS84(ChinaCoordinates.wgs84ToGCJ02(wgs))
            #expect(abs(back.lon - wgs.lon) < 1e-7 && abs(back.lat - wgs.lat) < 1e-7)
        }
    }

    @Test("points outside China are left unchanged both ways")
    func outsideChina() {
        let london = Coordinate(lon: -0.1276, lat: 51.5072)
        #expect(ChinaCoordinates.wgs84ToGCJ02(london) == london)
        #expect(ChinaCoordinates.gcj02ToWGS84(london) == london)
        #expect(ChinaCoordinates.isOutsideChina(london))
        #expect(ChinaCoordinates.isOutsideChina(Coordinate(lon: 121.47, lat: 31.23)) == false)
    }
}
