import Foundation
import Xiuhua
import XiuhuaStore

/// The body of the console's case page: facts, map, before/after photos, the history, and
/// one form for each action the workflow allows this person now — nothing else.
struct CaseSheet {
    let services: XiuhuaServices
    let page: PageContext
    let account: Account
    let snapshot: CaseSnapshot
    let events: [StoredCaseEvent]
    /// Open cases that may be the same problem (empty for a case no longer open).
    var duplicates: [DuplicateCandidate] = []

    private var language: UILanguage { page.language }
    private func t(_ key: ConsoleText.Key) -> String { ConsoleText.text(key, language) }

    func render(flash: Markup) -> Markup {
        let s = snapshot
        let now = services.now()
        let photos = CasePhotos(snapshot, events: events)
        let tree = services.regions
        func region(_ code: String?) -> String { code.flatMap { tree?[$0]?.name } ?? "—" }
        let sees = account.role.seesReporterIdentity
        let reporterName = sees ? s.reporterName : s.reporterName.map(NameMask.mask)
        let reporterPhone = sees ? s.reporterPhone : s.reporterPhone.map(PhoneMask.mask)
        let reporter = [reporterName, reporterPhone].compactMap { $0 }.joined(separator: " ")
        let light = Self.deadline(s, page, services: services, now: now)
        let allowed = Workflow.allowedActions(for: s, by: account.actor, at: now)
        let forms = allowed.map(form)
        let actions: Markup = forms.isEmpty
            ? "<p class=\"empty\" id=\"no-actions\">\(t(.noActions))</p>"
            : "<div class=\"actions\" id=\"actions\">\(forms)</div>"
        return """
        \(flash)
        <h1><span class="number">\(s.number)</span> <span class="state" id="case-state">\(s.state.label(language))</span></h1>
        <div class="case-grid">
        <section class="card" aria-labelledby="facts-title">
        <h2 id="facts-title">\(t(.facts))</h2>
        <dl class="facts">
        <dt>\(t(.category))</dt><dd>\(s.categoryCode) \(services.catalog.matter(code: s.categoryCode)?.name ?? "")</dd>
        <dt>\(t(.urgency))</dt><dd>\(language == .zh ? s.urgency.label : s.urgency.rawValue)</dd>
        <dt>\(t(.source))</dt><dd>\(s.source.label(language))</dd>
        <dt>\(t(.address))</dt><dd>\(s.location.address)</dd>
        <dt>\(t(.street)) / \(t(.community))</dt><dd>\(region(s.location.streetCode)) / \(region(s.location.communityCode))</dd>
        <dt>\(t(.grid))</dt><dd>\(s.location.gridCode ?? "—")</dd>
        <dt>\(t(.reporter))</dt><dd>\(reporter.isEmpty ? "—" : reporter)\(Markup.when(!sees && !reporter.isEmpty, " <span class=\"hint\">\(t(.masked))</span>"))</dd>
        <dt>\(t(.owner))</dt><dd>\(s.currentOwner.map { CaseView.owner($0, services).name } ?? "—")</dd>
        <dt>\(t(.deadline))</dt><dd>\(light)</dd>
        </dl>
        <h3>\(t(.description))</h3>
        <p class="description" id="case-description">\(s.description)</p>
        </section>
        <section class="card" aria-labelledby="actions-title">
        <h2 id="actions-title">\(t(.actions))</h2>
        \(actions)
        <p class="hint">\(t(.noActionsHint))</p>
        </section>
        <section class="card" aria-labelledby="map-title">
        <h2 id="map-title">\(t(.map))</h2>
        <div class="map" data-map="case" data-lat="\(s.location.latitude.map { String($0) } ?? "")" data-lon="\(s.location.longitude.map { String($0) } ?? "")" \
        data-grid="\(s.location.gridCode ?? "")"\(page.tileURL.map { Markup(" data-tiles=\"\($0)\"") })><noscript><p class="hint">\(page.t(.noScriptMap))</p></noscript></div>
        </section>
        <section class="card" aria-labelledby="photos-title">
        <h2 id="photos-title">\(t(.photos))</h2>
        \(photoRow(t(.photosBefore), photos.before, id: "photos-before"))
        \(photoRow(t(.photosAfter), photos.after, id: "photos-after"))
        </section>
        \(duplicateSection)
        </div>
        <section class="card" aria-labelledby="history-title">
        <h2 id="history-title">\(t(.timeline))</h2>
        <ol class="timeline">\(events.map(eventItem))</ol>
        </section>
        """
    }

    /// 重复案件: the suggestions, and where a merge led.
    private var duplicateSection: Markup {
        func link(_ number: String) -> Markup { "<a href=\"/console/cases/\(number)\">\(number)</a>" }
        var lines: [Markup] = []
        if let into = snapshot.mergedInto {
            lines.append("<p id=\"merged-into\">\(t(.mergedInto)) \(link(into))</p>")
        }
        if !snapshot.followerList.isEmpty {
            lines.append("<p id=\"merged-cases\">\(t(.mergedCases))：\(Markup(joining: snapshot.followerList.map { link($0.number) }, separator: "、"))</p>")
        }
        if snapshot.state.isOpen {
            if duplicates.isEmpty {
                let criteria = services.duplicates
                let values = ["m": String(Int(criteria.radius(for: snapshot.categoryCode))), "d": String(Int(criteria.window / 86_400))]
                lines.append("<p class=\"empty\" id=\"no-duplicates\">\(ConsoleText.text(.noDuplicates, language, values))</p>")
            } else {
                let items = duplicates.map { candidate -> Markup in
                    "<li>\(link(candidate.number)) \(candidate.state.label(language)) · \(String(Int(candidate.distanceMetres.rounded()))) m · \(candidate.address)</li>"
                }
                lines.append("<ul class=\"duplicates\" id=\"duplicates\">\(items)</ul>")
            }
        }
        guard !lines.isEmpty else { return .empty }
        return """
        <section class="card" aria-labelledby="duplicates-title">
        <h2 id="duplicates-title">\(t(.duplicatesTitle))</h2>
        \(lines)
        </section>
        """
    }

    private func photoRow(_ title: String, _ ids: [String], id: String) -> Markup {
        let urls = ids.map(PhotoRules.path)
        let items = urls.map { Markup("<li><a href=\"\($0)\"><img src=\"\($0)\" alt=\"\(title)\" loading=\"lazy\"></a></li>") }
        return """
        <h3>\(title)</h3>
        \(items.isEmpty ? Markup("<p class=\"hint\">\(t(.noPhotos))</p>") : "<ul class=\"photos\" id=\"\(id)\">\(items)</ul>")
        """
    }

    private func eventItem(_ stored: StoredCaseEvent) -> Markup {
        let event = stored.event
        let who = [event.actorName, event.actorRole?.label(language)].compactMap { $0 }.joined(separator: " · ")
        let attachments = event.attachments.compactMap(PhotoRules.url).map { Markup("<a href=\"\($0)\"><img src=\"\($0)\" alt=\"\(event.kind.label(language))\" class=\"thumb\" loading=\"lazy\"></a>") }
        return """
        <li><time>\(page.time(event.at))</time> <strong>\(event.kind.label(language))</strong>\
        \(who.isEmpty ? Markup.empty : " <span class=\"hint\">\(who)</span>")\
        \(event.note.map { Markup("<p>\($0)</p>") })\(attachments.isEmpty ? Markup.empty : "<div class=\"thumbs\">\(attachments)</div>")</li>
        """
    }

    /// The stage deadline with its traffic light, or a note when the clock is paused.
    static func deadline(_ snapshot: CaseSnapshot, _ page: PageContext, services: XiuhuaServices, now: Date) -> Markup {
        guard snapshot.state.isOpen, let clock = snapshot.stageClock else { return "—" }
        if snapshot.isSuspended { return "<span class=\"light paused\">\(ConsoleText.text(.suspendedNote, page.language))</span>" }
        guard let light = TrafficLight(for: snapshot, at: now, clock: services.calendar) else { return "—" }
        return "<span class=\"light \(light.rawValue)\">\(light.label(page.language))</span> \(clock.stage.label(page.language)) \(page.time(clock.deadline))"
    }

    // MARK: - Action forms

    private func form(_ kind: CaseActionKind) -> Markup {
        let id = "act-\(kind.rawValue)"
        let needsPhotos = [CaseActionKind.verify, .handle, .check].contains(kind)
        return """
        <form method="post" action="/console/cases/\(snapshot.number)/actions" class="action" id="\(id)"\
        \(Markup.when(needsPhotos, " enctype=\"multipart/form-data\""))>
        \(page.csrfField)
        <input type="hidden" name="action" value="\(kind.rawValue)">
        <input type="hidden" name="expected_version" value="\(snapshot.version)">
        <fieldset><legend>\(kind.label(language))</legend>
        \(fields(kind, id))
        <button type="submit" class="\(Self.primary.contains(kind) ? "primary" : "secondary")">\(kind.label(language))</button>
        </fieldset>
        </form>
        """
    }

    private static let primary: Set<CaseActionKind> = [.verify, .accept, .dispatch, .handle, .check, .close, .rate, .approveExtension, .approveSuspension, .resume, .approveSelfHandling]

    private func fields(_ kind: CaseActionKind, _ id: String) -> Markup {
        func text(_ name: String, _ label: ConsoleText.Key, required: Bool = false) -> Markup {
            """
            <label for="\(id)-\(name)">\(t(label))</label>
            <textarea id="\(id)-\(name)" name="\(name)" rows="2" maxlength="1000"\(Markup.when(required, " required"))></textarea>
            """
        }
        func choice(_ name: String, _ legend: ConsoleText.Key, _ yes: ConsoleText.Key, _ no: ConsoleText.Key) -> Markup {
            """
            <fieldset class="inline-choices"><legend>\(t(legend))</legend>
            <label class="choice"><input type="radio" name="\(name)" value="true" checked> \(t(yes))</label>
            <label class="choice"><input type="radio" name="\(name)" value="false"> \(t(no))</label></fieldset>
            """
        }
        let photos: Markup = """
            <label for="\(id)-photos">\(t(.photos))</label>
            <input type="file" id="\(id)-photos" name="photos" accept="image/jpeg,image/png,image/webp" multiple>
            """
        switch kind {
        case .verify: return "\(choice("real", .real, .realYes, .realNo))\(text("note", .note))\(photos)"
        case .check: return "\(choice("passed", .passed, .passedYes, .passedNo))\(text("note", .note))\(photos)"
        case .handle: return "\(text("note", .note, required: true))\(photos)"
        case .reject, .requestCancel, .return, .requestSuspension: return text("reason", .reason, required: true)
        case .approveCancel: return text("reason", .reason)
        case .dispatch: return "\(ownerPicker(id))\(text("note", .note))"
        case .rate:
            let levels = Rating.Satisfaction.allCases.map { Markup("<option value=\"\($0.rawValue)\">\($0.label(language))</option>") }
            return """
            <label for="\(id)-satisfaction">\(t(.satisfaction))</label>
            <select id="\(id)-satisfaction" name="satisfaction">\(levels)</select>
            \(choice("fixed", .fixed, .fixedYes, .fixedNo))\(text("note", .note))
            """
        case .requestExtension:
            return """
            <label for="\(id)-limit">\(t(.limit))</label>
            <input type="text" id="\(id)-limit" name="limit" required placeholder="2d" aria-describedby="\(id)-limit-hint">
            <p class="hint" id="\(id)-limit-hint">\(t(.limitHint))</p>
            <label for="\(id)-extension">\(t(.extensionKind))</label>
            <select id="\(id)-extension" name="extension"><option value="extra_time">\(t(.extraTime))</option><option value="new_limit">\(t(.newLimit))</option></select>
            \(text("reason", .reason, required: true))
            """
        case .supervise:
            return """
            <label for="\(id)-level">\(t(.level))</label>
            <select id="\(id)-level" name="level"><option>1</option><option>2</option><option>3</option></select>
            \(text("order", .order, required: true))
            """
        case .replySupervision: return text("reply", .reply, required: true)
        case .markOverdue: return .empty
        case .merge:
            return """
            <label for="\(id)-into">\(t(.mergeInto))</label>
            <input type="text" id="\(id)-into" name="into" required value="\(duplicates.first?.number ?? "")">
            \(text("note", .note))
            """
        default: return text("note", .note)
        }
    }

    /// Departments and streets, the suggested owner first and chosen.
    private func ownerPicker(_ id: String) -> Markup {
        let suggested = snapshot.suggestedOwner.map { "\($0.kind == .department ? "dept" : "street"):\($0.code)" }
        func option(_ value: String, _ name: String) -> Markup {
            "<option value=\"\(value)\"\(Markup.when(value == suggested, " selected"))>\(name)</option>"
        }
        let departments = services.organisation.departments.map { option("dept:\($0.code)", $0.name) }
        let streets = (services.regions?.regions(at: .street) ?? []).map { option("street:\($0.code)", $0.name) }
        return """
        <label for="\(id)-owner">\(t(.dispatchTo))</label>
        <select id="\(id)-owner" name="owner" required>
        <optgroup label="\(t(.departments))">\(departments)</optgroup>
        <optgroup label="\(t(.streets))">\(streets)</optgroup>
        </select>
        """
    }
}
