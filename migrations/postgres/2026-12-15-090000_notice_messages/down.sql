ALTER TABLE outbox DROP COLUMN message;
ALTER TABLE notifications DROP COLUMN message;
