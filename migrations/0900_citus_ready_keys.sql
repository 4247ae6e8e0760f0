-- Citus-ready keys (docs/decisions/0008-citus-ready-schema.md). Every key of an
-- organisation table now starts with organisation_id, so Citus can shard on it. Runs on
-- existing databases: no row is dropped or changed.

-- Sign-in by email is the one look-up that starts without an organisation: a small global
-- table (a Citus reference table) answers it, and keeps each email unique across organisations.
CREATE TABLE sign_in_email (
  email text PRIMARY KEY,
  organisation_id uuid NOT NULL,
  user_id uuid NOT NULL
);
INSERT INTO sign_in_email (email, organisation_id, user_id)
  SELECT lower(email), organisation_id, id FROM app_user;
DROP INDEX app_user_email;
CREATE UNIQUE INDEX app_user_email ON app_user (organisation_id, lower(email));

-- Session, reset and API tokens carry their organisation; the stored hash is looked up within it.
-- Sessions and reset links made before this migration have no organisation part: they stop
-- working (at most 10 hours of sessions and 1 hour of links; people sign in again).
ALTER TABLE user_session DROP CONSTRAINT user_session_pkey;
ALTER TABLE user_session ADD PRIMARY KEY (organisation_id, token_hash);
ALTER TABLE password_reset DROP CONSTRAINT password_reset_pkey;
ALTER TABLE password_reset ADD PRIMARY KEY (organisation_id, token_hash);
-- API tokens made before this migration are still found by hash alone until they expire.
ALTER TABLE api_token DROP CONSTRAINT api_token_token_hash_key;
ALTER TABLE api_token ADD CONSTRAINT api_token_token_hash_key UNIQUE (organisation_id, token_hash);
CREATE INDEX api_token_hash_only ON api_token (token_hash);

ALTER TABLE audit_log DROP CONSTRAINT audit_log_id_key;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_id_key UNIQUE (organisation_id, id);

-- Voting codes are only ever redeemed on one organisation's voting page.
ALTER TABLE pb_vote_code DROP CONSTRAINT pb_vote_code_code_hash_key;
ALTER TABLE pb_vote_code ADD CONSTRAINT pb_vote_code_code_hash_key UNIQUE (organisation_id, code_hash);
