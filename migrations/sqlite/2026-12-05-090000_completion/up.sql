-- What happens after the yes. Each program says what it asks of someone who finished it
-- (`completion_evidence`: none, a file, or credential details; `completion_note`: what
-- exactly, in words) and who confirms it (`verified_by`: the program team, or automatic
-- acceptance of complete credential details).
ALTER TABLE programs ADD COLUMN completion_evidence TEXT NOT NULL DEFAULT 'none';
ALTER TABLE programs ADD COLUMN verified_by TEXT NOT NULL DEFAULT 'program_team';
ALTER TABLE programs ADD COLUMN completion_note TEXT NOT NULL DEFAULT '';

-- The standard programs' rules, for a catalog seeded before they existed.
UPDATE programs SET completion_evidence = 'file', completion_note = 'Your grade report or transcript for the term.'
    WHERE slug = 'career-choice';
UPDATE programs SET completion_evidence = 'credential', completion_note = 'Your apprenticeship certificate and its number.'
    WHERE slug = 'amazon-apprenticeship';
UPDATE programs SET completion_evidence = 'credential', verified_by = 'auto',
    completion_note = 'The AWS certification you earned: its name, credential ID, the date earned and its verification link.'
    WHERE slug = 'aws-training-and-certification';

-- The date a program was completed (as the employee says, then as the program team
-- confirms), and when the evidence was last sent (the verification queue's order).
ALTER TABLE applications ADD COLUMN completed_on DATE;
ALTER TABLE applications ADD COLUMN completion_submitted_at TIMESTAMP;
CREATE INDEX applications_verification_queue ON applications (status, completion_submitted_at, id);

-- Evidence waiting for the program team or sent back to its owner is still an active
-- application: one per employee and program, as before.
DROP INDEX applications_one_active;
CREATE UNIQUE INDEX applications_one_active
    ON applications (employee_id, program_id)
    WHERE status IN ('submitted', 'changes_requested', 'manager_approved', 'approved', 'waitlisted',
                     'completion_submitted', 'completion_returned');

-- A certificate or certification recorded for an application of a credential program:
-- one per application, replaced when the owner sends it again.
CREATE TABLE credentials (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    application_id INTEGER NOT NULL UNIQUE REFERENCES applications (id),
    name TEXT NOT NULL,
    credential_id TEXT NOT NULL,
    earned_on DATE NOT NULL,
    verification_url TEXT,
    recorded_by INTEGER NOT NULL REFERENCES employees (id),
    recorded_at TIMESTAMP NOT NULL
);
