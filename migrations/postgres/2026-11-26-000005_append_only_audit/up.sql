-- The audit log and the application timeline are append-only: the database itself
-- refuses to change or delete their rows.
CREATE FUNCTION refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER application_events_append_only BEFORE UPDATE OR DELETE ON application_events
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

CREATE INDEX applications_program_id ON applications (program_id, id);
CREATE INDEX audit_log_action ON audit_log (action, id);
