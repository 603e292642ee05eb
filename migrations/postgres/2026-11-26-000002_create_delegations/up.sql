-- A manager away names someone to decide in their place for a date range.
CREATE TABLE delegations (
    id SERIAL PRIMARY KEY,
    manager_id INTEGER NOT NULL REFERENCES employees (id),
    delegate_id INTEGER NOT NULL REFERENCES employees (id),
    starts_on DATE NOT NULL,
    ends_on DATE NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX delegations_delegate ON delegations (delegate_id, ends_on);
CREATE INDEX delegations_manager ON delegations (manager_id, ends_on);
