-- The address search's text (0025) as a SQL-standard function body: the same expression, stored
-- parsed, so the trigram index's expression no longer goes through the quoted-string body's SQL
-- function machinery for every home written. concat_ws is only STABLE, so PostgreSQL never inlined
-- the old body into the IMMUTABLE function; writing 7,000 homes (the demo seed, an import) cost
-- about 0.4 s of CPU more on PGlite with it (issue 14). Same name, arguments and result, so the
-- index and the search's queries are unchanged.
CREATE OR REPLACE FUNCTION home_search_text(line_1 text, line_2 text, block text, town text, postcode text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN concat_ws(' ', line_1, line_2, block, town, postcode);
