-- Registers at scale: named groups of participants (a class, a cohort, the Tuesday regulars) that can be
-- added to a session's register at once, and indexes for finding participants as the officer types.
CREATE TABLE participant_group (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  id uuid NOT NULL,
  project_id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, project_id) REFERENCES project (organisation_id, id) ON DELETE CASCADE,
  UNIQUE (organisation_id, project_id, name)
);

CREATE TABLE participant_group_member (
  organisation_id uuid NOT NULL,
  group_id uuid NOT NULL,
  participant_id uuid NOT NULL,
  PRIMARY KEY (organisation_id, group_id, participant_id),
  FOREIGN KEY (organisation_id, group_id) REFERENCES participant_group (organisation_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organisation_id, participant_id) REFERENCES participant (organisation_id, id) ON DELETE CASCADE
);

CREATE INDEX participant_name_prefix ON participant (organisation_id, lower(display_name) text_pattern_ops);
CREATE INDEX participant_reference ON participant (organisation_id, (upper(right(id::text, 6))));
