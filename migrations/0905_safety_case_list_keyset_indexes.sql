-- The open-case list (issue 14): its order is (opened_on DESC, id DESC), so the two open-case list
-- indexes end in id DESC too and the page is read in index order, with no sort of every match.
CREATE INDEX safety_case_open_category_by_id ON safety_case (organisation_id, category, opened_on DESC, id DESC) WHERE closed_on IS NULL AND anonymised_at IS NULL;
CREATE INDEX safety_case_open_list_by_id ON safety_case (organisation_id, opened_on DESC, id DESC) WHERE closed_on IS NULL AND anonymised_at IS NULL;
DROP INDEX safety_case_open_category;
DROP INDEX safety_case_open_list;
-- Related open cases through shared people: each matching party's case is checked for being open
-- through this small index of open cases alone, which also carries the listed columns, instead of
-- reading every matching party's case (mostly closed ones) from the table.
CREATE INDEX safety_case_open_cover ON safety_case (organisation_id, id) INCLUDE (reference, category, opened_on) WHERE closed_on IS NULL AND anonymised_at IS NULL;
