-- Campaign results arrive through the bulk import too (kind results).
alter table import_job drop constraint import_job_kind_check;
alter table import_job add constraint import_job_kind_check check (kind in ('INFLUENCERS', 'POSTS', 'SNAPSHOTS', 'RESULTS'));
