-- The audience check of V8, the same rule in one expression: a set is null, or an object none of whose values is
-- anything but a number in [0, 1] (0, or at least 1e-300). The jsonpath filter replaces the subquery over
-- jsonb_each, so PostgreSQL inlines both functions into the constraint instead of running them per row as SQL
-- function calls (a bulk write of channels spent about half its time there).
create or replace function audience_shares_valid(shares jsonb) returns boolean
    language sql immutable parallel safe
as $$
    select case
               when shares is null then true
               when jsonb_typeof(shares) <> 'object' then false
               else not jsonb_path_exists(shares,
                        'strict $.* ? (@.type() != "number" || @ < 0 || @ > 1 || (@ > 0 && @ < 1e-300))',
                        '{}', true)
           end
$$;
