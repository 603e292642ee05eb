-- The active administrators, a handful among hundreds of thousands of people: every
-- manager's approval that goes on to the program team tells them, inside a transaction
-- that holds the intake's lock. Without this index each such approval read all of
-- `employees` (db::employees::active_admins).
CREATE INDEX employees_admins ON employees (is_admin, active);
