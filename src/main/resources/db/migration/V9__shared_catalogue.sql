-- The shared catalogue is protected from any one organisation.

-- Exchange rates per organisation. Rows without an organisation are the operators' table, the defaults for every
-- organisation that has no rate of its own for a pair; the rates recorded so far become those defaults.
alter table exchange_rate add column organisation_id uuid references organisation (id) on delete cascade;
alter table exchange_rate drop constraint exchange_rate_pkey;
-- One rate per table and pair; the operators' table files under the nil UUID. The look-ups of a search read one
-- organisation's rows and the operators' through this index.
create unique index exchange_rate_table_uq on exchange_rate
    (coalesce(organisation_id, '00000000-0000-0000-0000-000000000000'::uuid), base_currency, quote_currency);

-- Who reported an incident: only its ADMINs (or an operator) may change it. Incidents recorded before this have no
-- reporter on record, so only an operator may change those.
alter table incident add column reported_by_organisation uuid;
