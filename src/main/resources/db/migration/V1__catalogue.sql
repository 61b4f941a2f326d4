-- Catalogue: niche taxonomy, influencers, their channels and the history of tier changes.

create table niche (
    slug        varchar(60)  primary key,
    parent_slug varchar(60)  references niche (slug),
    name        varchar(120) not null,
    created_at  timestamptz  not null default now(),
    constraint niche_slug_format check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);
create index niche_parent_idx on niche (parent_slug);

create table influencer (
    id                uuid          primary key,
    display_name      varchar(120)  not null,
    bio               varchar(2000),
    country           varchar(2)    not null,
    city              varchar(120),
    languages         varchar(2)[]  not null default '{}',
    contact_email     varchar(254),
    rate_currency     varchar(3),
    rate_price        numeric(14, 2),
    -- Derived from the channels: the tier and follower count of the largest channel.
    tier              varchar(8)    not null,
    max_followers     bigint        not null,
    created_at        timestamptz   not null,
    updated_at        timestamptz   not null,
    version           bigint        not null,
    constraint influencer_rate_card_complete check ((rate_currency is null) = (rate_price is null))
);
create index influencer_country_idx on influencer (country);
create index influencer_tier_followers_idx on influencer (tier, max_followers);
create index influencer_created_idx on influencer (created_at, id);
create index influencer_languages_idx on influencer using gin (languages);

create table influencer_niche (
    influencer_id uuid             not null references influencer (id) on delete cascade,
    niche_slug    varchar(60)      not null references niche (slug),
    weight        double precision not null check (weight > 0 and weight <= 1),
    primary key (influencer_id, niche_slug)
);
create index influencer_niche_slug_idx on influencer_niche (niche_slug, influencer_id);

create table channel (
    id             uuid         primary key,
    influencer_id  uuid         not null references influencer (id) on delete cascade,
    platform       varchar(12)  not null,
    handle         varchar(100) not null,
    url            varchar(500),
    followers      bigint       not null check (followers >= 0),
    following      bigint       not null default 0 check (following >= 0),
    verified       boolean      not null default false,
    audience       jsonb,
    tier           varchar(8)   not null,
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null,
    version        bigint       not null
);
-- Handles are unique per platform whatever their letter case.
create unique index channel_platform_handle_uq on channel (platform, lower(handle));
create index channel_influencer_idx on channel (influencer_id);
create index channel_platform_tier_idx on channel (platform, tier);

-- Every tier change of a channel, kept for webhooks (channel.tier_changed). The keys are checked at
-- commit because a new channel records its first tier before its own row is written.
create table tier_change (
    id              bigserial    primary key,
    channel_id      uuid         not null references channel (id) on delete cascade deferrable initially deferred,
    influencer_id   uuid         not null references influencer (id) on delete cascade deferrable initially deferred,
    from_tier       varchar(8),
    to_tier         varchar(8)   not null,
    followers       bigint       not null,
    changed_at      timestamptz  not null
);
create index tier_change_influencer_idx on tier_change (influencer_id, changed_at desc, id desc);
