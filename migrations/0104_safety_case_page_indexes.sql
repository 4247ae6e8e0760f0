-- Indexes for the case page and the case list at a million cases (issue 3, found with bench/safety.ts
-- and EXPLAIN ANALYZE at 200,000 cases).
-- Related open cases at the same home or block: only open cases, so a block with hundreds of closed
-- cases no longer means hundreds of row visits (and a parallel plan) on every case page.
CREATE INDEX safety_case_open_home ON safety_case (organisation_id, home_id) WHERE closed_on IS NULL AND anonymised_at IS NULL;
CREATE INDEX safety_case_open_block ON safety_case (organisation_id, block_name) WHERE closed_on IS NULL AND anonymised_at IS NULL AND block_name IS NOT NULL;
-- The case page reads every Community Trigger review and sharing record of the case: only the open
-- review had an index, and sharing none, so both were whole-table scans as they grow.
CREATE INDEX safety_trigger_review_case ON safety_trigger_review (organisation_id, case_id, created_at);
CREATE INDEX safety_sharing_case ON safety_sharing (organisation_id, case_id, shared_at);
-- Case list filters and sorts that had no index (EXPLAIN of every state × filter × sort the list offers):
-- sorted by last update (with the id tie-break the list uses), which sorted every match for each page,
-- and a category among closed or all cases (only open cases had one), which read the whole table
-- when few cases matched.
CREATE INDEX safety_case_updated ON safety_case (organisation_id, updated_at DESC, id DESC);
CREATE INDEX safety_case_category ON safety_case (organisation_id, category, opened_on DESC);
