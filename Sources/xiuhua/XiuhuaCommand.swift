import ArgumentParser

/// The `xiuhua` command: the server and the tools around it.
@main
struct XiuhuaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "xiuhua",
        abstract: "绣花 Xiuhua — 城市精细化管理平台 (fine-grained city management).",
        subcommands: [
            ServeCommand.self,
            MigrateCommand.self,
            ImportCommand.self,
            CalendarCommand.self,
            CaseCommand.self,
            AccountCommand.self,
            APIKeyCommand.self,
            AuditCommand.self,
            CampaignCommand.self,
            EvaluateCommand.self,
            ConfigCommand.self,
            BackupCommand.self,
            RestoreCommand.self,
            CopyCommand.self,
            BenchCommand.self,
            SimulateCommand.self,
            ShopsCommand.self,
        ]
    )
}
