-- Closing a case is a reviewed step (issue 13): each open action is completed or cancelled with a
-- reason, the closure has a reason beside its outcome, and the complainant is asked the TSM question
-- on handling anti-social behaviour. A case can be reopened with a reason (kept on the timeline).
ALTER TABLE safety_case ADD COLUMN closure_reason text;
ALTER TABLE safety_action ADD COLUMN closed_reason text;

-- One satisfaction check per complainant per closure. The answer is one of the TSM scale's values.
CREATE TABLE safety_satisfaction (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  case_id uuid NOT NULL,
  party_id uuid NOT NULL,
  closed_on date NOT NULL,
  sent_at timestamptz NOT NULL,
  emailed boolean NOT NULL,
  answer text,
  answered_at timestamptz,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, case_id) REFERENCES safety_case (organisation_id, id) ON DELETE CASCADE
);
CREATE INDEX safety_satisfaction_case ON safety_satisfaction (organisation_id, case_id);
CREATE INDEX safety_satisfaction_closed ON safety_satisfaction (organisation_id, closed_on);
