-- A migration may scan whole tables: it is not held to the statement timeout of requests.
set local statement_timeout = 0;

-- The bootstrap key is marked, so that a new configured key revokes the one it replaces, and so that only it
-- carries the operators' powers: every other key of the operators' organisation has just the role it was given.
alter table api_key add column bootstrap boolean not null default false;
update api_key k set bootstrap = true
  from organisation o
 where o.id = k.organisation_id and o.operator and k.name = 'Bootstrap key';

-- A claim belongs to the request that made it: its owner token, renewed while it runs (heartbeat_at), is
-- what completes or releases it; only a claim whose owner stopped renewing it may be taken over.
alter table idempotency_record add column owner_token uuid;
alter table idempotency_record add column heartbeat_at timestamptz;
update idempotency_record set heartbeat_at = created_at;
