-- Budget lines and supporting documents on a grant application (issue 13 item 7).
-- Both belong to one application and go with it; organisation_id is in every key (Citus).

CREATE TABLE grant_budget_line (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  application_id uuid NOT NULL,
  description text NOT NULL,
  amount_pence bigint NOT NULL CHECK (amount_pence > 0),
  category text CHECK (category IN ('staff', 'equipment', 'venue', 'other')),
  other_funding boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, application_id) REFERENCES grant_application (organisation_id, id) ON DELETE CASCADE
);
CREATE INDEX grant_budget_line_application ON grant_budget_line (organisation_id, application_id);

-- The file is kept in the database, like safety evidence, so a backup holds everything.
CREATE TABLE grant_application_document (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  application_id uuid NOT NULL,
  document_type text NOT NULL
    CHECK (document_type IN ('constitution', 'accounts', 'safeguarding-policy', 'quote', 'other')),
  file_name text NOT NULL,
  content_type text NOT NULL,
  size_bytes integer NOT NULL,
  content bytea NOT NULL,
  uploaded_by uuid,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, application_id) REFERENCES grant_application (organisation_id, id) ON DELETE CASCADE
);
CREATE INDEX grant_application_document_application
  ON grant_application_document (organisation_id, application_id);
