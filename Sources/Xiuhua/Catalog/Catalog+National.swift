extension Catalog {
    /// The national catalog with this project's defaults and local extensions, parsed once
    /// on first use.
    public static let national: Catalog = {
        do {
            return try Catalog(parsingTSV: NationalCatalogData.tsv)
        } catch {
            // The data ships with the program and the tests parse it, so a failure here is
            // a build defect, not a condition to recover from.
            preconditionFailure("the shipped catalog data is invalid: \(error)")
        }
    }()
}
