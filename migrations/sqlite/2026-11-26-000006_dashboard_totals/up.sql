-- The number of the pledge's participants, kept in step with `pledge_participants` in the
-- same transaction, so the dashboard reads one row instead of counting them.
CREATE TABLE pledge_participant_count (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    participants BIGINT NOT NULL
);
INSERT INTO pledge_participant_count (id, participants) SELECT 1, COUNT(*) FROM pledge_participants;

-- The dashboard sums the counters by month and status, and by site type: these indexes
-- hold every column those sums read, in the order they group by (no sort, no table).
CREATE INDEX application_stats_by_month ON application_stats (month, status, applications, covered_cents);
CREATE INDEX application_stats_by_site ON application_stats (site_type, applications);
