-- A migration may scan whole tables: it is not held to the statement timeout of requests.
set local statement_timeout = 0;

-- The shared catalogue is protected from any one organisation: deletes are soft, a profile names its last writer,
-- incidents know who reported them, and every organisation keeps its own exchange rates over the operators' defaults.

-- Soft delete: a deleted influencer or channel keeps every row (channels, posts, snapshots, history, reviews,
-- incidents) and is left out of every read; ADMINs may restore it for 30 days, then operators may purge it.
alter table influencer add column deleted_at timestamptz;
alter table influencer add column deleted_by_organisation uuid;
alter table influencer add column deleted_by_key uuid;
alter table channel add column deleted_at timestamptz;
alter table channel add column deleted_by_organisation uuid;
alter table channel add column deleted_by_key uuid;
-- The ADMINs' listing of deleted influencers reads only the few deleted rows.
create index influencer_deleted_idx on influencer (deleted_at, id) where deleted_at is not null;

-- The last catalogue write of a profile (its own fields, a channel or a follower snapshot): organisation and key.
alter table influencer add column last_changed_by_organisation uuid;
alter table influencer add column last_changed_by_key uuid;

-- A review or an incident is never removed as a side effect: only an operator's purge of the influencer,
-- which deletes them first, may remove them.
alter table review drop constraint review_influencer_id_fkey;
alter table review add constraint review_influencer_id_fkey
    foreign key (influencer_id) references influencer (id) on delete restrict;
alter table incident drop constraint incident_influencer_id_fkey;
alter table incident add constraint incident_influencer_id_fkey
    foreign key (influencer_id) references influencer (id) on delete restrict;

-- Who reported an incident: only its ADMINs (or an operator) may change it. Incidents recorded before this have no
-- reporter on record, so only an operator may change those.
alter table incident add column reported_by_organisation uuid;

-- Exchange rates per organisation. Rows without an organisation are the operators' table, the defaults for every
-- organisation that has no rate of its own for a pair; the rates recorded so far become those defaults.
alter table exchange_rate add column organisation_id uuid references organisation (id) on delete cascade;
alter table exchange_rate drop constraint exchange_rate_pkey;
-- One rate per table and pair; the operators' table files under the nil UUID. The look-ups of a search read one
-- organisation's rows and the operators' through this index.
create unique index exchange_rate_table_uq on exchange_rate
    (coalesce(organisation_id, '00000000-0000-0000-0000-000000000000'::uuid), base_currency, quote_currency);
