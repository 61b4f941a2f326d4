-- The multiplier a conversion used is kept as computed: an inverse of the smallest rate an admin may set (1e-10)
-- is 1e10, past what numeric(20, 10) holds, and storing it would have failed the write.
alter table shortlist_entry alter column agreed_rate type numeric;
alter table campaign_result alter column cost_rate type numeric;
