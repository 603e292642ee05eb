-- Sign-in failures and password-reset requests, counted for the whole cluster: one row
-- per key (its scope and subject) holding the current window's start and count. A
-- window starts with its first attempt and lasts the scope's period (an hour, or a
-- minute for one address's failures); a later attempt starts a new one.
CREATE TABLE attempt_counts (
    scope TEXT NOT NULL,
    subject TEXT NOT NULL,
    started_at TIMESTAMP NOT NULL,
    attempts INTEGER NOT NULL,
    PRIMARY KEY (scope, subject)
);
CREATE INDEX attempt_counts_started ON attempt_counts (started_at);
