import Hummingbird
import Xiuhua

/// `GET /`: what Xiuhua is, the district it serves, and links to what exists.
struct HomePage {
    let services: XiuhuaServices

    func add(to router: Router<XiuhuaRequestContext>) {
        router.get("/") { request, _ in render(UILanguage(request: request)) }
    }

    /// Links to the web pages, named as their own navigation names them.
    private func pages(_ language: UILanguage) -> String {
        let links: [(String, WebText.Key)] = [("/report", .navReport), ("/ticket", .navTicket), ("/board", .navBoard), ("/console", .navConsole), ("/dashboard", .navDashboard)]
        return links.map { "<li><a href=\"\($0.0)\">\(WebText.text($0.1, language).htmlEscaped)</a></li>" }.joined()
    }

    func render(_ language: UILanguage) -> HTML {
        func t(_ key: Messages.Key) -> String { Messages.text(key, language).htmlEscaped }
        let other = language == .zh ? "/?lang=en" : "/"
        var district = "<p>\(t(.noDistrict))</p>"
        if let tree = services.regions {
            district = """
            <p><strong>\(tree.district.name.htmlEscaped)</strong>（\(tree.district.code)）：\
            \(tree.count(at: .street)) \(t(.streets)) · \(tree.count(at: .community)) \(t(.communities)) · \
            \(tree.count(at: .grid)) \(t(.grids))</p>
            """
        }
        let commands = services.organisation.commands.map {
            "<li>\($0.name.htmlEscaped) — \(t(.hotline)) <a href=\"tel:\($0.hotline.htmlEscaped)\">\($0.hotline.htmlEscaped)</a></li>"
        }.joined(separator: "\n")
        let samplePoint = services.features.first { $0.region.level == .grid }?.geometry?.representativePoint
        let sample = samplePoint.map { "/api/v1/locate?lat=\($0.lat)&lon=\($0.lon)" } ?? "/api/v1/locate?lat=40.09&lon=113.30"
        return HTML(body: """
        <!doctype html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(t(.appName))</title>
        <link rel="stylesheet" href="/assets/home.css">
        </head>
        <body>
        <nav><a href="\(other)">\(t(.switchLanguage))</a></nav>
        <h1>\(t(.appName))</h1>
        <p><em>\(t(.tagline))</em></p>
        <p>\(t(.intro))</p>
        <h2>\(t(.pagesSection))</h2>
        <ul>\(pages(language))</ul>
        <h2>\(t(.whatItDoes))</h2>
        <p>\(t(.loopSteps))</p>
        <h2>\(t(.districtSection))</h2>
        \(district)
        <h2>\(t(.commandsSection))</h2>
        <ul>\(commands)</ul>
        <h2>\(t(.apiSection))</h2>
        <ul>
        <li><a href="\(sample.htmlEscaped)"><code>GET /api/v1/locate?lat=…&amp;lon=…[&amp;crs=gcj02]</code></a> — \(t(.apiLocate))</li>
        <li><a href="/api/v1/regions?level=street"><code>GET /api/v1/regions</code></a> — \(t(.apiRegions))</li>
        <li><a href="/api/v1/categories?kind=matter"><code>GET /api/v1/categories</code></a> — \(t(.apiCategories))</li>
        <li><a href="/healthz"><code>GET /healthz</code></a> — \(t(.apiHealth))</li>
        </ul>
        <footer><p>\(t(.footer)) · v\(XiuhuaVersion.current)</p></footer>
        </body>
        </html>
        """)
    }
}
