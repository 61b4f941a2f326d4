-- Campaigns: an organisation's brief, budget and dates, with a shortlist of creators and the results their posts
-- delivered. Tenant-owned (organisation_id, as webhook_endpoint): another organisation's rows do not exist for it.
create table campaign (
    id                 uuid           primary key,
    organisation_id    varchar(36)    not null,
    name               varchar(200)   not null,
    -- The search brief as sent (validated as one), without page and size.
    brief              jsonb          not null,
    budget_amount      numeric(14, 2) not null check (budget_amount >= 0),
    budget_currency    varchar(3)     not null,
    starts_on          date,
    ends_on            date,
    status             varchar(10)    not null check (status in ('DRAFT', 'ACTIVE', 'DONE', 'CANCELLED')),
    status_changed_at  timestamptz    not null,
    created_at         timestamptz    not null,
    updated_at         timestamptz    not null,
    version            bigint         not null,
    check (starts_on is null or ends_on is null or ends_on >= starts_on)
);
create index campaign_organisation_idx on campaign (organisation_id, created_at desc, id desc);

-- A creator on a campaign's shortlist, with what the ranking said of them when they were shortlisted (kept as it
-- was, so that what a collaboration delivered can be set against what the ranking predicted).
create table shortlist_entry (
    campaign_id        uuid           not null references campaign (id) on delete cascade,
    influencer_id      uuid           not null references influencer (id) on delete cascade,
    organisation_id    varchar(36)    not null,
    channel_id         uuid           not null references channel (id) on delete cascade,
    status             varchar(12)    not null check (status in ('SHORTLISTED', 'CONTACTED', 'CONTRACTED', 'REJECTED')),
    note               varchar(2000),
    -- The agreed price as agreed, and in the budget's currency at the organisation's rate of the day it was set.
    agreed_amount      numeric(14, 2) check (agreed_amount >= 0),
    agreed_currency    varchar(3),
    agreed_in_budget   numeric(16, 2),
    agreed_rate        numeric(20, 10),
    -- The score, components (nicheFit, engagement, reputation, audienceFit), weights and reasons at shortlisting;
    -- null score: the creator was not among the brief's candidates then.
    score              double precision,
    components         jsonb,
    weights            jsonb,
    reasons            jsonb          not null,
    shortlisted_at     timestamptz    not null,
    updated_at         timestamptz    not null,
    version            bigint         not null,
    primary key (campaign_id, influencer_id),
    check ((agreed_amount is null) = (agreed_currency is null) and (agreed_amount is null) = (agreed_in_budget is null))
);
create index shortlist_entry_influencer_idx on shortlist_entry (influencer_id);

-- What one post of a contracted creator delivered, and what it cost (as paid, and in the budget's currency).
create table campaign_result (
    campaign_id        uuid           not null,
    influencer_id      uuid           not null,
    organisation_id    varchar(36)    not null,
    post               varchar(500)   not null,
    posted_on          date,
    views              bigint         not null check (views >= 0),
    reach              bigint         not null check (reach >= 0),
    likes              bigint         not null check (likes >= 0),
    comments           bigint         not null check (comments >= 0),
    saves              bigint         not null check (saves >= 0),
    shares             bigint         not null check (shares >= 0),
    link_clicks        bigint         not null check (link_clicks >= 0),
    dms                bigint         not null check (dms >= 0),
    conversions        bigint         not null check (conversions >= 0),
    cost_amount        numeric(14, 2) not null check (cost_amount >= 0),
    cost_currency      varchar(3)     not null,
    cost_in_budget     numeric(16, 2) not null,
    cost_rate          numeric(20, 10) not null,
    created_at         timestamptz    not null,
    updated_at         timestamptz    not null,
    primary key (campaign_id, influencer_id, post),
    foreign key (campaign_id, influencer_id) references shortlist_entry (campaign_id, influencer_id) on delete cascade
);
