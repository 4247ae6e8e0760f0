-- Retention: the daily job flags placed volunteers with no hours for N weeks (N set per
-- organisation, 6 when unset) and alerts their coordinator: the person who placed them.

ALTER TABLE vol_application ADD COLUMN placed_by uuid;

CREATE TABLE vol_setting (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  at_risk_weeks integer NOT NULL CHECK (at_risk_weeks BETWEEN 1 AND 52),
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id)
);

-- One alert per volunteer per quiet spell: quiet_since is the last day they volunteered (or
-- the day they were placed), so a daily rerun finds the same spell and adds nothing.
CREATE TABLE vol_at_risk_alert (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  volunteer_id uuid NOT NULL,
  quiet_since date NOT NULL,
  weeks integer NOT NULL,
  coordinator_user_id uuid,
  message text NOT NULL,
  raised_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, volunteer_id, quiet_since),
  FOREIGN KEY (organisation_id, volunteer_id) REFERENCES volunteer (organisation_id, id)
);
