DROP TABLE due_totals;
DROP TABLE payment_totals;
DROP INDEX applications_payment_due;
DROP TABLE tuition_payments;
ALTER TABLE applications DROP COLUMN approved_at;
ALTER TABLE applications DROP COLUMN paid_cents;
