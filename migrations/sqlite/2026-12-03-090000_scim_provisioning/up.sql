-- SCIM provisioning. The bearer tokens an identity provider uses: only the SHA-256 of
-- each token is kept; a revoked token stays listed (who made it, who revoked it).
CREATE TABLE scim_tokens (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    created_by INTEGER REFERENCES employees (id),
    last_used_at TIMESTAMP,
    revoked_at TIMESTAMP,
    revoked_by INTEGER REFERENCES employees (id)
);
CREATE UNIQUE INDEX scim_tokens_token_hash ON scim_tokens (token_hash);

-- What the identity provider says of a person beyond the employee record: its own id
-- (externalId), the enterprise attributes Upskill keeps, the name in parts, and when
-- the provider deleted the person (the row of `employees` stays, deactivated: their
-- applications are history).
CREATE TABLE scim_users (
    employee_id INTEGER PRIMARY KEY REFERENCES employees (id),
    external_id TEXT,
    employee_number TEXT NOT NULL DEFAULT '',
    department TEXT NOT NULL DEFAULT '',
    given_name TEXT NOT NULL DEFAULT '',
    family_name TEXT NOT NULL DEFAULT '',
    updated_at TIMESTAMP NOT NULL,
    deleted_at TIMESTAMP
);
CREATE INDEX scim_users_external_id ON scim_users (external_id);
