DROP INDEX employees_email_by_id;
