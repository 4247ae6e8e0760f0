-- What the Open Referral UK directory says about a service beyond its project: who it is for
-- (ages) and when it runs (weekly schedules), so ORUK clients can filter by age, day and time.
-- Written only by the set-directory-listing command (src/modules/impact/openreferral).

CREATE TABLE directory_listing (
  organisation_id uuid NOT NULL,
  project_id uuid NOT NULL,
  -- ORUK service.minimum_age / maximum_age; NULL means no lower or upper limit.
  minimum_age integer CHECK (minimum_age BETWEEN 0 AND 150),
  maximum_age integer CHECK (maximum_age BETWEEN 0 AND 150),
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, project_id),
  CHECK (minimum_age IS NULL OR maximum_age IS NULL OR minimum_age <= maximum_age)
);

-- A weekly schedule (ORUK schedule with freq WEEKLY): the days it runs and its opening times.
CREATE TABLE directory_schedule (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  project_id uuid NOT NULL,
  -- iCal days, comma separated: MO,TU,WE,TH,FR,SA,SU.
  byday text NOT NULL,
  -- HH:MM, 24-hour clock, Europe/London.
  opens_at text NOT NULL CHECK (opens_at ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  closes_at text NOT NULL CHECK (closes_at ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  description text,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, project_id) REFERENCES directory_listing (organisation_id, project_id) ON DELETE CASCADE,
  CHECK (opens_at < closes_at)
);

-- Postcode district (outward code) centroids, for the ORUK postcode and proximity filters.
-- National reference data shared by every organisation; `kith import postcode-centroids FILE.csv`
-- adds or replaces districts (docs/impact.md says where the figures come from).
CREATE TABLE postcode_district_centroid (
  district text PRIMARY KEY CHECK (district ~ '^[A-Z]{1,2}[0-9][0-9A-Z]?$'),
  latitude double precision NOT NULL CHECK (latitude BETWEEN 49 AND 61),
  longitude double precision NOT NULL CHECK (longitude BETWEEN -9 AND 3),
  -- The local authority the district lies in (mostly), for the ORUK service-area rule.
  la_code text,
  source text NOT NULL,
  imported_at timestamptz NOT NULL
);
