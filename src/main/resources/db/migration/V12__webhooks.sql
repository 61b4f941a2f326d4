-- A migration may scan whole tables: it is not held to the statement timeout of requests.
set local statement_timeout = 0;

-- An organisation's webhook endpoint. Tenant-owned (organisation_id, as audit_event): another organisation's
-- endpoints do not exist for a caller. The signing secrets are sealed (AES-GCM, microscout.webhooks.secret-key):
-- a database dump alone cannot sign. After a rotation the previous secret still signs until its expiry.
create table webhook_endpoint (
    id                         uuid          primary key,
    organisation_id            varchar(36)   not null,
    url                        varchar(2000) not null,
    description                varchar(500),
    events                     varchar(40)[] not null check (cardinality(events) > 0),
    enabled                    boolean       not null default true,
    disabled_reason            varchar(500),
    disabled_at                timestamptz,
    secret                     bytea         not null,
    previous_secret            bytea,
    previous_secret_expires_at timestamptz,
    -- The first failure of the current run of failures; a success clears it. Past microscout.webhooks.disable-after
    -- the endpoint is disabled.
    failing_since              timestamptz,
    created_at                 timestamptz   not null,
    updated_at                 timestamptz   not null,
    version                    bigint        not null default 0,
    check (enabled = (disabled_at is null))
);
create index webhook_endpoint_org_idx on webhook_endpoint (organisation_id, created_at, id);
-- Fan-out of an event: the enabled endpoints subscribed to its type.
create index webhook_endpoint_subscribed_idx on webhook_endpoint using gin (events) where enabled;

-- The outbox: one row per event, written in the transaction of the change it announces. organisation_id is
-- null for a catalogue-wide event (every organisation's subscribed endpoints receive it).
create table webhook_event (
    id              uuid        primary key,
    type            varchar(40) not null,
    organisation_id varchar(36),
    payload         jsonb       not null,
    created_at      timestamptz not null
);
create index webhook_event_created_idx on webhook_event (created_at);

-- One event to one endpoint. A dispatcher claims a due PENDING delivery by taking a lease (owner and expiry);
-- a lease whose instance stopped expires and the delivery is claimed again.
create table webhook_delivery (
    id              uuid         primary key,
    event_id        uuid         not null references webhook_event (id) on delete cascade,
    endpoint_id     uuid         not null references webhook_endpoint (id) on delete cascade,
    -- A delivery sent again on request names the one it repeats.
    redelivery_of   uuid         references webhook_delivery (id) on delete set null,
    status          varchar(10)  not null check (status in ('PENDING', 'SUCCEEDED', 'FAILED')),
    attempts        integer      not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz,
    lease_owner     uuid,
    lease_until     timestamptz,
    failure_reason  varchar(500),
    created_at      timestamptz  not null,
    completed_at    timestamptz,
    check ((status = 'PENDING') = (next_attempt_at is not null))
);
-- The dispatcher's claim: due deliveries in order of their next attempt.
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_endpoint_idx on webhook_delivery (endpoint_id, created_at desc, id desc);
create index webhook_delivery_event_idx on webhook_delivery (event_id);

-- Every attempt of a delivery: when, the answer (HTTP status) or the error, and how long it took.
create table webhook_attempt (
    delivery_id  uuid          not null references webhook_delivery (id) on delete cascade,
    attempt      integer       not null check (attempt > 0),
    attempted_at timestamptz   not null,
    status_code  integer,
    error        varchar(500),
    duration_ms  integer       not null check (duration_ms >= 0),
    primary key (delivery_id, attempt)
);
