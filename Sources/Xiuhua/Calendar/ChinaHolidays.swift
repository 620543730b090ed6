extension WorkCalendar {
    /// The national calendar of China: Monday–Friday 08:30–12:00 and 14:30–17:30 in
    /// China Standard Time, with the public holidays and make-up workdays (调休上班) of
    /// the State Council notices from 2025.
    ///
    /// A district with other office hours or local holidays edits `chinaHolidaysText`
    /// into its own file and loads that instead.
    public static let chinaDefault: WorkCalendar = {
        do {
            return try WorkCalendar(parsing: chinaHolidaysText)
        } catch {
            // The text ships with the program and a test parses it, so this is a build defect.
            fatalError("the built-in China calendar does not parse: \(error)")
        }
    }()

    /// The text behind `chinaDefault`, in the calendar file format.
    public static let chinaHolidaysText = """
        # 中国全国工作日历 (national work calendar of China)
        # Sources: 国务院办公厅关于部分节假日安排的通知 (the State Council General Office's
        # yearly notice on holiday arrangements) and 全国年节及纪念日放假办法 (2024 revision).
        # Update this file when the next notice is published, usually in November.

        timezone Asia/Shanghai
        periods mon-fri 08:30-12:00 14:30-17:30
        periods sat-sun none

        # 2025
        holiday 2025-01-01 元旦
        workday 2025-01-26 春节调休上班
        holiday 2025-01-28..2025-02-04 春节
        workday 2025-02-08 春节调休上班
        holiday 2025-04-04..2025-04-06 清明节
        workday 2025-04-27 劳动节调休上班
        holiday 2025-05-01..2025-05-05 劳动节
        holiday 2025-05-31..2025-06-02 端午节
        workday 2025-09-28 国庆节、中秋节调休上班
        holiday 2025-10-01..2025-10-08 国庆节、中秋节
        workday 2025-10-11 国庆节、中秋节调休上班

        # 2026
        holiday 2026-01-01..2026-01-03 元旦
        workday 2026-01-04 元旦调休上班
        workday 2026-02-14 春节调休上班
        holiday 2026-02-15..2026-02-23 春节
        workday 2026-02-28 春节调休上班
        holiday 2026-04-04..2026-04-06 清明节
        holiday 2026-05-01..2026-05-05 劳动节
        workday 2026-05-09 劳动节调休上班
        holiday 2026-06-19..2026-06-21 端午节
        workday 2026-09-20 国庆节调休上班
        holiday 2026-09-25..2026-09-27 中秋节
        holiday 2026-10-01..2026-10-07 国庆节
        workday 2026-10-10 国庆节调休上班

        # 2027 — PROVISIONAL. Only the statutory holiday dates of 全国年节及纪念日放假办法
        # (2024 revision); the 2027 notice was not yet published. When it is, replace this
        # block with its arrangement, including its 调休 workdays (none are guessed here).
        holiday 2027-01-01 元旦
        holiday 2027-02-05..2027-02-08 春节
        holiday 2027-04-05 清明节
        holiday 2027-05-01..2027-05-02 劳动节
        holiday 2027-06-09 端午节
        holiday 2027-09-15 中秋节
        holiday 2027-10-01..2027-10-03 国庆节
        """
}
