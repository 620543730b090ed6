import Foundation

/// The rules of the drive that need more than one record: who may book, when the next
/// dose is due, what must be checked before a dose. Pure: the store feeds them the
/// records it read in its transaction.
public enum VaccinationRules {
    /// Record residents and canvass visits: the grid and health roles (an administrator imports).
    public static let rosterKeepers: Set<Role> = [.healthWorker, .gridWorker, .admin]
    public static let canvassers: Set<Role> = [.healthWorker, .gridWorker]
    /// Book, cancel and mark no-shows on behalf of residents.
    public static let bookers: Set<Role> = [.healthWorker, .gridWorker]
    /// Give doses and record reactions.
    public static let vaccinators: Set<Role> = [.healthWorker]
    /// Set up sites and vaccines.
    public static let siteManagers: Set<Role> = [.healthWorker, .admin]

    /// What stands against booking `resident` for dose `doseNumber` of `vaccine` on `day`,
    /// given the doses they already had; nil when nothing does.
    public static func bookingProblem(
        resident: Resident, vaccine: Vaccine, day: LocalDate, today: LocalDate, previousDoses: [Dose], eligibility: Eligibility,
        localDay: (Date) -> LocalDate
    ) -> CampaignRefusal? {
        guard day >= today else {
            return .invalid("day_in_past", "不能预约过去的日期 (the day has passed): \(day)")
        }
        guard eligibility.isEligible(resident, on: day) else {
            return .init(.conflict, "not_eligible", "未满 \(eligibility.minimumAge) 周岁，不在本次接种范围 (younger than \(eligibility.minimumAge) on \(day))")
        }
        return nextDoseProblem(vaccine: vaccine, on: day, previousDoses: previousDoses, localDay: localDay)
    }

    /// What stands against giving `resident` the next dose of `vaccine` today: a walk-in
    /// without a booking meets the same age limit, course and interval as a booking.
    public static func doseProblem(
        resident: Resident, vaccine: Vaccine, today: LocalDate, previousDoses: [Dose], eligibility: Eligibility,
        localDay: (Date) -> LocalDate
    ) -> CampaignRefusal? {
        guard eligibility.isEligible(resident, on: today) else {
            return .init(.conflict, "not_eligible", "未满 \(eligibility.minimumAge) 周岁，不在本次接种范围 (younger than \(eligibility.minimumAge))")
        }
        return nextDoseProblem(vaccine: vaccine, on: today, previousDoses: previousDoses, localDay: localDay)
    }

    /// The number of the next dose, or why there is none on `day`: the course is complete,
    /// another vaccine was started, or the minimum interval has not passed.
    public static func nextDoseProblem(vaccine: Vaccine, on day: LocalDate, previousDoses: [Dose], localDay: (Date) -> LocalDate) -> CampaignRefusal? {
        if let other = previousDoses.first(where: { $0.vaccineCode != vaccine.code }) {
            return .init(.conflict, "different_vaccine", "已用其他疫苗开始接种 (the course was started with another vaccine): \(other.vaccineCode)")
        }
        guard previousDoses.count < vaccine.doses else {
            return .init(.conflict, "course_complete", "已完成全程 \(vaccine.doses) 剂接种 (the course of \(vaccine.doses) doses is complete)")
        }
        if let last = previousDoses.max(by: { $0.givenAt < $1.givenAt }) {
            let lastDay = localDay(last.givenAt)
            let earliest = lastDay.adding(days: vaccine.minimumIntervalDays)
            guard day >= earliest else {
                return .init(.conflict, "interval_not_reached", "距上一剂不足 \(vaccine.minimumIntervalDays) 天，最早 \(earliest) 可接种下一剂 (the next dose is due on \(earliest) at the earliest)")
            }
        }
        return nil
    }

    /// True once the appointment's slot has ended at `now` in `timeZone`: only then may
    /// it be recorded as a no-show.
    public static func slotIsOver(_ appointment: Appointment, slotMinutes: Int, at now: Date, timeZone: TimeZone) -> Bool {
        let local = now.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: now))
        let day = Int((local / 86_400).rounded(.down))
        let minute = Int((local - Double(day) * 86_400) / 60)
        let slotDay = appointment.day.dayNumber
        return day > slotDay || (day == slotDay && minute >= appointment.slotStart + slotMinutes)
    }
}
