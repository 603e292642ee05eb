-- The number of the pledge's participants, kept in step with `pledge_participants` in the
-- same transaction, so the dashboard reads one row instead of counting them.
CREATE TABLE pledge_participant_count (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    participants BIGINT NOT NULL
);
INSERT INTO pledge_participant_count (id, participants) SELECT 1, COUNT(*) FROM pledge_participants;
