-- An instance takes a few tokens of a key's bucket at once (a lease) and spends them in memory, so a busy key costs
-- one statement per lease instead of one per request.
alter table rate_limit_bucket add column granted integer not null default 0;

drop function rate_limit_take(uuid, double precision, double precision);

-- Grants up to want whole tokens of a key's bucket (burst at most, refilled at per_second), as many as it holds, in
-- one statement; answers how many were granted and the tokens left in the bucket.
create function rate_limit_lease(key uuid, burst double precision, per_second double precision, want integer,
                                 out granted integer, out tokens double precision)
language sql as $$
    insert into rate_limit_bucket as b (key_id, tokens, refilled_at, allowed, granted)
    values (key, burst - least(want, floor(burst)), clock_timestamp(), true, least(want, floor(burst))::integer)
    on conflict (key_id) do update
        set granted = least(want, floor(rate_limit_refilled(b.tokens, b.refilled_at, excluded.refilled_at, burst, per_second)))::integer,
            tokens = rate_limit_refilled(b.tokens, b.refilled_at, excluded.refilled_at, burst, per_second)
                     - least(want, floor(rate_limit_refilled(b.tokens, b.refilled_at, excluded.refilled_at, burst, per_second))),
            allowed = rate_limit_refilled(b.tokens, b.refilled_at, excluded.refilled_at, burst, per_second) >= 1,
            refilled_at = excluded.refilled_at
    returning b.granted, b.tokens
$$;
