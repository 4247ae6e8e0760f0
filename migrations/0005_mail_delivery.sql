-- Mail delivery: the outbox becomes a queue that the mail worker drains over SMTP.
-- Callers that insert rows directly keep working: every new column has a default or is nullable.

-- Sender per organisation. The display name falls back to the organisation's name,
-- the address to the operator's KITH_MAIL_FROM.
ALTER TABLE organisation
  ADD COLUMN mail_sender_name text,
  ADD COLUMN mail_sender_address text;

ALTER TABLE outbound_message
  -- Why the recipient got this email, shown in its footer; NULL gives a general reason.
  ADD COLUMN reason text,
  ADD COLUMN status text NOT NULL DEFAULT 'queued',
  ADD COLUMN attempts integer NOT NULL DEFAULT 0,
  -- NULL means "as soon as possible"; set after a failed attempt for the back-off.
  ADD COLUMN next_attempt_at timestamptz,
  ADD COLUMN last_attempt_at timestamptz,
  ADD COLUMN last_error text,
  -- The worker that holds the message while sending it, and until when (the lease).
  ADD COLUMN claimed_by text,
  ADD COLUMN claimed_until timestamptz,
  ADD CONSTRAINT outbound_message_status_check
    CHECK (status IN ('queued', 'sending', 'sent', 'failed'));

UPDATE outbound_message SET status = 'sent' WHERE sent_at IS NOT NULL;

-- The worker's claim query: due messages, oldest first. Partial, so sent mail costs nothing.
CREATE INDEX outbound_message_due_idx ON outbound_message (status, next_attempt_at, created_at)
  WHERE status IN ('queued', 'sending');
-- The admin outbox page lists an organisation's messages newest first, by status.
CREATE INDEX outbound_message_org_status_idx ON outbound_message (organisation_id, status, created_at);
