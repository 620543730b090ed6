import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import Xiuhua
import XiuhuaServer

@Suite("Accounts: an administrator disables, enables, resets, revokes and adds over the API")
struct AccountAdminAPITests {
    @Test("a disabled account's open session stops at once, it cannot sign in even with the right password, and enabling lets it in again")
    func disable() async throws {
        try await LiveDemo.run { demo in
            let admin = try await demo.token("admin")
            let session = try await demo.freshSession("operator")
            #expect(try await demo.me(session) == .ok)

            let disabled = try await demo.send(.post, "/api/v1/accounts/operator/disable", token: admin)
            #expect(disabled.status == .ok, "\(disabled.text)")
            #expect(try disabled.object()["disabled"] as? Bool == true)
            try await demo.send(.get, "/api/v1/me", token: session).expectError(.unauthorized, "unauthenticated")
            let filed = try await demo.send(
                .post, "/api/v1/cases", #"{"source":"hotline","category":"06010","description":"测试","lat":40.12234718190999,"lon":113.2818037388908}"#,
                token: session
            )
            #expect(filed.status == .unauthorized, "a disabled operator files nothing: \(filed.text)")
            try await demo.signIn("operator").expectError(.forbidden, "account_disabled")
            try await demo.signIn("operator", "wrong-password1").expectError(.unauthorized, "invalid_credentials")

            let listed = try await demo.send(.get, "/api/v1/accounts", token: admin).object()
            let row = try #require((listed["items"] as? [[String: Any]])?.first { $0["username"] as? String == "operator" })
            #expect(row["disabled"] as? Bool == true)
            #expect(row["disabled_at"] as? String != nil)

            let enabled = try await demo.send(.post, "/api/v1/accounts/operator/enable", token: admin)
            #expect(try enabled.object()["disabled"] as? Bool == false)
            #expect(try await demo.me(session) == .unauthorized, "the session ended by disabling stays ended")
            #expect(try await demo.me(try await demo.signedIn("operator")) == .ok)
        }
    }

    @Test("only an administrator manages accounts; an administrator cannot disable their own account; an unknown username is 404")
    func whoMay() async throws {
        try await LiveDemo.run { demo in
            for path in ["disable", "enable", "revoke-sessions", "unlock"] {
                try await demo.send(.post, "/api/v1/accounts/operator/\(path)", token: try await demo.token("dispatcher"))
                    .expectError(.forbidden, "forbidden_role")
                try await demo.send(.post, "/api/v1/accounts/operator/\(path)").expectError(.unauthorized, "unauthenticated")
                try await demo.send(.post, "/api/v1/accounts/nosuch/\(path)", token: try await demo.token("admin"))
                    .expectError(.notFound, "account_not_found")
            }
            try await demo.send(.get, "/api/v1/accounts", token: try await demo.token("supervisor")).expectError(.forbidden, "forbidden_role")
            try await demo.send(.post, "/api/v1/accounts/admin/disable", token: try await demo.token("admin")).expectError(.conflict, "own_account")
            #expect(try await demo.me(try await demo.token("admin")) == .ok)
        }
    }

    @Test("a password reset refuses a weak password naming the rule; a good one ends the old password and every old session")
    func resetPassword() async throws {
        try await LiveDemo.run { demo in
            let admin = try await demo.token("admin")
            let old = try await demo.freshSession("dispatcher")
            for weak in ["short1", "onlyletters", "12345678901", "dispatcher"] {
                let refused = try await demo.send(.post, "/api/v1/accounts/dispatcher/reset-password", #"{"password":"\#(weak)"}"#, token: admin)
                try refused.expectError(.badRequest, "weak_password")
                #expect((try refused.object()["message"] as? String)?.hasPrefix("密码须为 8–64 个字符") == true)
            }
            #expect(try await demo.me(old) == .ok, "a refused reset changes nothing")

            let reset = try await demo.send(.post, "/api/v1/accounts/dispatcher/reset-password", #"{"password":"Pingcheng2027"}"#, token: admin)
            #expect(reset.status == .ok, "\(reset.text)")
            #expect(try await demo.me(old) == .unauthorized)
            try await demo.signIn("dispatcher").expectError(.unauthorized, "invalid_credentials")
            #expect(try await demo.me(try await demo.signedIn("dispatcher", "Pingcheng2027")) == .ok)
        }
    }

    @Test("revoking sessions ends every session of the account and says how many; other accounts keep theirs")
    func revoke() async throws {
        try await LiveDemo.run { demo in
            let first = try await demo.freshSession("yongtai")
            let second = try await demo.freshSession("yongtai")
            let other = try await demo.freshSession("huanwei")
            let revoked = try await demo.send(.post, "/api/v1/accounts/yongtai/revoke-sessions", token: try await demo.token("admin"))
            #expect(revoked.status == .ok)
            #expect(try revoked.object()["revoked"] as? Int == 2)
            #expect(try await demo.me(first) == .unauthorized)
            #expect(try await demo.me(second) == .unauthorized)
            #expect(try await demo.me(other) == .ok)
            #expect(try await demo.me(try await demo.signedIn("yongtai")) == .ok, "the account itself may sign in again")
        }
    }

    @Test("adding an account over the API checks the username, the password, the role's scope and its codes")
    func add() async throws {
        try await LiveDemo.run { demo in
            let admin = try await demo.token("admin")
            func add(_ body: String) async throws -> TestResponse { try await demo.send(.post, "/api/v1/accounts", body, token: admin) }
            let grid = DemoAccounts.hongqiliCommunity + "001"

            try await add(#"{"username":"wg1","name":"网格员","role":"gridWorker","password":"Wangge2026"}"#).expectError(.badRequest, "scope_required")
            try await add(#"{"username":"wg1","name":"网格员","role":"gridWorker","grid_codes":["\#(DemoAccounts.yongtaiStreet)"],"password":"Wangge2026"}"#)
                .expectError(.badRequest, "scope_required")
            try await add(#"{"username":"jd1","name":"街道","role":"streetOfficer","password":"Jiedao2026"}"#).expectError(.badRequest, "scope_required")
            try await add(#"{"username":"bm1","name":"部门","role":"departmentHandler","department_code":"nosuch","password":"Bumen2026"}"#)
                .expectError(.badRequest, "scope_required")
            try await add(#"{"username":"wg1","name":"网格员","role":"gridWorker","grid_codes":["\#(grid)"],"password":"weak"}"#)
                .expectError(.badRequest, "weak_password")
            try await add(#"{"username":"王五","name":"网格员","role":"gridWorker","grid_codes":["\#(grid)"],"password":"Wangge2026"}"#)
                .expectError(.badRequest, "invalid_username")
            try await add(#"{"username":"wg1","name":"网格员","role":"mayor","password":"Wangge2026"}"#).expectError(.badRequest, "invalid_role")
            try await add(#"{"username":"operator","name":"重名","role":"operator","password":"Wangge2026"}"#).expectError(.conflict, "username_taken")
            try await demo.send(.post, "/api/v1/accounts", #"{"username":"x1","name":"x","role":"operator","password":"Wangge2026"}"#, token: try await demo.token("dispatcher"))
                .expectError(.forbidden, "forbidden_role")

            let made = try await add(#"{"username":"wg1","name":"网格员","role":"gridWorker","grid_codes":["\#(grid)"],"password":"Wangge2026"}"#)
            #expect(made.status == .created, "\(made.text)")
            #expect(try made.object()["grid_codes"] as? [String] == [grid])
            let bumen = try await add(#"{"username":"bm1","name":"部门","role":"departmentHandler","department_code":"huanwei","password":"Bumen2026"}"#)
            #expect(bumen.status == .created, "\(bumen.text)")
            let me = try await demo.send(.get, "/api/v1/me", token: try await demo.signedIn("wg1", "Wangge2026")).object()
            #expect(me["role"] as? String == "gridWorker")
        }
    }
}
