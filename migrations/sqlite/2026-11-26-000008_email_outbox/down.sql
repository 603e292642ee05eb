DROP TABLE leases;
DROP TABLE email_preferences;
DROP TABLE outbox;
