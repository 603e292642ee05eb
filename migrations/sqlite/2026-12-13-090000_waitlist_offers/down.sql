DROP INDEX applications_offer_expiry;
DROP INDEX applications_one_active;
CREATE UNIQUE INDEX applications_one_active
    ON applications (employee_id, program_id)
    WHERE status IN ('submitted', 'changes_requested', 'manager_approved', 'approved', 'waitlisted',
                     'completion_submitted', 'completion_returned', 'in_draw');
ALTER TABLE applications DROP COLUMN offer_expires_at;
ALTER TABLE intakes DROP COLUMN offer_days;
