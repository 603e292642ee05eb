-- The eligibility headcount of the program form counts active people by site type and job
-- family, with the rule's job families, site types, employment type and last hire date in
-- its WHERE (db::headcount). This index holds every column the count reads, in the order
-- it groups by, so the count reads the index alone and never the table.
CREATE INDEX employees_headcount ON employees (active, site_type, job_family, employment_type, hire_date);
