-- A person's job history: one row each time something that outcomes follow changed
-- (job title, job family, site type, employment type, manager, active), effective on a
-- date, with where the change came from (import, scim, admin, provision) and, when
-- active turns false, the day they left and why (voluntary, involuntary, retirement,
-- other; NULL when nobody said). Rows are only ever added.
CREATE TABLE employee_history (
    id SERIAL PRIMARY KEY,
    employee_id INTEGER NOT NULL REFERENCES employees (id),
    effective_on DATE NOT NULL,
    job_title TEXT NOT NULL,
    job_family TEXT NOT NULL,
    site_type TEXT NOT NULL,
    employment_type TEXT NOT NULL,
    manager_id INTEGER REFERENCES employees (id),
    active BOOLEAN NOT NULL,
    source TEXT NOT NULL,
    left_on DATE,
    leaving_reason TEXT,
    recorded_at TIMESTAMP NOT NULL,
    recorded_by INTEGER REFERENCES employees (id)
);
CREATE INDEX employee_history_employee ON employee_history (employee_id, effective_on, id);

-- Everyone already here starts with one row as they are now, from their hire date: they
-- came from the HR system before history was kept. A departure's date and reason were
-- not recorded then, so they stay NULL.
INSERT INTO employee_history
    (employee_id, effective_on, job_title, job_family, site_type, employment_type, manager_id, active, source,
     recorded_at)
SELECT id, hire_date, job_title, job_family, site_type, employment_type, manager_id, active, 'import', created_at
FROM employees
ORDER BY id;
