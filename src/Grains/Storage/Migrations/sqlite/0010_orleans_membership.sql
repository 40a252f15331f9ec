-- PostgreSQL's 0010 creates Orleans' membership tables and queries. On SQLite the studio is one
-- process with localhost clustering, which keeps membership in memory: this version changes
-- nothing here and keeps both engines on the same numbers.
SELECT 1;
