-- PostgreSQL's 0008 tunes autovacuum for the queue; SQLite has no autovacuum settings per
-- table, so this version changes nothing here and keeps both engines on the same numbers.
SELECT 1;
