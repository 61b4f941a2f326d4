#!/usr/bin/env bash
# Webhook latency: from the committed change to the receiver's 2xx, at a steady rate (bench/webhook_latency.py).
# Usage: bench/webhooks.sh [rate per second, default 100] [seconds, default 30]
# Starts the packaged service (demo profile, no demo data, rate limits lifted, http to 127.0.0.1 allowed for the
# receiver) on a fresh embedded PostgreSQL under bench/out/webhooks. The first 10 s of events warm the fresh service
# up and are reported on a line of their own; BENCH_JAVA_OPTS adds JVM options.
set -euo pipefail
cd "$(dirname "$0")/.."
rate=${1:-100}
seconds=${2:-30}
port=${BENCH_PORT:-18084}
out=bench/out/webhooks
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
rm -rf "$out" && mkdir -p "$out"
java ${BENCH_JAVA_OPTS:-} -Dquarkus.profile=demo -Dmicroscout.demo-data.enabled=false -Dquarkus.http.port="$port" \
     -Dmicroscout.embedded-postgres.directory="$out/db" \
     -Dmicroscout.security.rate-limit.requests-per-second=1000000 -Dmicroscout.security.rate-limit.burst=1000000 \
     -Dmicroscout.webhooks.require-https=false -Dmicroscout.webhooks.allowed-hosts=127.0.0.1 \
     -jar target/quarkus-app/quarkus-run.jar > "$out/service.log" 2>&1 &
service=$!
trap 'kill $service 2>/dev/null; wait $service 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "localhost:$port/q/health/ready" > /dev/null 2>&1 && break
  sleep 1
done
key=$(grep -oE 'ADMIN +msk_[A-Za-z0-9_-]+' "$out/service.log" | awk '{print $2}' | head -1)
echo "$(nproc) cores, $(date -u +%Y-%m-%d): $rate events/s for $seconds s"
python3 bench/webhook_latency.py --url "http://localhost:$port" --key "$key" --rate "$rate" --seconds "$seconds"
