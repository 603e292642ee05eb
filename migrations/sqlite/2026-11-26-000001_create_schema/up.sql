-- The data model (docs/ARCHITECTURE.md describes it). Timestamps are UTC, written by the application.
CREATE TABLE employees (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    job_title TEXT NOT NULL DEFAULT '',
    job_family TEXT NOT NULL,
    site_type TEXT NOT NULL,
    employment_type TEXT NOT NULL,
    hire_date DATE NOT NULL,
    manager_id INTEGER REFERENCES employees (id),
    is_admin BOOLEAN NOT NULL DEFAULT 0,
    password_hash TEXT,
    active BOOLEAN NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX employees_manager_id ON employees (manager_id);
CREATE INDEX employees_display_name ON employees (display_name);

CREATE TABLE programs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    summary TEXT NOT NULL,
    description TEXT NOT NULL,
    kind TEXT NOT NULL,
    category TEXT NOT NULL,
    format TEXT NOT NULL,
    provider TEXT NOT NULL,
    duration_weeks INTEGER,
    min_tenure_days INTEGER NOT NULL DEFAULT 0,
    allowed_job_families TEXT NOT NULL DEFAULT '',
    allowed_site_types TEXT NOT NULL DEFAULT '',
    full_time_only BOOLEAN NOT NULL DEFAULT 0,
    tuition_percent INTEGER NOT NULL DEFAULT 0,
    annual_cap_full_time_cents BIGINT NOT NULL DEFAULT 0,
    annual_cap_part_time_cents BIGINT NOT NULL DEFAULT 0,
    needs_manager_approval BOOLEAN NOT NULL DEFAULT 1,
    needs_admin_approval BOOLEAN NOT NULL DEFAULT 0,
    opens_on DATE,
    closes_on DATE,
    status TEXT NOT NULL DEFAULT 'draft',
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX programs_status_name ON programs (status, name);

CREATE TABLE intakes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    program_id INTEGER NOT NULL REFERENCES programs (id),
    name TEXT NOT NULL,
    starts_on DATE NOT NULL,
    seats INTEGER NOT NULL
);
CREATE INDEX intakes_program_id ON intakes (program_id, starts_on);

CREATE TABLE applications (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    employee_id INTEGER NOT NULL REFERENCES employees (id),
    program_id INTEGER NOT NULL REFERENCES programs (id),
    intake_id INTEGER REFERENCES intakes (id),
    status TEXT NOT NULL,
    motivation TEXT NOT NULL DEFAULT '',
    institution TEXT,
    course_title TEXT,
    term_starts_on DATE,
    amount_cents BIGINT,
    covered_cents BIGINT,
    approver_id INTEGER REFERENCES employees (id),
    submitted_at TIMESTAMP NOT NULL,
    decided_at TIMESTAMP,
    waitlisted_at TIMESTAMP,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
-- One active application per employee and program.
CREATE UNIQUE INDEX applications_one_active
    ON applications (employee_id, program_id)
    WHERE status IN ('submitted', 'changes_requested', 'manager_approved', 'approved', 'waitlisted');
CREATE INDEX applications_employee ON applications (employee_id, id);
CREATE INDEX applications_approver_queue ON applications (approver_id, status, submitted_at);
CREATE INDEX applications_status_queue ON applications (status, submitted_at);
CREATE INDEX applications_program_status ON applications (program_id, status, id);
CREATE INDEX applications_intake_status ON applications (intake_id, status, waitlisted_at);

CREATE TABLE application_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    application_id INTEGER NOT NULL REFERENCES applications (id),
    actor_id INTEGER REFERENCES employees (id),
    acting_for_id INTEGER REFERENCES employees (id),
    action TEXT NOT NULL,
    from_status TEXT,
    to_status TEXT NOT NULL,
    comment TEXT,
    details TEXT,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX application_events_application ON application_events (application_id, id);

CREATE TABLE notifications (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    employee_id INTEGER NOT NULL REFERENCES employees (id),
    application_id INTEGER REFERENCES applications (id),
    body TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    read_at TIMESTAMP
);
CREATE INDEX notifications_inbox ON notifications (employee_id, read_at, id);

-- Server-side sessions. `id` is the SHA-256 of the cookie's session key, so the table
-- alone cannot be used to take over a session.
CREATE TABLE sessions (
    id TEXT PRIMARY KEY NOT NULL,
    employee_id INTEGER REFERENCES employees (id),
    state TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    last_seen_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL
);
CREATE INDEX sessions_employee ON sessions (employee_id);
CREATE INDEX sessions_expires_at ON sessions (expires_at);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    actor_id INTEGER REFERENCES employees (id),
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    details TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX audit_log_created_at ON audit_log (created_at);

-- Instance-wide settings (secret key, pledge target, budget, deadline).
CREATE TABLE settings (
    name TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);
