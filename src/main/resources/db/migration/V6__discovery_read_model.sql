-- Read model of the ranked search: one row per (channel, top-level niche of the creator's tree-expanded
-- niche vector), plus one row per channel under root_niche '*' for briefs that name no niche. A brief's
-- candidates are one contiguous range of search_entry_scan per top-level niche it names, read index-only:
-- every column the filters and the score need is in the index.

-- Each niche's top-level ancestor and its position within that subtree: niche_vec below is indexed by it.
alter table niche add column root_slug varchar(60);
alter table niche add column position smallint;
with recursive tree as (
    select slug, slug as root_slug from niche where parent_slug is null
    union all
    select n.slug, t.root_slug from niche n join tree t on n.parent_slug = t.slug
)
update niche n set root_slug = t.root_slug from tree t where t.slug = n.slug;
update niche n set position = p.position
  from (select slug, (row_number() over (partition by root_slug order by (parent_slug is not null), slug) - 1)::smallint as position
          from niche) p
 where p.slug = n.slug;
alter table niche alter column root_slug set not null;
alter table niche alter column position set not null;

create table search_entry (
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
    reputation        real          not null,
    followers         bigint        not null,
    city              varchar(120),
    languages         varchar(2)[]  not null,
    has_contact       boolean       not null,
    open_incidents    boolean       not null,
    rate_currency     varchar(3),
    rate_price        numeric(14, 2),
    primary key (root_niche, channel_id)
);
create index search_entry_channel_idx on search_entry (channel_id);
create index search_entry_influencer_idx on search_entry (influencer_id);
create index search_entry_scan on search_entry (root_niche, platform, tier, country, authenticity)
    include (channel_id, influencer_id, niche_vec, engagement_rate, sample_too_small, reputation, followers,
             city, languages, has_contact, open_incidents, rate_currency, rate_price);

-- Text the keyword filters search: the bio and the tags of recent posts, per influencer.
create table influencer_text (
    influencer_id uuid     primary key references influencer (id) on delete cascade,
    document      tsvector not null
);
create index influencer_text_idx on influencer_text using gin (document);

-- Exchange rates that admins maintain: how many units of quote one unit of base buys.
create table exchange_rate (
    base_currency  varchar(3)       not null,
    quote_currency varchar(3)       not null,
    rate           numeric(20, 10)  not null check (rate > 0),
    updated_at     timestamptz      not null,
    primary key (base_currency, quote_currency)
);
