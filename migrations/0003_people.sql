-- People: persons, households, tenancies, partner organisations, equality monitoring.
-- Personal-data tags are declared beside the Drizzle schema (modules/people/schema.ts).

CREATE TABLE person (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  id uuid NOT NULL,
  given_name text NOT NULL,
  family_name text NOT NULL,
  date_of_birth date,
  email text,
  phone text,
  home_id uuid,
  -- Address for people who do not live in one of the organisation's homes.
  address text,
  postcode text,
  person_type text NOT NULL CHECK (person_type IN ('tenant', 'resident', 'contact')),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, home_id) REFERENCES home (organisation_id, id)
);
CREATE INDEX person_name ON person (organisation_id, lower(family_name), lower(given_name));
CREATE INDEX person_home ON person (organisation_id, home_id);

-- Special category data (UK GDPR art. 9): held only with recorded consent.
CREATE TABLE person_equality (
  organisation_id uuid NOT NULL,
  person_id uuid NOT NULL,
  consent_given_at timestamptz NOT NULL,
  consent_recorded_by uuid NOT NULL,
  ethnic_group text,
  disability text CHECK (disability IN ('yes', 'no', 'prefer-not-to-say')),
  sex text,
  gender_identity_same_as_birth text CHECK (gender_identity_same_as_birth IN ('yes', 'no', 'prefer-not-to-say')),
  sexual_orientation text,
  religion text,
  PRIMARY KEY (organisation_id, person_id),
  FOREIGN KEY (organisation_id, person_id) REFERENCES person (organisation_id, id) ON DELETE CASCADE
);

CREATE TABLE household (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  id uuid NOT NULL,
  home_id uuid NOT NULL,
  name text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, home_id) REFERENCES home (organisation_id, id)
);

CREATE TABLE household_member (
  organisation_id uuid NOT NULL,
  household_id uuid NOT NULL,
  person_id uuid NOT NULL,
  relationship text NOT NULL,
  PRIMARY KEY (organisation_id, household_id, person_id),
  FOREIGN KEY (organisation_id, household_id) REFERENCES household (organisation_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organisation_id, person_id) REFERENCES person (organisation_id, id)
);

CREATE TABLE tenancy (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  id uuid NOT NULL,
  home_id uuid NOT NULL,
  tenancy_type text NOT NULL CHECK (tenancy_type IN ('assured', 'starter', 'secure', 'introductory', 'flexible',
    'licence', 'shared-ownership-lease')),
  start_date date NOT NULL,
  end_date date,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, home_id) REFERENCES home (organisation_id, id),
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX tenancy_home ON tenancy (organisation_id, home_id);

CREATE TABLE tenancy_holder (
  organisation_id uuid NOT NULL,
  tenancy_id uuid NOT NULL,
  person_id uuid NOT NULL,
  PRIMARY KEY (organisation_id, tenancy_id, person_id),
  FOREIGN KEY (organisation_id, tenancy_id) REFERENCES tenancy (organisation_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organisation_id, person_id) REFERENCES person (organisation_id, id)
);

CREATE TABLE partner_organisation (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  id uuid NOT NULL,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('charity', 'community-group', 'supplier', 'agency', 'social-enterprise',
    'public-body')),
  charity_number text,
  company_number text,
  -- org-id.guide style, e.g. GB-CHC-1234567 or GB-COH-01234567; derived from the numbers above.
  org_identifier text,
  address text,
  postcode text,
  la_code text REFERENCES local_authority (gss_code),
  website text,
  email text,
  phone text,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id)
);
CREATE INDEX partner_organisation_name ON partner_organisation (organisation_id, lower(name));
