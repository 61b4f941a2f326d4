# Sourced by the bench scripts (run from the repository's root, with $out and $port set): starts the packaged
# service in the demo profile without demo data, on the embedded PostgreSQL kept in $out/db, and stops it on exit.
service=
# A catalogue that bench/search.sh loaded into $out (for the scripts that measure on it rather than load it).
require_catalogue() {
  [ -f "$out/loaded" ] || { echo "no catalogue in $out: bench/search.sh --channels $channels makes it" >&2; exit 1; }
}
start_service() {
  # Something already answering on the port would be measured in place of this build's service.
  if curl -s -o /dev/null "localhost:$port"; then
    echo "port $port is taken: set BENCH_PORT to a free one" >&2; exit 1
  fi
  # Rate limits and the periodic peer-baseline refresh (an aggregate over every channel) are off: the first would
  # throttle the load generator, the second would run in the middle of a measurement. The generator fills
  # peer_baseline with the refresh's own query, and the service reads it at start.
  java ${BENCH_JAVA_OPTS:-} -Dquarkus.profile=demo -Dmicroscout.demo-data.enabled=false -Dquarkus.http.port="$port" \
       -Dmicroscout.embedded-postgres.directory="$out/db" \
       -Dmicroscout.security.rate-limit.requests-per-second=1000000 -Dmicroscout.security.rate-limit.burst=1000000 \
       -Dmicroscout.metrics.peer-refresh-every=off \
       -jar target/quarkus-app/quarkus-run.jar > "$out/service.log" 2>&1 &
  service=$!
  local started=$SECONDS
  until curl -fs "localhost:$port/q/health/ready" > /dev/null 2>&1; do
    if ! kill -0 "$service" 2> /dev/null || [ $((SECONDS - started)) -gt 300 ]; then
      echo "the service did not start:" >&2; tail -30 "$out/service.log" >&2; exit 1
    fi
    sleep 0.5
  done
  export PGHOST=localhost PGPORT PGUSER=postgres PGPASSWORD=postgres PGDATABASE=postgres
  PGPORT=$(sed -n 4p "$out/db/data/postmaster.pid")
  echo "service ready in $((SECONDS - started)) s on port $port, its PostgreSQL on port $PGPORT"
}
stop_service() {
  if [ -n "$service" ]; then
    kill "$service" 2> /dev/null || true
    wait "$service" 2> /dev/null || true
    service=
  fi
}
trap stop_service EXIT
