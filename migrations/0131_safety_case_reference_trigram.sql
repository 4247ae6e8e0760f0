-- The case list's search finds a reference from any part of it (ILIKE '%…%', issue 14): a trigram
-- index instead of reading every case of the organisation (pg_trgm: migration 0025).
CREATE INDEX safety_case_reference_trgm ON safety_case USING gin (reference gin_trgm_ops);
