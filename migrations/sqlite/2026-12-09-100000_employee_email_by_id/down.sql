-- On PostgreSQL this migration adds employees (id) INCLUDE (email) for the outcome exports'
-- join. SQLite finds a row by its id in the table's own B-tree: nothing to add.
SELECT 1;
