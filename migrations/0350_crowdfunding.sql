-- Crowdfunding with match pledges. Campaigns are run by community groups (partner
-- organisations); backers pledge through a payment provider; funders pledge from
-- match funds whose rules cap what they may give. Pledges are only collected if the
-- campaign meets its target (all-or-nothing), and released otherwise.

-- A match fund: one funder's pot and the programme rules its pledges must meet.
CREATE TABLE crowdfunding_fund (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  id uuid NOT NULL,
  name text NOT NULL,
  funder_name text NOT NULL,
  -- The organisation's own money (the council or landlord): the "per £1" in leverage reports.
  is_own_money boolean NOT NULL,
  budget_pence bigint NOT NULL CHECK (budget_pence >= 0),
  -- Shares are basis points: 5000 = 50% of the campaign target.
  max_share_bp integer NOT NULL CHECK (max_share_bp BETWEEN 1 AND 10000),
  max_amount_pence bigint NOT NULL CHECK (max_amount_pence > 0),
  combined_cap_bp integer NOT NULL CHECK (combined_cap_bp BETWEEN 1 AND 10000),
  min_backers integer NOT NULL CHECK (min_backers >= 0),
  -- Eligibility criteria scored by officers: [{ "key", "label", "max" }], and the pass mark.
  criteria jsonb NOT NULL,
  pass_mark integer NOT NULL CHECK (pass_mark >= 0),
  open boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id)
);

CREATE TABLE crowdfunding_campaign (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  id uuid NOT NULL,
  reference text NOT NULL,
  -- The community group running it (a people-module partner organisation) and its name when created.
  group_id uuid,
  group_name text NOT NULL,
  created_by uuid,
  title text NOT NULL,
  summary text NOT NULL,
  story text NOT NULL,
  community_benefit text NOT NULL,
  target_pence bigint NOT NULL CHECK (target_pence > 0),
  deadline date NOT NULL,
  -- The end of the deadline day in Europe/London, fixed at launch.
  closes_at timestamptz,
  funding_model text NOT NULL DEFAULT 'all-or-nothing' CHECK (funding_model IN ('all-or-nothing', 'keep-what-you-raise')),
  location text NOT NULL,
  la_code text,
  latitude numeric(8, 5),
  longitude numeric(8, 5),
  status text NOT NULL DEFAULT 'draft'
    CHECK (status IN ('draft', 'in-review', 'live', 'successful', 'unsuccessful', 'delivered')),
  -- Running totals kept in the campaign row: every pledge updates them under the row lock.
  backer_pence bigint NOT NULL DEFAULT 0 CHECK (backer_pence >= 0),
  backer_count integer NOT NULL DEFAULT 0,
  match_pence bigint NOT NULL DEFAULT 0 CHECK (match_pence >= 0),
  collected_pence bigint NOT NULL DEFAULT 0,
  submitted_at timestamptz,
  launched_at timestamptz,
  settled_at timestamptz,
  delivered_at timestamptz,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, reference)
);
CREATE INDEX crowdfunding_campaign_status ON crowdfunding_campaign (organisation_id, status, closes_at);

CREATE TABLE crowdfunding_budget_line (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  campaign_id uuid NOT NULL,
  position integer NOT NULL,
  description text NOT NULL,
  amount_pence bigint NOT NULL CHECK (amount_pence > 0),
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, campaign_id) REFERENCES crowdfunding_campaign (organisation_id, id) ON DELETE CASCADE
);

CREATE TABLE crowdfunding_reward_tier (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  campaign_id uuid NOT NULL,
  title text NOT NULL,
  description text NOT NULL,
  min_pence bigint NOT NULL CHECK (min_pence > 0),
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, campaign_id) REFERENCES crowdfunding_campaign (organisation_id, id) ON DELETE CASCADE
);

CREATE TABLE crowdfunding_image (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  campaign_id uuid NOT NULL,
  alt_text text NOT NULL,
  content_type text NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg', 'image/webp')),
  bytes bytea NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, campaign_id) REFERENCES crowdfunding_campaign (organisation_id, id) ON DELETE CASCADE
);

-- Verification before launch: the reviewer's checklist and decision.
CREATE TABLE crowdfunding_review (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  campaign_id uuid NOT NULL,
  reviewer_id uuid,
  reviewer_name text NOT NULL,
  checks jsonb NOT NULL,
  decision text NOT NULL CHECK (decision IN ('approve', 'return')),
  notes text,
  reviewed_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, campaign_id) REFERENCES crowdfunding_campaign (organisation_id, id)
);

-- A backer's pledge. No money moves in Kith: the provider authorises at pledge time,
-- and settlement either captures (target met) or releases (target missed).
CREATE TABLE crowdfunding_pledge (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  campaign_id uuid NOT NULL,
  reference text NOT NULL,
  backer_name text NOT NULL,
  backer_email text NOT NULL,
  anonymous boolean NOT NULL,
  message text,
  amount_pence bigint NOT NULL CHECK (amount_pence > 0),
  reward_tier_id uuid,
  provider text NOT NULL,
  provider_reference text NOT NULL,
  status text NOT NULL CHECK (status IN ('authorised', 'collected', 'released')),
  created_at timestamptz NOT NULL,
  settled_at timestamptz,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, reference),
  FOREIGN KEY (organisation_id, campaign_id) REFERENCES crowdfunding_campaign (organisation_id, id),
  FOREIGN KEY (organisation_id, reward_tier_id) REFERENCES crowdfunding_reward_tier (organisation_id, id)
);
CREATE INDEX crowdfunding_pledge_campaign ON crowdfunding_pledge (organisation_id, campaign_id, created_at);
CREATE INDEX crowdfunding_pledge_backer ON crowdfunding_pledge (organisation_id, campaign_id, lower(backer_email));

-- A funder's match pledge. Conditional until the campaign has the fund's minimum
-- number of unique backers; only released match pledges count towards the target.
CREATE TABLE crowdfunding_match_pledge (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  campaign_id uuid NOT NULL,
  fund_id uuid NOT NULL,
  amount_pence bigint NOT NULL CHECK (amount_pence > 0),
  scores jsonb NOT NULL,
  score integer NOT NULL,
  status text NOT NULL CHECK (status IN ('conditional', 'released', 'collected', 'lapsed')),
  pledged_by uuid,
  pledged_by_name text NOT NULL,
  created_at timestamptz NOT NULL,
  released_at timestamptz,
  settled_at timestamptz,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, campaign_id, fund_id),
  FOREIGN KEY (organisation_id, campaign_id) REFERENCES crowdfunding_campaign (organisation_id, id),
  FOREIGN KEY (organisation_id, fund_id) REFERENCES crowdfunding_fund (organisation_id, id)
);

CREATE TABLE crowdfunding_update (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  campaign_id uuid NOT NULL,
  title text NOT NULL,
  body text NOT NULL,
  author_name text NOT NULL,
  posted_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, campaign_id) REFERENCES crowdfunding_campaign (organisation_id, id)
);
