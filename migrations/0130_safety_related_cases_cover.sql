-- Related open cases on the case page (issue 14): the home and block lookups return the listed
-- columns from the index itself, so the 100-odd open cases of a busy block are no longer re-read
-- one by one through the primary key only to keep 20. Replaces the two plain partial indexes of 0104.
CREATE INDEX safety_case_open_home_cover ON safety_case (organisation_id, home_id) INCLUDE (id, reference, category, opened_on) WHERE closed_on IS NULL AND anonymised_at IS NULL;
CREATE INDEX safety_case_open_block_cover ON safety_case (organisation_id, block_name) INCLUDE (id, reference, category, opened_on) WHERE closed_on IS NULL AND anonymised_at IS NULL AND block_name IS NOT NULL;
DROP INDEX safety_case_open_home;
DROP INDEX safety_case_open_block;
