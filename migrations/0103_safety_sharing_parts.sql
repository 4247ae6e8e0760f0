-- Partner agency access: a sharing record names the parts of the case it shares, may lapse on a
-- date, and can be ended by an officer. Existing records share nothing beyond the case heading
-- (reference, category, status), the least that can be shared.

ALTER TABLE safety_sharing
  ADD COLUMN shared_parts text[] NOT NULL DEFAULT '{}',
  ADD COLUMN expires_on date,
  ADD COLUMN ended_at timestamptz,
  ADD COLUMN ended_by uuid;

ALTER TABLE safety_sharing
  ADD CONSTRAINT safety_sharing_known_parts
  CHECK (shared_parts <@ ARRAY['summary', 'parties-names', 'parties-contact', 'risk', 'actions', 'timeline']::text[]);

-- A partner user's list: the current shares with their organisation.
CREATE INDEX safety_sharing_partner_current
  ON safety_sharing (organisation_id, partner_organisation_id, case_id)
  WHERE ended_at IS NULL;
