-- Address and postcode search (issue 13): a postcode typed with or without its space, as a prefix.
-- The expression matches search-addresses.ts, so the search reads only the homes in that postcode.
CREATE INDEX home_postcode_search ON home (organisation_id, (upper(replace(postcode, ' ', ''))) text_pattern_ops);
