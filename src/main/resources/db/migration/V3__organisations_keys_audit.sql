-- Organisations, their API keys, safe retries and the audit trail.

create table organisation (
    id         uuid         primary key,
    name       varchar(120) not null,
    operator   boolean      not null default false,
    created_at timestamptz  not null,
    version    bigint       not null
);
create unique index organisation_name_uq on organisation (lower(name));

-- Keys are stored as a SHA-256 hash; the prefix is public and finds the row.
create table api_key (
    id              uuid         primary key,
    organisation_id uuid         not null references organisation (id) on delete cascade,
    prefix          varchar(16)  not null unique,
    key_hash        varchar(64)  not null,
    role            varchar(8)   not null,
    name            varchar(120) not null,
    created_at      timestamptz  not null,
    revoked_at      timestamptz
);
create index api_key_organisation_idx on api_key (organisation_id, created_at);

-- One row per (organisation, Idempotency-Key): the first request's fingerprint and, once done, its response.
create table idempotency_record (
    organisation_id uuid         not null,
    idempotency_key varchar(255) not null,
    request_hash    varchar(64)  not null,
    status          integer,
    headers         jsonb,
    body            text,
    created_at      timestamptz  not null,
    completed_at    timestamptz,
    primary key (organisation_id, idempotency_key)
);
create index idempotency_record_created_idx on idempotency_record (created_at);

-- Who changed what, when. Tenant-owned: an organisation reads only its own rows.
create table audit_event (
    id              bigserial    primary key,
    organisation_id varchar(36)  not null,
    key_prefix      varchar(16)  not null,
    method          varchar(8)   not null,
    path            varchar(500) not null,
    status          integer      not null,
    resource_id     varchar(64),
    occurred_at     timestamptz  not null
);
create index audit_event_org_idx on audit_event (organisation_id, occurred_at desc, id desc);
