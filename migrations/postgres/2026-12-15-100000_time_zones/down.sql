ALTER TABLE employees DROP COLUMN time_zone;
