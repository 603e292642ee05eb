-- Program budgets: what a program may commit in a calendar year (NULL: no budget set),
-- and for a cohort program what one place in an intake costs (NULL: none counted).
-- Existing programs get neither: a budget is the organisation's decision.
ALTER TABLE programs ADD COLUMN annual_budget_cents BIGINT;
ALTER TABLE programs ADD COLUMN seat_cost_cents BIGINT;

-- What programs committed, per program and day a place was given: the places that hold
-- one (the seat-holding statuses of domain::budget::commits) and their covered tuition.
-- A program's commitment in a year is its covered tuition plus its places times its seat
-- cost, summed over the year's rows. Moved by every status change and covered-amount
-- change in its transaction (db::budgets::count_commitment), so that the approval's
-- budget check and the dashboard read these rows, never the applications.
CREATE TABLE commitment_totals (
    program_id INTEGER NOT NULL REFERENCES programs (id),
    approved_on DATE NOT NULL,
    places BIGINT NOT NULL DEFAULT 0,
    covered_cents BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (program_id, approved_on)
);
INSERT INTO commitment_totals (program_id, approved_on, places, covered_cents)
    SELECT program_id, CAST(approved_at AS DATE), COUNT(*), COALESCE(SUM(covered_cents), 0) FROM applications
    WHERE status IN ('approved', 'completion_submitted', 'completion_returned', 'completed', 'not_completed')
        AND approved_at IS NOT NULL
    GROUP BY program_id, CAST(approved_at AS DATE);
