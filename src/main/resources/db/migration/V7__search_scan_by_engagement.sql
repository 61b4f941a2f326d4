-- Ranked search, scan by engagement: within each (root niche, platform, tier, country) range, search_entry_scan
-- now orders rows by engagement rate, so a search can read only the rows whose engagement could still put them in
-- its top results (see SearchPlan). Authenticity moves from the key to the included columns.
--
-- Each top-level niche gets a bit of its own (0-62, in slug order for the seed ones, in order of creation after
-- them): search_entry.root_mask sets the bits of every root a channel has rows under.
alter table niche add column root_bit smallint check (root_bit between 0 and 62);
update niche n
   set root_bit = r.bit
  from (select slug, row_number() over (order by slug) - 1 as bit from niche where parent_slug is null) r
 where r.slug = n.slug and r.bit <= 62;
create unique index niche_root_bit_uq on niche (root_bit);

-- The table is rebuilt rather than altered: an update of every row would leave the old row versions in the new
-- indexes (they are still visible to the migrating transaction), doubling them until the next REINDEX.
create table search_entry_next (
    root_niche        varchar(60)   not null,
    platform          varchar(12)   not null,
    tier              varchar(8)    not null,
    country           varchar(2)    not null,
    authenticity      smallint      not null,
    channel_id        uuid          not null references channel (id) on delete cascade,
    influencer_id     uuid          not null references influencer (id) on delete cascade,
    -- The creator's unit niche vector restricted to this root's subtree, by niche.position (empty under '*').
    niche_vec         real[]        not null,
    engagement_rate   double precision,
    sample_too_small  boolean       not null,
    -- The engagement rate the row ranks by: -1 when there is none to rank by (no rate, or too few posts).
    rank_rate         double precision not null
        generated always as (case when sample_too_small or engagement_rate is null then -1 else engagement_rate end) stored,
    reputation        real          not null,
    followers         bigint        not null,
    city              varchar(120),
    languages         varchar(2)[]  not null,
    has_contact       boolean       not null,
    open_incidents    boolean       not null,
    rate_currency     varchar(3),
    rate_price        numeric(14, 2),
    -- The bits (niche.root_bit) of every top-level niche the channel has rows under. A brief spanning several
    -- roots counts a channel once, under the first of its roots, and sums niche fit across roots only for the
    -- channels that have more than one of them.
    root_mask         bigint        not null
);

insert into search_entry_next (root_niche, platform, tier, country, authenticity, channel_id, influencer_id, niche_vec,
                               engagement_rate, sample_too_small, reputation, followers, city, languages, has_contact,
                               open_incidents, rate_currency, rate_price, root_mask)
select e.root_niche, e.platform, e.tier, e.country, e.authenticity, e.channel_id, e.influencer_id, e.niche_vec,
       e.engagement_rate, e.sample_too_small, e.reputation, e.followers, e.city, e.languages, e.has_contact,
       e.open_incidents, e.rate_currency, e.rate_price, coalesce(r.mask, 0)
  from search_entry e
  left join (select x.channel_id, bit_or(1::bigint << n.root_bit) as mask
               from search_entry x join niche n on n.slug = x.root_niche
              where n.root_bit is not null group by x.channel_id) r on r.channel_id = e.channel_id;

drop table search_entry;
alter table search_entry_next rename to search_entry;
alter table search_entry rename constraint search_entry_next_channel_id_fkey to search_entry_channel_id_fkey;
alter table search_entry rename constraint search_entry_next_influencer_id_fkey to search_entry_influencer_id_fkey;
alter table search_entry add constraint search_entry_pkey primary key (root_niche, channel_id);
create index search_entry_channel_idx on search_entry (channel_id);
create index search_entry_influencer_idx on search_entry (influencer_id);
create index search_entry_scan on search_entry (root_niche, platform, tier, country, rank_rate)
    include (authenticity, root_mask, channel_id, influencer_id, niche_vec, engagement_rate, sample_too_small, reputation,
             followers, city, languages, has_contact, open_incidents, rate_currency, rate_price);
-- The total of a search: a count of the brief's ranges from small, de-duplicated index entries.
create index search_entry_count on search_entry (root_niche, platform, tier, country, authenticity, root_mask);
