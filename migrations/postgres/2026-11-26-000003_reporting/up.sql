-- Reporting: the applicant's site type kept on the application (reports count where
-- people worked when they applied), counters kept in step with every status change so
-- the dashboard never scans `applications`, and the pledge's participants.
ALTER TABLE applications ADD COLUMN site_type TEXT NOT NULL DEFAULT '';
UPDATE applications SET site_type = employees.site_type FROM employees WHERE employees.id = applications.employee_id;

CREATE INDEX applications_status_id ON applications (status, id);
CREATE INDEX applications_site_id ON applications (site_type, id);
CREATE INDEX applications_created ON applications (created_at, id);

CREATE TABLE application_stats (
    program_id INTEGER NOT NULL REFERENCES programs (id),
    site_type TEXT NOT NULL,
    month TEXT NOT NULL,
    status TEXT NOT NULL,
    applications BIGINT NOT NULL,
    covered_cents BIGINT NOT NULL,
    PRIMARY KEY (program_id, site_type, month, status)
);
INSERT INTO application_stats (program_id, site_type, month, status, applications, covered_cents)
SELECT program_id, site_type, to_char(created_at, 'YYYY-MM'), status, COUNT(*), COALESCE(SUM(covered_cents), 0)
FROM applications GROUP BY 1, 2, 3, 4;

CREATE TABLE pledge_participants (
    employee_id INTEGER PRIMARY KEY NOT NULL REFERENCES employees (id),
    first_completed_at TIMESTAMP NOT NULL
);
INSERT INTO pledge_participants (employee_id, first_completed_at)
SELECT employee_id, MIN(COALESCE(decided_at, updated_at)) FROM applications WHERE status = 'completed' GROUP BY employee_id;
