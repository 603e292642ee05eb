-- The dashboard sums outcome_totals and move_delay_totals over every month by program,
-- site type and horizon (or months to a move). With the month last in the primary key and
-- the rows kept in the key's order (WITHOUT ROWID), the sum reads the table in its own
-- order: no sort of thirteen thousand rows, no lookup from an index into the table. The
-- columns keep their order; the key is the same set of columns, so the writers' upserts
-- are unchanged.
CREATE TABLE outcome_totals_in_order (
    program_id INTEGER NOT NULL,
    site_type TEXT NOT NULL,
    month TEXT NOT NULL,
    horizon INTEGER NOT NULL,
    outcome TEXT NOT NULL,
    participants BIGINT NOT NULL,
    PRIMARY KEY (program_id, site_type, horizon, outcome, month)
) WITHOUT ROWID;
INSERT INTO outcome_totals_in_order (program_id, site_type, month, horizon, outcome, participants)
    SELECT program_id, site_type, month, horizon, outcome, participants FROM outcome_totals;
DROP TABLE outcome_totals;
ALTER TABLE outcome_totals_in_order RENAME TO outcome_totals;

CREATE TABLE move_delay_totals_in_order (
    program_id INTEGER NOT NULL,
    site_type TEXT NOT NULL,
    month TEXT NOT NULL,
    months_to_move INTEGER NOT NULL,
    participants BIGINT NOT NULL,
    PRIMARY KEY (program_id, site_type, months_to_move, month)
) WITHOUT ROWID;
INSERT INTO move_delay_totals_in_order (program_id, site_type, month, months_to_move, participants)
    SELECT program_id, site_type, month, months_to_move, participants FROM move_delay_totals;
DROP TABLE move_delay_totals;
ALTER TABLE move_delay_totals_in_order RENAME TO move_delay_totals;
