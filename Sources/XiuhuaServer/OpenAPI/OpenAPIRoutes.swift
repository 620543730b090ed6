import Hummingbird

/// Serves the two API descriptions: `/api/v1/openapi.json` (native) and
/// `/open311/v2/openapi.json` (GeoReport v2).
struct OpenAPIRoutes {
    func add(to router: Router<XiuhuaRequestContext>) {
        router.get("/api/v1/openapi.json") { _, _ in Self.response(NativeOpenAPI.json) }
        router.get("/open311/v2/openapi.json") { _, _ in Self.response(Open311OpenAPI.json) }
    }

    static func response(_ text: String) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: text))
        )
    }
}
