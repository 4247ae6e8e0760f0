-- An officer can return a sent application to the applicant for changes, with a reason.
-- Each return is kept (history): when it was returned, by whom, why, and when it came back.
CREATE TABLE grant_application_return (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  application_id uuid NOT NULL,
  reason text NOT NULL,
  returned_by text NOT NULL,
  returned_at timestamptz NOT NULL,
  resubmitted_at timestamptz,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, application_id) REFERENCES grant_application (organisation_id, id)
);
-- At most one return waiting for the applicant at a time.
CREATE UNIQUE INDEX grant_application_return_open
  ON grant_application_return (organisation_id, application_id) WHERE resubmitted_at IS NULL;
