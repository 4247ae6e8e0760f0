-- Search by name and address with the text anywhere in it (issue 14): trigram indexes answer
-- ILIKE '%…%' without reading every row. pg_trgm ships with PostgreSQL and with PGlite's contrib
-- (open-pglite.ts loads it). The search's own expression is wrapped in an IMMUTABLE function,
-- because concat_ws alone may not appear in an index; queries call the same function.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE FUNCTION home_search_text(line_1 text, line_2 text, block text, town text, postcode text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT concat_ws(' ', line_1, line_2, block, town, postcode) $$;
CREATE INDEX home_search_trgm ON home USING gin (home_search_text(address_line_1, address_line_2, block_name, town, postcode) gin_trgm_ops);
CREATE INDEX person_given_name_trgm ON person USING gin (given_name gin_trgm_ops);
CREATE INDEX person_family_name_trgm ON person USING gin (family_name gin_trgm_ops);
