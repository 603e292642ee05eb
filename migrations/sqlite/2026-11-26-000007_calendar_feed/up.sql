-- Each employee's calendar feed: the SHA-256 of the secret token in its subscription
-- address (never the token itself). One feed per employee: a new address replaces the
-- row, turning the feed off deletes it.
CREATE TABLE calendar_feeds (
    employee_id INTEGER PRIMARY KEY REFERENCES employees (id),
    token_hash TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX calendar_feeds_token_hash ON calendar_feeds (token_hash);
