-- The language a person chose on their account page (a catalog's tag: en, es); none
-- means their browser's languages decide, then the server's --default-locale.
ALTER TABLE employees ADD COLUMN locale TEXT;
