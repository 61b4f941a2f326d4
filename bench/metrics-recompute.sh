#!/usr/bin/env bash
# Starts the packaged service in demo mode on a fresh embedded PostgreSQL under bench/out, and measures the
# recomputation of one channel after a batch of 50 posts (bench/metrics_recompute.py). Usage:
#   bench/metrics-recompute.sh [channels]        (default 300; the CI smoke run uses 20)
set -euo pipefail
cd "$(dirname "$0")/.."
channels=${1:-300}
port=${BENCH_PORT:-18080}
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
rm -rf bench/out/metrics && mkdir -p bench/out/metrics
# The rate limit is lifted, as in every bench script: the load generator is one client sending as fast as it can.
java -Dquarkus.profile=demo -Dquarkus.http.port="$port" -Dmicroscout.embedded-postgres.directory=bench/out/metrics/db \
     -Dmicroscout.security.rate-limit.requests-per-second=1000000 -Dmicroscout.security.rate-limit.burst=1000000 \
     -jar target/quarkus-app/quarkus-run.jar > bench/out/metrics/service.log 2>&1 &
service=$!
trap 'kill $service 2>/dev/null; wait $service 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "localhost:$port/q/health/ready" > /dev/null 2>&1 && grep -q "Loaded" bench/out/metrics/service.log && break
  sleep 1
done
key=$(grep -oE 'EDITOR  msk_[A-Za-z0-9_-]+' bench/out/metrics/service.log | awk '{print $2}')
python3 bench/metrics_recompute.py --url "http://localhost:$port" --key "$key" --channels "$channels"
