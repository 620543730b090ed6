import Foundation

extension CaseFacts {
    /// This case's contribution to every unit's tally for `period`: the single definition
    /// of every count (see `EvaluationCount` and docs/EVALUATION.md).
    ///
    /// Cohort counts look at the cases accepted (立案) in the period as they stood at its
    /// end, so a period's figures stop moving once it is over: a case accepted on
    /// 30 November and closed on 2 December is accepted but not closed in November.
    /// Cancelled (作废) cases leave every cohort denominator; cases suspended (挂账) at the
    /// period's end leave the closing and disposal denominators, because a suspension is
    /// approved precisely so the case does not count as late.
    public func tallies(in period: EvaluationPeriod) -> [TallyKey: Tally] {
        tallies(from: period.start, to: period.end)
    }

    /// The same for the instants `[start, end)`.
    public func tallies(from start: Date, to end: Date) -> [TallyKey: Tally] {
        func inPeriod(_ date: Date?) -> Bool { date.map { $0 >= start && $0 < end } ?? false }
        func byEnd(_ date: Date?) -> Bool { date.map { $0 < end } ?? false }

        var caseTally = Tally()
        var posts: [TallyKey: Tally] = [:]
        func post(_ role: Role, _ completion: StageCompletion?, _ counts: [(EvaluationCount, Bool)]) {
            guard let completion, completion.actorRole == role, let id = completion.actorID else { return }
            var tally = posts[.post(role, id)] ?? Tally()
            for (count, yes) in counts where yes { tally[count] += 1 }
            posts[.post(role, id)] = tally
        }

        if inPeriod(reportedAt) {
            let valid = byEnd(acceptance?.at)
            caseTally[.reported] += 1
            if valid { caseTally[.reportedValid] += 1 }
            if let reporterID, let role = reporterRole, role == .gridWorker || role == .operator {
                post(role, StageCompletion(at: reportedAt, actorID: reporterID, actorRole: role, onTime: true),
                     [(.reported, true), (.reportedValid, valid)])
            }
        }

        if let acceptance, inPeriod(acceptance.at) {
            let cancelled = byEnd(cancelledAt)
            let suspended = !cancelled && isSuspended(at: end)
            let closed = !cancelled && byEnd(closing?.at)
            let dueForDisposal = byEnd(dispatch?.at) && !cancelled && !suspended
            let handled = dueForDisposal && byEnd(disposal?.at)
            let counts: [(EvaluationCount, Bool)] = [
                (.accepted, true),
                (.acceptedOnTime, acceptance.onTime),
                (.cancelled, cancelled),
                (.suspendedAtEnd, suspended),
                (.closed, closed),
                (.closedOnTime, closed && !disposalLate),
                (.dueForDisposal, dueForDisposal),
                (.handled, handled),
                (.handledOnTime, handled && disposal?.onTime == true),
                (.overdueUnhandled, dueForDisposal && !handled && (disposalDeadline.map { $0 < end } ?? false)),
                (.reworked, !cancelled && byEnd(reworkedAt)),
                (.extended, dueForDisposal && byEnd(extendedAt)),
                (.publicConfirmed, !cancelled && source.isPublic && verifiedReal == true && byEnd(verification?.at)),
            ]
            for (count, yes) in counts where yes { caseTally[count] += 1 }
            post(.dutyChief, acceptance, [(.accepted, true), (.acceptedOnTime, acceptance.onTime), (.cancelled, cancelled)])
        }

        if let verification, inPeriod(verification.at) {
            caseTally[.verified] += 1
            if verification.onTime { caseTally[.verifiedOnTime] += 1 }
            post(.gridWorker, verification, [(.verified, true), (.verifiedOnTime, verification.onTime)])
        }
        if let check, inPeriod(check.at) {
            caseTally[.checked] += 1
            if check.onTime { caseTally[.checkedOnTime] += 1 }
            post(.gridWorker, check, [(.checked, true), (.checkedOnTime, check.onTime)])
        }
        if let dispatch, inPeriod(dispatch.at) {
            let accurate = !firstDispatchReturned
            caseTally[.dispatches] += 1
            if dispatch.onTime { caseTally[.dispatchesOnTime] += 1 }
            if accurate { caseTally[.dispatchesAccurate] += 1 }
            post(.dispatcher, dispatch, [(.dispatches, true), (.dispatchesOnTime, dispatch.onTime), (.dispatchesAccurate, accurate)])
        }
        if let closing, inPeriod(closing.at) {
            caseTally[.closings] += 1
            if closing.onTime { caseTally[.closingsOnTime] += 1 }
            post(.dutyChief, closing, [(.closings, true), (.closingsOnTime, closing.onTime)])
        }
        // 三率 are about citizens' reports (12345 and the other public channels).
        if let rating, source.isPublic, inPeriod(ratedAt) {
            caseTally[.rated] += 1
            if ratedByPhone == true { caseTally[.ratedByPhone] += 1 }
            if firstResponse?.onTime == true { caseTally[.ratedResponded] += 1 }
            if rating.fixed { caseTally[.ratedSolved] += 1 }
            switch rating.satisfaction {
            case .satisfied: caseTally[.ratedSatisfied] += 1
            case .basicallySatisfied: caseTally[.ratedBasicallySatisfied] += 1
            case .unsatisfied: break
            }
        }

        // Check-ins (报到) count where the case is and for the summoned department, not for
        // the department that owns the case.
        var checkIns = Tally()
        var summoned: [String: Tally] = [:]
        for fact in summons ?? [] where inPeriod(fact.settledAt) {
            var tally = Tally()
            tally[.whistleCheckIns] = 1
            if fact.onTime { tally[.whistleCheckInsOnTime] = 1 }
            checkIns += tally
            summoned[fact.departmentCode, default: Tally()] += tally
        }

        var result = posts
        let territorial = caseTally + checkIns
        guard !territorial.isZero else { return result }
        var keys: [TallyKey] = [TallyKey(.district, ""), TallyKey(.source, source.rawValue), TallyKey(.category, categoryCode)]
        if let streetCode { keys.append(TallyKey(.street, streetCode)) }
        if let communityCode { keys.append(TallyKey(.community, communityCode)) }
        if let gridCode { keys.append(TallyKey(.grid, gridCode)) }
        if let commandCode { keys.append(TallyKey(.command, commandCode)) }
        for key in keys { result[key] = territorial }
        if let owner, owner.kind == .department, !caseTally.isZero { result[TallyKey(.department, owner.code)] = caseTally }
        for (department, tally) in summoned { result[TallyKey(.department, department), default: Tally()] += tally }
        if let gridCode, inPeriod(reportedAt) {
            var recurring = Tally()
            recurring[.reported] = 1
            result[TallyKey(.gridCategory, "\(gridCode)|\(categoryCode)")] = recurring
        }
        return result
    }

    /// The periods the store keeps tallies for (month, quarter, year) that this case can
    /// count in: those containing one of its instants. Outside them every count is zero.
    public func standardPeriods(timeZone: TimeZone = WorkCalendar.chinaStandardTime) -> [EvaluationPeriod] {
        var cache = StandardPeriodCache(timeZone: timeZone)
        return standardPeriods(cache: &cache)
    }

    /// The same periods, looked up in `cache` (which keeps what it worked out).
    public func standardPeriods(cache: inout StandardPeriodCache) -> [EvaluationPeriod] {
        let instants = [reportedAt, acceptance?.at, verification?.at, check?.at, dispatch?.at, closing?.at, ratedAt].compactMap { $0 }
            + (summons ?? []).compactMap(\.settledAt)
        var seen = Set<String>()
        var periods: [EvaluationPeriod] = []
        for instant in instants {
            for period in cache.periods(containing: instant) where seen.insert(period.label).inserted {
                periods.append(period)
            }
        }
        return periods
    }
}
