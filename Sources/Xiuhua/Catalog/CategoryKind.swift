/// Whether a catalog entry classifies a physical asset (部件) or a problem (事项).
///
/// The two kinds share one code space — `01001` is both 供水井盖 and 供水井盖异常 — so a
/// category is identified by its kind and code together.
public enum CategoryKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// 部件: a management component, a physical asset in public space.
    case component = "部件"
    /// 事项: a management matter, the problem a case is filed under.
    case matter = "事项"
}
