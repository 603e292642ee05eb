-- A number that every change to `programs` moves on, in the changing transaction: a
-- SQLite server keeps the published programs in memory and compares this one row on each
-- catalog view, so a change made by any process (another server on the same file, a
-- command such as `seed-programs`, an operator's SQL) is seen at the next view.
CREATE TABLE catalog_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO catalog_version (id, version) VALUES (1, 1);

CREATE TRIGGER programs_inserted_move_catalog_version AFTER INSERT ON programs
BEGIN
    UPDATE catalog_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER programs_updated_move_catalog_version AFTER UPDATE ON programs
BEGIN
    UPDATE catalog_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER programs_deleted_move_catalog_version AFTER DELETE ON programs
BEGIN
    UPDATE catalog_version SET version = version + 1 WHERE id = 1;
END;
