import Xiuhua

/// The A4 page of a 门前五包 contract: parties, area, the five duties with their items,
/// validity, the consequences, and the signature lines.
struct ContractSheet {
    let contract: DutyContract
    let shop: Shop
    let reader: Role
    let regions: RegionTree?
    let status: DutyContract.Status
    let language: UILanguage

    func t(_ key: PrintText.Key) -> String { PrintText.text(key, language) }

    var markup: Markup {
        let d = shop.details
        let reveal = reader.seesShopOwnerContact
        let place = [shop.place.streetCode, shop.place.communityCode].map { regions?[$0]?.name ?? $0 }.joined(separator: " / ") + " / " + shop.place.gridCode
        func row(_ key: PrintText.Key, _ value: String) -> Markup { "<tr><th scope=\"row\">\(t(key))</th><td>\(value)</td></tr>" }
        let duties = contract.duties.map { duty in
            Markup("<li><strong>\(duty.name)</strong><ul>\(duty.items.map { Markup("<li>\($0)</li>") })</ul></li>")
        }
        let signing: Markup = contract.signing.map { signing in
            """
            <p>\(t(.signedOn))：<span id="signed-on">\(signing.signedOn.description)</span></p>
            <div class="signatures"><div>\(t(.signatureA))：\(signing.issuerSignatory)</div><div>\(t(.signatureB))：\(signing.shopSignatory)</div></div>
            """
        } ?? """
            <p class="status">\(t(.unsigned))</p>
            <p>\(t(.signedOn))：______年____月____日</p>
            <div class="signatures"><div>\(t(.signatureA))：</div><div>\(t(.signatureB))：</div></div>
            """
        return """
        <h1>\(t(.contractTitle))</h1>
        <p class="doc-number">\(t(.number))：<span id="contract-number">\(contract.number)</span>\(contract.renews.map { Markup("（\(t(.renews)) \($0)）") })</p>
        <p class="status">\(t(.status))：\(ContractConsoleText.status(status, language))</p>
        <h2>\(t(.partyA))</h2>
        <table class="fields">
        \(row(.street, contract.issuer.street))\(row(.community, contract.issuer.community))\(row(.squad, contract.issuer.squad))
        </table>
        <h2>\(t(.partyB))</h2>
        <table class="fields">
        \(row(.shopName, d.name))\(row(.creditCode, d.creditCode.text))\(row(.owner, reveal ? d.ownerName : NameMask.mask(d.ownerName)))\
        \(row(.phone, reveal ? d.phone : PhoneMask.mask(d.phone)))\(row(.address, d.address))\(row(.place, place))
        </table>
        <h2>\(t(.area))</h2>
        <table class="fields">
        \(row(.area, contract.area))\(row(.frontage, "\(Self.metres(contract.lengthMetres)) × \(Self.metres(contract.depthMetres)) \(t(.metres))"))
        </table>
        <h2>\(t(.duties))</h2>
        <ol class="duties" id="duties">\(duties)</ol>
        <h2>\(t(.clauses))</h2>
        <p>\(t(.clauseInspection))</p>
        <p>\(t(.clauseConsequence))</p>
        <h2>\(t(.validity))</h2>
        <p id="validity">\(contract.validFrom.description) \(t(.to)) \(contract.validUntil.description)</p>
        <h2>\(t(.signing))</h2>
        \(signing)
        """
    }

    static func metres(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
