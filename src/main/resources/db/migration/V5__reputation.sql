-- Reputation: brands' reviews after a collaboration, brand-safety incidents, and each influencer's stored
-- reputation with the breakdown that explains it.

-- Reviews are part of the shared catalogue (every organisation reads them); organisation_id says who wrote one.
create table review (
    id               uuid          primary key,
    organisation_id  uuid          not null,
    influencer_id    uuid          not null references influencer (id) on delete cascade,
    -- Campaigns arrive later; until then the id is the brand's own reference and has no foreign key.
    campaign_id      uuid,
    content_quality  smallint      not null check (content_quality between 1 and 5),
    professionalism  smallint      not null check (professionalism between 1 and 5),
    timeliness       smallint      not null check (timeliness between 1 and 5),
    communication    smallint      not null check (communication between 1 and 5),
    text             varchar(4000),
    reviewed_on      date          not null,
    created_at       timestamptz   not null
);
-- One review per organisation, influencer and campaign; reviews without a campaign share the nil UUID.
create unique index review_once_uq on review (organisation_id, influencer_id,
    coalesce(campaign_id, '00000000-0000-0000-0000-000000000000'::uuid));
-- The listing (newest first) and the recomputation read an influencer's reviews through this index.
create index review_influencer_idx on review (influencer_id, reviewed_on desc, created_at desc, id desc);

create table incident (
    id             uuid          primary key,
    influencer_id  uuid          not null references influencer (id) on delete cascade,
    kind           varchar(60)   not null,
    severity       varchar(6)    not null check (severity in ('LOW', 'MEDIUM', 'HIGH')),
    occurred_on    date          not null,
    source         varchar(500),
    resolved       boolean       not null default false,
    description    varchar(4000),
    created_at     timestamptz   not null,
    updated_at     timestamptz   not null,
    version        bigint        not null
);
-- The listing (newest first) and the recomputation read an influencer's incidents through this index.
create index incident_influencer_idx on incident (influencer_id, occurred_on desc, created_at desc, id desc);
-- The daily refresh looks for unresolved incidents that have just left the 24-month window.
create index incident_unresolved_idx on incident (occurred_on) where not resolved;

-- One row per influencer, rewritten after every review or incident write and every change of a channel's
-- authenticity. The scalar columns serve filters and ranking; detail is the whole breakdown as the API shows it.
create table influencer_reputation (
    influencer_id  uuid              primary key references influencer (id) on delete cascade,
    reputation     double precision  not null check (reputation >= 0 and reputation <= 1),
    review_count   integer           not null,
    bayesian_mean  double precision  not null,
    authenticity   double precision  not null,
    penalty        double precision  not null,
    detail         jsonb             not null,
    computed_at    timestamptz       not null
);
create index influencer_reputation_idx on influencer_reputation (reputation);
