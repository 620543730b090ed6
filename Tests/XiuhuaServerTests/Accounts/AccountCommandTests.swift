import Foundation
import Testing
import Xiuhua
import XiuhuaServer

/// `xiuhua account …`, run as the real binary against the database a running server uses.
@Suite("xiuhua account: the command line's account controls")
struct AccountCommandTests {
    static func cli(_ arguments: [String], data: String, password: String? = nil) async throws -> (status: Int32, output: String) {
        try await XiuhuaProcess.run(["account"] + arguments + ["--data", data], environment: password.map { ["XIUHUA_PASSWORD": $0] } ?? [:])
    }

    @Test("add refuses a scoped role without its scope, unknown codes and a weak password, each with a clear message; a good one can sign in")
    func add() async throws {
        try await withTemporaryDataDirectory { data in
            try await withAccountServer(directory: data) { demo in
                let good = "Wangge2026"
                let refusals: [([String], String?, String)] = [
                    (["add", "wg1", "--name", "网格员", "--role", "gridWorker"], good, "网格员账号须指定网格"),
                    (["add", "wg1", "--name", "网格员", "--role", "gridWorker", "--grids", "140213999999999"], good, "没有这个网格 (no such grid): 140213999999999"),
                    (["add", "jd1", "--name", "街道", "--role", "streetOfficer"], good, "街道人员账号须指定街道"),
                    (["add", "jd1", "--name", "街道", "--role", "streetOfficer", "--streets", DemoAccounts.hongqiliCommunity], good, "没有这个街道"),
                    (["add", "bm1", "--name", "部门", "--role", "departmentHandler"], good, "部门处置人员账号须指定部门"),
                    (["add", "bm1", "--name", "部门", "--role", "departmentHandler", "--department", "nosuch"], good, "没有这个部门 (no such department): nosuch"),
                    (["add", "op1", "--name", "受理", "--role", "operator"], "short1", "密码须为 8–64 个字符"),
                    (["add", "op12345678", "--name", "受理", "--role", "operator"], "OP12345678", "密码须为 8–64 个字符"),
                ]
                for (arguments, password, message) in refusals {
                    let (status, output) = try await Self.cli(arguments, data: data, password: password)
                    #expect(status != 0, "\(arguments)")
                    #expect(output.contains(message), "\(arguments): \(output)")
                }
                #expect(try await Self.cli(["list"], data: data).output.contains("wg1") == false, "nothing refused was written")

                let grid = DemoAccounts.hongqiliCommunity + "001"
                let made = try await Self.cli(["add", "wg1", "--name", "网格员", "--role", "gridWorker", "--grids", grid], data: data, password: good)
                #expect(made.status == 0, "\(made.output)")
                #expect(try await demo.me(try await demo.signedIn("wg1", good)) == .ok)
            }
        }
    }

    @Test("disable, enable, unlock, reset-password and revoke-sessions act on a running server at once, and a disabled account stays disabled after a restart")
    func controls() async throws {
        try await withTemporaryDataDirectory { data in
            try await withAccountServer(directory: data) { demo in
                // unlock: a locked account signs in the moment the command has run.
                for attempt in 1...5 { _ = try await demo.signIn("operator", "wrong\(attempt)x") }
                #expect(try await demo.signIn("operator").status == .tooManyRequests)
                let unlocked = try await Self.cli(["unlock", "operator"], data: data)
                #expect(unlocked.status == 0, "\(unlocked.output)")
                let session = try await demo.signedIn("operator")

                // disable: the open session stops, sign-in is refused, the list says so; enable lets it back in.
                #expect(try await Self.cli(["disable", "operator"], data: data).status == 0)
                #expect(try await demo.me(session) == .unauthorized)
                try await demo.signIn("operator").expectError(.forbidden, "account_disabled")
                let list = try await Self.cli(["list"], data: data).output
                #expect(list.split(separator: "\n").first { $0.hasPrefix("operator\t") }?.contains("已停用") == true, "\(list)")
                #expect(try await Self.cli(["enable", "operator"], data: data).status == 0)

                // reset-password: the rule applies; a good password ends the old one and its sessions.
                let old = try await demo.signedIn("operator")
                let weak = try await Self.cli(["reset-password", "operator"], data: data, password: "password")
                #expect(weak.status != 0)
                #expect(weak.output.contains("密码须为 8–64 个字符"), "\(weak.output)")
                #expect(try await demo.me(old) == .ok)
                #expect(try await Self.cli(["reset-password", "operator"], data: data, password: "Shouli2027").status == 0)
                #expect(try await demo.me(old) == .unauthorized)
                try await demo.signIn("operator").expectError(.unauthorized, "invalid_credentials")

                // revoke-sessions: every session of the account ends.
                let fresh = try await demo.signedIn("operator", "Shouli2027")
                let revoked = try await Self.cli(["revoke-sessions", "operator"], data: data)
                #expect(revoked.status == 0)
                #expect(revoked.output.contains("operator, 1"), "\(revoked.output)")
                #expect(try await demo.me(fresh) == .unauthorized)

                let unknown = try await Self.cli(["disable", "nosuch"], data: data)
                #expect(unknown.status != 0)
                #expect(unknown.output.contains("没有这个账号 (no such account): nosuch"), "\(unknown.output)")

                #expect(try await Self.cli(["disable", "supervisor"], data: data).status == 0)
            }
            try await withAccountServer(directory: data) { restarted in
                try await restarted.signIn("supervisor").expectError(.forbidden, "account_disabled")
                #expect(try await restarted.signIn("operator", "Shouli2027").status == .created)
            }
        }
    }
}
