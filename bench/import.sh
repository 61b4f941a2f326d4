#!/usr/bin/env bash
# Bulk import and export through the HTTP API, with the service's heap held small and sampled. Usage:
#   bench/import.sh [--influencers N] [--posts N] [--heap SIZE] [--big BYTES] [--smoke]
#   bench/import.sh --export-only DIR        export the catalogue of a bench/search.sh database (e.g. bench/out/search/1000000)
#     --influencers N  influencer lines to import (default 100,000; one per channel, about 1.43 channels a creator)
#     --posts N        post lines to import for those channels (default 1,000,000; 20 a channel, so at most 20 × channels)
#     --heap SIZE      the service's -Xmx (default 256m): a streamed import must run in it whatever the file's size
#     --big BYTES      also upload a file of BYTES bytes (e.g. 1073741824) and cancel its job once it is queued: the
#                      upload streams to disk, the heap stays where it was
#     --smoke          2,000 influencer lines and 10,000 post lines
#     --second         after the posts, a second influencer file of as many new creators: an import into the
#                      catalogue the first one filled, by a service whose code the first one has warmed up
# BENCH_JAVA_OPTS adds JVM options (e.g. a flight recording: -XX:StartFlightRecording=filename=bench/out/import.jfr).
# Each run starts the packaged service (demo profile, no demo data, rate limits lifted) on a fresh embedded
# PostgreSQL under bench/out/import; it imports the influencers, then the posts, then exports the catalogue as CSV,
# and prints the time of each, the rows per second, and the heap's peak (sampled from /q/metrics every 0.5 s).
set -euo pipefail
cd "$(dirname "$0")/.."

influencers=100000 posts=1000000 heap=256m big=0 export_only= second=
while [ $# -gt 0 ]; do
  case "$1" in
    --influencers) influencers=$2; shift ;;
    --posts) posts=$2; shift ;;
    --heap) heap=$2; shift ;;
    --big) big=$2; shift ;;
    --smoke) influencers=2000 posts=10000 ;;
    --second) second=1 ;;
    --export-only) export_only=$2; shift ;;
    *) echo "unknown option $1 (see the head of $0)" >&2; exit 2 ;;
  esac
  shift
done
port=${BENCH_PORT:-18082}
out=$PWD/bench/out/import
mkdir -p "$out/files"
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
if curl -s -o /dev/null "localhost:$port"; then
  echo "port $port is taken: set BENCH_PORT to a free one" >&2; exit 1
fi

db=$out/db
if [ -n "$export_only" ]; then
  db=$PWD/$export_only/db
  [ -d "$db" ] || { echo "no database at $db: run bench/search.sh first" >&2; exit 1; }
else
  rm -rf "$db" "$out/imports"
fi

service=
sampler=
stop() {
  [ -z "$sampler" ] || kill "$sampler" 2> /dev/null || true
  if [ -n "$service" ]; then kill "$service" 2> /dev/null || true; wait "$service" 2> /dev/null || true; fi
}
trap stop EXIT
java -Xmx"$heap" ${BENCH_JAVA_OPTS:-} -Dquarkus.profile=demo -Dmicroscout.demo-data.enabled=false -Dquarkus.http.port="$port" \
     -Dmicroscout.embedded-postgres.directory="$db" -Dmicroscout.imports.directory="$out/imports" \
     -Dmicroscout.security.rate-limit.requests-per-second=1000000 -Dmicroscout.security.rate-limit.burst=1000000 \
     -Dmicroscout.metrics.peer-refresh-every=off \
     -jar target/quarkus-app/quarkus-run.jar > "$out/service.log" 2>&1 &
service=$!
started=$SECONDS
until curl -fs "localhost:$port/q/health/ready" > /dev/null 2>&1; do
  if ! kill -0 "$service" 2> /dev/null || [ $((SECONDS - started)) -gt 300 ]; then
    echo "the service did not start:" >&2; tail -30 "$out/service.log" >&2; exit 1
  fi
  sleep 0.5
done
if [ -n "$export_only" ]; then
  key=$(awk '$1 == "EDITOR" { print $2 }' "$export_only/keys")
else
  key=$(grep -oE 'EDITOR +msk_[A-Za-z0-9_-]+' "$out/service.log" | awk '{print $2}' | head -1)
fi
[ -n "$key" ] || { echo "no EDITOR key found" >&2; exit 1; }
echo "service ready in $((SECONDS - started)) s with -Xmx$heap; $(nproc) cores; $(date -u +%Y-%m-%d)"

# The heap in use, summed over its pools, every half second; the peak is kept in $out/heap-peak.
echo 0 > "$out/heap-peak"
python3 bench/heap_peak.py "$port" "$out/heap-peak" &
sampler=$!
heap_mib() { echo $(( $(cat "$out/heap-peak") / 1048576 )); }

api=http://localhost:$port/api/v1
# Sends a file (streamed by curl -T) and waits for its job; prints its figures.
run_import() {
  local kind=$1 file=$2 began job status id
  began=$(date +%s.%N)
  job=$(curl -s -T "$file" -X POST -H "X-API-Key: $key" -H 'Content-Type: text/csv' "$api/imports?kind=$kind")
  id=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])' <<< "$job") \
    || { echo "the upload was refused: $job" >&2; exit 1; }
  local uploaded
  uploaded=$(date +%s.%N)
  while true; do
    job=$(curl -s -H "X-API-Key: $key" "$api/imports/$id")
    status=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])' <<< "$job")
    case "$status" in DONE|FAILED|CANCELLED) break ;; esac
    sleep 0.5
  done
  echo "$job" > "$out/job-$kind.json"
  python3 - "$kind" "$file" "$began" "$uploaded" "$(date +%s.%N)" "$(heap_mib)" "$out/job-$kind.json" <<'EOF'
import json, os, sys
kind, file, began, uploaded, ended, heap, job_file = sys.argv[1:]
job = json.load(open(job_file))
lines = job["lines"]["processed"]
total = float(ended) - float(began)
print(f"{kind}: {lines:,} lines ({os.path.getsize(file) / 1048576:.0f} MiB) in {total:.1f} s "
      f"(upload {float(uploaded) - float(began):.1f} s), {lines / total:,.0f} lines/s; status {job['status']}; "
      f"created {job['created']:,}, updated {job['updated']:,}, unchanged {job['unchanged']:,}, failed {job['failed']:,}; "
      f"worker {job['rowsPerSecond']} lines/s; heap peak so far {heap} MiB")
EOF
}

if [ -z "$export_only" ]; then
  src=$out/files/influencers-$influencers.csv
  [ -f "$src" ] || python3 bench/import_files.py influencers "$src" "$influencers"
  channels=$(wc -l < "$src.handles")
  per=$(( (posts + channels - 1) / channels ))
  postfile=$out/files/posts-$posts-of-$influencers.csv
  [ -f "$postfile" ] || python3 bench/import_files.py posts "$postfile" "$posts" --handles "$src.handles" --per-channel "$per"
  run_import influencers "$src"
  run_import posts "$postfile"
  if [ -n "$second" ]; then
    again=$out/files/second-influencers-$influencers.csv
    [ -f "$again" ] || python3 bench/import_files.py influencers "$again" "$influencers" --prefix n
    run_import influencers "$again"
  fi
  if [ "$big" -gt 0 ]; then
    bigfile=$out/files/big-$big.csv
    [ -f "$bigfile" ] || python3 bench/import_files.py big "$bigfile" "$big"
    began=$SECONDS
    job=$(curl -s -T "$bigfile" -X POST -H "X-API-Key: $key" -H 'Content-Type: text/csv' "$api/imports?kind=snapshots")
    id=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])' <<< "$job")
    curl -s -o /dev/null -X DELETE -H "X-API-Key: $key" "$api/imports/$id"
    echo "upload of $(( big / 1048576 )) MiB streamed to disk in $((SECONDS - began)) s (job cancelled); heap peak so far $(heap_mib) MiB"
  fi
fi

began=$(date +%s.%N)
read -r bytes < <(curl -s -o "$out/export.csv" -w '%{size_download}\n' -H "X-API-Key: $key" -H 'Accept: text/csv' "$api/influencers")
ended=$(date +%s.%N)
lines=$(( $(wc -l < "$out/export.csv") - 1 ))
python3 -c "import sys; b, s, l = map(float, sys.argv[1:]); print(f'export: {int(l):,} channel lines ({b / 1048576:.0f} MiB) in {s:.1f} s, {l / s:,.0f} lines/s')" \
  "$bytes" "$(python3 -c "import sys; print(float(sys.argv[2]) - float(sys.argv[1]))" "$began" "$ended")" "$lines"
echo "heap peak over the run: $(heap_mib) MiB (-Xmx$heap)"
