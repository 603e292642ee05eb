-- Waitlist control. An intake may offer a freed seat to the next person in line instead
-- of giving it at once: `offer_days` working days to accept it (none: given at once, as
-- before). An offered application holds the seat until `offer_expires_at`; after that the
-- offer lapses and the seat is offered to the next person.
ALTER TABLE intakes ADD COLUMN offer_days INTEGER CHECK (offer_days BETWEEN 1 AND 20);
ALTER TABLE applications ADD COLUMN offer_expires_at TIMESTAMP;

-- An offered application is active: one per employee and program, as before.
DROP INDEX applications_one_active;
CREATE UNIQUE INDEX applications_one_active
    ON applications (employee_id, program_id)
    WHERE status IN ('submitted', 'changes_requested', 'manager_approved', 'approved', 'waitlisted',
                     'completion_submitted', 'completion_returned', 'in_draw', 'offered');

-- The offers the scheduler looks at for lapsing.
CREATE INDEX applications_offer_expiry ON applications (offer_expires_at) WHERE status = 'offered';
