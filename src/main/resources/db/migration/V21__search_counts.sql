-- The ranked search answers an exact total with every page. Counting a brief's matching rows of search_entry costs
-- a step per candidate, so it grew with the catalogue; these tables keep the counts per range instead, and a
-- brief whose filters are all range columns reads its total from a few rows (see SearchPlan.total).
--
-- search_count holds the number of rows per (root niche, platform, tier, country, root mask, authenticity): a
-- brief's total sums the rows of its ranges at or above its minimum authenticity, at most 101 per range whatever the
-- catalogue's size. Writers never update it: every statement that writes search_entry appends what it changed to
-- search_count_change (a trigger, so no writer can forget it, and without a row every writer would update:
-- concurrent imports do not queue on a counter). SearchCounts folds the changes into search_count in the
-- background, in one transaction that deletes what it adds, so a reader's snapshot sees every change exactly once,
-- folded or not: the total is exact at any moment. A count that falls to 0 keeps its row (there are at most 101
-- per range, and a range emptied is likely to fill again).

create table search_count (
    root_niche   varchar(60) not null,
    platform     varchar(12) not null,
    tier         varchar(8)  not null,
    country      varchar(2)  not null,
    root_mask    bigint      not null,
    authenticity smallint    not null check (authenticity between 0 and 100),
    channels     integer     not null,
    primary key (root_niche, platform, tier, country, root_mask, authenticity)
);

create table search_count_change (
    root_niche   varchar(60) not null,
    platform     varchar(12) not null,
    tier         varchar(8)  not null,
    country      varchar(2)  not null,
    root_mask    bigint      not null,
    authenticity smallint    not null check (authenticity between 0 and 100),
    delta        integer     not null
);

-- The authenticity a row is counted at: stored figures are 0–100 (channel_metrics checks it), kept in range here
-- so that a row written by hand cannot make a change unfoldable.
create function search_count_track() returns trigger
language plpgsql as $$
begin
    if tg_op in ('INSERT', 'UPDATE') then
        insert into search_count_change (root_niche, platform, tier, country, root_mask, authenticity, delta)
        select root_niche, platform, tier, country, root_mask, least(100, greatest(0, authenticity)), count(*)
          from added group by 1, 2, 3, 4, 5, 6;
    end if;
    if tg_op in ('DELETE', 'UPDATE') then
        insert into search_count_change (root_niche, platform, tier, country, root_mask, authenticity, delta)
        select root_niche, platform, tier, country, root_mask, least(100, greatest(0, authenticity)), -count(*)
          from removed group by 1, 2, 3, 4, 5, 6;
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

-- The counts of the rows already there: a pass over the whole read model, background work rather than a request's
-- (about 4 s for 2,645,283 rows in memory, longer from disk than the requests' statement timeout allows).
set local statement_timeout = '10min';
insert into search_count (root_niche, platform, tier, country, root_mask, authenticity, channels)
select root_niche, platform, tier, country, root_mask, least(100, greatest(0, authenticity)), count(*)
  from search_entry
 group by 1, 2, 3, 4, 5, 6;
