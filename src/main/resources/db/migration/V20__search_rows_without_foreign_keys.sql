-- The search read model is written only by its owner (SearchIndexer), which rewrites a creator's rows whenever the
-- creator changes and drops them when the creator or one of its channels is deleted; a purge comes only after a
-- delete, and removes the creator's rows itself. Its two foreign keys checked what that owner already guarantees,
-- at a third of the cost of writing a row (a bulk import writes about 2.7 rows per channel), and the index on
-- channel_id served only the cascade of one of them.
alter table search_entry drop constraint search_entry_channel_id_fkey;
alter table search_entry drop constraint search_entry_influencer_id_fkey;
drop index search_entry_channel_idx;

