-- Invitations (issue 18 item 4): a new user chooses their own password through a single-use
-- link, instead of an administrator typing a first password and passing it on.
CREATE TABLE user_invitation (
  organisation_id uuid NOT NULL,
  token_hash text NOT NULL,
  user_id uuid NOT NULL,
  invited_by_user_id uuid,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  -- Set once, by the one conditional UPDATE that accepts the link, or when a newer link replaces it.
  used_at timestamptz,
  accepted boolean NOT NULL DEFAULT false,
  PRIMARY KEY (organisation_id, token_hash),
  FOREIGN KEY (organisation_id, user_id) REFERENCES app_user (organisation_id, id) ON DELETE CASCADE
);
CREATE INDEX user_invitation_user ON user_invitation (organisation_id, user_id);
