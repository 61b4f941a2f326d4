#!/usr/bin/env bash
# Ranked search over a generated catalogue: the service over HTTP (wrk, 4 connections) against the floor, the
# same ranking in raw SQL straight into its PostgreSQL (pgbench, 4 clients, each statement prepared once per client
# and so planned once: no client does better), in the same run, one after the other, with the same 20 briefs
# (bench/briefs). Usage:
#   bench/search.sh [--smoke] [--regenerate] [--channels N] [--duration SECONDS] [--warmup SECONDS] [--briefs DIR]
#     default      1,000,000 channels (about 700,000 influencers, 20 posts each), 30 s each after a warm-up of
#                  60 s for the service and 10 s for the floor
#     --warmup     the service's warm-up. Its JIT compiles for about a minute under this load (C2's CPU seconds per
#                  20 s of load: 8.4, 5.4, 1.9, 1.4); a shorter warm-up measures the compiler too
#     --smoke      20,000 channels, 5 s each after 2 s of warm-up (CI: about a minute)
#     --briefs     the briefs to send (default bench/briefs: typical briefs as perf/FLOOR.md draws them;
#                  bench/briefs-broad holds 20 broad ones, mostly Indonesian micro creators)
#     --regenerate throw the loaded catalogue away and generate it again (needed after a new migration too)
# BENCH_JAVA_OPTS adds JVM options to the service (e.g. -Dmicroscout.security.rate-limit.shared=false).
# The packaged service runs in the demo profile without demo data on an embedded PostgreSQL whose data is kept
# in bench/out/search/<channels>/db; the first run loads it with bench/generate.sql, later runs reuse it.
set -euo pipefail
cd "$(dirname "$0")/.."

channels=1000000 duration=30 warmup=60 floor_warmup=10 regenerate=false briefs=bench/briefs
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) channels=20000 duration=5 warmup=2 floor_warmup=2 ;;
    --warmup) warmup=$2; shift ;;
    --regenerate) regenerate=true ;;
    --channels) channels=$2; shift ;;
    --duration) duration=$2; shift ;;
    --briefs) briefs=$2; shift ;;
    *) echo "unknown option $1 (see the head of $0)" >&2; exit 2 ;;
  esac
  shift
done
port=${BENCH_PORT:-18081}
out=$PWD/bench/out/search/$channels
run=$out/run
mkdir -p "$out"

# Tools: wrk, psql and pgbench from Debian (pgbench comes with the server package there).
. bench/install.sh
command -v wrk > /dev/null || install wrk
command -v psql > /dev/null || install postgresql-client
pgbench --version > /dev/null 2>&1 || install postgresql
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests

. bench/service.sh

# The demo profile prints the demo organisation's keys once, when it creates them: keep them with the database.
if $regenerate || [ ! -f "$out/keys" ]; then
  rm -rf "$out/db" "$out/keys" "$out/loaded"
fi
start_service
[ -f "$out/keys" ] || grep -E '^ +(VIEWER|EDITOR|ADMIN) +msk_' "$out/service.log" > "$out/keys"
key=$(awk '$1 == "VIEWER" { print $2 }' "$out/keys")
[ -n "$key" ] || { echo "no VIEWER key in $out/keys: run again with --regenerate" >&2; exit 1; }

if [ ! -f "$out/loaded" ]; then
  echo "generating $channels channels (log: $out/generate.log)"
  started=$SECONDS
  psql -X -q -v channels="$channels" -f bench/generate.sql 2>&1 | grep --line-buffered -v NOTICE | tee "$out/generate.log"
  echo "generated in $((SECONDS - started)) s" | tee -a "$out/generate.log"
  date -u +"%Y-%m-%dT%H:%M:%SZ $channels channels" > "$out/loaded"
  # The service reads the peer baselines and the taxonomy at start.
  stop_service
  start_service
fi

rm -rf "$run" && mkdir -p "$run"
python3 bench/search_floor.py prepare --briefs "$briefs" --out "$run"
echo "catalogue: $(psql -X -A -t -c "select count(*) || ' channels, database ' || pg_size_pretty(pg_database_size(current_database())) from channel")"

url=http://localhost:$port/api/v1/discovery/searches
status=$(head -1 "$run/briefs.ndjson" | curl -s -o "$run/first-response.json" -w '%{http_code}' -X POST \
           -H "X-API-Key: $key" -H 'Content-Type: application/json' --data-binary @- "$url")
http=true
if [ "$status" != 200 ]; then
  http=false
  echo "the service answered HTTP $status to the first brief ($run/first-response.json): the HTTP search is not measured"
else
  python3 bench/search_floor.py agree --dir "$run" --url "$url" --key "$key" || true
fi

wrk_run() {
  wrk -t2 -c4 -d"$1"s --latency -s bench/search.lua "$url" -- "$run/briefs.ndjson" "$key"
}
floor_run() {
  local scripts=() f
  for f in "$run"/floor-*.sql; do scripts+=(-f "$f"); done
  pgbench -n -M prepared -c4 -j2 -T "$1" "${scripts[@]}" "${@:2}"
}

echo "load average before the run (other work on these cores skews the figures): $(cut -d' ' -f1-3 /proc/loadavg)"
echo "warm-up: $warmup s for the service, $floor_warmup s for the floor"
if $http; then wrk_run "$warmup" > "$run/wrk-warmup.txt"; fi
floor_run "$floor_warmup" > "$run/pgbench-warmup.txt" 2>&1
echo "service over HTTP: $duration s, 4 connections"
if $http; then wrk_run "$duration" | tee "$run/wrk.txt"; fi
echo "floor in SQL: $duration s, 4 clients"
floor_run "$duration" -l --log-prefix="$run/pgbench-log" > "$run/pgbench.txt" 2>&1
sed -n '/^number of transactions/,/^tps/p' "$run/pgbench.txt"
echo
echo "Ranked search, $channels channels, $(nproc) cores, $(date -u +%Y-%m-%d):"
python3 bench/search_floor.py report --wrk "$run/wrk.txt" --pgbench-out "$run/pgbench.txt" \
        --pgbench-logs "$run/pgbench-log" --out "$run/result.md"
