-- A funded proposal that has become a community investment project. One row per proposal
-- makes creating the projects idempotent: a second run finds the row and creates nothing.
CREATE TABLE pb_funded_project (
  organisation_id uuid NOT NULL,
  proposal_id uuid NOT NULL,
  process_id uuid NOT NULL,
  project_id uuid NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, proposal_id),
  UNIQUE (organisation_id, project_id),
  FOREIGN KEY (organisation_id, proposal_id) REFERENCES pb_proposal (organisation_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organisation_id, process_id) REFERENCES pb_process (organisation_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organisation_id, project_id) REFERENCES project (organisation_id, id) ON DELETE CASCADE
);
