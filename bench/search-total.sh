#!/usr/bin/env bash
# What the counts per range (search_count, V21) save the ranked search: the floor's statements of bench/briefs
# (the service's own ranking in raw SQL, bench/search_floor.py) in two variants on one generated catalogue, the
# total read from the counts ("counts") and counted from the brief's rows ("rows", as before V21), run by pgbench
# in turns, so that both see the same machine. Usage:
#   bench/search-total.sh [--channels N] [--rounds R] [--seconds S]
#     --channels  the catalogue of bench/out/search/<N> (default 1000000; bench/search.sh --channels N makes it)
#     --rounds    turns of each variant (default 3), each --seconds long (default 20), after 8 s of warm-up each
# Prints each turn's searches/s and, per variant, the mean of its turns and the mean latency of each brief.
set -euo pipefail
cd "$(dirname "$0")/.."

channels=1000000 rounds=3 seconds=20
while [ $# -gt 0 ]; do
  case "$1" in
    --channels) channels=$2; shift ;;
    --rounds) rounds=$2; shift ;;
    --seconds) seconds=$2; shift ;;
    *) echo "unknown option $1 (see the head of $0)" >&2; exit 2 ;;
  esac
  shift
done
port=${BENCH_PORT:-18081}
out=$PWD/bench/out/search/$channels
. bench/service.sh
require_catalogue
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests

# The service starts the database as bench/search.sh measures it (and migrates it, and folds the counts); it stays
# idle meanwhile.
start_service
ab=$out/total
rm -rf "$ab" && mkdir -p "$ab"
python3 bench/search_floor.py prepare --briefs bench/briefs --out "$ab/counts"
FLOOR_TOTAL=rows python3 bench/search_floor.py prepare --briefs bench/briefs --out "$ab/rows"
for f in "$ab"/counts/floor-*.sql; do
  a=$(psql -X -A -t -f "$f" | awk -F'|' 'NR == 1 { print $(NF - 9) }')
  b=$(psql -X -A -t -f "$ab/rows/$(basename "$f")" | awk -F'|' 'NR == 1 { print $(NF - 9) }')
  [ "$a" = "$b" ] || { echo "$(basename "$f"): total $a from the counts, $b from the rows" >&2; exit 1; }
done
echo "the two variants give the same total for all $(ls "$ab"/counts/floor-*.sql | wc -l) briefs"
echo "load average before the run (other work on these cores skews the figures): $(cut -d' ' -f1-3 /proc/loadavg)"

variant_run() {
  local scripts=() f
  for f in "$ab/$1"/floor-*.sql; do scripts+=(-f "$f"); done
  pgbench -n -c4 -j2 -T "$2" -r "${scripts[@]}" 2>&1
}
for v in counts rows; do variant_run "$v" 8 > /dev/null; done
for round in $(seq "$rounds"); do
  for v in rows counts; do
    variant_run "$v" "$seconds" > "$ab/$v-$round.txt"
    echo "turn $round, $v: $(grep -oE '^tps = [0-9.]+' "$ab/$v-$round.txt" | cut -d' ' -f3) searches/s"
  done
done
python3 - "$ab" "$rounds" <<'EOF'
import re, sys
ab, rounds = sys.argv[1], int(sys.argv[2])
means = {}
for v in ("rows", "counts"):
    tps, briefs = [], {}
    for r in range(1, rounds + 1):
        text = open(f"{ab}/{v}-{r}.txt").read()
        tps.append(float(re.search(r"^tps = ([0-9.]+)", text, re.M).group(1)))
        for name, latency in re.findall(r"SQL script \d+: \S+/(floor-\d+)\.sql.*?latency average = ([0-9.]+) ms", text, re.S):
            briefs.setdefault(name, []).append(float(latency))
    means[v] = (sum(tps) / len(tps), {k: sum(x) / len(x) for k, x in briefs.items()})
print(f"searches/s, mean of {rounds} turns: rows {means['rows'][0]:.1f}, counts {means['counts'][0]:.1f} "
      f"({means['counts'][0] / means['rows'][0]:.2f}x)")
print("| brief | rows: mean ms | counts: mean ms |")
print("|---|---|---|")
for name in sorted(means["rows"][1]):
    print(f"| {name} | {means['rows'][1][name]:.1f} | {means['counts'][1].get(name, float('nan')):.1f} |")
EOF
