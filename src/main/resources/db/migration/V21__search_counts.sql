-- The ranked search answers an exact total with every page. Counting a brief's matching rows of search_entry costs
-- a step per candidate, so it grew with the catalogue; these tables keep the counts per range instead, and a
-- brief of one top-level niche (or none) whose filters are all range columns reads its total from a few rows (see
-- SearchPlan.total).
--
-- search_count holds the counts per (root niche, platform, tier, country), one element per authenticity level:
-- at_least[a + 1] is the number of rows of that range whose authenticity is a or more (a = 0 … 100), so a brief
-- reads one element per range it spans. The ranges are few (top-level niches × platforms × tiers × countries),
-- so a batch of changes touches few of them and a fold is cheap. Writers never update the counts: every statement
-- that writes search_entry appends what it changed to search_count_change (a trigger, so no writer can forget it,
-- and without a row every writer would update: concurrent imports do not queue on a counter). SearchCounts folds
-- the changes into search_count in the background, in one transaction that deletes what it adds, so a reader's
-- snapshot sees every change exactly once, folded or not: the total is exact at any moment.

create table search_count (
    root_niche varchar(60) not null,
    platform   varchar(12) not null,
    tier       varchar(8)  not null,
    country    varchar(2)  not null,
    at_least   integer[]   not null check (cardinality(at_least) = 101),
    primary key (root_niche, platform, tier, country)
);

create table search_count_change (
    root_niche   varchar(60) not null,
    platform     varchar(12) not null,
    tier         varchar(8)  not null,
    country      varchar(2)  not null,
    authenticity smallint    not null check (authenticity between 0 and 100),
    delta        integer     not null
);

-- Rows of one range by authenticity (authenticity[i] with delta[i]) as search_count's levels: a histogram, then
-- summed from the top, so that each level counts the rows at or above it.
create function search_count_levels(authenticity smallint[], delta integer[]) returns integer[]
language plpgsql immutable parallel safe as $$
declare
    levels integer[] := array_fill(0, array[101]);
begin
    for i in 1 .. coalesce(cardinality(authenticity), 0) loop
        levels[authenticity[i] + 1] := levels[authenticity[i] + 1] + delta[i];
    end loop;
    for i in reverse 100 .. 1 loop
        levels[i] := levels[i] + levels[i + 1];
    end loop;
    return levels;
end
$$;

create function search_count_sum(a integer[], b integer[]) returns integer[]
language sql immutable parallel safe as $$
    select array_agg(x + y order by i) from unnest(a, b) with ordinality u(x, y, i)
$$;

-- The authenticity a row is counted at: stored figures are 0–100 (channel_metrics checks it), kept in range here
-- so that a row written by hand cannot make a change unfoldable.
create function search_count_track() returns trigger
language plpgsql as $$
begin
    if tg_op in ('INSERT', 'UPDATE') then
        insert into search_count_change (root_niche, platform, tier, country, authenticity, delta)
        select root_niche, platform, tier, country, least(100, greatest(0, authenticity)), count(*)
          from added group by 1, 2, 3, 4, 5;
    end if;
    if tg_op in ('DELETE', 'UPDATE') then
        insert into search_count_change (root_niche, platform, tier, country, authenticity, delta)
        select root_niche, platform, tier, country, least(100, greatest(0, authenticity)), -count(*)
          from removed group by 1, 2, 3, 4, 5;
    end if;
    return null;
end
$$;

create function search_count_reset() returns trigger
language plpgsql as $$
begin
    truncate search_count, search_count_change;
    return null;
end
$$;

create trigger search_count_inserted after insert on search_entry
    referencing new table as added for each statement execute function search_count_track();
create trigger search_count_deleted after delete on search_entry
    referencing old table as removed for each statement execute function search_count_track();
create trigger search_count_updated after update on search_entry
    referencing old table as removed new table as added for each statement execute function search_count_track();
create trigger search_count_truncated after truncate on search_entry
    for each statement execute function search_count_reset();

-- Counts every row of the read model afresh: below, for the rows already there, and after a load that bypasses the
-- triggers (bench/generate.sql fills search_entry with session_replication_role = replica, which silences them).
create function search_count_rebuild() returns void
language sql as $$
    truncate search_count, search_count_change;
    insert into search_count (root_niche, platform, tier, country, at_least)
    select root_niche, platform, tier, country,
           search_count_levels(array_agg(least(100, greatest(0, authenticity))::smallint), array_agg(1))
      from search_entry
     group by root_niche, platform, tier, country;
$$;

-- A pass over the whole read model: background work rather than a request's (a few seconds for 2,645,283 rows in
-- memory, longer from disk than the requests' statement timeout allows).
set local statement_timeout = '10min';
select search_count_rebuild();
