DROP TABLE pledge_participants;
DROP TABLE application_stats;
DROP INDEX applications_created;
DROP INDEX applications_site_id;
DROP INDEX applications_status_id;
ALTER TABLE applications DROP COLUMN site_type;
