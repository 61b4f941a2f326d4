#!/usr/bin/env bash
# The floor of an influencer import on this machine: the rows an import wrote, inserted again by plain SQL in one
# session (no parsing, no checks, no service), into copies of their tables with the same indexes, checks and keys.
# Usage: bench/import-floor.sh   (after bench/import-profile.sh influencers FILE, whose database it reads)
# Prints the seconds each table's rows took and their sum. The copies live in a schema dropped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
data=$PWD/bench/out/profile/db/data
[ -d "$data" ] || { echo "no database at $data: run bench/import-profile.sh influencers FILE first" >&2; exit 1; }
pg_bin=$(dirname "$(find "$PWD/bench/out/profile/db/bin" -name pg_ctl -type f | head -1)")
port=${BENCH_PG_PORT:-15999}
as_postgres() { if [ "$(id -u)" = 0 ]; then unshare -U "$@"; else "$@"; fi; }
# The settings the service gives its embedded PostgreSQL (EmbeddedDatabase), so that the floor is the service's own.
settings="-c shared_buffers=512MB -c max_wal_size=4GB -c checkpoint_timeout=15min"
as_postgres "$pg_bin/pg_ctl" -D "$data" -l "$PWD/bench/out/profile/floor-postgres.log" -o "-p $port $settings" -w start > /dev/null
trap 'as_postgres "$pg_bin/pg_ctl" -D "$data" -m fast -w stop > /dev/null' EXIT
sql() { PGOPTIONS="-c client_min_messages=warning" psql -h localhost -p "$port" -U postgres -d postgres -X -q -v ON_ERROR_STOP=1 "$@"; }
tables="influencer channel influencer_niche tier_change influencer_reputation influencer_text search_entry"
{
  echo "drop schema if exists import_floor cascade; create schema import_floor;"
  for t in $tables; do echo "create table import_floor.$t (like public.$t including all);"; done
  # The foreign keys among these tables point at the copies; the ones to other tables (niche) at the originals.
  sql -At -c "select format('alter table import_floor.%I add constraint %I %s;', conrelid::regclass, conname,
                            regexp_replace(pg_get_constraintdef(oid), 'REFERENCES (influencer|channel)\(', 'REFERENCES import_floor.\1('))
                from pg_constraint where contype = 'f' and connamespace = 'public'::regnamespace
                 and conrelid::regclass::text = any(string_to_array('${tables// /,}', ','))"
} | sql
total=0
for t in $tables; do
  cols=$(sql -At -c "select string_agg(quote_ident(column_name), ', ' order by ordinal_position) from information_schema.columns
                      where table_schema = 'public' and table_name = '$t' and is_generated = 'NEVER'")
  began=$(date +%s.%N)
  rows=$(sql -At -c "with written as (insert into import_floor.$t ($cols) select $cols from public.$t order by 1 returning 1)
                     select count(*) from written")
  took=$(python3 -c "import sys, time; print(f'{time.time() - float(sys.argv[1]):.1f}')" "$began")
  total=$(python3 -c "import sys; print(f'{float(sys.argv[1]) + float(sys.argv[2]):.1f}')" "$total" "$took")
  printf '%-22s %9s rows %6s s\n' "$t" "$rows" "$took"
done
echo "all tables: $total s in one session"
sql -c "drop schema import_floor cascade"
