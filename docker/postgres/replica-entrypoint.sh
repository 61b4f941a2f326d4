#!/bin/bash
# Entrypoint of the streaming replica. On first start (no PG_VERSION in the data directory) it copies the primary
# with pg_basebackup, which also writes standby.signal and the primary's connection settings (--write-recovery-conf)
# and names the primary's replication slot (--slot); then the image's own entrypoint starts PostgreSQL, which stays
# a read-only hot standby replaying the primary's WAL as it streams in. Later starts skip the copy.
set -euo pipefail
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  mkdir -p "$PGDATA"
  chown postgres:postgres "$PGDATA"
  chmod 700 "$PGDATA"
  export PGPASSWORD="$POSTGRES_REPLICATION_PASSWORD"
  for attempt in $(seq 1 30); do
    if gosu postgres pg_basebackup --host="$POSTGRES_PRIMARY_HOST" --port="${POSTGRES_PRIMARY_PORT:-5432}" \
        --username="$POSTGRES_REPLICATION_USER" --no-password --pgdata="$PGDATA" --wal-method=stream \
        --slot="$POSTGRES_REPLICATION_SLOT" --write-recovery-conf --checkpoint=fast; then
      break
    fi
    if [ "$attempt" = 30 ]; then
      echo "replica: no base backup from $POSTGRES_PRIMARY_HOST after 30 attempts" >&2
      exit 1
    fi
    echo "replica: no base backup from $POSTGRES_PRIMARY_HOST yet (attempt $attempt); trying again in 2 s" >&2
    find "$PGDATA" -mindepth 1 -delete
    sleep 2
  done
  unset PGPASSWORD
fi
exec docker-entrypoint.sh "$@"
