ALTER TABLE programs DROP COLUMN start_url;
