-- Content metrics: posts, follower snapshots, the derived metrics of each channel and the peer baselines.

create table post (
    id           bigserial     primary key,
    channel_id   uuid          not null references channel (id) on delete cascade,
    external_id  varchar(200)  not null,
    posted_at    timestamptz   not null,
    format       varchar(10)   not null,
    sponsored    boolean       not null default false,
    views        bigint        check (views >= 0),
    reach        bigint        check (reach >= 0),
    likes        bigint        not null check (likes >= 0),
    comments     bigint        not null check (comments >= 0),
    saves        bigint        not null default 0 check (saves >= 0),
    shares       bigint        not null default 0 check (shares >= 0),
    link_clicks  bigint        not null default 0 check (link_clicks >= 0),
    dms          bigint        not null default 0 check (dms >= 0),
    mentions     bigint        not null default 0 check (mentions >= 0),
    tags         varchar(100)[] not null default '{}',
    created_at   timestamptz   not null,
    updated_at   timestamptz   not null,
    constraint post_external_id_uq unique (channel_id, external_id)
);
-- The metrics window reads a channel's newest posts: this index serves it.
create index post_channel_posted_idx on post (channel_id, posted_at desc);

create table follower_snapshot (
    channel_id    uuid    not null references channel (id) on delete cascade,
    snapshot_date date    not null,
    followers     bigint  not null check (followers >= 0),
    primary key (channel_id, snapshot_date)
);

-- One row per channel with posts or snapshots. The scalar columns serve filters and ranking; detail holds
-- every figure with the posts it rests on, and the authenticity signals with their reasons.
create table channel_metrics (
    channel_id        uuid             primary key references channel (id) on delete cascade,
    computed_at       timestamptz      not null,
    window_start      timestamptz      not null,
    window_end        timestamptz      not null,
    posts_in_window   integer          not null,
    sample_too_small  boolean          not null,
    engagement_rate   double precision,
    authenticity      integer          not null,
    detail            jsonb            not null
);
create index channel_metrics_er_idx on channel_metrics (engagement_rate) where engagement_rate is not null;

-- Per platform and tier: the distribution of engagement rates, refreshed periodically and on demand.
-- sorted_rates holds every rate while the group is small, else 1,001 evenly spaced order statistics.
create table peer_baseline (
    platform               varchar(12)        not null,
    tier                   varchar(8)         not null,
    channels               integer            not null,
    median_engagement_rate double precision   not null,
    exact                  boolean            not null,
    sorted_rates           double precision[] not null,
    computed_at            timestamptz        not null,
    primary key (platform, tier)
);
