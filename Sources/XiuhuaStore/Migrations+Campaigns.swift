/// The schema of campaigns (专项行动) and the vaccination drive, numbered 080–089.
extension Migrations {
    static let campaigns: [Migration] = [
        Migration("080_campaigns", sqlite: [
            """
            CREATE TABLE campaigns (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('cleanUp', 'rectification', 'vaccination')),
                category_code TEXT,
                starts_on TEXT NOT NULL,
                ends_on TEXT NOT NULL,
                owner_id TEXT NOT NULL,
                owner_name TEXT NOT NULL,
                targets TEXT NOT NULL,
                resources TEXT NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('planned', 'running', 'finished')),
                summary TEXT,
                created_at INTEGER NOT NULL,
                started_at INTEGER,
                finished_at INTEGER
            ) STRICT
            """,
            // One row per region a campaign covers, so that intake finds the running
            // rectifications over a case's grid with one indexed prefix match.
            """
            CREATE TABLE campaign_areas (
                campaign_id TEXT NOT NULL REFERENCES campaigns(id),
                region_code TEXT NOT NULL,
                PRIMARY KEY (campaign_id, region_code)
            ) STRICT
            """,
            """
            CREATE TABLE campaign_reports (
                campaign_id TEXT NOT NULL REFERENCES campaigns(id),
                seq INTEGER NOT NULL,
                day TEXT NOT NULL,
                progress TEXT NOT NULL,
                note TEXT NOT NULL,
                reporter_id TEXT NOT NULL,
                reporter_name TEXT NOT NULL,
                reported_at INTEGER NOT NULL,
                PRIMARY KEY (campaign_id, seq)
            ) STRICT
            """,
            """
            CREATE TABLE campaign_cases (
                campaign_id TEXT NOT NULL REFERENCES campaigns(id),
                case_number TEXT NOT NULL,
                linked_at INTEGER NOT NULL,
                PRIMARY KEY (campaign_id, case_number)
            ) STRICT
            """,
            "CREATE INDEX campaign_cases_case ON campaign_cases(case_number)",
        ], postgres: [
            """
            CREATE TABLE campaigns (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('cleanUp', 'rectification', 'vaccination')),
                category_code TEXT,
                starts_on TEXT NOT NULL,
                ends_on TEXT NOT NULL,
                owner_id TEXT NOT NULL,
                owner_name TEXT NOT NULL,
                targets TEXT NOT NULL,
                resources TEXT NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('planned', 'running', 'finished')),
                summary TEXT,
                created_at BIGINT NOT NULL,
                started_at BIGINT,
                finished_at BIGINT
            )
            """,
            // One row per region a campaign covers, so that intake finds the running
            // rectifications over a case's grid with one indexed prefix match.
            """
            CREATE TABLE campaign_areas (
                campaign_id TEXT NOT NULL REFERENCES campaigns(id),
                region_code TEXT NOT NULL,
                PRIMARY KEY (campaign_id, region_code)
            )
            """,
            """
            CREATE TABLE campaign_reports (
                campaign_id TEXT NOT NULL REFERENCES campaigns(id),
                seq BIGINT NOT NULL,
                day TEXT NOT NULL,
                progress TEXT NOT NULL,
                note TEXT NOT NULL,
                reporter_id TEXT NOT NULL,
                reporter_name TEXT NOT NULL,
                reported_at BIGINT NOT NULL,
                PRIMARY KEY (campaign_id, seq)
            )
            """,
            """
            CREATE TABLE campaign_cases (
                campaign_id TEXT NOT NULL REFERENCES campaigns(id),
                case_number TEXT NOT NULL,
                linked_at BIGINT NOT NULL,
                PRIMARY KEY (campaign_id, case_number)
            )
            """,
            "CREATE INDEX campaign_cases_case ON campaign_cases(case_number)",
        ]),
        Migration("081_vaccination", sqlite: [
            """
            CREATE TABLE vaccines (
                code TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                doses INTEGER NOT NULL CHECK (doses BETWEEN 1 AND 5),
                minimum_interval_days INTEGER NOT NULL CHECK (minimum_interval_days >= 0)
            ) STRICT
            """,
            "INSERT INTO vaccines VALUES ('inactivated-vero', '新冠病毒灭活疫苗（Vero细胞）', 2, 21)",
            "INSERT INTO vaccines VALUES ('recombinant-cho', '重组新冠病毒疫苗（CHO细胞）', 3, 28)",
            "INSERT INTO vaccines VALUES ('adenovirus-type5', '腺病毒载体新冠疫苗（5型）', 1, 0)",
            """
            CREATE TABLE residents (
                id TEXT PRIMARY KEY,
                grid_code TEXT NOT NULL,
                household TEXT NOT NULL,
                name TEXT NOT NULL,
                id_number TEXT NOT NULL UNIQUE,
                phone TEXT,
                created_at INTEGER NOT NULL
            ) STRICT
            """,
            "CREATE INDEX residents_grid ON residents(grid_code)",
            """
            CREATE TABLE canvass_visits (
                resident_id TEXT NOT NULL REFERENCES residents(id),
                seq INTEGER NOT NULL,
                result TEXT NOT NULL,
                note TEXT NOT NULL,
                visitor_id TEXT NOT NULL,
                visitor_name TEXT NOT NULL,
                visited_at INTEGER NOT NULL,
                PRIMARY KEY (resident_id, seq)
            ) STRICT
            """,
            """
            CREATE TABLE vaccination_sites (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('fixed', 'cabin', 'mobile')),
                community_code TEXT NOT NULL,
                address TEXT NOT NULL,
                latitude REAL,
                longitude REAL,
                opens_at INTEGER NOT NULL,
                closes_at INTEGER NOT NULL,
                slot_minutes INTEGER NOT NULL,
                capacity_per_slot INTEGER NOT NULL
            ) STRICT
            """,
            // Where a mobile team works on a day (街道联点).
            """
            CREATE TABLE roving_schedule (
                site_id TEXT NOT NULL REFERENCES vaccination_sites(id),
                day TEXT NOT NULL,
                community_code TEXT NOT NULL,
                PRIMARY KEY (site_id, day)
            ) STRICT
            """,
            """
            CREATE TABLE appointments (
                id TEXT PRIMARY KEY,
                resident_id TEXT NOT NULL REFERENCES residents(id),
                site_id TEXT NOT NULL REFERENCES vaccination_sites(id),
                day TEXT NOT NULL,
                slot_start INTEGER NOT NULL,
                vaccine_code TEXT NOT NULL REFERENCES vaccines(code),
                dose_number INTEGER NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('booked', 'cancelled', 'attended', 'noShow')),
                booked_by TEXT NOT NULL,
                booked_at INTEGER NOT NULL
            ) STRICT
            """,
            "CREATE INDEX appointments_slot ON appointments(site_id, day, slot_start, state)",
            // A resident holds at most one live booking; the capacity check counts in the
            // same write transaction, which SQLite runs one at a time.
            "CREATE UNIQUE INDEX appointments_live ON appointments(resident_id) WHERE state = 'booked'",
            """
            CREATE TABLE doses (
                id TEXT PRIMARY KEY,
                resident_id TEXT NOT NULL REFERENCES residents(id),
                appointment_id TEXT REFERENCES appointments(id),
                site_id TEXT NOT NULL REFERENCES vaccination_sites(id),
                vaccine_code TEXT NOT NULL REFERENCES vaccines(code),
                lot TEXT NOT NULL,
                dose_number INTEGER NOT NULL,
                given_at INTEGER NOT NULL,
                given_day TEXT NOT NULL,
                staff_id TEXT NOT NULL,
                staff_name TEXT NOT NULL,
                screening TEXT NOT NULL,
                adverse_reaction TEXT,
                UNIQUE (resident_id, dose_number)
            ) STRICT
            """,
            "CREATE INDEX doses_day ON doses(given_day)",
        ], postgres: [
            """
            CREATE TABLE vaccines (
                code TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                doses BIGINT NOT NULL CHECK (doses BETWEEN 1 AND 5),
                minimum_interval_days BIGINT NOT NULL CHECK (minimum_interval_days >= 0)
            )
            """,
            "INSERT INTO vaccines VALUES ('inactivated-vero', '新冠病毒灭活疫苗（Vero细胞）', 2, 21)",
            "INSERT INTO vaccines VALUES ('recombinant-cho', '重组新冠病毒疫苗（CHO细胞）', 3, 28)",
            "INSERT INTO vaccines VALUES ('adenovirus-type5', '腺病毒载体新冠疫苗（5型）', 1, 0)",
            """
            CREATE TABLE residents (
                id TEXT PRIMARY KEY,
                grid_code TEXT NOT NULL,
                household TEXT NOT NULL,
                name TEXT NOT NULL,
                id_number TEXT NOT NULL UNIQUE,
                phone TEXT,
                created_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX residents_grid ON residents(grid_code)",
            """
            CREATE TABLE canvass_visits (
                resident_id TEXT NOT NULL REFERENCES residents(id),
                seq BIGINT NOT NULL,
                result TEXT NOT NULL,
                note TEXT NOT NULL,
                visitor_id TEXT NOT NULL,
                visitor_name TEXT NOT NULL,
                visited_at BIGINT NOT NULL,
                PRIMARY KEY (resident_id, seq)
            )
            """,
            """
            CREATE TABLE vaccination_sites (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('fixed', 'cabin', 'mobile')),
                community_code TEXT NOT NULL,
                address TEXT NOT NULL,
                latitude DOUBLE PRECISION,
                longitude DOUBLE PRECISION,
                opens_at BIGINT NOT NULL,
                closes_at BIGINT NOT NULL,
                slot_minutes BIGINT NOT NULL,
                capacity_per_slot BIGINT NOT NULL
            )
            """,
            // Where a mobile team works on a day (街道联点).
            """
            CREATE TABLE roving_schedule (
                site_id TEXT NOT NULL REFERENCES vaccination_sites(id),
                day TEXT NOT NULL,
                community_code TEXT NOT NULL,
                PRIMARY KEY (site_id, day)
            )
            """,
            """
            CREATE TABLE appointments (
                id TEXT PRIMARY KEY,
                resident_id TEXT NOT NULL REFERENCES residents(id),
                site_id TEXT NOT NULL REFERENCES vaccination_sites(id),
                day TEXT NOT NULL,
                slot_start BIGINT NOT NULL,
                vaccine_code TEXT NOT NULL REFERENCES vaccines(code),
                dose_number BIGINT NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('booked', 'cancelled', 'attended', 'noShow')),
                booked_by TEXT NOT NULL,
                booked_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX appointments_slot ON appointments(site_id, day, slot_start, state)",
            // A resident holds at most one live booking; the capacity check counts in the
            // same write transaction, which SQLite runs one at a time.
            "CREATE UNIQUE INDEX appointments_live ON appointments(resident_id) WHERE state = 'booked'",
            """
            CREATE TABLE doses (
                id TEXT PRIMARY KEY,
                resident_id TEXT NOT NULL REFERENCES residents(id),
                appointment_id TEXT REFERENCES appointments(id),
                site_id TEXT NOT NULL REFERENCES vaccination_sites(id),
                vaccine_code TEXT NOT NULL REFERENCES vaccines(code),
                lot TEXT NOT NULL,
                dose_number BIGINT NOT NULL,
                given_at BIGINT NOT NULL,
                given_day TEXT NOT NULL,
                staff_id TEXT NOT NULL,
                staff_name TEXT NOT NULL,
                screening TEXT NOT NULL,
                adverse_reaction TEXT,
                UNIQUE (resident_id, dose_number)
            )
            """,
            "CREATE INDEX doses_day ON doses(given_day)",
        ]),
        Migration("082_supervision_groups", sqlite: [
            """
            CREATE TABLE supervision_groups (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                members TEXT NOT NULL,
                sites TEXT NOT NULL,
                created_at INTEGER NOT NULL
            ) STRICT
            """,
            """
            CREATE TABLE site_inspections (
                id TEXT PRIMARY KEY,
                group_id TEXT NOT NULL REFERENCES supervision_groups(id),
                site_id TEXT NOT NULL REFERENCES vaccination_sites(id),
                inspector_id TEXT NOT NULL,
                inspector_name TEXT NOT NULL,
                inspected_at INTEGER NOT NULL,
                answers TEXT NOT NULL,
                note TEXT NOT NULL
            ) STRICT
            """,
            "CREATE INDEX site_inspections_group ON site_inspections(group_id, inspected_at)",
        ], postgres: [
            """
            CREATE TABLE supervision_groups (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                members TEXT NOT NULL,
                sites TEXT NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE site_inspections (
                id TEXT PRIMARY KEY,
                group_id TEXT NOT NULL REFERENCES supervision_groups(id),
                site_id TEXT NOT NULL REFERENCES vaccination_sites(id),
                inspector_id TEXT NOT NULL,
                inspector_name TEXT NOT NULL,
                inspected_at BIGINT NOT NULL,
                answers TEXT NOT NULL,
                note TEXT NOT NULL
            )
            """,
            "CREATE INDEX site_inspections_group ON site_inspections(group_id, inspected_at)",
        ]),
    ]
}
