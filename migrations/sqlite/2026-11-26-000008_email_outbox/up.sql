-- E-mail that is to go out. Written in the same transaction as the notification or
-- reminder it carries; sent by a background sender that claims rows (claim_token,
-- claimed_until) so that several servers never send the same row.
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    employee_id INTEGER NOT NULL REFERENCES employees (id),
    application_id INTEGER REFERENCES applications (id),
    -- notice (a notification), reminder (an approval waiting too long), digest.
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    -- Waits for the recipient's daily digest instead of going out on its own.
    in_digest BOOLEAN NOT NULL DEFAULT FALSE,
    -- The digest that carried this row.
    digest_id INTEGER REFERENCES outbox (id),
    -- Reminders are written once per application, level, recipient and waiting period.
    dedupe_key TEXT UNIQUE,
    created_at TIMESTAMP NOT NULL,
    send_after TIMESTAMP NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    claim_token TEXT,
    claimed_until TIMESTAMP,
    sent_at TIMESTAMP,
    failed_at TIMESTAMP,
    last_error TEXT
);
-- The sender's queue and the digest's: rows neither sent nor given up.
CREATE INDEX outbox_pending ON outbox (in_digest, send_after, id) WHERE sent_at IS NULL AND failed_at IS NULL;
CREATE INDEX outbox_digest_items ON outbox (digest_id);
-- Tidying deletes finished rows by age.
CREATE INDEX outbox_created_at ON outbox (created_at);

-- Who takes a daily digest instead of one e-mail per event (absent: one per event).
CREATE TABLE email_preferences (
    employee_id INTEGER PRIMARY KEY REFERENCES employees (id),
    daily_digest BOOLEAN NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

-- Work that one server of a cluster does at a time (reminders, digests): the server
-- holding an unexpired lease does it.
CREATE TABLE leases (
    name TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    expires_at TIMESTAMP NOT NULL
);
