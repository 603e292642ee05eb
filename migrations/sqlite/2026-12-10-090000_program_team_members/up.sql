-- A program's team: the people who run it (owners and coordinators). A member manages
-- that program, its intakes, its program-team approval stage, its evidence, payments and
-- completions, and sees its applications; nothing of other programs. Admins name them.
CREATE TABLE program_team_members (
    program_id INTEGER NOT NULL REFERENCES programs (id),
    employee_id INTEGER NOT NULL REFERENCES employees (id),
    role TEXT NOT NULL CHECK (role IN ('owner', 'coordinator')),
    added_by INTEGER REFERENCES employees (id),
    added_at TIMESTAMP NOT NULL,
    PRIMARY KEY (program_id, employee_id)
);
-- Which programs a person runs (read on every request of a signed-in person).
CREATE INDEX program_team_members_employee ON program_team_members (employee_id, program_id);
