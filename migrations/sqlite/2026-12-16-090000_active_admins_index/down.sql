DROP INDEX employees_admins;
