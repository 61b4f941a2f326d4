-- A migration may scan whole tables: it is not held to the statement timeout of requests.
set local statement_timeout = 0;

-- A bulk import: one uploaded file of one kind, worked through in chunks of lines. Each chunk commits its rows
-- and these counters together, so committed_line always says how far the catalogue has the file.
create table import_job (
    id               uuid        primary key,
    organisation_id  uuid        not null references organisation (id) on delete cascade,
    key_id           uuid        references api_key (id) on delete set null,
    kind             varchar(16) not null check (kind in ('INFLUENCERS', 'POSTS', 'SNAPSHOTS')),
    format           varchar(8)  not null check (format in ('CSV', 'NDJSON')),
    delimiter        varchar(1),
    columns          jsonb       not null default '{}',
    -- Columns of the file that nothing reads (a typo, or another tool's column): shown on the job.
    ignored_columns  jsonb       not null default '[]',
    -- A retried upload with the same Idempotency-Key and the same file answers the first job.
    idempotency_key  varchar(255),
    status           varchar(16) not null check (status in ('RECEIVING', 'QUEUED', 'RUNNING', 'DONE', 'FAILED', 'CANCELLED')),
    bytes_received   bigint      not null default 0 check (bytes_received >= 0),
    sha256           varchar(64),
    total_lines      bigint      check (total_lines >= 0),
    committed_line   bigint      not null default 0 check (committed_line >= 0),
    processed_lines  bigint      not null default 0 check (processed_lines >= 0),
    created_count    bigint      not null default 0,
    updated_count    bigint      not null default 0,
    unchanged_count  bigint      not null default 0,
    failed_count     bigint      not null default 0,
    failure          text,
    cancel_requested boolean     not null default false,
    owner_token      uuid,
    heartbeat_at     timestamptz,
    created_at       timestamptz not null,
    started_at       timestamptz,
    finished_at      timestamptz,
    updated_at       timestamptz not null,
    -- Seconds spent working on lines (summed over runs), for rows per second and the estimated finish.
    busy_seconds     double precision not null default 0
);
-- An organisation's jobs, newest first.
create index import_job_organisation_idx on import_job (organisation_id, created_at desc, id desc);
create unique index import_job_idempotency_uq on import_job (organisation_id, idempotency_key) where idempotency_key is not null;
-- Jobs a worker may pick up or take over.
create index import_job_open_idx on import_job (status, heartbeat_at) where status in ('QUEUED', 'RUNNING');

-- Every failed line: its number in the file, the field and the reason, and the start of the line as sent.
create table import_error (
    job_id    uuid         not null references import_job (id) on delete cascade,
    line_no   bigint       not null,
    seq       int          not null,
    field     varchar(200),
    reason    text         not null,
    raw_start varchar(200) not null,
    primary key (job_id, line_no, seq)
);
