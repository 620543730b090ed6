import Foundation
import Hummingbird
import Xiuhua

/// The style of the printable A4 documents, served at `/print/a4.css`: a sheet of paper on
/// screen, and on paper exactly the sheet (no buttons, 20 mm margins, black on white).
enum PrintStyle {
    static let text = """
    @page { size: A4; margin: 20mm 18mm; }
    * { box-sizing: border-box; }
    body { margin: 0; background: #e8e8e8; color: #111; font: 15px/1.7 "Songti SC", "SimSun", "Noto Serif CJK SC", serif; }
    .sheet { width: 210mm; min-height: 297mm; margin: 12px auto; padding: 20mm 18mm; background: #fff; box-shadow: 0 1px 6px rgba(0,0,0,.25); }
    .toolbar { width: 210mm; margin: 12px auto 0; display: flex; gap: 12px; justify-content: flex-end; font-family: sans-serif; }
    .toolbar a { color: #1a4f8b; }
    h1 { text-align: center; font-size: 24px; letter-spacing: .3em; margin: 0 0 4px; }
    .doc-number { text-align: center; margin: 0 0 18px; }
    h2 { font-size: 16px; margin: 18px 0 6px; border-bottom: 1px solid #111; }
    table.fields { width: 100%; border-collapse: collapse; }
    table.fields th, table.fields td { border: 1px solid #111; padding: 4px 8px; text-align: left; vertical-align: top; }
    table.fields th { width: 32%; font-weight: normal; background: #f4f4f4; }
    ol.duties > li { margin-bottom: 6px; }
    ol.duties ul { margin: 2px 0 0; padding-left: 1.4em; }
    .signatures { display: flex; justify-content: space-between; gap: 24px; margin-top: 36px; }
    .signatures div { flex: 1; border-top: 1px solid #111; padding-top: 6px; min-height: 60px; }
    .status { font-family: sans-serif; font-size: 13px; }
    @media print {
      body { background: #fff; }
      .toolbar { display: none; }
      .sheet { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
      h2, table.fields tr, ol.duties > li { break-inside: avoid; }
    }
    """

    static func add(to router: Router<XiuhuaRequestContext>) {
        router.get("/print/a4.css") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=300", .xContentTypeOptions: "nosniff"],
                body: .init(byteBuffer: ByteBuffer(string: text))
            )
        }
    }
}

/// A printable A4 document: its own frame (no site navigation), the print style, a
/// toolbar with the language switch that the printer leaves out.
struct PrintDocument: ResponseGenerator {
    let language: UILanguage
    let title: String
    let path: String
    let sheet: Markup

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let other = language.other
        let html: Markup = """
        <!doctype html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title)</title>
        <link rel="stylesheet" href="/print/a4.css">
        </head>
        <body>
        <nav class="toolbar"><a href="\(path)?lang=\(other.code)" lang="\(other.rawValue)">\(other == .en ? "English" : "中文")</a></nav>
        <article class="sheet">
        \(sheet)
        </article>
        </body>
        </html>
        """
        return Response(
            status: .ok,
            headers: WebPage.headers(tileURL: nil, contentType: "text/html; charset=utf-8"),
            body: .init(byteBuffer: ByteBuffer(string: html.html))
        )
    }

    /// The answer for a visitor who may not read the document: sign in first, or 403 for
    /// a role that reads no staff data; nil for staff.
    static func refusal(_ request: Request, _ context: XiuhuaRequestContext) -> Response? {
        guard let account = context.account else {
            let next = request.uri.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"
            return Response(status: .seeOther, headers: [.location: "/console/login?next=\(next)"])
        }
        guard ShopRoutes.readers.contains(account.role) else {
            return Response(status: .forbidden, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: "403 无权查看 (forbidden)")))
        }
        return nil
    }

    /// A plain 404 for a document that does not exist or lies outside the reader's streets.
    static let notFound = Response(status: .notFound, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: "404 没有这份文书 (no such document)")))
}
