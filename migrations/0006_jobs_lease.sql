-- Job leases. A claimed job belongs to one worker (claimed_by) until locked_until; the worker
-- renews the lease while the job runs, so a long job is never claimed a second time, and a
-- worker whose lease was taken over can no longer mark the job done or failed.
-- See docs/decisions/0005-jobs.md.
ALTER TABLE job ADD COLUMN claimed_by uuid;
-- Purging finished rows reads them by age.
CREATE INDEX job_finished ON job (finished_at) WHERE status IN ('done', 'failed');
