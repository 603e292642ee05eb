-- How an intake gives its seats: first come, first served (as before), or a lottery.
-- A lottery intake takes applications from `opens_on` to `closes_on` (both days
-- included); approvals in that window wait `in_draw`, and the day after the close the
-- seats are drawn once (`drawn_at`) from a seed everyone can recompute (`draw_seed`,
-- `domain::lottery`). `priority`: 'none', or 'first_time' (people who did not complete a
-- program in the 12 months before the close come first).
ALTER TABLE intakes ADD COLUMN allocation TEXT NOT NULL DEFAULT 'first_come'
    CHECK (allocation IN ('first_come', 'lottery'));
ALTER TABLE intakes ADD COLUMN opens_on DATE;
ALTER TABLE intakes ADD COLUMN closes_on DATE;
ALTER TABLE intakes ADD COLUMN priority TEXT NOT NULL DEFAULT 'none' CHECK (priority IN ('none', 'first_time'));
ALTER TABLE intakes ADD COLUMN drawn_at TIMESTAMP;
ALTER TABLE intakes ADD COLUMN draw_seed TEXT;

-- The published draw: every application in it, in the order drawn, whether its
-- applicant had completed a program in the 12 months before the close (what the
-- priority looked at), and whether it got a place. Never changed after the draw.
CREATE TABLE intake_draw_order (
    intake_id INTEGER NOT NULL REFERENCES intakes (id),
    position INTEGER NOT NULL,
    application_id INTEGER NOT NULL UNIQUE REFERENCES applications (id),
    recent_completer BOOLEAN NOT NULL,
    placed BOOLEAN NOT NULL,
    PRIMARY KEY (intake_id, position)
);

-- An application in the draw is active: one per employee and program, as before.
DROP INDEX applications_one_active;
CREATE UNIQUE INDEX applications_one_active
    ON applications (employee_id, program_id)
    WHERE status IN ('submitted', 'changes_requested', 'manager_approved', 'approved', 'waitlisted',
                     'completion_submitted', 'completion_returned', 'in_draw');
