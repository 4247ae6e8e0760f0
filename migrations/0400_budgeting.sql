-- Participatory budgeting: processes, budgets, proposals, ballots, voting codes and results.
-- Personal-data tags are declared beside the Drizzle schema (modules/budgeting/schema.ts).

CREATE TABLE pb_process (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  id uuid NOT NULL,
  title text NOT NULL,
  summary text NOT NULL DEFAULT '',
  -- Where the process runs: everywhere, a local authority (code), a neighbourhood (LSOA 2021 code) or an estate (block name).
  area_kind text NOT NULL CHECK (area_kind IN ('all', 'local-authority', 'neighbourhood', 'estate')),
  area_code text,
  eligibility text NOT NULL CHECK (eligibility IN ('residents', 'tenants')),
  minimum_age integer NOT NULL DEFAULT 16 CHECK (minimum_age BETWEEN 0 AND 120),
  ballot_kind text NOT NULL CHECK (ballot_kind IN ('approval', 'knapsack', 'cumulative')),
  min_choices integer CHECK (min_choices >= 0),
  max_choices integer CHECK (max_choices >= 1),
  points_total integer CHECK (points_total >= 1),
  rule text NOT NULL CHECK (rule IN ('greedy', 'mes', 'phragmen')),
  utility text NOT NULL CHECK (utility IN ('cost', 'approval')),
  completion text NOT NULL CHECK (completion IN ('none', 'add1', 'add1-until-infeasible')),
  tie_breaking text NOT NULL DEFAULT 'lexicographic-project-id',
  phase text NOT NULL CHECK (phase IN ('proposals', 'review', 'voting', 'results')),
  proposals_open date NOT NULL,
  review_open date NOT NULL,
  voting_open date NOT NULL,
  voting_close date NOT NULL,
  results_date date NOT NULL,
  source text NOT NULL DEFAULT 'kith' CHECK (source IN ('kith', 'pabulib')),
  -- Minor units per major unit are always 100; imported files may use another currency.
  currency text NOT NULL DEFAULT 'GBP',
  pabulib_meta jsonb,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  CHECK (min_choices IS NULL OR max_choices IS NULL OR min_choices <= max_choices),
  CHECK (proposals_open <= review_open AND review_open <= voting_open AND voting_open <= voting_close AND voting_close <= results_date)
);

CREATE TABLE pb_budget (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  process_id uuid NOT NULL,
  name text NOT NULL,
  amount_pence bigint NOT NULL CHECK (amount_pence > 0),
  position integer NOT NULL,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, process_id) REFERENCES pb_process (organisation_id, id) ON DELETE CASCADE
);
CREATE INDEX pb_budget_process ON pb_budget (organisation_id, process_id, position);

CREATE TABLE pb_proposal (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  process_id uuid NOT NULL,
  budget_id uuid,
  -- The project id used in results and pabulib files ("12" or "P3"), unique within the process.
  reference text NOT NULL,
  title text NOT NULL DEFAULT '',
  description text NOT NULL DEFAULT '',
  location text NOT NULL DEFAULT '',
  category text NOT NULL DEFAULT '',
  estimated_cost_pence bigint CHECK (estimated_cost_pence > 0),
  final_cost_pence bigint CHECK (final_cost_pence > 0),
  status text NOT NULL CHECK (status IN ('draft', 'submitted', 'feasible', 'infeasible')),
  review_reason text,
  proposer_user_id uuid,
  proposer_person_id uuid,
  created_at timestamptz NOT NULL,
  submitted_at timestamptz,
  reviewed_at timestamptz,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, process_id, reference),
  FOREIGN KEY (organisation_id, process_id) REFERENCES pb_process (organisation_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organisation_id, budget_id) REFERENCES pb_budget (organisation_id, id)
);
CREATE INDEX pb_proposal_process ON pb_proposal (organisation_id, process_id, status);

CREATE TABLE pb_ballot (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  process_id uuid NOT NULL,
  budget_id uuid NOT NULL,
  -- Who the ballot belongs to ("person:<id>", "user:<id>", "paper:<ref>", "pabulib:<voter id>"):
  -- the unique key below is what makes it one vote per person per budget.
  voter_key text NOT NULL,
  person_id uuid,
  channel text NOT NULL CHECK (channel IN ('online', 'code', 'paper', 'import')),
  entered_by_user_id uuid,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, budget_id, voter_key),
  FOREIGN KEY (organisation_id, process_id) REFERENCES pb_process (organisation_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organisation_id, budget_id) REFERENCES pb_budget (organisation_id, id) ON DELETE CASCADE
);
CREATE INDEX pb_ballot_process ON pb_ballot (organisation_id, process_id);

CREATE TABLE pb_ballot_choice (
  organisation_id uuid NOT NULL,
  ballot_id uuid NOT NULL,
  proposal_id uuid NOT NULL,
  points integer NOT NULL DEFAULT 1 CHECK (points >= 1),
  PRIMARY KEY (organisation_id, ballot_id, proposal_id),
  FOREIGN KEY (organisation_id, ballot_id) REFERENCES pb_ballot (organisation_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organisation_id, proposal_id) REFERENCES pb_proposal (organisation_id, id) ON DELETE CASCADE
);

CREATE TABLE pb_vote_code (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  process_id uuid NOT NULL,
  person_id uuid NOT NULL,
  -- Only the hash is kept: the code itself is shown once to the officer who sends it.
  code_hash text NOT NULL UNIQUE,
  issued_at timestamptz NOT NULL,
  issued_by_user_id uuid,
  first_used_at timestamptz,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, process_id, person_id),
  FOREIGN KEY (organisation_id, process_id) REFERENCES pb_process (organisation_id, id) ON DELETE CASCADE
);

CREATE TABLE pb_result (
  organisation_id uuid NOT NULL,
  process_id uuid NOT NULL,
  budget_id uuid NOT NULL,
  rule text NOT NULL,
  utility text NOT NULL,
  completion text NOT NULL,
  tie_breaking text NOT NULL,
  outcome jsonb NOT NULL,
  comparison jsonb NOT NULL,
  ballots integer NOT NULL,
  computed_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, budget_id),
  FOREIGN KEY (organisation_id, process_id) REFERENCES pb_process (organisation_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organisation_id, budget_id) REFERENCES pb_budget (organisation_id, id) ON DELETE CASCADE
);
