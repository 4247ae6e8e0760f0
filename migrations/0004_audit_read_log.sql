-- Reads of personal data go to their own append-only log, outside the hash chain.
-- Every case page view records a read; chaining them would queue every viewer in an
-- organisation on the chain's advisory lock. Writes, sign-ins and denials stay chained.
-- See docs/decisions/0004-audit-reads-outside-the-chain.md.
CREATE TABLE audit_read_log (
  organisation_id uuid NOT NULL,
  id uuid NOT NULL,
  at timestamptz NOT NULL,
  actor_user_id uuid,
  actor_label text NOT NULL,
  entity_type text NOT NULL,
  entity_id text,
  summary text NOT NULL,
  PRIMARY KEY (organisation_id, id)
);
-- "Who has read this record?"
CREATE INDEX audit_read_log_entity ON audit_read_log (organisation_id, entity_type, entity_id, at);
-- "What has this user read?"
CREATE INDEX audit_read_log_actor ON audit_read_log (organisation_id, actor_user_id, at);
-- Newest first on the audit log page, merged with the chain by time.
CREATE INDEX audit_read_log_at ON audit_read_log (organisation_id, at);
CREATE INDEX audit_log_at ON audit_log (organisation_id, at);

-- The same refusal as audit_log's (migration 0001): the read log is part of the audit log.
CREATE TRIGGER audit_read_log_no_update BEFORE UPDATE OR DELETE ON audit_read_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_read_log_no_truncate BEFORE TRUNCATE ON audit_read_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();

-- Every audit entry, chained or not, in one shape: the audit page and anything that asks
-- "was this read audited?" query this view rather than either table.
CREATE VIEW audit_entry AS
  SELECT organisation_id, id, at, actor_user_id, actor_label, action, entity_type, entity_id,
         summary, before, after, seq
    FROM audit_log
  UNION ALL
  SELECT organisation_id, id, at, actor_user_id, actor_label, 'read', entity_type, entity_id,
         summary, NULL::jsonb, NULL::jsonb, NULL::bigint
    FROM audit_read_log;
