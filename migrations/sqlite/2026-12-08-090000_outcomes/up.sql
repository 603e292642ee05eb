-- The roles a program leads to: job families (comma-separated keys; empty means any new
-- role counts) and optional job-title keywords (comma-separated, any of them matches,
-- case-insensitive; empty means any title in those families).
ALTER TABLE programs ADD COLUMN target_job_families TEXT NOT NULL DEFAULT '';
ALTER TABLE programs ADD COLUMN target_title_keywords TEXT NOT NULL DEFAULT '';
-- The seed programs as `upskill seed-programs` now writes them (Career Choice and AWS
-- Training and Certification: any next step counts).
UPDATE programs SET target_job_families = 'technical', target_title_keywords = 'software, developer, engineer'
WHERE slug = 'amazon-technical-academy';
UPDATE programs SET target_job_families = 'technical' WHERE slug IN ('associate2tech', 'amazon-apprenticeship');
UPDATE programs SET target_job_families = 'technical',
    target_title_keywords = 'machine learning, ml, data scientist, applied scientist'
WHERE slug = 'machine-learning-university';

-- What each verified completion led to, computed from the job history (never typed in):
-- the participant at the start (site type of the application, job family, tenure band),
-- the day they applied (the dashboard's period follows applications),
-- the outcome 6, 12 and 24 months after completion ('pending' until that day comes) and
-- today (what the funnel's "moved" counts), the first day in a new role, and when the
-- row must be looked at again (the next horizon). Rewritten in the transaction that
-- completes the application or records a history row, and by the scheduler on the day
-- a horizon is reached.
CREATE TABLE completion_outcomes (
    application_id INTEGER PRIMARY KEY REFERENCES applications (id),
    employee_id INTEGER NOT NULL REFERENCES employees (id),
    program_id INTEGER NOT NULL REFERENCES programs (id),
    site_type TEXT NOT NULL,
    job_family TEXT NOT NULL,
    tenure_band TEXT NOT NULL,
    applied_on DATE NOT NULL,
    started_on DATE NOT NULL,
    completed_on DATE NOT NULL,
    outcome_6 TEXT NOT NULL,
    outcome_12 TEXT NOT NULL,
    outcome_24 TEXT NOT NULL,
    outcome_to_date TEXT NOT NULL,
    moved_on DATE,
    next_check_on DATE
);
CREATE INDEX completion_outcomes_employee ON completion_outcomes (employee_id);
CREATE INDEX completion_outcomes_next_check ON completion_outcomes (next_check_on);
CREATE INDEX completion_outcomes_applied ON completion_outcomes (applied_on, application_id);

-- The outcomes counted, kept in step with completion_outcomes in the same transaction:
-- participants per program, site type, month of application (as application_stats),
-- horizon (months after the completion; 0 for today) and outcome. The dashboard sums
-- these few thousand rows.
CREATE TABLE outcome_totals (
    program_id INTEGER NOT NULL,
    site_type TEXT NOT NULL,
    month TEXT NOT NULL,
    horizon INTEGER NOT NULL,
    outcome TEXT NOT NULL,
    participants BIGINT NOT NULL,
    PRIMARY KEY (program_id, site_type, month, horizon, outcome)
);

-- How long participants took to move into a new role: participants per program, site
-- type, month of application and whole months from the completion to the first day in
-- another role, kept with outcome_totals (the dashboard's median time to a move).
CREATE TABLE move_delay_totals (
    program_id INTEGER NOT NULL,
    site_type TEXT NOT NULL,
    month TEXT NOT NULL,
    months_to_move INTEGER NOT NULL,
    participants BIGINT NOT NULL,
    PRIMARY KEY (program_id, site_type, month, months_to_move)
);

-- Tuition paid per program and month of application (as application_stats), moved with
-- every payment: what the dashboard's cost per person upskilled divides.
CREATE TABLE paid_by_month (
    program_id INTEGER NOT NULL,
    month TEXT NOT NULL,
    paid_cents BIGINT NOT NULL,
    PRIMARY KEY (program_id, month)
);
INSERT INTO paid_by_month (program_id, month, paid_cents)
SELECT program_id, strftime('%Y-%m', created_at), SUM(paid_cents) FROM applications WHERE paid_cents <> 0
GROUP BY program_id, strftime('%Y-%m', created_at);

-- The comparison group (domain::comparison), computed once a day by the scheduler: per
-- program and month of application, the participants whose 12-month outcome is known,
-- those matched with enough colleagues of the same site type, job family and tenure
-- band, how many of them stayed and moved, and what their colleagues' rates predict (in
-- thousandths of a person).
CREATE TABLE comparison_totals (
    program_id INTEGER NOT NULL,
    month TEXT NOT NULL,
    participants BIGINT NOT NULL,
    matched BIGINT NOT NULL,
    stayed BIGINT NOT NULL,
    moved BIGINT NOT NULL,
    expected_stayed_milli BIGINT NOT NULL,
    expected_moved_milli BIGINT NOT NULL,
    PRIMARY KEY (program_id, month)
);
