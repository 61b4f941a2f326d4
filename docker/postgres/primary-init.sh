#!/bin/bash
# Runs once, when the primary's data directory is created (the image runs /docker-entrypoint-initdb.d/*.sh): a role
# that may stream the WAL, the physical replication slot the replica streams from (so that the primary keeps the WAL
# the replica has not received yet, up to max_slot_wal_keep_size), and a pg_hba.conf line that lets that role connect
# for replication with its password ("all" in pg_hba.conf does not cover replication connections).
set -e
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v role="$POSTGRES_REPLICATION_USER" -v password="$POSTGRES_REPLICATION_PASSWORD" \
  -v slot="$POSTGRES_REPLICATION_SLOT" <<'SQL'
CREATE ROLE :"role" WITH REPLICATION LOGIN PASSWORD :'password';
SELECT pg_create_physical_replication_slot(:'slot');
SQL
echo "host replication $POSTGRES_REPLICATION_USER all scram-sha-256" >> "$PGDATA/pg_hba.conf"
