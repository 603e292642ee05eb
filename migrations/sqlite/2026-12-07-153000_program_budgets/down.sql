DROP TABLE commitment_totals;
ALTER TABLE programs DROP COLUMN seat_cost_cents;
ALTER TABLE programs DROP COLUMN annual_budget_cents;
