-- Resident involvement: involvement opportunities and who takes part, consultations with
-- a simple survey, and "You said, we did" records answering residents' feedback.

CREATE TABLE involvement_opportunity (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('scrutiny-panel', 'steering-group', 'community-champion', 'mystery-shopper',
    'tenant-board', 'focus-group')),
  title text NOT NULL,
  description text NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'closed')),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id)
);

CREATE TABLE involvement_participation (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  opportunity_id uuid NOT NULL,
  person_id uuid NOT NULL,
  role text,
  started_on date NOT NULL,
  ended_on date,
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, opportunity_id) REFERENCES involvement_opportunity (organisation_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organisation_id, person_id) REFERENCES person (organisation_id, id),
  CHECK (ended_on IS NULL OR ended_on >= started_on)
);
CREATE INDEX involvement_participation_opportunity ON involvement_participation (organisation_id, opportunity_id);

CREATE TABLE consultation (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  id uuid NOT NULL,
  title text NOT NULL,
  description text NOT NULL,
  opens_on date NOT NULL,
  closes_on date NOT NULL,
  status text NOT NULL CHECK (status IN ('draft', 'open', 'closed')),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  CHECK (closes_on >= opens_on)
);

CREATE TABLE consultation_question (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  consultation_id uuid NOT NULL,
  position integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('single-choice', 'multiple-choice', 'rating', 'free-text')),
  text text NOT NULL,
  options text[] NOT NULL DEFAULT '{}',
  required boolean NOT NULL,
  PRIMARY KEY (organisation_id, id),
  UNIQUE (organisation_id, consultation_id, position),
  FOREIGN KEY (organisation_id, consultation_id) REFERENCES consultation (organisation_id, id) ON DELETE CASCADE
);

CREATE TABLE consultation_response (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  consultation_id uuid NOT NULL,
  submitted_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, consultation_id) REFERENCES consultation (organisation_id, id) ON DELETE CASCADE
);

-- Answers hold no name: responses are anonymous.
CREATE TABLE consultation_answer (
  organisation_id uuid NOT NULL,
  response_id uuid NOT NULL,
  question_id uuid NOT NULL,
  choices text[] NOT NULL DEFAULT '{}',
  rating integer CHECK (rating BETWEEN 1 AND 5),
  free_text text,
  PRIMARY KEY (organisation_id, response_id, question_id),
  FOREIGN KEY (organisation_id, response_id) REFERENCES consultation_response (organisation_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organisation_id, question_id) REFERENCES consultation_question (organisation_id, id) ON DELETE CASCADE
);

CREATE TABLE you_said_we_did (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  id uuid NOT NULL,
  consultation_id uuid,
  you_said text NOT NULL,
  we_did text NOT NULL,
  published_on date NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, consultation_id) REFERENCES consultation (organisation_id, id)
);
