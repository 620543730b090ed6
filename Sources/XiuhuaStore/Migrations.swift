/// The schema, as an ordered list of named steps. Never edit a step that has shipped;
/// add a new one.
public enum Migrations {
    public static let all: [Migration] = [
        Migration("001_meta", sqlite: [
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT",
        ], postgres: [
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        ]),
        Migration("002_regions", sqlite: [
            """
            CREATE TABLE regions (
                code TEXT PRIMARY KEY,
                level TEXT NOT NULL CHECK (level IN ('district', 'street', 'community', 'grid')),
                name TEXT NOT NULL,
                parent_code TEXT REFERENCES regions(code),
                geometry TEXT
            ) STRICT
            """,
            "CREATE INDEX regions_parent ON regions(parent_code)",
            "CREATE INDEX regions_level ON regions(level)",
        ], postgres: [
            """
            CREATE TABLE regions (
                code TEXT PRIMARY KEY,
                level TEXT NOT NULL CHECK (level IN ('district', 'street', 'community', 'grid')),
                name TEXT NOT NULL,
                parent_code TEXT REFERENCES regions(code),
                geometry TEXT
            )
            """,
            "CREATE INDEX regions_parent ON regions(parent_code)",
            "CREATE INDEX regions_level ON regions(level)",
        ]),
        Migration("003_organisation", sqlite: [
            """
            CREATE TABLE commands (
                code TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                hotline TEXT NOT NULL,
                position INTEGER NOT NULL
            ) STRICT
            """,
            """
            CREATE TABLE departments (
                code TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                position INTEGER NOT NULL
            ) STRICT
            """,
        ], postgres: [
            """
            CREATE TABLE commands (
                code TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                hotline TEXT NOT NULL,
                position BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE departments (
                code TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                position BIGINT NOT NULL
            )
            """,
        ]),
        Migration("004_accounts", sqlite: [
            """
            CREATE TABLE accounts (
                id TEXT PRIMARY KEY,
                username TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                role TEXT NOT NULL,
                department_code TEXT,
                street_codes TEXT NOT NULL,
                grid_codes TEXT NOT NULL,
                password_hash TEXT NOT NULL,
                created_at INTEGER NOT NULL
            ) STRICT
            """,
            """
            CREATE TABLE sessions (
                token_hash TEXT PRIMARY KEY,
                account_id TEXT NOT NULL REFERENCES accounts(id),
                created_at INTEGER NOT NULL,
                expires_at INTEGER NOT NULL
            ) STRICT
            """,
        ], postgres: [
            """
            CREATE TABLE accounts (
                id TEXT PRIMARY KEY,
                username TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                role TEXT NOT NULL,
                department_code TEXT,
                street_codes TEXT NOT NULL,
                grid_codes TEXT NOT NULL,
                password_hash TEXT NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE sessions (
                token_hash TEXT PRIMARY KEY,
                account_id TEXT NOT NULL REFERENCES accounts(id),
                created_at BIGINT NOT NULL,
                expires_at BIGINT NOT NULL
            )
            """,
        ]),
        // Cases: the event log is the truth; `cases` is its projection, written in the same
        // transaction. Times are epoch milliseconds (UTC).
        Migration("005_cases", sqlite: [
            """
            CREATE TABLE case_counters (
                day TEXT PRIMARY KEY,
                last INTEGER NOT NULL
            ) STRICT
            """,
            """
            CREATE TABLE cases (
                number TEXT PRIMARY KEY,
                ticket_code TEXT NOT NULL UNIQUE,
                state TEXT NOT NULL,
                source TEXT NOT NULL,
                category_code TEXT NOT NULL,
                command_code TEXT,
                street_code TEXT,
                community_code TEXT,
                grid_code TEXT,
                owner_kind TEXT,
                owner_code TEXT,
                description TEXT NOT NULL,
                address TEXT NOT NULL,
                stage TEXT,
                stage_deadline INTEGER,
                stage_yellow_at INTEGER,
                stage_overdue_marked INTEGER NOT NULL,
                suspended INTEGER NOT NULL,
                created_at INTEGER NOT NULL,
                closed_at INTEGER,
                last_event_at INTEGER NOT NULL,
                version INTEGER NOT NULL,
                snapshot TEXT NOT NULL
            ) STRICT
            """,
            "CREATE INDEX cases_created ON cases(created_at DESC, number DESC)",
            "CREATE INDEX cases_state ON cases(state, created_at DESC)",
            "CREATE INDEX cases_street ON cases(street_code, created_at DESC)",
            "CREATE INDEX cases_community ON cases(community_code)",
            "CREATE INDEX cases_grid ON cases(grid_code)",
            "CREATE INDEX cases_category ON cases(category_code)",
            // Counting a filtered list is the slow half of a page; these let the count run
            // on an index alone.
            "CREATE INDEX cases_state_category ON cases(state, category_code)",
            "CREATE INDEX cases_street_state ON cases(street_code, state)",
            "CREATE INDEX cases_owner ON cases(owner_code, created_at DESC)",
            "CREATE INDEX cases_due ON cases(stage_deadline) WHERE stage_deadline IS NOT NULL AND stage_overdue_marked = 0 AND suspended = 0",
            """
            CREATE TABLE case_events (
                case_number TEXT NOT NULL REFERENCES cases(number),
                seq INTEGER NOT NULL,
                kind TEXT NOT NULL,
                actor_id TEXT,
                at INTEGER NOT NULL,
                body TEXT NOT NULL,
                prev_hash TEXT NOT NULL,
                hash TEXT NOT NULL,
                PRIMARY KEY (case_number, seq)
            ) STRICT
            """,
            // Events are never edited or deleted; the hash chain catches anyone who bypasses this.
            """
            CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events
            BEGIN SELECT RAISE(ABORT, 'case events are append-only'); END
            """,
            """
            CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events
            BEGIN SELECT RAISE(ABORT, 'case events are append-only'); END
            """,
        ], postgres: [
            """
            CREATE TABLE case_counters (
                day TEXT PRIMARY KEY,
                last BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE cases (
                number TEXT PRIMARY KEY,
                ticket_code TEXT NOT NULL UNIQUE,
                state TEXT NOT NULL,
                source TEXT NOT NULL,
                category_code TEXT NOT NULL,
                command_code TEXT,
                street_code TEXT,
                community_code TEXT,
                grid_code TEXT,
                owner_kind TEXT,
                owner_code TEXT,
                description TEXT NOT NULL,
                address TEXT NOT NULL,
                stage TEXT,
                stage_deadline BIGINT,
                stage_yellow_at BIGINT,
                stage_overdue_marked BIGINT NOT NULL,
                suspended BIGINT NOT NULL,
                created_at BIGINT NOT NULL,
                closed_at BIGINT,
                last_event_at BIGINT NOT NULL,
                version BIGINT NOT NULL,
                snapshot TEXT NOT NULL
            )
            """,
            "CREATE INDEX cases_created ON cases(created_at DESC, number DESC)",
            "CREATE INDEX cases_state ON cases(state, created_at DESC)",
            "CREATE INDEX cases_street ON cases(street_code, created_at DESC)",
            "CREATE INDEX cases_community ON cases(community_code)",
            "CREATE INDEX cases_grid ON cases(grid_code)",
            "CREATE INDEX cases_category ON cases(category_code)",
            // Counting a filtered list is the slow half of a page; these let the count run
            // on an index alone.
            "CREATE INDEX cases_state_category ON cases(state, category_code)",
            "CREATE INDEX cases_street_state ON cases(street_code, state)",
            "CREATE INDEX cases_owner ON cases(owner_code, created_at DESC)",
            "CREATE INDEX cases_due ON cases(stage_deadline) WHERE stage_deadline IS NOT NULL AND stage_overdue_marked = 0 AND suspended = 0",
            """
            CREATE TABLE case_events (
                case_number TEXT NOT NULL REFERENCES cases(number),
                seq BIGINT NOT NULL,
                kind TEXT NOT NULL,
                actor_id TEXT,
                at BIGINT NOT NULL,
                body TEXT NOT NULL,
                prev_hash TEXT NOT NULL,
                hash TEXT NOT NULL,
                PRIMARY KEY (case_number, seq)
            )
            """,
            // Events are never edited or deleted; the hash chain catches anyone who bypasses this.
            """
            CREATE FUNCTION case_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'case events are append-only'; END $$
            """,
            """
            CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events
            FOR EACH ROW EXECUTE FUNCTION case_events_append_only()
            """,
            """
            CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events
            FOR EACH ROW EXECUTE FUNCTION case_events_append_only()
            """,
            // TRUNCATE skips row triggers; refuse it too.
            """
            CREATE TRIGGER case_events_no_truncate BEFORE TRUNCATE ON case_events
            FOR EACH STATEMENT EXECUTE FUNCTION case_events_append_only()
            """,
        ]),
        whistleCheckins,
        casePositions,
        summonedDepartments,
        // Keys of client systems (12345 platforms, apps) for the Open311 write API: only the
        // SHA-256 of a key is kept, so a copy of the database does not hand out live keys.
        Migration("020_api_keys", sqlite: [
            """
            CREATE TABLE api_keys (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                key_hash TEXT NOT NULL UNIQUE,
                per_minute INTEGER NOT NULL CHECK (per_minute > 0),
                created_at INTEGER NOT NULL,
                revoked_at INTEGER
            ) STRICT
            """,
            "CREATE INDEX cases_last_event ON cases(last_event_at)",
        ], postgres: [
            """
            CREATE TABLE api_keys (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                key_hash TEXT NOT NULL UNIQUE,
                per_minute BIGINT NOT NULL CHECK (per_minute > 0),
                created_at BIGINT NOT NULL,
                revoked_at BIGINT
            )
            """,
            "CREATE INDEX cases_last_event ON cases(last_event_at)",
        ]),
        // Evaluation: each case's facts (a fold of its events) and the tallies they add up
        // to per month, quarter and year, kept in the same transaction as the events. The
        // columns beside `facts` serve the span filter and the plain GROUP BY baseline.
        Migration("030_evaluation", sqlite: [
            """
            CREATE TABLE case_facts (
                number TEXT PRIMARY KEY REFERENCES cases(number),
                reported_at INTEGER NOT NULL,
                last_at INTEGER NOT NULL,
                street_code TEXT,
                grid_code TEXT,
                department_code TEXT,
                accepted_at INTEGER,
                cancelled_at INTEGER,
                closed_at INTEGER,
                disposal_late INTEGER NOT NULL,
                facts TEXT NOT NULL
            ) STRICT
            """,
            "CREATE INDEX case_facts_last ON case_facts(last_at)",
            "CREATE INDEX case_facts_accepted ON case_facts(accepted_at)",
            """
            CREATE TABLE evaluation_tallies (
                period TEXT NOT NULL,
                dimension TEXT NOT NULL,
                unit TEXT NOT NULL,
                counts TEXT NOT NULL,
                PRIMARY KEY (period, dimension, unit)
            ) STRICT, WITHOUT ROWID
            """,
            // Cases filed before this step get their facts from their events on next open.
            "INSERT INTO meta (key, value) SELECT 'evaluation_rebuild_needed', '1' WHERE EXISTS (SELECT 1 FROM cases)",
        ], postgres: [
            """
            CREATE TABLE case_facts (
                number TEXT PRIMARY KEY REFERENCES cases(number),
                reported_at BIGINT NOT NULL,
                last_at BIGINT NOT NULL,
                street_code TEXT,
                grid_code TEXT,
                department_code TEXT,
                accepted_at BIGINT,
                cancelled_at BIGINT,
                closed_at BIGINT,
                disposal_late BIGINT NOT NULL,
                facts TEXT NOT NULL
            )
            """,
            "CREATE INDEX case_facts_last ON case_facts(last_at)",
            "CREATE INDEX case_facts_accepted ON case_facts(accepted_at)",
            """
            CREATE TABLE evaluation_tallies (
                period TEXT NOT NULL,
                dimension TEXT NOT NULL,
                unit TEXT NOT NULL,
                counts TEXT NOT NULL,
                PRIMARY KEY (period, dimension, unit)
            )
            """,
            // Cases filed before this step get their facts from their events on next open.
            "INSERT INTO meta (key, value) SELECT 'evaluation_rebuild_needed', '1' WHERE EXISTS (SELECT 1 FROM cases)",
        ]),
        // Photos sent with the web forms, content-addressed: the key is the SHA-256 of the bytes.
        Migration("040_web_photos", sqlite: [
            """
            CREATE TABLE web_photos (
                sha256 TEXT PRIMARY KEY,
                content_type TEXT NOT NULL,
                bytes BLOB NOT NULL,
                created_at INTEGER NOT NULL
            ) STRICT
            """,
        ], postgres: [
            """
            CREATE TABLE web_photos (
                sha256 TEXT PRIMARY KEY,
                content_type TEXT NOT NULL,
                bytes BYTEA NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
        ]),
        // Notifications waiting for delivery, written in the same transaction as the events
        // that caused them. The id (case number, event seq, index) is the idempotency key
        // the receivers see.
        Migration("050_notification_outbox", sqlite: [
            """
            CREATE TABLE notification_outbox (
                id TEXT PRIMARY KEY,
                channel TEXT NOT NULL,
                kind TEXT NOT NULL,
                recipient TEXT NOT NULL,
                case_number TEXT NOT NULL,
                body TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at INTEGER NOT NULL,
                delivered_at INTEGER,
                last_error TEXT
            ) STRICT
            """,
            "CREATE INDEX notification_outbox_due ON notification_outbox(channel, next_attempt_at) WHERE delivered_at IS NULL",
        ], postgres: [
            """
            CREATE TABLE notification_outbox (
                id TEXT PRIMARY KEY,
                channel TEXT NOT NULL,
                kind TEXT NOT NULL,
                recipient TEXT NOT NULL,
                case_number TEXT NOT NULL,
                body TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                attempts BIGINT NOT NULL DEFAULT 0,
                next_attempt_at BIGINT NOT NULL,
                delivered_at BIGINT,
                last_error TEXT
            )
            """,
            "CREATE INDEX notification_outbox_due ON notification_outbox(channel, next_attempt_at) WHERE delivered_at IS NULL",
        ]),
    ] + attachments + campaigns + shops + supervision + noticeEscalation + accountControls
}
