-- One-time links that let a person choose a password: an invitation (7 days) or a reset
-- asked for on the sign-in page (1 hour). Only the SHA-256 of the link's token is kept;
-- a link is used once (`used_at`), and a newer link of the same kind replaces the older.
CREATE TABLE access_links (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    employee_id INTEGER NOT NULL REFERENCES employees (id),
    purpose TEXT NOT NULL,
    token_hash TEXT NOT NULL,
    created_by INTEGER REFERENCES employees (id),
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP
);
CREATE UNIQUE INDEX access_links_token_hash ON access_links (token_hash);
CREATE INDEX access_links_employee ON access_links (employee_id, purpose);

-- The address a message's button leads to when it is not an application (a sign-in
-- link): removed from the row once the message is sent.
ALTER TABLE outbox ADD COLUMN link TEXT;
