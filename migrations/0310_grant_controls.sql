-- Grant controls (issue 13 item 7): separation of duties by person, payment references,
-- early-payment overrides. Names stay for pages and exports; the user ids are what the
-- rules compare, because two people can share a name and one person can be renamed.

CREATE TABLE grant_controls (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  separation_of_duties boolean NOT NULL DEFAULT true,
  -- Above this award amount the assessors, award approver and payment authoriser must differ.
  separation_threshold_pence bigint NOT NULL DEFAULT 500000 CHECK (separation_threshold_pence >= 0),
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id)
);

ALTER TABLE grant_application ADD COLUMN moderated_by_user_id uuid;
ALTER TABLE grant_application ADD COLUMN decided_by_user_id uuid;
ALTER TABLE grant_award ADD COLUMN approved_by_user_id uuid;
ALTER TABLE grant_payment ADD COLUMN approved_by_user_id uuid;
ALTER TABLE grant_payment ADD COLUMN paid_by text;
ALTER TABLE grant_payment ADD COLUMN paid_by_user_id uuid;
-- The bank's reference for the transfer (e.g. the BACS reference).
ALTER TABLE grant_payment ADD COLUMN payment_reference text
  CHECK (payment_reference IS NULL OR payment_reference ~ '^[A-Za-z0-9 /.-]{1,35}$');
-- Why a payment was made before its due date; required when it was.
ALTER TABLE grant_payment ADD COLUMN early_payment_reason text;
