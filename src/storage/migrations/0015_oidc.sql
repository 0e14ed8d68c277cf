-- 0015: sign-in with OpenID Connect (issue #19, src/oidc). Same SQL on both
-- backends. Secrets (the state of a sign-in under way, a pending link) are
-- stored only as BLAKE2b hashes, like every other link token.

-- A sign-in identity from a provider linked to a member: `subject` is the
-- provider's stable `sub` claim (never the e-mail address, which can change).
CREATE TABLE oidc_identities (
  id {{ID}},
  provider TEXT NOT NULL,
  subject TEXT NOT NULL,
  member_id BIGINT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  email TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  last_used_at BIGINT NOT NULL DEFAULT 0,
  UNIQUE (provider, subject)
);
CREATE INDEX oidc_identities_member ON oidc_identities(member_id);

-- A sign-in under way: written when the browser leaves for the provider,
-- deleted when it comes back (single use, 10 minutes). `link_member_id` is set
-- when a signed-in member links a further sign-in from their settings.
CREATE TABLE oidc_logins (
  state_hash TEXT PRIMARY KEY,
  provider TEXT NOT NULL,
  nonce TEXT NOT NULL,
  code_verifier TEXT NOT NULL,
  link_member_id BIGINT REFERENCES members(id) ON DELETE CASCADE,
  language TEXT NOT NULL DEFAULT 'nl',
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX oidc_logins_expires ON oidc_logins(expires_at);

-- A verified provider identity whose e-mail address belongs to a member who
-- has a password: it is linked only once that member signs in with the
-- password (single use, 15 minutes).
CREATE TABLE oidc_pending_links (
  token_hash TEXT PRIMARY KEY,
  provider TEXT NOT NULL,
  subject TEXT NOT NULL,
  email TEXT NOT NULL,
  member_id BIGINT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX oidc_pending_links_expires ON oidc_pending_links(expires_at);
