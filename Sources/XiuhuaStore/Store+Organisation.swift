import SQLKit
import Xiuhua

extension Store {
    /// Replaces the sub-commands and departments in one transaction.
    public func saveOrganisation(_ organisation: Organisation) async throws {
        try await engine.write { db in
            try await db.raw("DELETE FROM commands").run()
            try await db.raw("DELETE FROM departments").run()
            for (position, command) in organisation.commands.enumerated() {
                try await db.raw("""
                    INSERT INTO commands (code, name, hotline, position)
                    VALUES (\(bind: command.code), \(bind: command.name), \(bind: command.hotline), \(bind: position))
                    """).run()
            }
            for (position, department) in organisation.departments.enumerated() {
                try await db.raw("""
                    INSERT INTO departments (code, name, position)
                    VALUES (\(bind: department.code), \(bind: department.name), \(bind: position))
                    """).run()
            }
        }
    }

    public func organisation() async throws -> Organisation {
        try await engine.read { db in
            let commands = try await db.raw("SELECT code, name, hotline FROM commands ORDER BY position").all().map {
                Command(
                    code: try $0.decode(column: "code", as: String.self),
                    name: try $0.decode(column: "name", as: String.self),
                    hotline: try $0.decode(column: "hotline", as: String.self)
                )
            }
            let departments = try await db.raw("SELECT code, name FROM departments ORDER BY position").all().map {
                Department(code: try $0.decode(column: "code", as: String.self), name: try $0.decode(column: "name", as: String.self))
            }
            return Organisation(commands: commands, departments: departments)
        }
    }
}
