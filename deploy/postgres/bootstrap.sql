-- VideoGen Studio database: run as the postgres superuser through bootstrap.sh, which
-- passes the password as :'password'. Safe to run again.
SELECT format('CREATE ROLE videogen LOGIN PASSWORD %L', :'password')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'videogen') \gexec
SELECT format('ALTER ROLE videogen PASSWORD %L', :'password') \gexec

SELECT 'CREATE DATABASE videogen OWNER videogen ENCODING ''UTF8'''
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'videogen') \gexec

\connect videogen
-- The studio creates its own tables (versioned migrations at start); it owns the schema.
ALTER SCHEMA public OWNER TO videogen;
-- Every web node and silo keeps a small pool (Maximum Pool Size in its connection string).
ALTER ROLE videogen CONNECTION LIMIT 200;
-- A stuck client must not hold row locks of the job queue forever.
ALTER ROLE videogen SET idle_in_transaction_session_timeout = '60s';
