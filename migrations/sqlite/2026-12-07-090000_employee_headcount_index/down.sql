DROP INDEX employees_headcount;
