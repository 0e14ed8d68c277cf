-- 0007: accounts for real people — self sign-up with e-mail confirmation,
-- invitations by the network leader, password reset. Every token is a 256-bit
-- random secret sent by mail; only its BLAKE2b hash is stored. Same SQL on
-- both backends.

-- A sign-up waiting for its e-mail confirmation. Nothing of it is a member
-- yet (it appears nowhere); confirming creates the member and the account and
-- deletes this row. A new sign-up for the same address replaces it.
CREATE TABLE signups (
  id {{ID}},
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  sector TEXT NOT NULL DEFAULT '',
  organization TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL DEFAULT 'nl',
  token_hash TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX signups_expires ON signups(expires_at);

-- status: pending, accepted, revoked. A resend replaces the token (the old
-- link stops working) and the expiry.
CREATE TABLE invitations (
  id {{ID}},
  email TEXT NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL DEFAULT 'nl',
  token_hash TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL DEFAULT 'pending',
  invited_by BIGINT REFERENCES members(id) ON DELETE SET NULL,
  member_id BIGINT REFERENCES members(id) ON DELETE SET NULL,
  sent_count INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX invitations_email ON invitations(email, status);
CREATE INDEX invitations_status ON invitations(status, id);

-- Password reset links: single use (used_at), expiring.
CREATE TABLE password_resets (
  token_hash TEXT PRIMARY KEY,
  member_id BIGINT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX password_resets_member ON password_resets(member_id);

-- Hashes of confirmation links already used, so a second click says "already
-- used" rather than "invalid". Holds nothing personal.
CREATE TABLE consumed_tokens (
  token_hash TEXT PRIMARY KEY,
  purpose TEXT NOT NULL,
  used_at BIGINT NOT NULL
);
