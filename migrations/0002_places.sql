-- Places. Reference tables (local_authority, lsoa) are shared by all organisations
-- and never point at organisation data.

CREATE TABLE local_authority (
  gss_code text PRIMARY KEY,
  name text NOT NULL,
  official_name text,
  la_type text,
  tier text,
  upper_tier_gss_code text,
  region_name text,
  -- Codes that appear only in the older edition were abolished (e.g. in 2023 reorganisations).
  current boolean NOT NULL
);

-- One row per LSOA per Indices of Deprivation edition: IoD2019 uses 2011 LSOAs,
-- IoD2025 uses 2021 LSOAs. Ranks cannot be compared across editions.
CREATE TABLE lsoa (
  edition text NOT NULL CHECK (edition IN ('iod2019', 'iod2025')),
  code text NOT NULL,
  name text NOT NULL,
  lad_code text NOT NULL,
  lad_name text NOT NULL,
  imd_rank integer NOT NULL,
  imd_decile integer NOT NULL CHECK (imd_decile BETWEEN 1 AND 10),
  imd_score numeric(7, 3),
  income_decile integer NOT NULL,
  employment_decile integer NOT NULL,
  education_decile integer NOT NULL,
  health_decile integer NOT NULL,
  crime_decile integer NOT NULL,
  barriers_decile integer NOT NULL,
  living_env_decile integer NOT NULL,
  PRIMARY KEY (edition, code)
);
CREATE INDEX lsoa_lad ON lsoa (edition, lad_code);

-- The local authorities an organisation works in: its neighbourhood lists start here.
CREATE TABLE organisation_area (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  la_code text NOT NULL REFERENCES local_authority (gss_code),
  PRIMARY KEY (organisation_id, la_code)
);

CREATE TABLE home (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  id uuid NOT NULL,
  uprn text NOT NULL CHECK (uprn ~ '^[0-9]{1,12}$'),
  address_line_1 text NOT NULL,
  address_line_2 text,
  town text NOT NULL,
  postcode text NOT NULL,
  tenure text NOT NULL CHECK (tenure IN ('social-rent', 'affordable-rent', 'shared-ownership', 'leasehold',
    'intermediate-rent', 'supported', 'temporary')),
  bedrooms integer CHECK (bedrooms BETWEEN 0 AND 12),
  block_name text,
  la_code text NOT NULL REFERENCES local_authority (gss_code),
  lsoa21_code text,
  lsoa11_code text,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, uprn)
);
CREATE INDEX home_la ON home (organisation_id, la_code);
CREATE INDEX home_lsoa21 ON home (organisation_id, lsoa21_code);
CREATE INDEX home_postcode ON home (organisation_id, postcode);
CREATE INDEX home_address_search ON home (organisation_id, lower(address_line_1 || ' ' || postcode));

CREATE TABLE community_asset (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  id uuid NOT NULL,
  name text NOT NULL,
  asset_type text NOT NULL CHECK (asset_type IN ('community-hall', 'playground', 'youth-club', 'community-hub',
    'library', 'park', 'sports-facility', 'garden', 'cafe', 'place-of-worship', 'other')),
  description text,
  address text,
  postcode text,
  la_code text NOT NULL REFERENCES local_authority (gss_code),
  lsoa21_code text,
  owner text NOT NULL,
  opening_hours text,
  current_use text,
  capacity integer CHECK (capacity >= 0),
  opened_on date,
  closed_on date,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id)
);
CREATE INDEX community_asset_la ON community_asset (organisation_id, la_code);

-- Manual changes to the priority rule: add a neighbourhood the rule misses, or remove one, with a reason.
CREATE TABLE priority_override (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  edition text NOT NULL,
  lsoa_code text NOT NULL,
  included boolean NOT NULL,
  reason text NOT NULL,
  decided_by uuid NOT NULL,
  decided_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, edition, lsoa_code),
  FOREIGN KEY (edition, lsoa_code) REFERENCES lsoa (edition, code)
);
