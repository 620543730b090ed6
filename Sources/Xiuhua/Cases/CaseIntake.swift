/// Everything needed to open a case, as the channel collected it.
///
/// The caller resolves codes (grid, street, category, owner suggestion, disposal limit)
/// before calling the workflow, so the workflow stays free of catalogs and maps.
public struct CaseIntake: Hashable, Sendable, Codable {
    /// Case number (案件编号), unique in the district.
    public var number: String
    /// Code the citizen uses to track and rate the case.
    public var ticketCode: String
    /// Channel the report came through.
    public var source: CaseSource
    /// Catalog category code (事项/部件 小类).
    public var categoryCode: String
    /// Normal or urgent.
    public var urgency: Urgency
    /// Disposal limit of the category's filing condition (立案条件).
    public var disposalLimit: TimeLimit
    /// Owner the routing rules suggest; the dispatcher decides.
    public var suggestedOwner: CaseOwner?
    /// Thematic sub-command (分指挥部) the category belongs to.
    public var subCommandCode: String?
    /// Where the problem is.
    public var location: CaseLocation
    /// What the reporter saw.
    public var description: String
    /// Photo references from the reporter.
    public var photos: [String]
    /// Reporter's name, internal data.
    public var reporterName: String?
    /// Reporter's phone, internal data.
    public var reporterPhone: String?
    /// An operator sends a trusted caller's hotline report straight to acceptance,
    /// skipping verification (核实), e.g. a known community staff member.
    public var directAcceptance: Bool
    /// A grid worker fixed a trivial problem on patrol; the duty chief reviews it (自处理).
    public var selfHandled: Bool
    /// Answers to the category's extra questions; nil when none were asked or given.
    public var attributes: [CaseAttribute]?

    /// Creates an intake.
    public init(
        number: String,
        ticketCode: String,
        source: CaseSource,
        categoryCode: String,
        urgency: Urgency = .normal,
        disposalLimit: TimeLimit,
        suggestedOwner: CaseOwner? = nil,
        subCommandCode: String? = nil,
        location: CaseLocation,
        description: String,
        photos: [String] = [],
        reporterName: String? = nil,
        reporterPhone: String? = nil,
        directAcceptance: Bool = false,
        selfHandled: Bool = false,
        attributes: [CaseAttribute]? = nil
    ) {
        self.number = number
        self.ticketCode = ticketCode
        self.source = source
        self.categoryCode = categoryCode
        self.urgency = urgency
        self.disposalLimit = disposalLimit
        self.suggestedOwner = suggestedOwner
        self.subCommandCode = subCommandCode
        self.location = location
        self.description = description
        self.photos = photos
        self.reporterName = reporterName
        self.reporterPhone = reporterPhone
        self.directAcceptance = directAcceptance
        self.selfHandled = selfHandled
        self.attributes = attributes
    }
}
