-- Attacker-proof sign-in and limits (issue 18 items 1-5, 9; issue 12 item 5).

-- One counter per limited thing ("sign-in-address:203.0.113.9", "api-token:<id>" ...),
-- bumped by a single INSERT ... ON CONFLICT DO UPDATE so parallel requests never
-- overwrite each other's counts. It replaces login_throttle, whose read-then-write lost counts.
CREATE TABLE rate_limit (
  key text PRIMARY KEY,
  hits integer NOT NULL,
  window_started_at timestamptz NOT NULL
);
DROP TABLE login_throttle;

-- API tokens expire: each gets an expiry at creation, bounded by the organisation's maximum.
ALTER TABLE organisation
  ADD COLUMN api_token_max_days integer NOT NULL DEFAULT 90 CHECK (api_token_max_days BETWEEN 1 AND 366);
ALTER TABLE api_token ADD COLUMN expires_at timestamptz;
-- Tokens made before expiry existed get the default maximum from their creation.
UPDATE api_token SET expires_at = created_at + interval '90 days';
ALTER TABLE api_token ALTER COLUMN expires_at SET NOT NULL;
