#!/usr/bin/env bash
# Creates the two database roles of the Prevent case engine. Run once by the postgres image's
# entrypoint, as the superuser, on an empty data directory (/docker-entrypoint-initdb.d/).
#
#   prevent_owner  LOGIN; owns the database and its public schema. Flyway migrates as this role.
#   prevent_app    LOGIN; the role the application connects as. No CREATE on the database or
#                  the schema: it gets only CONNECT, USAGE on the schema, and whatever DML
#                  grants the Flyway migrations give it.
#
# Passwords come from the environment (DB_OWNER_PASSWORD, DB_PASSWORD). They are read by psql
# itself (\getenv), so they never appear on a command line, and are quoted as SQL literals
# with psql's :'var' syntax.
#
# The entrypoint executes this file when it is executable and sources it otherwise (e.g. a
# checkout that lost the executable bit); it works either way: no `exit 0`, no `set -u` that
# would leak into the entrypoint, and any failure aborts the initialisation.
set -eo pipefail

: "${DB_OWNER_PASSWORD:?DB_OWNER_PASSWORD must be set (password of prevent_owner)}"
: "${DB_PASSWORD:?DB_PASSWORD must be set (password of prevent_app)}"

if [ "${DB_OWNER_PASSWORD}" = "${DB_PASSWORD}" ]; then
    echo "01-roles.sh: DB_OWNER_PASSWORD and DB_PASSWORD must differ" >&2
    exit 1
fi

prevent_db="${POSTGRES_DB:-prevent}"

psql --no-psqlrc -v ON_ERROR_STOP=1 --no-password \
     --username "${POSTGRES_USER:-postgres}" --dbname "${prevent_db}" \
     --set=db="${prevent_db}" <<'EOSQL'
\getenv owner_pw DB_OWNER_PASSWORD
\getenv app_pw DB_PASSWORD

BEGIN;

CREATE ROLE prevent_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE
    PASSWORD :'owner_pw';
CREATE ROLE prevent_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE
    PASSWORD :'app_pw';

-- The owner role owns the database and the schema the migrations create objects in.
ALTER DATABASE :"db" OWNER TO prevent_owner;
ALTER SCHEMA public OWNER TO prevent_owner;

-- Nobody but the owner creates anything; the application role may only connect.
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
GRANT CONNECT ON DATABASE :"db" TO prevent_app;
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO prevent_app;

COMMIT;
EOSQL

echo "01-roles.sh: created roles prevent_owner (owner of database ${prevent_db}) and prevent_app"
unset prevent_db
