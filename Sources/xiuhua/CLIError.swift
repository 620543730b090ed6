/// A failure the command reports in one line and exits with status 1 — unlike
/// `ValidationError`, without repeating the usage text, since the arguments were fine.
struct CLIError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
