-- Uploaded HR files between their preview and their commit. Kept in the database, not on
-- the server that took the upload, so that any app server can commit what another one
-- previewed. A row is deleted when its import is committed (or replaced by a newer upload).
CREATE TABLE employee_imports (
    id SERIAL PRIMARY KEY,
    admin_id INTEGER NOT NULL REFERENCES employees (id),
    file_name TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL,
    csv_text TEXT NOT NULL,
    sha256 TEXT NOT NULL
);
CREATE INDEX employee_imports_admin ON employee_imports (admin_id, created_at);
