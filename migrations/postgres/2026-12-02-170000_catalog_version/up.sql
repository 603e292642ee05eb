-- A number that every change to `programs` moves on, in the changing transaction, and the
-- notification that tells every server's catalog (`NOTIFY upskill_programs`, delivered when
-- the change commits): whoever changes a program (a server, a command such as
-- `seed-programs`, an operator's SQL), every server hears of it. PostgreSQL servers are
-- told by the notification and do not read the number; SQLite servers compare it on each
-- catalog view (see the SQLite migration). Both schemas keep it so that they say the same.
CREATE TABLE catalog_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO catalog_version (id, version) VALUES (1, 1);

CREATE FUNCTION programs_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE catalog_version SET version = version + 1 WHERE id = 1;
    PERFORM pg_notify('upskill_programs', '');
    RETURN NULL;
END
$$;
CREATE TRIGGER programs_changed
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON programs
    FOR EACH STATEMENT EXECUTE FUNCTION programs_changed();
