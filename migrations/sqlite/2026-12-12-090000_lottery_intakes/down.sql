DROP INDEX applications_one_active;
CREATE UNIQUE INDEX applications_one_active
    ON applications (employee_id, program_id)
    WHERE status IN ('submitted', 'changes_requested', 'manager_approved', 'approved', 'waitlisted',
                     'completion_submitted', 'completion_returned');
DROP TABLE intake_draw_order;
ALTER TABLE intakes DROP COLUMN draw_seed;
ALTER TABLE intakes DROP COLUMN drawn_at;
ALTER TABLE intakes DROP COLUMN priority;
ALTER TABLE intakes DROP COLUMN closes_on;
ALTER TABLE intakes DROP COLUMN opens_on;
ALTER TABLE intakes DROP COLUMN allocation;
