#!/usr/bin/env bash
# Creates the videogen role and database and tunes autovacuum for the job queue.
# Run on the database host as root:  VIDEOGEN_DB_PASSWORD=... ./bootstrap.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
: "${VIDEOGEN_DB_PASSWORD:?set VIDEOGEN_DB_PASSWORD to the password the web nodes and silos will use}"

psql_as_postgres() { runuser -u postgres -- psql -v ON_ERROR_STOP=1 -q "$@"; }

psql_as_postgres -v password="$VIDEOGEN_DB_PASSWORD" -f "$here/bootstrap.sql"

# The jobs table churns (claim, progress, complete on every job): the studio's migration
# sets per-table scale factors; these server-wide settings let autovacuum keep up on it.
psql_as_postgres -f "$here/autovacuum.sql"
runuser -u postgres -- psql -q -c "SELECT pg_reload_conf()" >/dev/null

echo "Database videogen is ready. Store__ConnectionString=Host=$(hostname -f);Database=videogen;Username=videogen;Password=..."
echo "Allow the web nodes and GPU boxes in pg_hba.conf (hostssl videogen videogen 10.0.0.0/24 scram-sha-256) and set listen_addresses."
