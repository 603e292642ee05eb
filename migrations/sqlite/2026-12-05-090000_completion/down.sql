DROP TABLE credentials;
DROP INDEX applications_one_active;
CREATE UNIQUE INDEX applications_one_active
    ON applications (employee_id, program_id)
    WHERE status IN ('submitted', 'changes_requested', 'manager_approved', 'approved', 'waitlisted');
DROP INDEX applications_verification_queue;
ALTER TABLE applications DROP COLUMN completion_submitted_at;
ALTER TABLE applications DROP COLUMN completed_on;
ALTER TABLE programs DROP COLUMN completion_note;
ALTER TABLE programs DROP COLUMN verified_by;
ALTER TABLE programs DROP COLUMN completion_evidence;
