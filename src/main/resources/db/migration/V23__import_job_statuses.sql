-- A job's row is written once its file is on disk, as QUEUED: no job is ever stored while its upload is still being
-- received, so the stored statuses are the five the API answers.
alter table import_job drop constraint import_job_status_check;
alter table import_job add constraint import_job_status_check
    check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED', 'CANCELLED'));
