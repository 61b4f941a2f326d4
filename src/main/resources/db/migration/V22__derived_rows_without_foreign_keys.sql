-- A creator's stored reputation and its search document are derived rows, each written only by its owner
-- (ReputationService, SearchIndexer) for a creator that owner has locked, and removed by that owner when the creator
-- is purged, as the search read model's rows are (V20). Their foreign keys checked what the owners guarantee, one
-- look-up of the creator per row written: a bulk import writes both rows for every new creator.
alter table influencer_reputation drop constraint influencer_reputation_influencer_id_fkey;
alter table influencer_text drop constraint influencer_text_influencer_id_fkey;
