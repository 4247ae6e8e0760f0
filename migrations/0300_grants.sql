-- Grants: programmes, applications, assessment, grants (open-call and direct awards),
-- agreements, payments, monitoring returns, funding changes under the notice rule,
-- reminders, and the settings of the public 360Giving register.
-- Money is integer pence (bigint). Dates are date; moments are timestamptz from the application.

CREATE TABLE grant_settings (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  -- 360Giving identifier prefix registered with 360Giving, e.g. 360G-wmh.
  id_prefix text NOT NULL CHECK (id_prefix ~ '^360G-[A-Za-z0-9_-]+$'),
  department text NOT NULL,
  register_url text,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id)
);

CREATE TABLE grant_programme (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  id uuid NOT NULL,
  code text NOT NULL,
  title text NOT NULL,
  description text NOT NULL,
  grant_type text NOT NULL CHECK (grant_type IN ('innovation', 'strategic')),
  budget_pence bigint NOT NULL CHECK (budget_pence > 0),
  max_award_pence bigint NOT NULL CHECK (max_award_pence > 0),
  opens_on date NOT NULL,
  closes_on date NOT NULL,
  -- [{ id, question, expected: "yes" | "no", failureReason }]
  eligibility_questions jsonb NOT NULL,
  -- [{ id, name, weight }] weights are whole numbers; scores are 0 to 5 per criterion.
  scoring_criteria jsonb NOT NULL,
  -- Outcome codes of the funder's outcome framework this programme funds: [{ code, title }]
  outcomes jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, code),
  CHECK (closes_on >= opens_on)
);

CREATE TABLE grant_application (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  id uuid NOT NULL,
  programme_id uuid NOT NULL,
  reference text NOT NULL,
  status text NOT NULL CHECK (status IN ('draft', 'submitted', 'ineligible', 'moderated', 'awarded', 'declined', 'waitlisted')),
  applicant_user_id uuid,
  partner_organisation_id uuid,
  answers jsonb NOT NULL,
  organisation_name text,
  organisation_type text,
  charity_number text,
  company_number text,
  postcode text,
  town text,
  contact_name text,
  contact_email text,
  contact_phone text,
  project_title text,
  project_summary text,
  amount_requested_pence bigint CHECK (amount_requested_pence > 0),
  outcome_codes jsonb NOT NULL DEFAULT '[]',
  eligible boolean,
  eligibility_reasons jsonb NOT NULL DEFAULT '[]',
  submitted_at timestamptz,
  moderated_score_bp integer,
  moderation_note text,
  moderated_by text,
  decision_reason text,
  decided_at timestamptz,
  decided_by text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, reference),
  FOREIGN KEY (organisation_id, programme_id) REFERENCES grant_programme (organisation_id, id)
);
CREATE INDEX grant_application_programme ON grant_application (organisation_id, programme_id, status);
CREATE INDEX grant_application_applicant ON grant_application (organisation_id, applicant_user_id);

CREATE TABLE grant_assessment (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  application_id uuid NOT NULL,
  assessor_user_id uuid,
  assessor_name text NOT NULL,
  conflict_declared boolean NOT NULL,
  conflict_detail text,
  -- { criterionId: 0..5 }; empty when a conflict was declared.
  scores jsonb NOT NULL,
  -- Weighted score in basis points of the maximum (0..10000).
  weighted_score_bp integer,
  comment text,
  submitted_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, application_id, assessor_name),
  FOREIGN KEY (organisation_id, application_id) REFERENCES grant_application (organisation_id, id)
);

CREATE TABLE grant_award (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  id uuid NOT NULL,
  reference text NOT NULL,
  programme_id uuid,
  application_id uuid,
  route text NOT NULL CHECK (route IN ('open-call', 'direct-award')),
  direct_award_criterion text CHECK (direct_award_criterion IN ('unique-position', 'track-record', 'market-failure')),
  direct_award_justification text,
  status text NOT NULL CHECK (status IN ('proposed', 'active', 'ended')),
  grant_type text NOT NULL CHECK (grant_type IN ('innovation', 'strategic')),
  title text NOT NULL,
  description text NOT NULL,
  recipient_name text NOT NULL,
  recipient_type text NOT NULL,
  charity_number text,
  company_number text,
  recipient_postcode text,
  recipient_town text,
  amount_applied_for_pence bigint,
  amount_awarded_pence bigint NOT NULL CHECK (amount_awarded_pence > 0),
  award_date date,
  start_date date NOT NULL,
  end_date date NOT NULL,
  grant_owner text NOT NULL,
  accountable_officer text NOT NULL,
  outcome_codes jsonb NOT NULL,
  beneficiary_la_code text,
  beneficiary_la_name text,
  approved_by text,
  approved_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, reference),
  FOREIGN KEY (organisation_id, programme_id) REFERENCES grant_programme (organisation_id, id),
  FOREIGN KEY (organisation_id, application_id) REFERENCES grant_application (organisation_id, id),
  CHECK (end_date >= start_date),
  -- The framework: a grant is an open call, or a direct award with a criterion and a justification.
  CHECK (route = 'open-call' OR (direct_award_criterion IS NOT NULL AND length(trim(coalesce(direct_award_justification, ''))) > 0))
);
CREATE INDEX grant_award_register ON grant_award (organisation_id, status, award_date);

CREATE TABLE grant_agreement (
  organisation_id uuid NOT NULL,
  grant_id uuid NOT NULL,
  conditions text NOT NULL,
  monitoring_frequency text NOT NULL CHECK (monitoring_frequency IN ('quarterly', 'six-monthly', 'annual', 'end-of-grant')),
  signed_on date,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (organisation_id, grant_id),
  FOREIGN KEY (organisation_id, grant_id) REFERENCES grant_award (organisation_id, id)
);

CREATE TABLE grant_variation (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  grant_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('conditions', 'dates', 'reduction', 'ending')),
  description text NOT NULL,
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, grant_id) REFERENCES grant_award (organisation_id, id)
);

CREATE TABLE grant_payment (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  grant_id uuid NOT NULL,
  instalment integer NOT NULL,
  due_on date NOT NULL,
  amount_pence bigint NOT NULL CHECK (amount_pence >= 0),
  status text NOT NULL CHECK (status IN ('scheduled', 'held', 'approved', 'paid', 'cancelled')),
  held_reason text,
  approved_by text,
  approved_at timestamptz,
  paid_on date,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, grant_id, instalment),
  FOREIGN KEY (organisation_id, grant_id) REFERENCES grant_award (organisation_id, id)
);
CREATE INDEX grant_payment_due ON grant_payment (organisation_id, status, due_on);

CREATE TABLE grant_monitoring_return (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  grant_id uuid NOT NULL,
  period_label text NOT NULL,
  due_on date NOT NULL,
  status text NOT NULL CHECK (status IN ('due', 'submitted', 'accepted')),
  -- [{ outcomeCode, measure, target, achieved }]
  results jsonb NOT NULL DEFAULT '[]',
  narrative text,
  submitted_at timestamptz,
  submitted_by text,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, grant_id) REFERENCES grant_award (organisation_id, id)
);
CREATE INDEX grant_monitoring_due ON grant_monitoring_return (organisation_id, status, due_on);

CREATE TABLE grant_funding_change (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  grant_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('reduction', 'ending')),
  notice_given_on date NOT NULL,
  effective_on date NOT NULL,
  new_instalment_pence bigint CHECK (new_instalment_pence >= 0),
  reason text NOT NULL,
  -- A manager may record a change with less than three months' notice only with a reason.
  override_reason text,
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, grant_id) REFERENCES grant_award (organisation_id, id)
);

-- Reminders the daily job has raised (monitoring due, notice deadlines); unique so a reminder is raised once.
CREATE TABLE grant_reminder (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  grant_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('monitoring-due', 'monitoring-overdue', 'notice-deadline')),
  subject_date date NOT NULL,
  message text NOT NULL,
  raised_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, grant_id, kind, subject_date),
  FOREIGN KEY (organisation_id, grant_id) REFERENCES grant_award (organisation_id, id)
);
