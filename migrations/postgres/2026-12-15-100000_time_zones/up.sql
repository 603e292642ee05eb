-- The IANA time zone a person reads times in (chosen on their account page); none means
-- the server's --default-time-zone.
ALTER TABLE employees ADD COLUMN time_zone TEXT;
