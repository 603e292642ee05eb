DROP INDEX audit_log_action;
DROP INDEX applications_program_id;
DROP TRIGGER application_events_no_delete;
DROP TRIGGER application_events_no_update;
DROP TRIGGER audit_log_no_delete;
DROP TRIGGER audit_log_no_update;
