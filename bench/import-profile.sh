#!/usr/bin/env bash
# Where an import's time goes: the statements PostgreSQL ran (pg_stat_statements, with planning) and the CPU time of
# the service's threads, for one file. Usage:
#   bench/import-profile.sh KIND FILE [KIND FILE ...]
#   e.g. bench/import-profile.sh influencers bench/out/import/files/influencers-5000.csv posts bench/out/import/files/posts-60000-of-5000.csv
# (bench/import.sh generates such files). Starts the packaged service twice on a fresh embedded PostgreSQL under
# bench/out/profile: once to create the database and preload pg_stat_statements, once to import the files in turn.
# Prints for each file the job's figures, the 20 statements that took longest in total, and the busiest threads' CPU
# seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 2 ] && [ $(( $# % 2 )) -eq 0 ] || { echo "usage: $0 KIND FILE [KIND FILE ...]" >&2; exit 2; }
port=${BENCH_PORT:-18090}
out=$PWD/bench/out/profile
db=$out/db
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
rm -rf "$out" && mkdir -p "$out"
service=
stop() { if [ -n "$service" ]; then kill "$service" 2> /dev/null || true; wait "$service" 2> /dev/null || true; fi; }
trap stop EXIT
start() {
  java -Xmx256m ${BENCH_JAVA_OPTS:-} -Dquarkus.profile=demo -Dmicroscout.demo-data.enabled=false -Dquarkus.http.port="$port" \
       -Dmicroscout.embedded-postgres.directory="$db" -Dmicroscout.imports.directory="$out/imports" \
       -Dmicroscout.security.rate-limit.requests-per-second=1000000 -Dmicroscout.security.rate-limit.burst=1000000 \
       -Dmicroscout.metrics.peer-refresh-every=off -jar target/quarkus-app/quarkus-run.jar > "$out/service-$1.log" 2>&1 &
  service=$!
  until curl -fs "localhost:$port/q/health/ready" > /dev/null 2>&1; do
    kill -0 "$service" 2> /dev/null || { tail -20 "$out/service-$1.log" >&2; exit 1; }
    sleep 0.5
  done
}
sql() { psql -h localhost -p "$(sed -n 4p "$(find "$db" -name postmaster.pid | head -1)")" -U postgres -d postgres -X -q "$@"; }
start 1
sql -c "alter system set shared_preload_libraries = 'pg_stat_statements'" -c "alter system set pg_stat_statements.track_planning = on"
if [ -n "${PROFILE_EXPLAIN_MS:-}" ]; then
  # The plans of statements slower than PROFILE_EXPLAIN_MS, in $out/postgres-log (writable by PostgreSQL's user).
  mkdir -p "$out/postgres-log" && chmod 777 "$out/postgres-log"
  sql -c "alter system set shared_preload_libraries = pg_stat_statements, auto_explain" \
      -c "alter system set auto_explain.log_min_duration = '${PROFILE_EXPLAIN_MS}ms'" -c "alter system set logging_collector = on" \
      -c "alter system set log_directory = '$out/postgres-log'"
fi
stop
start 2
key=$(grep -oE 'EDITOR +msk_[A-Za-z0-9_-]+' "$out/service-1.log" | awk '{print $2}' | head -1)
sql -c "create extension if not exists pg_stat_statements" > /dev/null
threads() {
  for t in /proc/"$service"/task/*; do
    read -r -a stat < <(sed 's/.*) //' "$t/stat")
    echo "$(cat "$t/comm") $(( stat[11] + stat[12] ))"
  done | awk '{ticks[$1] += $2} END {for (n in ticks) printf "%s\t%.1f\n", n, ticks[n] / 100}' | sort -t$'\t' -k2 -rn
}
api=http://localhost:$port/api/v1
profile() {
  local kind=$1 file=$2 began id job
  sql -c "select pg_stat_statements_reset()" > /dev/null
  threads > "$out/threads-before"
  began=$(date +%s.%N)
  id=$(curl -s -T "$file" -X POST -H "X-API-Key: $key" -H 'Content-Type: text/csv' "$api/imports?kind=$kind" \
       | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  while true; do
    job=$(curl -s -H "X-API-Key: $key" "$api/imports/$id")
    case $(python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])' <<< "$job") in DONE|FAILED|CANCELLED) break ;; esac
    sleep 0.5
  done
  python3 -c "import json,sys; j = json.loads(sys.argv[1]); print(f\"{j['status']}: {j['lines']['processed']:,} lines in {float(sys.argv[2]):.1f} s; worker {j['rowsPerSecond']} lines/s; created {j['created']:,}, failed {j['failed']:,}\")" \
    "$job" "$(python3 -c "import sys, time; print(time.time() - float(sys.argv[1]))" "$began")"
  echo "statements by total time (ms executing, ms planning, calls, rows, statement):"
  sql -At -F $'\t' -c "select round(total_exec_time), round(total_plan_time), calls, rows, left(regexp_replace(query, '\s+', ' ', 'g'), 110)
                         from pg_stat_statements order by total_exec_time + total_plan_time desc limit 20"
  sql -At -F $'\t' -c "select 'all statements', round(sum(total_exec_time)), round(sum(total_plan_time)), sum(calls) from pg_stat_statements"
  echo "CPU seconds of the service's busiest threads during the import:"
  join -t$'\t' <(sort "$out/threads-before") <(threads | sort) | awk -F'\t' '$3 - $2 > 0.2 {printf "  %-18s %.1f s\n", $1, $3 - $2}'
}
while [ $# -gt 0 ]; do
  echo "== $1 $2"
  profile "$1" "$2"
  shift 2
done
