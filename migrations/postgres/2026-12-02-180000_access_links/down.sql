ALTER TABLE outbox DROP COLUMN link;
DROP TABLE access_links;
