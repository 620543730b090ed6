/// A timed stage (环节) of the workflow; each has its own limit and deadline.
public enum CaseStage: String, Hashable, Sendable, Codable, CaseIterable {
    /// 核实: a grid worker verifies a public report.
    case verify
    /// 立案: the duty chief accepts (or reviews a self-handled report).
    case accept
    /// 派遣: the dispatcher sends the case to an owner.
    case dispatch
    /// 处置: the owner fixes the problem.
    case disposal
    /// 核查: a grid worker checks the fix on site.
    case check
    /// 结案: the duty chief closes after a passed check.
    case close
}
