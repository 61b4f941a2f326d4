-- Benchmark catalogue for the ranked search: influencers, their niches, channels, channel metrics and posts
-- in the source tables, and the search read model (search_entry) and peer baselines filled consistently
-- with them, all from generate_series in a few statements. Replaces the catalogue it finds.
--
--   psql -h localhost -p PORT -U postgres -d postgres -v channels=1000000 -f bench/generate.sql
--
-- Variables: channels (default 1,000,000), influencers (default 70 % of channels), posts per channel
-- (default 20), seed (default 20261123). The same variables give the same data: every random figure is
-- a hash of the row's number and a per-figure salt, not random().
--
-- Distributions (perf/FLOOR.md): platforms 45 % Instagram, 30 % TikTok, 15 % YouTube, 5 % X, 5 % Facebook;
-- followers log-normal with about 55 % nano, 35 % micro, 10 % macro; half the creators in Indonesia, the
-- rest in MY, SG, PH, TH, VN; 1-3 niches per creator, popular ones more often; engagement rate 0.5-10 %,
-- higher for small accounts; reputation 0.2-0.95; authenticity mostly 80-100 with a tail.
--
-- Not generated: follower snapshots, tier changes, reviews and stored reputations (influencer_reputation). The
-- reputation is drawn straight into search_entry, so the search ranks on a realistic spread; a creator whose
-- reputation is recomputed (after a post batch or a review) falls back to what its reviews say. Channel metrics
-- carry the engagement rate, postsPerWeek and authenticity; their other figures are unknown until recomputed.

\set ON_ERROR_STOP on
\if :{?channels}
\else
\set channels 1000000
\endif
\if :{?influencers}
\else
select greatest(1, round(:channels * 0.7))::bigint as influencers \gset
\endif
\if :{?posts}
\else
\set posts 20
\endif
\if :{?seed}
\else
\set seed 20261123
\endif
select least(:influencers, :channels) as influencers \gset
\echo Generating :channels channels of :influencers influencers with :posts posts each (seed :seed)

-- A 20-million-row load writes a lot of WAL: checkpoints far apart, and no waiting for the disk at commit.
alter system set max_wal_size = '16GB';
alter system set checkpoint_timeout = '1h';
select pg_reload_conf() \g /dev/null
set synchronous_commit = off;
set work_mem = '256MB';
set maintenance_work_mem = '1GB';
-- Foreign keys are not checked row by row: the rows below are consistent by construction.
set session_replication_role = replica;

-- u(n, salt): a uniform number in [0, 1) from a hash of n; z(n, salt): a standard normal (Box-Muller).
-- Both are plain SQL expressions that the planner inlines.
select format($f$create function pg_temp.u(n bigint, salt int) returns float8 language sql immutable parallel safe as
                 'select (hashint8extended(n, salt + %s) & 9007199254740991)::float8 / 9007199254740992'$f$, :seed) \gexec
create function pg_temp.z(n bigint, salt int) returns float8 language sql immutable parallel safe as
    'select sqrt(-2 * ln(1 - pg_temp.u(n, salt))) * cos(2 * pi() * pg_temp.u(n, salt + 1))';

\set bench_tables '''influencer'', ''influencer_niche'', ''channel'', ''channel_metrics'', ''post'', ''search_entry'', ''influencer_text'''
select to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as window_end,
       to_char((now() - interval '90 days') at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as window_start \gset

select clock_timestamp() as bench_started \gset
begin;

\echo == empty the catalogue; set its indexes aside (rebuilt from their own definitions after the load)
truncate influencer, search_entry, peer_baseline restart identity cascade;
-- Secondary indexes, and primary keys and unique constraints that no foreign key depends on: building them
-- once over the loaded rows is several times faster than maintaining them row by row.
create temp table bench_index on commit drop as
select format('drop index %I', i.relname) as set_aside, pg_get_indexdef(i.oid) as rebuild
  from pg_index x
  join pg_class i on i.oid = x.indexrelid
  join pg_class t on t.oid = x.indrelid
 where t.relnamespace = 'public'::regnamespace and t.relname in (:bench_tables)
   and not exists (select 1 from pg_constraint k where k.conindid = i.oid and k.conrelid = t.oid)
union all
select format('alter table %I drop constraint %I', t.relname, k.conname),
       format('alter table %I add constraint %I %s', t.relname, k.conname, pg_get_constraintdef(k.oid))
  from pg_constraint k
  join pg_class t on t.oid = k.conrelid
 where t.relnamespace = 'public'::regnamespace and t.relname in (:bench_tables) and k.contype in ('p', 'u')
   and not exists (select 1 from pg_constraint f where f.contype = 'f' and f.confrelid = t.oid);
select set_aside from bench_index \gexec
\timing on

\echo == niches by popularity
-- Weights: how often creators name each niche (beauty, food and fashion children lead; woodwork is rare).
create temp table bench_niche on commit drop as
select row_number() over (order by slug) as idx, slug, popularity,
       (sum(popularity) over (order by slug) - popularity)::float8 / sum(popularity) over () as lower_bound
  from (values ('skincare', 10), ('makeup', 8), ('haircare', 4), ('beauty', 3),
               ('street-food', 8), ('baking', 4), ('healthy-eating', 4), ('food', 3),
               ('modest-fashion', 6), ('streetwear', 4), ('batik', 2), ('fashion', 3),
               ('handmade', 2), ('woodwork', 1), ('crafts', 1),
               ('gaming', 7), ('gadgets', 5), ('tech', 2),
               ('fitness', 6), ('travel', 7), ('parenting', 4), ('finance', 3), ('education', 3),
               ('home', 3), ('pets', 3), ('music', 5), ('comedy', 6)) v(slug, popularity)
 where exists (select 1 from niche n where n.slug = v.slug);
select array_agg(lower_bound order by idx)::text as niche_bounds from bench_niche \gset

\echo == creators
create temp table bench_creator on commit drop as
select n,
       ('10000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid as id,
       country,
       case country
           when 'ID' then (array['Jakarta', 'Surabaya', 'Bandung', 'Medan', 'Yogyakarta', 'Denpasar', 'Makassar', 'Semarang'])[1 + floor(pg_temp.u(n, 2) * 8)::int]
           when 'MY' then (array['Kuala Lumpur', 'George Town', 'Johor Bahru'])[1 + floor(pg_temp.u(n, 2) * 3)::int]
           when 'SG' then 'Singapore'
           when 'PH' then (array['Manila', 'Cebu City', 'Davao City'])[1 + floor(pg_temp.u(n, 2) * 3)::int]
           when 'TH' then (array['Bangkok', 'Chiang Mai', 'Phuket'])[1 + floor(pg_temp.u(n, 2) * 3)::int]
           else (array['Ho Chi Minh City', 'Hanoi', 'Da Nang'])[1 + floor(pg_temp.u(n, 2) * 3)::int]
       end as city,
       case country
           when 'ID' then case when pg_temp.u(n, 3) < 0.6 then '{id,en}' else '{id}' end
           when 'MY' then '{ms,en}'
           when 'SG' then '{en}'
           when 'PH' then '{en,tl}'
           when 'TH' then '{th}'
           else '{vi}'
       end::varchar(2)[] as languages,
       pg_temp.u(n, 4) < 0.6 as has_contact,
       -- 0.2-0.95, most creators in the upper half.
       (0.2 + 0.75 * power(pg_temp.u(n, 5), 0.6))::real as reputation,
       pg_temp.u(n, 6) < 0.02 as open_incidents,
       pg_temp.u(n, 7) < 0.7 as has_rate_card,
       pg_temp.u(n, 8) < 0.15 as rate_in_usd,
       1 + (pg_temp.u(n, 9) >= 0.45)::int + (pg_temp.u(n, 9) >= 0.8)::int as niche_count,
       now() - interval '700 days' * pg_temp.u(n, 11) as created_at
  from (select n, case when pg_temp.u(n, 1) < 0.5 then 'ID'
                       else (array['MY', 'SG', 'PH', 'TH', 'VN'])[1 + floor((pg_temp.u(n, 1) - 0.5) * 10)::int] end as country
          from generate_series(1, :influencers) n) s;

\echo == niches of each creator
-- The first niche weighs 1, a second 0.3-0.8, a third 0.2-0.5; a niche drawn twice counts once.
create temp table bench_creator_niche on commit drop as
select c.n, b.slug, max(round(case k when 1 then 1.0 when 2 then 0.3 + 0.5 * pg_temp.u(c.n * 4 + k, 13)
                                          else 0.2 + 0.3 * pg_temp.u(c.n * 4 + k, 13) end::numeric, 2))::float8 as weight,
       min(k) as first_pick
  from bench_creator c
  cross join lateral generate_series(1, c.niche_count) k
  join bench_niche b on b.idx = width_bucket(pg_temp.u(c.n * 4 + k, 12), :'niche_bounds'::float8[])
 group by c.n, b.slug;
analyze bench_creator_niche;

\echo == channels
-- Channel n belongs to creator ((n - 1) mod influencers) + 1: the first creators have a second channel.
create temp table bench_channel on commit drop as
select s.*,
       case when followers < 10000 then 'NANO' when followers <= 100000 then 'MICRO' else 'MACRO' end as tier,
       case when too_small then null
            else least(0.10, greatest(0.005,
                 case when followers < 10000 then 0.045 when followers <= 100000 then 0.028 else 0.017 end
                 * case platform when 'TIKTOK' then 1.3 when 'YOUTUBE' then 0.8 when 'X' then 0.5 when 'FACEBOOK' then 0.6 else 1.0 end
                 * exp(0.45 * pg_temp.z(n, 24)))) end as engagement_rate,
       -- Days between posts; channels with too small a sample post so rarely that 1-2 posts fall in the 90-day window.
       case when too_small then 60 else 2 + 5 * pg_temp.u(n, 26) end as gap_days
  from (select n,
               ('20000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid as id,
               ((n - 1) % :influencers) + 1 as creator,
               (array['INSTAGRAM', 'TIKTOK', 'YOUTUBE', 'X', 'FACEBOOK'])[width_bucket(pg_temp.u(n, 20), '{0,0.45,0.75,0.9,0.95}'::float8[])] as platform,
               -- log-normal: P(< 10,000) = 0.55, P(> 100,000) = 0.10
               least(20000000, floor(exp(8.96 + 1.99 * pg_temp.z(n, 21))))::bigint as followers,
               pg_temp.u(n, 23) < 0.03 as too_small,
               case when pg_temp.u(n, 27) < 0.85 then 80 + floor(pg_temp.u(n, 28) * 21)
                    when pg_temp.u(n, 27) < 0.96 then 55 + floor(pg_temp.u(n, 28) * 25)
                    else 15 + floor(pg_temp.u(n, 28) * 40) end::int as authenticity,
               pg_temp.u(n, 29) as offset_share
          from generate_series(1, :channels) n) s;
alter table bench_channel add column posts_in_window int;
update bench_channel set posts_in_window = least(:posts, floor((90 - offset_share * gap_days) / gap_days)::int + 1);
analyze bench_channel;

\echo == influencer
insert into influencer (id, display_name, bio, country, city, languages, contact_email, rate_currency, rate_price,
                        tier, max_followers, created_at, updated_at, version)
select c.id, 'Creator ' || c.n,
       c.city || ' creator sharing ' || cn.niches,
       c.country, c.city, c.languages,
       case when c.has_contact then 'creator' || c.n || '@example.com' end,
       r.currency,
       case when c.has_rate_card then round(((5 + ch.max_followers * 0.008 * (0.5 + pg_temp.u(c.n, 14))) * r.per_usd)::numeric, r.scale) end,
       case when ch.max_followers < 10000 then 'NANO' when ch.max_followers <= 100000 then 'MICRO' else 'MACRO' end,
       ch.max_followers, c.created_at, c.created_at, 0
  from bench_creator c
  join (select creator, max(followers) as max_followers from bench_channel group by creator) ch on ch.creator = c.n
  join (select n, string_agg(replace(slug, '-', ' '), ', ' order by first_pick) as niches
          from bench_creator_niche group by n) cn on cn.n = c.n
  left join lateral (select cur as currency, per_usd, scale
                       from (values ('IDR', 16000, -3), ('MYR', 4.4, 0), ('SGD', 1.32, 0), ('PHP', 57, 0), ('THB', 34, 0),
                                    ('VND', 25500, -3), ('USD', 1, 0)) v(cur, per_usd, scale)
                      where c.has_rate_card
                        and cur = case when c.rate_in_usd then 'USD'
                                       else case c.country when 'ID' then 'IDR' when 'MY' then 'MYR' when 'SG' then 'SGD'
                                                           when 'PH' then 'PHP' when 'TH' then 'THB' else 'VND' end end) r on true
 order by c.id;

insert into influencer_niche (influencer_id, niche_slug, weight)
select c.id, cn.slug, cn.weight
  from bench_creator_niche cn join bench_creator c on c.n = cn.n
;

-- The bio and the tags of recent posts (every post is tagged with the creator's first niche), as SearchIndexer writes it.
insert into influencer_text (influencer_id, document)
select i.id, to_tsvector('simple', coalesce(i.bio, '') || ' ' || cn.slug)
  from influencer i
  join bench_creator c on c.id = i.id
  join bench_creator_niche cn on cn.n = c.n and cn.first_pick = 1;

-- The creators with open incidents have one: unresolved, of medium severity, within the last 24 months.
insert into incident (id, influencer_id, kind, severity, occurred_on, source, resolved, description, created_at, updated_at, version)
select ('30000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid, id, 'undisclosed-ad', 'MEDIUM',
       current_date - floor(600 * pg_temp.u(n, 15))::int, 'https://example.com/report/' || n, false,
       'Benchmark data: an unresolved incident', now(), now(), 0
  from bench_creator where open_incidents;

\echo == channel
insert into channel (id, influencer_id, platform, handle, url, followers, following, verified, audience, tier,
                     created_at, updated_at, version)
select ch.id, c.id, ch.platform, 'creator_' || ch.n,
       'https://' || case ch.platform when 'INSTAGRAM' then 'instagram.com/' when 'TIKTOK' then 'tiktok.com/@'
                                      when 'YOUTUBE' then 'youtube.com/@' when 'X' then 'x.com/' else 'facebook.com/' end
                  || 'creator_' || ch.n,
       ch.followers,
       floor(least(ch.followers, 2000) * pg_temp.u(ch.n, 30))::bigint,
       ch.tier = 'MACRO' and pg_temp.u(ch.n, 31) < 0.3,
       jsonb_build_object(
           'genderShares', jsonb_build_object('female', round((0.25 + 0.5 * pg_temp.u(ch.n, 32))::numeric, 3),
                                              'male', round((0.73 - 0.5 * pg_temp.u(ch.n, 32))::numeric, 3)),
           'ageShares', jsonb_build_object('13-17', 0.06, '18-24', round((0.2 + 0.2 * pg_temp.u(ch.n, 33))::numeric, 3),
                                           '25-34', round((0.4 - 0.2 * pg_temp.u(ch.n, 33))::numeric, 3), '35-44', 0.18,
                                           '45-54', 0.1, '55+', 0.05),
           'countryShares', jsonb_build_object(c.country, round((0.6 + 0.3 * pg_temp.u(ch.n, 34))::numeric, 3),
                                               case when c.country = 'SG' then 'MY' else 'SG' end, 0.05)),
       ch.tier, c.created_at, c.created_at, 0
  from bench_channel ch join bench_creator c on c.n = ch.creator
 order by ch.id;

\echo == channel_metrics
-- detail is what the metrics service stores: the figures with the posts they rest on, and the authenticity
-- with its signals. Only engagementRate and postsPerWeek are filled in; the other figures are unknown.
insert into channel_metrics (channel_id, computed_at, window_start, window_end, posts_in_window, sample_too_small,
                             engagement_rate, authenticity, detail)
select ch.id, now(), now() - interval '90 days', now(), ch.posts_in_window, ch.too_small, ch.engagement_rate, ch.authenticity,
       jsonb_build_object(
           'metrics', jsonb_build_object(
               'windowStart', :'window_start', 'windowEnd', :'window_end',
               'postsInWindow', ch.posts_in_window,
               'sampleTooSmall', ch.too_small,
               'followers', ch.followers,
               'engagementRate', jsonb_build_object('value', ch.engagement_rate, 'basedOnPosts', ch.posts_in_window),
               'viewEngagementRate', u.figure, 'microConversionRate', u.figure, 'amplificationRate', u.figure,
               'conversationRate', u.figure,
               'growthRate30d', jsonb_build_object('rate', null, 'baselineDate', null, 'baselineFollowers', null),
               'postsPerWeek', jsonb_build_object('value', round(ch.posts_in_window / (90 / 7.0), 4), 'basedOnPosts', ch.posts_in_window),
               'postingConsistency', u.figure, 'sponsoredShare', u.figure, 'sponsoredEngagementRatio', u.figure,
               'estimatedCostPerEngagement', u.figure,
               'likesInWindow', round(ch.posts_in_window * coalesce(ch.engagement_rate, 0.02) * ch.followers * 0.82),
               'commentsInWindow', round(ch.posts_in_window * coalesce(ch.engagement_rate, 0.02) * ch.followers * 0.04)),
           'authenticity', jsonb_build_object(
               'score', ch.authenticity,
               'signals', case when ch.authenticity < 100
                               then jsonb_build_array(jsonb_build_object('code', 'LOW_ENGAGEMENT_VS_PEERS', 'penalty', 100 - ch.authenticity,
                                                                         'reason', 'Benchmark data: penalty set by the generator'))
                               else '[]'::jsonb end,
               'skipped', '[]'::jsonb))
  from bench_channel ch
 cross join (select jsonb_build_object('value', null, 'basedOnPosts', 0) as figure) u;

\echo == post (:posts per channel)
-- Post k of a channel is its k-th newest; engagement per post scatters log-normally around the channel's
-- engagement rate, so the median over the window is close to the stored one.
insert into post (channel_id, external_id, posted_at, format, sponsored, views, reach, likes, comments, saves, shares,
                  link_clicks, dms, mentions, tags, created_at, updated_at)
select p.id, 'p' || lpad(p.k::text, 3, '0'), p.posted_at, p.format, p.sponsored,
       case when p.format in ('REEL', 'VIDEO', 'SHORT', 'LIVE', 'STORY')
            then floor(p.followers * (0.3 + 1.2 * pg_temp.u(p.m, 42)))::bigint end,
       floor(p.followers * (0.2 + 0.4 * pg_temp.u(p.m, 43)))::bigint,
       round(p.engagements * 0.82)::bigint, round(p.engagements * 0.04)::bigint, round(p.engagements * 0.09)::bigint,
       round(p.engagements * 0.05)::bigint, round(p.engagements * 0.02)::bigint, round(p.engagements * 0.01)::bigint,
       round(p.engagements * 0.005)::bigint, p.tags, now(), now()
  from (select ch.id, ch.followers, k, ch.n * 1000 + k as m, cn.tags,
               now() - interval '1 day' * ((k - 1 + ch.offset_share) * ch.gap_days) as posted_at,
               case ch.platform
                   when 'INSTAGRAM' then (array['PHOTO', 'PHOTO', 'CAROUSEL', 'REEL', 'REEL', 'STORY'])[1 + floor(pg_temp.u(ch.n * 1000 + k, 40) * 6)::int]
                   when 'TIKTOK' then case when pg_temp.u(ch.n * 1000 + k, 40) < 0.9 then 'VIDEO' else 'LIVE' end
                   when 'YOUTUBE' then case when pg_temp.u(ch.n * 1000 + k, 40) < 0.6 then 'VIDEO' else 'SHORT' end
                   when 'X' then case when pg_temp.u(ch.n * 1000 + k, 40) < 0.7 then 'TEXT' else 'PHOTO' end
                   else case when pg_temp.u(ch.n * 1000 + k, 40) < 0.5 then 'PHOTO' else 'VIDEO' end
               end as format,
               pg_temp.u(ch.n * 1000 + k, 41) < 0.15 as sponsored,
               greatest(0, ch.followers * coalesce(ch.engagement_rate, 0.02) * exp(0.35 * pg_temp.z(ch.n * 1000 + k, 44))) as engagements
          from bench_channel ch
          join (select n, array[slug]::varchar(100)[] as tags from bench_creator_niche where first_pick = 1) cn on cn.n = ch.creator
         cross join generate_series(1, :posts) k) p;

\echo == search_entry: a row per channel and top-level niche of its creator, and one for briefs without niches
-- Expansion as in NicheFit: a niche adds half its weight to its parent and a quarter to its grandparent;
-- the vector is scaled to length 1, then cut per top-level niche and laid out by niche.position up to the last
-- niche the creator has in that subtree.
create temp table bench_vector on commit drop as
with expanded as (
    select cn.n, x.slug, sum(x.weight) as weight
      from bench_creator_niche cn
      join niche s on s.slug = cn.slug
      left join niche p on p.slug = s.parent_slug
     cross join lateral (values (s.slug, cn.weight), (p.slug, cn.weight * 0.5), (p.parent_slug, cn.weight * 0.25)) x(slug, weight)
     where x.slug is not null
     group by cn.n, x.slug),
unit as (
    select e.n, e.slug, n.root_slug, e.weight / sqrt(sum(e.weight * e.weight) over (partition by e.n)) as weight
      from expanded e join niche n on n.slug = e.slug),
roots as (select u.n, u.root_slug, max(n.position) as last_position from unit u join niche n on n.slug = u.slug group by u.n, u.root_slug)
select r.n, r.root_slug, array_agg(coalesce(u.weight, 0)::real order by t.position) as niche_vec
  from roots r
  join niche t on t.root_slug = r.root_slug and t.position <= r.last_position
  left join unit u on u.n = r.n and u.slug = t.slug
 group by r.n, r.root_slug;

insert into search_entry (root_niche, platform, tier, country, authenticity, channel_id, influencer_id, niche_vec,
                          engagement_rate, sample_too_small, reputation, followers, city, languages, has_contact,
                          open_incidents, rate_currency, rate_price, root_mask)
select v.root_slug, ch.platform, ch.tier, i.country, ch.authenticity, ch.id, i.id, v.niche_vec,
       ch.engagement_rate, ch.too_small, c.reputation, ch.followers, i.city, i.languages, c.has_contact,
       c.open_incidents, i.rate_currency, i.rate_price, r.root_mask
  from bench_channel ch
  join bench_creator c on c.n = ch.creator
  join influencer i on i.id = c.id
  join (select v.n, coalesce(bit_or(1::bigint << t.root_bit), 0) as root_mask
          from bench_vector v join niche t on t.slug = v.root_slug group by v.n) r on r.n = ch.creator
  join (select n, root_slug, niche_vec from bench_vector
        union all
        select n, '*', '{}' from bench_creator) v on v.n = ch.creator;

\echo == search_count: the rows above counted per range (V21; its triggers do not fire under session_replication_role)
select search_count_rebuild();

\echo == exchange rates (units of quote per unit of base)
insert into exchange_rate (base_currency, quote_currency, rate, updated_at)
select b.cur, q.cur, round(q.per_usd / b.per_usd, 10), now()
  from (values ('IDR', 16000.0), ('MYR', 4.4), ('SGD', 1.32), ('PHP', 57.0), ('THB', 34.0), ('VND', 25500.0), ('USD', 1.0)) b(cur, per_usd)
 cross join (values ('IDR', 16000.0), ('MYR', 4.4), ('SGD', 1.32), ('PHP', 57.0), ('THB', 34.0), ('VND', 25500.0), ('USD', 1.0)) q(cur, per_usd)
 where b.cur <> q.cur
-- The operators' table (no organisation), under the index exchange_rate_table_uq.
on conflict ((coalesce(organisation_id, '00000000-0000-0000-0000-000000000000'::uuid)), base_currency, quote_currency)
    do update set rate = excluded.rate, updated_at = excluded.updated_at;

\echo == peer_baseline: the aggregate of PeerBaselineService (every rate up to 5,000 channels, else 1,001 order statistics)
insert into peer_baseline (platform, tier, channels, median_engagement_rate, exact, sorted_rates, computed_at)
select platform, tier, channels, median, channels <= 5000, rates, now()
  from (select c.platform, c.tier, count(*) as channels,
               percentile_cont(0.5) within group (order by m.engagement_rate) as median,
               case when count(*) <= 5000 then array_agg(m.engagement_rate order by m.engagement_rate)
                    else percentile_disc((select array_agg(g / 1000.0) from generate_series(0, 1000) g))
                         within group (order by m.engagement_rate) end as rates
          from channel_metrics m join channel c on c.id = m.channel_id
         where m.engagement_rate is not null
         group by c.platform, c.tier) a;

\echo == rebuild the indexes and constraints set aside at the start
\timing off
select clock_timestamp() as step_started \gset
select rebuild from bench_index \gexec
select 'Time: ' || round(extract(epoch from clock_timestamp() - :'step_started'::timestamptz) * 1000) || ' ms' as took \gset
\echo :took

commit;

reset session_replication_role;
alter system reset max_wal_size;
alter system reset checkpoint_timeout;
select pg_reload_conf() \g /dev/null

\echo == vacuum analyze (index-only scans need the visibility map)
\timing on
vacuum analyze;
\timing off

\echo == catalogue
select round(extract(epoch from clock_timestamp() - :'bench_started'::timestamptz)) as seconds,
       (select count(*) from influencer) as influencers, (select count(*) from channel) as channels,
       (select count(*) from post) as posts, (select count(*) from search_entry) as search_entries,
       pg_size_pretty(pg_database_size(current_database())) as database_size;
select platform, tier, count(*) as channels, round(100.0 * count(*) / sum(count(*)) over (), 1) as pct,
       round(avg(engagement_rate)::numeric * 100, 2) as avg_er_pct
  from search_entry where root_niche = '*' group by platform, tier order by 3 desc;
