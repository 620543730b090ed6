import Foundation

/// Counts the open server-sent-event streams (the dashboard's live updates) per account,
/// so that one account — or one stolen session — cannot hold an unbounded number of
/// connections and the once-a-second checks behind them.
actor EventStreams {
    let perAccount: Int
    private var open: [String: Int] = [:]

    init(perAccount: Int = 4) {
        self.perAccount = perAccount
    }

    /// Takes a place for a new stream of `accountID`; false when it already has `perAccount`.
    func admit(accountID: String) -> Bool {
        let count = open[accountID] ?? 0
        guard count < perAccount else { return false }
        open[accountID] = count + 1
        return true
    }

    func release(accountID: String) {
        let count = (open[accountID] ?? 1) - 1
        open[accountID] = count > 0 ? count : nil
    }

    func count(accountID: String) -> Int { open[accountID] ?? 0 }
}
