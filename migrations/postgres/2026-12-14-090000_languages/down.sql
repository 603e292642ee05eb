ALTER TABLE employees DROP COLUMN locale;
