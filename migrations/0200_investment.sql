-- Community investment: strategy (themes, outcomes, indicators, targets), projects and services,
-- theory of change, sessions, participants, attendance and outcome evidence.
-- Personal-data tags are declared beside the Drizzle schema (modules/investment/schema.ts).

CREATE TABLE investment_theme (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  id uuid NOT NULL,
  code text NOT NULL CHECK (code ~ '^[a-z0-9-]{1,40}$'),
  name text NOT NULL,
  description text,
  cross_cutting boolean NOT NULL DEFAULT false,
  position integer NOT NULL DEFAULT 0,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, code)
);

CREATE TABLE investment_outcome (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  theme_id uuid NOT NULL,
  name text NOT NULL,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, theme_id) REFERENCES investment_theme (organisation_id, id)
);

-- The options map: indicators at three levels, each tied to a theme and optionally to an outcome.
CREATE TABLE investment_indicator (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  theme_id uuid NOT NULL,
  outcome_id uuid,
  code text NOT NULL CHECK (code ~ '^[A-Za-z0-9-]{1,40}$'),
  name text NOT NULL,
  level text NOT NULL CHECK (level IN ('individual', 'community', 'business')),
  unit text NOT NULL CHECK (unit IN ('count', 'percent', 'pence', 'hours', 'score')),
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, code),
  FOREIGN KEY (organisation_id, theme_id) REFERENCES investment_theme (organisation_id, id),
  FOREIGN KEY (organisation_id, outcome_id) REFERENCES investment_outcome (organisation_id, id)
);

-- Baseline and target per indicator per period ("2025/26", "2026").
CREATE TABLE indicator_target (
  organisation_id uuid NOT NULL,
  indicator_id uuid NOT NULL,
  period text NOT NULL CHECK (period ~ '^[0-9]{4}(/[0-9]{2})?$'),
  baseline numeric(14, 2),
  target numeric(14, 2) NOT NULL,
  PRIMARY KEY (organisation_id, indicator_id, period),
  FOREIGN KEY (organisation_id, indicator_id) REFERENCES investment_indicator (organisation_id, id) ON DELETE CASCADE
);

-- A theory of change written once and applied to many projects.
CREATE TABLE change_template (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  id uuid NOT NULL,
  name text NOT NULL,
  inputs text NOT NULL,
  activities text NOT NULL,
  outputs text NOT NULL,
  outcomes text NOT NULL,
  indicator_codes text[] NOT NULL DEFAULT '{}',
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, name)
);

CREATE TABLE project (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  id uuid NOT NULL,
  name text NOT NULL,
  summary text,
  kind text NOT NULL CHECK (kind IN ('project', 'service')),
  stage text NOT NULL CHECK (stage IN ('idea', 'pipeline', 'active', 'closed')),
  -- Counts toward the 50% priority-neighbourhood target for community development.
  community_development boolean NOT NULL DEFAULT false,
  lead_partner_id uuid,
  -- LIFE decision matrix: answers and the resulting role.
  need_answer text NOT NULL CHECK (need_answer IN ('yes', 'partly', 'no')),
  best_placed_answer text NOT NULL CHECK (best_placed_answer IN ('yes', 'partly', 'no')),
  resource_answer text NOT NULL CHECK (resource_answer IN ('yes', 'partly', 'no')),
  life_role text NOT NULL CHECK (life_role IN ('lead', 'influence', 'follow', 'exit')),
  change_template_id uuid,
  toc_inputs text NOT NULL DEFAULT '',
  toc_activities text NOT NULL DEFAULT '',
  toc_outputs text NOT NULL DEFAULT '',
  toc_outcomes text NOT NULL DEFAULT '',
  indicator_codes text[] NOT NULL DEFAULT '{}',
  follow_up_months integer[] NOT NULL DEFAULT '{}',
  -- SROI adjustments (percent, 0-100) and how many years benefits last.
  attribution_percent numeric(5, 2) NOT NULL DEFAULT 0 CHECK (attribution_percent BETWEEN 0 AND 100),
  displacement_percent numeric(5, 2) NOT NULL DEFAULT 0 CHECK (displacement_percent BETWEEN 0 AND 100),
  drop_off_percent numeric(5, 2) NOT NULL DEFAULT 0 CHECK (drop_off_percent BETWEEN 0 AND 100),
  benefit_years integer NOT NULL DEFAULT 1 CHECK (benefit_years BETWEEN 1 AND 10),
  asset_id uuid,
  starts_on date,
  ends_on date,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, change_template_id) REFERENCES change_template (organisation_id, id),
  FOREIGN KEY (organisation_id, lead_partner_id) REFERENCES partner_organisation (organisation_id, id),
  FOREIGN KEY (organisation_id, asset_id) REFERENCES community_asset (organisation_id, id)
);
CREATE INDEX project_stage ON project (organisation_id, stage);

CREATE TABLE project_theme (
  organisation_id uuid NOT NULL,
  project_id uuid NOT NULL,
  theme_id uuid NOT NULL,
  PRIMARY KEY (organisation_id, project_id, theme_id),
  FOREIGN KEY (organisation_id, project_id) REFERENCES project (organisation_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organisation_id, theme_id) REFERENCES investment_theme (organisation_id, id)
);

-- Areas a project serves: a local authority, optionally narrowed to one neighbourhood (LSOA 2021).
CREATE TABLE project_area (
  organisation_id uuid NOT NULL,
  project_id uuid NOT NULL,
  la_code text NOT NULL REFERENCES local_authority (gss_code),
  lsoa21_code text NOT NULL DEFAULT '',
  PRIMARY KEY (organisation_id, project_id, la_code, lsoa21_code),
  FOREIGN KEY (organisation_id, project_id) REFERENCES project (organisation_id, id) ON DELETE CASCADE
);

CREATE TABLE project_partner (
  organisation_id uuid NOT NULL,
  project_id uuid NOT NULL,
  partner_id uuid NOT NULL,
  PRIMARY KEY (organisation_id, project_id, partner_id),
  FOREIGN KEY (organisation_id, project_id) REFERENCES project (organisation_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organisation_id, partner_id) REFERENCES partner_organisation (organisation_id, id)
);

-- Budget by source: internal (our own money) or external (grants, partners, contracts).
CREATE TABLE project_funding (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  project_id uuid NOT NULL,
  source text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('internal', 'external')),
  amount_pence bigint NOT NULL CHECK (amount_pence >= 0),
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  secured boolean NOT NULL DEFAULT true,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, project_id) REFERENCES project (organisation_id, id) ON DELETE CASCADE
);
CREATE INDEX project_funding_project ON project_funding (organisation_id, project_id);

-- What was actually spent: compared with the funding plan for "within budget".
CREATE TABLE project_spend (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  project_id uuid NOT NULL,
  spent_on date NOT NULL,
  amount_pence bigint NOT NULL CHECK (amount_pence >= 0),
  description text NOT NULL,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, project_id) REFERENCES project (organisation_id, id) ON DELETE CASCADE
);
CREATE INDEX project_spend_project ON project_spend (organisation_id, project_id, spent_on);

CREATE TABLE steering_member (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  project_id uuid NOT NULL,
  name text NOT NULL,
  role text NOT NULL,
  local_person boolean NOT NULL,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, project_id) REFERENCES project (organisation_id, id) ON DELETE CASCADE
);

-- A person taking part. Linked to a person record when there is one; pushed from another system it
-- may carry only an external reference with the facts the value calculation needs.
CREATE TABLE participant (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  id uuid NOT NULL,
  person_id uuid,
  external_ref text,
  display_name text NOT NULL,
  date_of_birth date,
  tenant boolean NOT NULL,
  la_code text REFERENCES local_authority (gss_code),
  lsoa21_code text,
  communities text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, person_id),
  UNIQUE (organisation_id, external_ref),
  FOREIGN KEY (organisation_id, person_id) REFERENCES person (organisation_id, id),
  CHECK (communities <@ ARRAY['older-residents', 'young-people', 'disability']::text[])
);

CREATE TABLE activity_session (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  project_id uuid NOT NULL,
  title text NOT NULL,
  held_on date NOT NULL,
  duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 1 AND 1440),
  -- Light-touch contact (a drop-in, an event) or specialist, in-depth engagement (casework, a course).
  depth text NOT NULL CHECK (depth IN ('light', 'in-depth')),
  la_code text NOT NULL REFERENCES local_authority (gss_code),
  lsoa21_code text,
  asset_id uuid,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, project_id) REFERENCES project (organisation_id, id),
  FOREIGN KEY (organisation_id, asset_id) REFERENCES community_asset (organisation_id, id)
);
CREATE INDEX activity_session_held ON activity_session (organisation_id, held_on);
CREATE INDEX activity_session_project ON activity_session (organisation_id, project_id, held_on);

-- One row per person per session. Volunteers and service users giving their time record minutes.
CREATE TABLE attendance (
  organisation_id uuid NOT NULL,
  session_id uuid NOT NULL,
  participant_id uuid NOT NULL,
  role text NOT NULL CHECK (role IN ('participant', 'volunteer', 'service-user-input')),
  minutes integer NOT NULL DEFAULT 0 CHECK (minutes BETWEEN 0 AND 1440),
  PRIMARY KEY (organisation_id, session_id, participant_id),
  FOREIGN KEY (organisation_id, session_id) REFERENCES activity_session (organisation_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organisation_id, participant_id) REFERENCES participant (organisation_id, id)
);
CREATE INDEX attendance_participant ON attendance (organisation_id, participant_id);

-- An outcome for one person, with its evidence: a value-bank outcome code, survey scores before and
-- after (SWEMWBS 7-35; distance travelled 1-10) and a story.
CREATE TABLE outcome_record (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  participant_id uuid NOT NULL,
  project_id uuid NOT NULL,
  value_code text,
  achieved_on date NOT NULL,
  wellbeing_before integer CHECK (wellbeing_before BETWEEN 7 AND 35),
  wellbeing_after integer CHECK (wellbeing_after BETWEEN 7 AND 35),
  distance_before integer CHECK (distance_before BETWEEN 1 AND 10),
  distance_after integer CHECK (distance_after BETWEEN 1 AND 10),
  evidence text NOT NULL,
  story text,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, participant_id) REFERENCES participant (organisation_id, id),
  FOREIGN KEY (organisation_id, project_id) REFERENCES project (organisation_id, id)
);
CREATE INDEX outcome_record_achieved ON outcome_record (organisation_id, achieved_on);
CREATE INDEX outcome_record_participant ON outcome_record (organisation_id, participant_id, value_code);

CREATE TABLE outcome_follow_up (
  organisation_id uuid NOT NULL,
  outcome_id uuid NOT NULL,
  months integer NOT NULL CHECK (months IN (3, 6, 12, 24)),
  due_on date NOT NULL,
  completed_on date,
  distance_rating integer CHECK (distance_rating BETWEEN 1 AND 10),
  wellbeing_score integer CHECK (wellbeing_score BETWEEN 7 AND 35),
  sustained boolean,
  PRIMARY KEY (organisation_id, outcome_id, months),
  FOREIGN KEY (organisation_id, outcome_id) REFERENCES outcome_record (organisation_id, id) ON DELETE CASCADE
);
CREATE INDEX outcome_follow_up_due ON outcome_follow_up (organisation_id, due_on) WHERE completed_on IS NULL;

CREATE TABLE outcome_file (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  outcome_id uuid NOT NULL,
  file_name text NOT NULL,
  content_type text NOT NULL,
  content bytea NOT NULL,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, outcome_id) REFERENCES outcome_record (organisation_id, id) ON DELETE CASCADE
);
