-- A migration may scan whole tables: it is not held to the statement timeout of requests.
set local statement_timeout = 0;

-- What the API validates, the database checks too, so that no row written past the API (an import, a script, an
-- older release with looser rules) can make later requests fail. Existing rows are repaired first, so that every
-- constraint below is validated, not just promised for new rows.

-- ---- channel.audience: null, or an object of the three share sets, each absent or an object of numbers in [0, 1]
-- (0, or at least 1e-300: the search casts each share to float8).
-- The search reads each set with jsonb_each: a set stored as a JSON null (the API once stored {"ageShares": null})
-- made every search with an audience target fail for everyone.
create function audience_shares_valid(shares jsonb) returns boolean
    language sql immutable parallel safe
as $$
    -- CASE rather than AND/OR: PostgreSQL does not promise an order for those, and jsonb_each of a non-object, or
    -- a cast of a non-number, would raise instead of answering false.
    select case
               when shares is null then true
               when jsonb_typeof(shares) <> 'object' then false
               else not exists (select 1
                                  from jsonb_each(shares) e
                                 where case when jsonb_typeof(e.value) = 'number'
                                            then e.value::numeric < 0 or e.value::numeric > 1
                                                 -- float8 cannot read back what is this close to 0 (underflow)
                                                 or e.value::numeric > 0 and e.value::numeric < 1e-300
                                            else true end)
           end
$$;

create function audience_valid(audience jsonb) returns boolean
    language sql immutable parallel safe
as $$
    select case
               when audience is null then true
               when jsonb_typeof(audience) <> 'object' then false
               else audience - array['genderShares', 'ageShares', 'countryShares'] = '{}'::jsonb
                    and audience_shares_valid(audience -> 'genderShares')
                    and audience_shares_valid(audience -> 'ageShares')
                    and audience_shares_valid(audience -> 'countryShares')
           end
$$;

update channel set audience = null
 where audience is not null and jsonb_typeof(audience) <> 'object';
update channel set audience = jsonb_strip_nulls(audience)
 where audience is not null and audience <> jsonb_strip_nulls(audience);
-- Sets that are not objects of shares in [0, 1], and keys that are no set, are dropped: what is missing is unknown.
update channel set audience = jsonb_strip_nulls(jsonb_build_object(
        'genderShares', case when audience_shares_valid(audience -> 'genderShares') then audience -> 'genderShares' end,
        'ageShares', case when audience_shares_valid(audience -> 'ageShares') then audience -> 'ageShares' end,
        'countryShares', case when audience_shares_valid(audience -> 'countryShares') then audience -> 'countryShares' end))
 where audience is not null
   and not audience_valid(audience);

alter table channel add constraint channel_audience_shape check (audience_valid(audience));

-- ---- Counts: the ranges the API documents (ChannelInput, PostInput, FollowerSnapshot).
alter table channel add constraint channel_followers_range check (followers <= 10000000000),
                    add constraint channel_following_range check (following <= 10000000000);
alter table follower_snapshot add constraint follower_snapshot_followers_range check (followers <= 10000000000);
alter table post add constraint post_counts_range check (
    coalesce(views, 0) <= 100000000000 and coalesce(reach, 0) <= 100000000000 and likes <= 100000000000
    and comments <= 100000000000 and saves <= 100000000000 and shares <= 100000000000
    and link_clicks <= 100000000000 and dms <= 100000000000 and mentions <= 100000000000);
alter table influencer add constraint influencer_rate_price_range check (rate_price >= 0);
alter table channel_metrics add constraint channel_metrics_authenticity_range check (authenticity between 0 and 100);

-- ---- Dates: nothing the catalogue records is older than 2000-01-01 (the API's lower bound, @NotBefore).
-- Earlier rows can only come from input that was never plausible. Snapshots before then are removed (no growth
-- window reaches them); posts, incidents and reviews keep their row and move to the earliest date, which changes no
-- figure: the metrics window, the 24 months an incident counts and the review mean all ignore or keep them alike.
delete from follower_snapshot where snapshot_date < date '2000-01-01';
update post set posted_at = timestamptz '2000-01-01 00:00:00+00' where posted_at < timestamptz '2000-01-01 00:00:00+00';
update incident set occurred_on = date '2000-01-01' where occurred_on < date '2000-01-01';
update review set reviewed_on = date '2000-01-01' where reviewed_on < date '2000-01-01';
alter table follower_snapshot add constraint follower_snapshot_date_range check (snapshot_date >= date '2000-01-01');
alter table post add constraint post_posted_at_range check (posted_at >= timestamptz '2000-01-01 00:00:00+00');
alter table incident add constraint incident_occurred_on_range check (occurred_on >= date '2000-01-01');
alter table review add constraint review_reviewed_on_range check (reviewed_on >= date '2000-01-01');
