-- Social value exchange. Community organisations post needs; suppliers bidding for
-- contracts pledge resources to meet them; pledges earn tender points; delivery is
-- evidenced by the supplier and verified by the community organisation and an officer.

CREATE TABLE exchange_need (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  id uuid NOT NULL,
  reference text NOT NULL,
  -- The community organisation (a people-module partner organisation) and its name when posted.
  community_org_id uuid,
  community_org_name text NOT NULL,
  posted_by uuid,
  title text NOT NULL,
  description text NOT NULL,
  category text NOT NULL CHECK (category IN ('volunteers', 'materials', 'skills', 'funding', 'equipment')),
  value_pence bigint NOT NULL CHECK (value_pence > 0),
  location text NOT NULL,
  la_code text,
  needed_by date,
  status text NOT NULL CHECK (status IN ('submitted', 'open', 'rejected', 'met', 'closed')),
  moderation_note text,
  moderated_by_name text,
  moderated_at timestamptz,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, reference)
);
CREATE INDEX exchange_need_status ON exchange_need (organisation_id, status);

-- A contract out to tender, with the social value the authority asks for and how pledges score.
CREATE TABLE exchange_contract (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  id uuid NOT NULL,
  reference text NOT NULL,
  title text NOT NULL,
  description text NOT NULL,
  value_pence bigint NOT NULL CHECK (value_pence > 0),
  -- Share of all tender marks given to social value, in basis points (1000 = 10 marks out of 100).
  weighting_bp integer NOT NULL CHECK (weighting_bp BETWEEN 1 AND 10000),
  themes text[] NOT NULL,
  -- Multiplier per theme in basis points (10000 = counts in full).
  theme_weights jsonb NOT NULL,
  -- Weighted pledges worth this share of the contract value earn full marks.
  full_marks_share_bp integer NOT NULL CHECK (full_marks_share_bp BETWEEN 1 AND 10000),
  tender_closes date NOT NULL,
  status text NOT NULL CHECK (status IN ('tendering', 'awarded')),
  awarded_supplier_id uuid,
  awarded_supplier_name text,
  awarded_at timestamptz,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, reference)
);

CREATE TABLE exchange_pledge (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  reference text NOT NULL,
  contract_id uuid NOT NULL,
  supplier_id uuid NOT NULL,
  supplier_name text NOT NULL,
  theme text NOT NULL CHECK (theme IN ('local-employment', 'local-economy', 'community-development', 'good-employer', 'green')),
  resource_type text NOT NULL CHECK (resource_type IN ('volunteers', 'materials', 'skills', 'funding', 'equipment')),
  description text NOT NULL,
  value_pence bigint NOT NULL CHECK (value_pence > 0),
  due_by date NOT NULL,
  status text NOT NULL CHECK (status IN ('offered', 'accepted', 'not-awarded', 'delivered', 'verified')),
  evidence text,
  delivered_at timestamptz,
  community_verified_by text,
  community_verified_at timestamptz,
  officer_verified_by text,
  officer_verified_at timestamptz,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, reference),
  FOREIGN KEY (organisation_id, contract_id) REFERENCES exchange_contract (organisation_id, id)
);
CREATE INDEX exchange_pledge_contract ON exchange_pledge (organisation_id, contract_id, supplier_id);
CREATE INDEX exchange_pledge_due ON exchange_pledge (organisation_id, status, due_by);

-- The needs a pledge meets.
CREATE TABLE exchange_pledge_need (
  organisation_id uuid NOT NULL,
  pledge_id uuid NOT NULL,
  need_id uuid NOT NULL,
  PRIMARY KEY (organisation_id, pledge_id, need_id),
  FOREIGN KEY (organisation_id, pledge_id) REFERENCES exchange_pledge (organisation_id, id),
  FOREIGN KEY (organisation_id, need_id) REFERENCES exchange_need (organisation_id, id)
);
CREATE INDEX exchange_pledge_need_need ON exchange_pledge_need (organisation_id, need_id);

-- Overdue alerts, raised once per pledge by the daily job.
CREATE TABLE exchange_alert (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  pledge_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('overdue')),
  message text NOT NULL,
  raised_at timestamptz NOT NULL,
  cleared_at timestamptz,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, pledge_id, kind),
  FOREIGN KEY (organisation_id, pledge_id) REFERENCES exchange_pledge (organisation_id, id)
);
