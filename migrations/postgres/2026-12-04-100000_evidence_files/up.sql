-- Files attached to an application (an enrolment letter, an invoice, a certificate),
-- kept in the database so that every server of a cluster can serve them and a backup
-- holds them. `content_type` is what the file's first bytes say it is (pdf, png, jpeg),
-- never what its name or the browser claimed; `original_name` is the name cleaned of
-- folders and control characters. Lists read every column but `content`.
CREATE TABLE evidence_files (
    id SERIAL PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES applications (id),
    uploaded_by INTEGER NOT NULL REFERENCES employees (id),
    uploaded_at TIMESTAMP NOT NULL,
    original_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL CHECK (size_bytes > 0),
    sha256 TEXT NOT NULL,
    content BYTEA NOT NULL
);
CREATE INDEX evidence_files_application ON evidence_files (application_id, id);
-- PDFs, PNGs and JPEGs are compressed already: stored out of line without trying again.
ALTER TABLE evidence_files ALTER COLUMN content SET STORAGE EXTERNAL;
