-- The session hours register searches a role's volunteers as the coordinator types: by the start of a
-- name, a postcode or a reference (the last six characters of the id), as registers search people
-- (migration 0016). Prefix searches (LIKE 'term%') can use these text_pattern_ops indexes.
CREATE INDEX volunteer_full_name_prefix ON volunteer (organisation_id, (lower(given_name || ' ' || family_name)) text_pattern_ops);
CREATE INDEX volunteer_family_name_prefix ON volunteer (organisation_id, lower(family_name) text_pattern_ops);
CREATE INDEX volunteer_postcode_prefix ON volunteer (organisation_id, (replace(upper(postcode), ' ', '')) text_pattern_ops);
CREATE INDEX volunteer_reference ON volunteer (organisation_id, (upper(right(id::text, 6))));
