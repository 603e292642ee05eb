DROP TRIGGER programs_changed ON programs;
DROP FUNCTION programs_changed();
DROP TABLE catalog_version;
