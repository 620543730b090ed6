/// One small class (小类) of the catalog with the rules a case filed under it follows:
/// who handles it, in how long, and what must be seen to open and to close it.
public struct Category: Hashable, Sendable {
    /// 部件 or 事项; with `code` it identifies the category.
    public let kind: CategoryKind
    /// The five-digit class code: two digits of big class, three of small class (`06010`).
    public let code: String
    /// The big class (大类) name, e.g. 市容环境类.
    public var bigClass: String
    /// The small class name, e.g. 暴露垃圾.
    public var name: String
    /// How long the owner has to dispose of a case (处置时限).
    public var disposalLimit: TimeLimit
    /// 紧急 or 一般.
    public var urgency: Urgency
    /// The code of the sub-command (分指挥部) whose theme the category belongs to.
    public var commandCode: String
    /// Who handles a case by default, before any routing rule applies.
    public var owner: Owner
    /// What the reporter or verifier must observe before a case is opened (立案条件).
    public var filingCondition: String
    /// What the on-site check must see before the case is closed (结案条件).
    public var closingCondition: String
    /// The GB/T 30428.2-2013 code of the same 事项, written `04-06`, where the mapping is known.
    public var legacyCode: String?
    /// True for the district's own additions to the national catalog.
    public var isLocalExtension: Bool

    /// The first two digits of `code`, e.g. `06`.
    public var bigClassCode: String { String(code.prefix(2)) }

    /// Creates a category; the catalog checks codes and uniqueness when it takes it in.
    public init(
        kind: CategoryKind, code: String, bigClass: String, name: String,
        disposalLimit: TimeLimit, urgency: Urgency, commandCode: String, owner: Owner,
        filingCondition: String, closingCondition: String,
        legacyCode: String? = nil, isLocalExtension: Bool = false
    ) {
        self.kind = kind
        self.code = code
        self.bigClass = bigClass
        self.name = name
        self.disposalLimit = disposalLimit
        self.urgency = urgency
        self.commandCode = commandCode
        self.owner = owner
        self.filingCondition = filingCondition
        self.closingCondition = closingCondition
        self.legacyCode = legacyCode
        self.isLocalExtension = isLocalExtension
    }
}
