DROP TABLE comparison_totals;
DROP TABLE paid_by_month;
DROP TABLE move_delay_totals;
DROP TABLE outcome_totals;
DROP TABLE completion_outcomes;
ALTER TABLE programs DROP COLUMN target_title_keywords;
ALTER TABLE programs DROP COLUMN target_job_families;
