-- Several service instances on one database: the state that used to live in each process lives here.

-- A key's token bucket, shared by every instance. Unlogged: a bucket is worth no WAL, no fsync at commit and no
-- copy on the replicas; after a crash the buckets start full again, as they would after a restart of one instance.
create unlogged table rate_limit_bucket (
    key_id      uuid             primary key,
    tokens      double precision not null,
    refilled_at timestamptz      not null,
    allowed     boolean          not null
);

create function rate_limit_refilled(tokens double precision, refilled_at timestamptz, at timestamptz,
                                    burst double precision, per_second double precision) returns double precision
language sql immutable as $$ select least(burst, tokens + per_second * extract(epoch from at - refilled_at)) $$;

-- Takes one token from a key's bucket (burst tokens at most, refilled at per_second) when it has one, in one
-- statement: the row lock of the upsert orders concurrent takes of one key, whichever instance they come from, and
-- the database's clock is the only clock, so the instances' clocks cannot disagree. Answers the tokens left and
-- whether the take was allowed.
create function rate_limit_take(key uuid, burst double precision, per_second double precision,
                                out tokens double precision, out allowed boolean)
language sql as $$
    insert into rate_limit_bucket as b (key_id, tokens, refilled_at, allowed) values (key, burst - 1, clock_timestamp(), true)
    on conflict (key_id) do update
        set tokens = case when rate_limit_refilled(b.tokens, b.refilled_at, excluded.refilled_at, burst, per_second) >= 1
                          then rate_limit_refilled(b.tokens, b.refilled_at, excluded.refilled_at, burst, per_second) - 1
                          else rate_limit_refilled(b.tokens, b.refilled_at, excluded.refilled_at, burst, per_second) end,
            allowed = rate_limit_refilled(b.tokens, b.refilled_at, excluded.refilled_at, burst, per_second) >= 1,
            refilled_at = excluded.refilled_at
    returning b.tokens, b.allowed
$$;

-- Scheduled work that must run once per period across all instances (peer baselines, purges): an instance runs a
-- task only if it moves the task's start past the period, which one statement does for one instance only.
create table scheduled_run (
    task       text        primary key,
    started_at timestamptz not null,
    instance   text        not null
);
