-- On SQLite this migration keeps outcome_totals and move_delay_totals in the order the
-- dashboard sums them (WITHOUT ROWID, the month last in the key). PostgreSQL keeps no row
-- order and sums these few thousand rows with a hash aggregate: nothing to change.
SELECT 1;
