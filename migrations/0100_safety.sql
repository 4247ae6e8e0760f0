-- Community safety: ASB and related cases, parties, reports (incidents), risk assessments,
-- actions and remedies, documents, community trigger reviews, information sharing.
-- Personal-data tags for these columns are declared in src/modules/safety/schema.ts.

CREATE TABLE safety_case (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  id uuid NOT NULL,
  reference text NOT NULL,
  workflow text NOT NULL CHECK (workflow IN ('asb', 'good-neighbour', 'non-access', 'estate')),
  category text NOT NULL,
  sub_category text,
  nsir_type text NOT NULL CHECK (nsir_type IN ('personal', 'nuisance', 'environmental')),
  -- A hate incident is a case with a strand; NM01(2) counts these.
  hate_strand text CHECK (hate_strand IN ('disability', 'race', 'religion', 'sexual-orientation', 'transgender-identity')),
  -- Whether the case counts as ASB for NM01 (fixed when the case opens from its category).
  counts_as_asb boolean NOT NULL,
  location_type text NOT NULL CHECK (location_type IN ('home', 'block', 'open-space')),
  home_id uuid,
  block_name text,
  location_description text,
  la_code text,
  lead_officer_id uuid,
  status text NOT NULL,
  summary text,
  next_step text,
  -- Case fields the officer has published to the complainant's portal view (redaction on by default).
  published_fields text[] NOT NULL DEFAULT '{}',
  safeguarding_flags text[] NOT NULL DEFAULT '{}',
  opened_on date NOT NULL,
  closed_on date,
  closure_outcome text,
  source text NOT NULL CHECK (source IN ('officer', 'portal', 'api', 'import')),
  legal_hold boolean NOT NULL DEFAULT false,
  retention_approved_at timestamptz,
  anonymised_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, reference),
  FOREIGN KEY (organisation_id, home_id) REFERENCES home (organisation_id, id),
  CHECK (closed_on IS NULL OR closed_on >= opened_on)
);
CREATE INDEX safety_case_opened ON safety_case (organisation_id, opened_on);
CREATE INDEX safety_case_status ON safety_case (organisation_id, status, opened_on DESC);
CREATE INDEX safety_case_home ON safety_case (organisation_id, home_id);
CREATE INDEX safety_case_block ON safety_case (organisation_id, block_name) WHERE block_name IS NOT NULL;
CREATE INDEX safety_case_officer ON safety_case (organisation_id, lead_officer_id, status);

CREATE TABLE safety_party (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  id uuid NOT NULL,
  case_id uuid NOT NULL,
  role text NOT NULL CHECK (role IN ('complainant', 'alleged-perpetrator', 'witness', 'household-member', 'agency')),
  -- A person in Kith, or a stable reference from the system the case was imported from.
  person_id uuid,
  external_ref text,
  display_name text NOT NULL,
  address text,
  contact text,
  date_of_birth date,
  vulnerable boolean NOT NULL DEFAULT false,
  vulnerability_note text,
  notes text,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, case_id) REFERENCES safety_case (organisation_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organisation_id, person_id) REFERENCES person (organisation_id, id)
);
CREATE INDEX safety_party_case ON safety_party (organisation_id, case_id);
CREATE INDEX safety_party_person ON safety_party (organisation_id, person_id) WHERE person_id IS NOT NULL;
CREATE INDEX safety_party_external ON safety_party (organisation_id, external_ref) WHERE external_ref IS NOT NULL;

-- Every report (incident). Online and API reports arrive pending (case_id NULL) and are triaged.
CREATE TABLE safety_report (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  id uuid NOT NULL,
  case_id uuid,
  status text NOT NULL CHECK (status IN ('pending', 'opened-case', 'attached', 'not-asb')),
  source text NOT NULL CHECK (source IN ('officer', 'portal', 'api', 'import')),
  reported_on date NOT NULL,
  category text NOT NULL,
  hate_strand text,
  description text,
  home_id uuid,
  block_name text,
  location_description text,
  reporter_user_id uuid,
  reporter_person_id uuid,
  reporter_name text,
  reporter_contact text,
  triage_reason text,
  triaged_by uuid,
  triaged_at timestamptz,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, case_id) REFERENCES safety_case (organisation_id, id) ON DELETE CASCADE
);
CREATE INDEX safety_report_case ON safety_report (organisation_id, case_id, reported_on);
CREATE INDEX safety_report_pending ON safety_report (organisation_id, created_at) WHERE status = 'pending';

CREATE TABLE safety_timeline_entry (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  id uuid NOT NULL,
  case_id uuid NOT NULL,
  at timestamptz NOT NULL,
  kind text NOT NULL CHECK (kind IN ('report', 'contact', 'action', 'document', 'note', 'assessment', 'status', 'portal')),
  title text NOT NULL,
  body text,
  author_user_id uuid,
  author_label text NOT NULL,
  -- Shown to the complainant only when an officer publishes it, or when the complainant wrote it.
  published boolean NOT NULL DEFAULT false,
  by_complainant_party_id uuid,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, case_id) REFERENCES safety_case (organisation_id, id) ON DELETE CASCADE
);
CREATE INDEX safety_timeline_case ON safety_timeline_entry (organisation_id, case_id, at);

-- Versioned risk matrices: questions, weights, bands and review cadence as data.
CREATE TABLE safety_risk_matrix (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  id uuid NOT NULL,
  version integer NOT NULL,
  name text NOT NULL,
  definition jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, version)
);

CREATE TABLE safety_risk_assessment (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  id uuid NOT NULL,
  case_id uuid NOT NULL,
  party_id uuid,
  matrix_version integer NOT NULL,
  matrix_name text NOT NULL,
  answers jsonb NOT NULL,
  score integer NOT NULL,
  computed_band text NOT NULL CHECK (computed_band IN ('standard', 'medium', 'high')),
  band text NOT NULL CHECK (band IN ('standard', 'medium', 'high')),
  override_reason text,
  assessed_by uuid,
  assessed_at timestamptz NOT NULL,
  next_review_on date,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, case_id) REFERENCES safety_case (organisation_id, id) ON DELETE CASCADE,
  CHECK (band = computed_band OR override_reason IS NOT NULL)
);
CREATE INDEX safety_risk_case ON safety_risk_assessment (organisation_id, case_id, assessed_at);

CREATE TABLE safety_action (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  id uuid NOT NULL,
  case_id uuid NOT NULL,
  party_id uuid,
  action_type text NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'done', 'cancelled')),
  started_on date NOT NULL,
  due_on date,
  completed_on date,
  -- Typed details (terms, expiry, breaches, Ground 7A conditions, clearance cost), validated by the action type's schema.
  details jsonb NOT NULL DEFAULT '{}',
  cost_pence bigint CHECK (cost_pence >= 0),
  published boolean NOT NULL DEFAULT false,
  reminded_on date,
  overdue_alerted_on date,
  created_by uuid,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, case_id) REFERENCES safety_case (organisation_id, id) ON DELETE CASCADE
);
CREATE INDEX safety_action_case ON safety_action (organisation_id, case_id);
CREATE INDEX safety_action_due ON safety_action (organisation_id, due_on) WHERE status = 'open';

CREATE TABLE safety_document (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  id uuid NOT NULL,
  case_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('letter', 'evidence')),
  file_name text NOT NULL,
  content_type text NOT NULL,
  size_bytes integer NOT NULL,
  content bytea,
  uploaded_by_party_id uuid,
  created_by uuid,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, case_id) REFERENCES safety_case (organisation_id, id) ON DELETE CASCADE
);
CREATE INDEX safety_document_case ON safety_document (organisation_id, case_id);

CREATE TABLE safety_letter_template (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  code text NOT NULL,
  name text NOT NULL,
  body text NOT NULL,
  updated_by uuid,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, code)
);

-- Thresholds and cadences an organisation may change (repeat window and count, trigger, reviews).
CREATE TABLE safety_setting (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  key text NOT NULL,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, key)
);

-- Community Trigger (ASB case review, ASB Crime and Policing Act 2014 s104).
CREATE TABLE safety_trigger_review (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  id uuid NOT NULL,
  case_id uuid NOT NULL,
  detected_on date NOT NULL,
  qualifying_reports integer NOT NULL,
  hate boolean NOT NULL,
  status text NOT NULL CHECK (status IN ('threshold-met', 'review-held', 'no-further-action')),
  outcome text,
  decided_on date,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, case_id) REFERENCES safety_case (organisation_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX safety_trigger_open ON safety_trigger_review (organisation_id, case_id) WHERE status = 'threshold-met';

-- Information sharing with an agency, with its lawful basis.
CREATE TABLE safety_sharing (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  id uuid NOT NULL,
  case_id uuid NOT NULL,
  partner_organisation_id uuid,
  agency_name text NOT NULL,
  lawful_basis text NOT NULL,
  purpose text NOT NULL,
  shared_by uuid,
  shared_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, case_id) REFERENCES safety_case (organisation_id, id) ON DELETE CASCADE
);

CREATE TABLE safety_campaign (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  id uuid NOT NULL,
  name text NOT NULL,
  topic text NOT NULL,
  la_code text,
  started_on date NOT NULL,
  ended_on date,
  people_reached integer NOT NULL DEFAULT 0 CHECK (people_reached >= 0),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id)
);
