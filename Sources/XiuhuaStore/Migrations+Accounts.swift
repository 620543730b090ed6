extension Migrations {
    /// What an administrator controls on an account beyond its role and scope.
    static let accountControls: [Migration] = [
        // `disabled_at`: set when an administrator disables the account (NULL: enabled).
        // `failed_logins` and `last_failed_login_at`: failed sign-ins since the last good
        // one, which set how long the account waits before the next try (`LoginBackoff`);
        // kept here so that every server on one database counts them, and `account unlock`
        // from the command line clears them.
        Migration("110_account_controls", sqlite: [
            "ALTER TABLE accounts ADD COLUMN disabled_at INTEGER",
            "ALTER TABLE accounts ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE accounts ADD COLUMN last_failed_login_at INTEGER",
            "CREATE INDEX sessions_account ON sessions(account_id)",
        ], postgres: [
            "ALTER TABLE accounts ADD COLUMN disabled_at BIGINT",
            "ALTER TABLE accounts ADD COLUMN failed_logins BIGINT NOT NULL DEFAULT 0",
            "ALTER TABLE accounts ADD COLUMN last_failed_login_at BIGINT",
            "CREATE INDEX sessions_account ON sessions(account_id)",
        ]),
    ]
}
