/// Why a street blows the whistle (吹哨): the three situations of 街乡吹哨、部门报到.
public enum WhistleKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// 群众诉求: a problem residents press for that the street cannot solve alone.
    case publicDemand
    /// 综合执法: the street lacks the enforcement power the case needs.
    case enforcement
    /// 应急处置: burst pipes, road collapse, outages — departments must be on site fast.
    case emergency
}
