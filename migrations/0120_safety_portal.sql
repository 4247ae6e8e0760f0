-- Tenant portal (issue 13): a reference on every report at once, evidence sent with a report,
-- and secure messages between a complainant and the officer.

-- A portal report gets its reference (ASB-YYYY-NNNNNN) when it is sent; a case opened from it
-- keeps the same reference, so the tenant's reference stays valid.
ALTER TABLE safety_report ADD COLUMN reference text;
CREATE UNIQUE INDEX safety_report_reference ON safety_report (organisation_id, reference) WHERE reference IS NOT NULL;

-- When the officer last wrote the next step: an update after it makes it stale on the portal.
ALTER TABLE safety_case ADD COLUMN next_step_at timestamptz;

-- Evidence sent while reporting belongs to the report until an officer triages it, then to the case.
ALTER TABLE safety_document ALTER COLUMN case_id DROP NOT NULL;
ALTER TABLE safety_document ADD COLUMN report_id uuid;
ALTER TABLE safety_document ADD FOREIGN KEY (organisation_id, report_id) REFERENCES safety_report (organisation_id, id) ON DELETE CASCADE;
ALTER TABLE safety_document ADD CONSTRAINT safety_document_owner CHECK (case_id IS NOT NULL OR report_id IS NOT NULL);
CREATE INDEX safety_document_report ON safety_document (organisation_id, report_id) WHERE report_id IS NOT NULL;

-- One thread per complainant party on a case: a co-complainant, the alleged perpetrator and
-- anyone else never see it.
CREATE TABLE safety_message (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  id uuid NOT NULL,
  case_id uuid NOT NULL,
  party_id uuid NOT NULL,
  direction text NOT NULL CHECK (direction IN ('from-complainant', 'from-officer')),
  body text NOT NULL,
  author_user_id uuid,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, case_id) REFERENCES safety_case (organisation_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organisation_id, party_id) REFERENCES safety_party (organisation_id, id) ON DELETE CASCADE
);
CREATE INDEX safety_message_thread ON safety_message (organisation_id, case_id, party_id, created_at);
