#!/usr/bin/env bash
# A local PostgreSQL for the test suite's PostgreSQL tests: installs Debian's postgresql when missing (root),
# starts its cluster, and creates the role and database labdeck_test. Idempotent; fast when all is there.
set -euo pipefail
. "$(dirname "$(readlink -f "$0")")/../lib/common.sh"

pg_ready() { command -v pg_isready >/dev/null 2>&1 && pg_isready -q -h localhost -p "${LABDECK_PG_PORT:-5432}"; }

if ! pg_ready; then
  command -v pg_ctlcluster >/dev/null 2>&1 || apt_install postgresql
  cluster=$(pg_lsclusters -h | awk 'NR==1 {print $1" "$2}')
  [ -n "$cluster" ] || die "postgresql is installed but has no cluster (pg_createcluster 15 main)."
  # shellcheck disable=SC2086 # version and name
  pg_ctlcluster $cluster start || true
  for _ in $(seq 1 60); do pg_ready && break; sleep 0.5; done
  pg_ready || die "PostgreSQL did not start; see /var/log/postgresql/."
fi
psql_su() { su postgres -c "psql -qAtX -v ON_ERROR_STOP=1 -c \"$1\""; }
[ "$(psql_su "select 1 from pg_roles where rolname='labdeck_test'")" = 1 ] ||
  psql_su "create role labdeck_test login password 'labdeck_test'"
[ "$(psql_su "select 1 from pg_database where datname='labdeck_test'")" = 1 ] ||
  psql_su "create database labdeck_test owner labdeck_test"
say "PostgreSQL: localhost:${LABDECK_PG_PORT:-5432}/labdeck_test"
