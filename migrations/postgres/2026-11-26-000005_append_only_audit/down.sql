DROP INDEX audit_log_action;
DROP INDEX applications_program_id;
DROP TRIGGER application_events_append_only ON application_events;
DROP TRIGGER audit_log_append_only ON audit_log;
DROP FUNCTION refuse_change();
