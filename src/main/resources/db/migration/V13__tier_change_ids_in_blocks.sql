-- A bulk write records the first tier of thousands of channels at once: the service takes tier_change ids fifty at
-- a time (one nextval per fifty rows), so that those rows are written in batches, not one round trip each.
alter sequence tier_change_id_seq increment by 50;
