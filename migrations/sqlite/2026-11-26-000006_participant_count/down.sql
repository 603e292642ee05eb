DROP TABLE pledge_participant_count;
