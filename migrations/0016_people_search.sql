-- Registers search 50,000 people as the officer types: by the start of a name, a postcode or a
-- reference. Prefix searches (LIKE 'term%') can use these text_pattern_ops indexes; the reference is
-- the last six characters of the id (the first characters of a UUID v7 are its creation time, so they
-- repeat across people created together).
CREATE INDEX person_full_name_prefix ON person (organisation_id, (lower(given_name || ' ' || family_name)) text_pattern_ops);
CREATE INDEX person_family_name_prefix ON person (organisation_id, lower(family_name) text_pattern_ops);
CREATE INDEX person_postcode_prefix ON person (organisation_id, (replace(upper(postcode), ' ', '')) text_pattern_ops);
CREATE INDEX person_reference ON person (organisation_id, (upper(right(id::text, 6))));
