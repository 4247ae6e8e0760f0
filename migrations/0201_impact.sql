-- Social value: value banks (an imported licensed file, or Kith's open default), their outcome
-- values by age band and region, deadweight per category, and the exclusion matrix.

CREATE TABLE value_bank (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  id uuid NOT NULL,
  name text NOT NULL,
  -- Shown beside every figure computed with this bank.
  source text NOT NULL,
  licence text NOT NULL,
  price_year integer NOT NULL CHECK (price_year BETWEEN 1990 AND 2100),
  active boolean NOT NULL,
  imported_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id)
);
-- One active bank per organisation.
CREATE UNIQUE INDEX value_bank_active ON value_bank (organisation_id) WHERE active;

CREATE TABLE value_category (
  organisation_id uuid NOT NULL,
  bank_id uuid NOT NULL,
  category text NOT NULL,
  deadweight_percent numeric(5, 2) NOT NULL CHECK (deadweight_percent BETWEEN 0 AND 100),
  PRIMARY KEY (organisation_id, bank_id, category),
  FOREIGN KEY (organisation_id, bank_id) REFERENCES value_bank (organisation_id, id) ON DELETE CASCADE
);

CREATE TABLE value_outcome (
  organisation_id uuid NOT NULL,
  bank_id uuid NOT NULL,
  code text NOT NULL,
  name text NOT NULL,
  category text NOT NULL,
  PRIMARY KEY (organisation_id, bank_id, code),
  FOREIGN KEY (organisation_id, bank_id, category) REFERENCES value_category (organisation_id, bank_id, category)
);

CREATE TABLE value_amount (
  organisation_id uuid NOT NULL,
  bank_id uuid NOT NULL,
  code text NOT NULL,
  age_band text NOT NULL CHECK (age_band IN ('under-25', '25-49', '50-plus', 'unknown')),
  region text NOT NULL CHECK (region IN ('london', 'outside-london')),
  value_pence bigint NOT NULL CHECK (value_pence >= 0),
  PRIMARY KEY (organisation_id, bank_id, code, age_band, region),
  FOREIGN KEY (organisation_id, bank_id, code) REFERENCES value_outcome (organisation_id, bank_id, code) ON DELETE CASCADE
);

-- Two outcomes that draw on the same area of benefit: one person never gets both within 12 months.
-- Stored once per pair with code_a < code_b.
CREATE TABLE value_exclusion (
  organisation_id uuid NOT NULL,
  bank_id uuid NOT NULL,
  code_a text NOT NULL,
  code_b text NOT NULL,
  PRIMARY KEY (organisation_id, bank_id, code_a, code_b),
  CHECK (code_a < code_b),
  FOREIGN KEY (organisation_id, bank_id, code_a) REFERENCES value_outcome (organisation_id, bank_id, code) ON DELETE CASCADE,
  FOREIGN KEY (organisation_id, bank_id, code_b) REFERENCES value_outcome (organisation_id, bank_id, code) ON DELETE CASCADE
);
