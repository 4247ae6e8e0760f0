-- Platform: organisations, users, sessions, tokens, audit log, settings, jobs, outbox.
-- Organisation-owned tables carry organisation_id in the primary key and in every
-- foreign key so the schema can be distributed by organisation (Citus) later.

CREATE TABLE kith_setting (
  key text PRIMARY KEY,
  value text NOT NULL
);

CREATE TABLE organisation (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  slug text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('housing-association', 'council', 'platform')),
  org_identifier text,
  imd_edition text NOT NULL DEFAULT 'iod2025' CHECK (imd_edition IN ('iod2019', 'iod2025')),
  priority_max_decile integer NOT NULL DEFAULT 2 CHECK (priority_max_decile BETWEEN 0 AND 10),
  created_at timestamptz NOT NULL
);

CREATE TABLE app_user (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  id uuid NOT NULL,
  email text NOT NULL,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('platform-admin', 'organisation-admin', 'manager', 'officer', 'read-only',
    'partner-agency', 'community-group', 'supplier', 'tenant')),
  password_hash text NOT NULL,
  -- For tenants: the person record they are; for partner users: the partner organisation.
  person_id uuid,
  partner_organisation_id uuid,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  disabled_at timestamptz,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (organisation_id, id)
);
-- Email is how people sign in, so it is unique across the platform.
CREATE UNIQUE INDEX app_user_email ON app_user (lower(email));

CREATE TABLE user_session (
  token_hash text PRIMARY KEY,
  organisation_id uuid NOT NULL,
  user_id uuid NOT NULL,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  FOREIGN KEY (organisation_id, user_id) REFERENCES app_user (organisation_id, id) ON DELETE CASCADE
);
CREATE INDEX user_session_user ON user_session (organisation_id, user_id);

CREATE TABLE password_reset (
  token_hash text PRIMARY KEY,
  organisation_id uuid NOT NULL,
  user_id uuid NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  FOREIGN KEY (organisation_id, user_id) REFERENCES app_user (organisation_id, id) ON DELETE CASCADE
);

CREATE TABLE login_throttle (
  key text PRIMARY KEY,
  failures integer NOT NULL,
  window_started_at timestamptz NOT NULL,
  locked_until timestamptz
);

CREATE TABLE api_token (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  user_id uuid NOT NULL,
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  scopes text[] NOT NULL,
  created_at timestamptz NOT NULL,
  last_used_at timestamptz,
  revoked_at timestamptz,
  PRIMARY KEY (organisation_id, id),
  FOREIGN KEY (organisation_id, user_id) REFERENCES app_user (organisation_id, id) ON DELETE CASCADE
);

-- Append-only, hash-chained per organisation: each entry's hash covers the previous
-- entry's hash, so editing or deleting any entry breaks every later link.
CREATE TABLE audit_log (
  organisation_id uuid NOT NULL,
  seq bigint NOT NULL,
  id uuid NOT NULL UNIQUE,
  at timestamptz NOT NULL,
  actor_user_id uuid,
  actor_label text NOT NULL,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text,
  summary text NOT NULL,
  before jsonb,
  after jsonb,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  PRIMARY KEY (organisation_id, seq)
);
CREATE INDEX audit_log_entity ON audit_log (organisation_id, entity_type, entity_id);
CREATE INDEX audit_log_actor ON audit_log (organisation_id, actor_user_id, at);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'The audit log is append-only: % is not allowed', TG_OP;
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();

CREATE TABLE job (
  id uuid PRIMARY KEY,
  organisation_id uuid,
  name text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}',
  run_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'done', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  last_error text,
  -- A key makes scheduling idempotent: the same reminder is queued once.
  dedupe_key text UNIQUE,
  finished_at timestamptz
);
CREATE INDEX job_due ON job (status, run_at);

CREATE TABLE outbound_message (
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  id uuid NOT NULL,
  recipient text NOT NULL,
  subject text NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL,
  sent_at timestamptz,
  PRIMARY KEY (organisation_id, id)
);
