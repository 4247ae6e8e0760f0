-- Volunteering: opportunities (roles), sessions, volunteers, the checks they hold,
-- applications, hours, hourly rates for valuing hours, milestones, document templates.
-- Shaped after the UK Volunteering Data Standard draft: organisation → activity → role → session.

CREATE TABLE vol_opportunity (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  id uuid NOT NULL,
  title text NOT NULL,
  description text NOT NULL,
  -- The activity (VDS) this role belongs to, e.g. "Community gardening at Luton Arches".
  activity text NOT NULL,
  theme text NOT NULL,
  skills text[] NOT NULL DEFAULT '{}',
  interests text[] NOT NULL DEFAULT '{}',
  availability text[] NOT NULL DEFAULT '{}',
  remote boolean NOT NULL,
  location_name text,
  postcode text,
  la_code text REFERENCES local_authority (gss_code),
  latitude double precision,
  longitude double precision,
  time_commitment text NOT NULL,
  -- A DBS check is only lawful for regulated activity, so it is a yes/no on the role, not a default.
  dbs_required boolean NOT NULL DEFAULT false,
  training_required text[] NOT NULL DEFAULT '{}',
  minimum_age integer CHECK (minimum_age BETWEEN 14 AND 25),
  places integer NOT NULL CHECK (places BETWEEN 1 AND 1000),
  status text NOT NULL CHECK (status IN ('submitted', 'approved', 'rejected', 'closed')),
  status_reason text,
  partner_organisation_id uuid,
  -- A community investment project this role serves (the investment module's id); no FK across modules.
  project_ref text,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  approved_at timestamptz,
  PRIMARY KEY (organisation_id, id),
  CHECK (remote OR postcode IS NOT NULL)
);
CREATE INDEX vol_opportunity_status ON vol_opportunity (organisation_id, status);
CREATE INDEX vol_opportunity_interests ON vol_opportunity USING gin (interests);
CREATE INDEX vol_opportunity_skills ON vol_opportunity USING gin (skills);

CREATE TABLE vol_session (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  opportunity_id uuid NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, opportunity_id) REFERENCES vol_opportunity (organisation_id, id) ON DELETE CASCADE,
  CHECK (ends_at > starts_at)
);
CREATE INDEX vol_session_opportunity ON vol_session (organisation_id, opportunity_id, starts_at);

CREATE TABLE volunteer (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  id uuid NOT NULL,
  given_name text NOT NULL,
  family_name text NOT NULL,
  email text NOT NULL,
  phone text,
  date_of_birth date,
  postcode text,
  la_code text REFERENCES local_authority (gss_code),
  -- Approximate (postcode district centre): enough to rank roles by distance.
  latitude double precision,
  longitude double precision,
  interests text[] NOT NULL DEFAULT '{}',
  skills text[] NOT NULL DEFAULT '{}',
  availability text[] NOT NULL DEFAULT '{}',
  -- The resident record (people module) when the volunteer is one of the organisation's residents.
  person_id uuid,
  -- The sign-in account that may log this volunteer's own hours.
  user_id uuid,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, person_id) REFERENCES person (organisation_id, id)
);
CREATE UNIQUE INDEX volunteer_email ON volunteer (organisation_id, lower(email));
CREATE UNIQUE INDEX volunteer_user ON volunteer (organisation_id, user_id) WHERE user_id IS NOT NULL;
CREATE INDEX volunteer_interests ON volunteer USING gin (interests);
CREATE INDEX volunteer_skills ON volunteer USING gin (skills);

CREATE TABLE volunteer_check (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  volunteer_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('dbs-enhanced', 'dbs-basic', 'safeguarding', 'first-aid', 'food-hygiene',
    'manual-handling')),
  reference text,
  issued_on date NOT NULL,
  expires_on date,
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, volunteer_id) REFERENCES volunteer (organisation_id, id) ON DELETE CASCADE,
  CHECK (expires_on IS NULL OR expires_on > issued_on)
);
CREATE INDEX volunteer_check_volunteer ON volunteer_check (organisation_id, volunteer_id);

CREATE TABLE vol_application (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  opportunity_id uuid NOT NULL,
  volunteer_id uuid NOT NULL,
  status text NOT NULL CHECK (status IN ('applied', 'approved', 'declined', 'placed', 'ended')),
  message text,
  status_reason text,
  applied_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, opportunity_id) REFERENCES vol_opportunity (organisation_id, id),
  FOREIGN KEY (organisation_id, volunteer_id) REFERENCES volunteer (organisation_id, id)
);
CREATE UNIQUE INDEX vol_application_once ON vol_application (organisation_id, opportunity_id, volunteer_id);
CREATE INDEX vol_application_volunteer ON vol_application (organisation_id, volunteer_id);

-- What an hour of volunteering is worth, with where that figure comes from.
CREATE TABLE vol_hourly_rate (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  id uuid NOT NULL,
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  rate_pence integer NOT NULL CHECK (rate_pence BETWEEN 1 AND 100000),
  source text NOT NULL,
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, year)
);

CREATE TABLE vol_hours (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  volunteer_id uuid NOT NULL,
  opportunity_id uuid NOT NULL,
  session_id uuid,
  worked_on date NOT NULL,
  -- Whole minutes: exact sums, and a value that can be checked to the penny.
  minutes integer NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
  -- Copied from the opportunity when logged, so reports do not change if the role is edited later.
  theme text NOT NULL,
  la_code text,
  project_ref text,
  status text NOT NULL CHECK (status IN ('submitted', 'verified', 'disputed')),
  dispute_reason text,
  note text,
  logged_by text NOT NULL CHECK (logged_by IN ('volunteer', 'coordinator')),
  logged_at timestamptz NOT NULL,
  verified_at timestamptz,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, volunteer_id) REFERENCES volunteer (organisation_id, id),
  FOREIGN KEY (organisation_id, opportunity_id) REFERENCES vol_opportunity (organisation_id, id),
  FOREIGN KEY (organisation_id, session_id) REFERENCES vol_session (organisation_id, id)
);
CREATE INDEX vol_hours_report ON vol_hours (organisation_id, worked_on) INCLUDE (volunteer_id, minutes, theme, la_code, status);
CREATE INDEX vol_hours_volunteer ON vol_hours (organisation_id, volunteer_id, worked_on);
CREATE INDEX vol_hours_waiting ON vol_hours (organisation_id, status) WHERE status = 'submitted';

CREATE TABLE vol_milestone (
  organisation_id uuid NOT NULL,
  volunteer_id uuid NOT NULL,
  hours integer NOT NULL,
  reached_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, volunteer_id, hours),
  FOREIGN KEY (organisation_id, volunteer_id) REFERENCES volunteer (organisation_id, id) ON DELETE CASCADE
);

-- Certificate and reference wording; {{placeholders}} are filled in when the PDF is made.
CREATE TABLE vol_document_template (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  kind text NOT NULL CHECK (kind IN ('certificate', 'reference')),
  heading text NOT NULL,
  body text NOT NULL,
  signed_by text NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, kind)
);
