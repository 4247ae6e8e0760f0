-- Indexes found by bench/safety.ts: the open-case list (newest first, optionally by category)
-- and party lookups by imported reference are the hot paths at a million cases.
CREATE INDEX safety_case_open_list ON safety_case (organisation_id, opened_on DESC) WHERE closed_on IS NULL AND anonymised_at IS NULL;
CREATE INDEX safety_case_open_category ON safety_case (organisation_id, category, opened_on DESC) WHERE closed_on IS NULL AND anonymised_at IS NULL;
