-- Per-organisation configuration of community safety: categories (with sub-categories) and the
-- statuses and target days of each workflow. Thresholds, action target days and other numbers live
-- in safety_setting. An organisation without rows here uses the defaults shipped in
-- src/modules/safety/domain/categories.ts; its first change stores the full set.

CREATE TABLE safety_category (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  code text NOT NULL,
  name text NOT NULL,
  workflow text NOT NULL CHECK (workflow IN ('asb', 'good-neighbour', 'non-access', 'estate')),
  nsir_type text NOT NULL CHECK (nsir_type IN ('personal', 'nuisance', 'environmental')),
  counts_as_asb boolean NOT NULL,
  sub_categories text[] NOT NULL DEFAULT '{}',
  position integer NOT NULL,
  -- A retired category is not offered for new cases and reports; existing cases keep it.
  retired_at timestamptz,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, code)
);

CREATE TABLE safety_workflow_status (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  workflow text NOT NULL CHECK (workflow IN ('asb', 'good-neighbour', 'non-access', 'estate')),
  code text NOT NULL,
  name text NOT NULL,
  target_days integer CHECK (target_days BETWEEN 1 AND 730),
  position integer NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, workflow, code)
);

-- When the case should have moved on from its current status (its workflow status's target days).
ALTER TABLE safety_case ADD COLUMN status_due_on date;

-- Intake shows open cases with the same people before saving: officers type names, so match them.
CREATE INDEX safety_party_name ON safety_party (organisation_id, lower(display_name));
