-- Tuition payments: what the company paid a school for an approved tuition application.
-- `applications.paid_cents` is their sum, kept in the same transaction as each payment,
-- so that the list of what is still due (covered > paid) is read by index.
-- `applications.approved_at` is when the place was given (decided_at moves on at
-- completion); a payment can't be dated before it.
ALTER TABLE applications ADD COLUMN paid_cents BIGINT NOT NULL DEFAULT 0;
ALTER TABLE applications ADD COLUMN approved_at TIMESTAMP;
UPDATE applications SET approved_at = (
    SELECT max(e.created_at) FROM application_events e
    WHERE e.application_id = applications.id AND e.action IN ('approved', 'approved_at_once', 'promoted')
) WHERE status IN ('approved', 'completed');
UPDATE applications SET approved_at = coalesce(decided_at, updated_at)
    WHERE status IN ('approved', 'completed', 'completion_submitted', 'completion_returned', 'not_completed')
        AND approved_at IS NULL;

CREATE TABLE tuition_payments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    application_id INTEGER NOT NULL REFERENCES applications (id),
    invoice_number TEXT NOT NULL,
    amount_cents BIGINT NOT NULL CHECK (amount_cents > 0),
    paid_on DATE NOT NULL,
    reference TEXT NOT NULL DEFAULT '',
    recorded_by INTEGER NOT NULL REFERENCES employees (id),
    recorded_at TIMESTAMP NOT NULL
);
-- One payment per invoice of an application; also the application's payments in order.
CREATE UNIQUE INDEX tuition_payments_invoice ON tuition_payments (application_id, invoice_number);
-- The list of payments, newest first, and its paid-on range.
CREATE INDEX tuition_payments_paid_on ON tuition_payments (paid_on, id);
-- The search by invoice number.
CREATE INDEX tuition_payments_invoice_number ON tuition_payments (invoice_number);
-- Payments are records: the database refuses to change or delete them.
CREATE TRIGGER tuition_payments_no_update BEFORE UPDATE ON tuition_payments
BEGIN SELECT RAISE(ABORT, 'tuition_payments is append-only'); END;
CREATE TRIGGER tuition_payments_no_delete BEFORE DELETE ON tuition_payments
BEGIN SELECT RAISE(ABORT, 'tuition_payments is append-only'); END;

-- What is due: places whose covered amount is not paid in full, oldest approval first.
-- The statuses are those of domain::payment::accepts_payment; a change there recreates
-- this index. `+status` (as db::payments::due_condition writes it) keeps SQLite, which
-- has no statistics to tell it this index is small, from reading every approved
-- application through applications_status_id and sorting them instead.
CREATE INDEX applications_payment_due ON applications (approved_at, id)
    WHERE +status IN ('approved', 'completed', 'completion_submitted', 'completion_returned', 'not_completed')
        AND covered_cents > paid_cents;

-- Payments counted per program and day paid: the dashboard's "paid so far" and the
-- payments list's totals (all, a program, a range of days) read these rows, never every
-- payment. Kept by db::payments::count_payment in the payment's transaction.
CREATE TABLE payment_totals (
    program_id INTEGER NOT NULL REFERENCES programs (id),
    paid_on DATE NOT NULL,
    payments BIGINT NOT NULL DEFAULT 0,
    paid_cents BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (program_id, paid_on)
);

-- What is due counted per program and day of approval: the places not paid in full, their
-- covered and paid amounts. Moved by every status change and payment in its transaction
-- (db::payments::count_due), so the list of what is due totals itself from these rows.
CREATE TABLE due_totals (
    program_id INTEGER NOT NULL REFERENCES programs (id),
    approved_on DATE NOT NULL,
    places BIGINT NOT NULL DEFAULT 0,
    covered_cents BIGINT NOT NULL DEFAULT 0,
    paid_cents BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (program_id, approved_on)
);
INSERT INTO due_totals (program_id, approved_on, places, covered_cents, paid_cents)
    SELECT program_id, date(approved_at), COUNT(*), SUM(covered_cents), SUM(paid_cents) FROM applications
    WHERE +status IN ('approved', 'completed', 'completion_submitted', 'completion_returned', 'not_completed')
        AND covered_cents > paid_cents AND approved_at IS NOT NULL
    GROUP BY program_id, date(approved_at);
