CREATE TABLE outcome_totals_by_month (
    program_id INTEGER NOT NULL,
    site_type TEXT NOT NULL,
    month TEXT NOT NULL,
    horizon INTEGER NOT NULL,
    outcome TEXT NOT NULL,
    participants BIGINT NOT NULL,
    PRIMARY KEY (program_id, site_type, month, horizon, outcome)
);
INSERT INTO outcome_totals_by_month SELECT program_id, site_type, month, horizon, outcome, participants FROM outcome_totals;
DROP TABLE outcome_totals;
ALTER TABLE outcome_totals_by_month RENAME TO outcome_totals;

CREATE TABLE move_delay_totals_by_month (
    program_id INTEGER NOT NULL,
    site_type TEXT NOT NULL,
    month TEXT NOT NULL,
    months_to_move INTEGER NOT NULL,
    participants BIGINT NOT NULL,
    PRIMARY KEY (program_id, site_type, month, months_to_move)
);
INSERT INTO move_delay_totals_by_month SELECT program_id, site_type, month, months_to_move, participants FROM move_delay_totals;
DROP TABLE move_delay_totals;
ALTER TABLE move_delay_totals_by_month RENAME TO move_delay_totals;
