-- "Same matter" links: an officer records that a case is about the same matter as another case
-- (for example a legacy matter imported as two cases). The linked case then counts once in NM01,
-- as part of the case it is linked to. Both cases must be the same organisation's: the foreign
-- keys include organisation_id. A case has at most one link, and never to itself.
CREATE TABLE safety_same_matter_link (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  case_id uuid NOT NULL,
  same_as_case_id uuid NOT NULL,
  reason text NOT NULL,
  linked_by_user_id uuid,
  linked_by text NOT NULL,
  linked_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, case_id),
  FOREIGN KEY (organisation_id, case_id) REFERENCES safety_case (organisation_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organisation_id, same_as_case_id) REFERENCES safety_case (organisation_id, id) ON DELETE CASCADE,
  CHECK (case_id <> same_as_case_id)
);
CREATE INDEX safety_same_matter_link_target ON safety_same_matter_link (organisation_id, same_as_case_id);
