#!/usr/bin/env bash
# The ranked search over a read model split into shards by influencer_id, simulated on the catalogue that
# bench/search.sh generated: for each shard count, search_entry is copied into that many hash partitions (tables
# of their own, with search_entry's indexes, in a schema shard_sim_<N> dropped afterwards), every brief is ranked on
# each partition by the search's own statement and the partitions' rows are merged as a coordinator would; the
# merged pages must equal the whole search's, then each setting is timed, one search at a time (the partitions one
# after the other, and on 2 connections). See src/test/java/dev/microscout/discovery/ShardSimulation.java. Usage:
#   bench/shard-sim.sh [--channels N] [--shards "1 4 16"] [--seconds S] [--briefs DIR] [--keep]
#     --channels  the catalogue of bench/out/search/<N> (default 1000000; bench/search.sh --channels N makes it)
#     --seconds   how long each setting is timed (default 20)
#     --keep      keep the partition schemas instead of dropping them
set -euo pipefail
cd "$(dirname "$0")/.."

channels=1000000 shards="1 4 16" seconds=20 briefs=bench/briefs keep=
while [ $# -gt 0 ]; do
  case "$1" in
    --channels) channels=$2; shift ;;
    --shards) shards=$2; shift ;;
    --seconds) seconds=$2; shift ;;
    --briefs) briefs=$2; shift ;;
    --keep) keep=--keep ;;
    *) echo "unknown option $1 (see the head of $0)" >&2; exit 2 ;;
  esac
  shift
done
port=${BENCH_PORT:-18081}
out=$PWD/bench/out/search/$channels
. bench/service.sh
require_catalogue
[ -f target/quarkus-app/quarkus-run.jar ] && [ -f target/test-classes/dev/microscout/discovery/ShardSimulation.class ] \
  || ./mvnw -B -q package -DskipTests

# The service starts the database as bench/search.sh measures it (and migrates it); it stays idle meanwhile.
start_service
echo "load average before the run (other work on these cores skews the figures): $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "target/classes:target/test-classes:target/quarkus-app/lib/main/*" dev.microscout.discovery.ShardSimulation \
     --shards "$shards" --seconds "$seconds" --briefs "$briefs" $keep | tee "$out/shard-sim.txt"
echo "$(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ); the figures above are in $out/shard-sim.txt"
