DROP TABLE employee_history;
