-- What a notice says as a catalog message and its values (JSON, `domain::message`), so
-- that the inbox and the e-mail word it in the reader's language; `body` keeps the
-- English words it was written with (and is what older notices have).
ALTER TABLE notifications ADD COLUMN message TEXT;
ALTER TABLE outbox ADD COLUMN message TEXT;
