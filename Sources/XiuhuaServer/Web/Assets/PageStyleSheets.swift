import Xiuhua

/// The style sheets of the two pages outside the web frame — the home page and the
/// printable monthly report — served as files so the content security policy can forbid
/// every inline style.
enum HomeStyleSheet {
    static let text = """
        body { font-family: system-ui, "Noto Sans CJK SC", sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.6; color: #1a1a1a; }
        h1 { color: #8b1a1a; } a { color: #0b57d0; } code { background: #f2f2f2; padding: 0 .25rem; }
        nav { float: right; }
    """
}

enum MonthlyReportStyleSheet {
    /// The layout, then one class per grade in the grade's own colour.
    static let text = """
        body { font-family: "Noto Serif CJK SC", "Songti SC", serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #111; }
        h1 { text-align: center; color: #8b1a1a; font-size: 1.6rem; } .meta { text-align: center; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .9rem; }
        th, td { border: 1px solid #999; padding: .2rem .4rem; text-align: center; } th { background: #f0f0f0; }
        small { color: #555; } .grade { color: #fff; padding: 0 .4rem; border-radius: .2rem; font-weight: bold; }
        .best { color: #8b1a1a; } .worst { color: #333; } .note { font-size: .85rem; color: #444; }
        @media print {
          body { margin: 0; max-width: none; font-size: 10.5pt; }
          section { break-inside: avoid; } th { background: #eee !important; }
          .grade { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          @page { size: A4; margin: 15mm; }
        }
    """ + Grade.allCases.map { ".grade-\($0.rawValue) { background: \($0.colour); }" }.joined(separator: "\n") + "\n"
        // The campaigns page (专项行动), printed in the same style: state badges and progress bars.
        + """
        progress { width: 8rem; height: .7rem; vertical-align: middle; accent-color: #8b1a1a; }
        .state { font-size: .8rem; padding: 0 .3rem; border-radius: .2rem; color: #fff; background: #777; }
        .state.running { background: #2e7d32; } .state.planned { background: #1565c0; } .switch { text-align: right; }

        """
}
