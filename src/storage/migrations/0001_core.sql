-- 0001: the platform core. {{ID}} becomes an auto-increment primary key and
-- {{BOOL}} an integer 0/1 on both SQLite and PostgreSQL, so one file serves both.
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE sectors (
  key TEXT PRIMARY KEY,
  label_nl TEXT NOT NULL,
  label_en TEXT NOT NULL,
  position INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE organizations (
  id {{ID}},
  name TEXT NOT NULL,
  name_key TEXT NOT NULL UNIQUE,
  sector TEXT REFERENCES sectors(key),
  city TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE members (
  id {{ID}},
  name TEXT NOT NULL,
  email TEXT NOT NULL UNIQUE,
  organization_id BIGINT REFERENCES organizations(id),
  title TEXT NOT NULL DEFAULT '',
  sector TEXT REFERENCES sectors(key),
  region TEXT NOT NULL DEFAULT '',
  languages TEXT NOT NULL DEFAULT '',
  bio TEXT NOT NULL DEFAULT '',
  expertise_tags TEXT NOT NULL DEFAULT '',
  expertise_text TEXT NOT NULL DEFAULT '',
  hosts_visits {{BOOL}} NOT NULL DEFAULT 0,
  visit_location TEXT NOT NULL DEFAULT '',
  visibility TEXT NOT NULL DEFAULT 'members',
  consent_matchmaking {{BOOL}} NOT NULL DEFAULT 1,
  consent_newsletter {{BOOL}} NOT NULL DEFAULT 0,
  linkedin_url TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX members_sector ON members(sector);
CREATE INDEX members_organization ON members(organization_id);
CREATE INDEX members_name ON members(name);

-- Word index for member search: one row per distinct lowercased word of a
-- member's name, organization, title, expertise and challenges. Prefix search
-- is a range scan on (term), the same on both backends.
CREATE TABLE member_terms (
  term {{CTEXT}} NOT NULL,
  member_id BIGINT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  PRIMARY KEY (term, member_id)
){{WITHOUT_ROWID}};
CREATE INDEX member_terms_member ON member_terms(member_id);

CREATE TABLE challenges (
  id {{ID}},
  member_id BIGINT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  text TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'open',
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX challenges_member ON challenges(member_id);

CREATE TABLE accounts (
  member_id BIGINT PRIMARY KEY REFERENCES members(id) ON DELETE CASCADE,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL DEFAULT 'member',
  disabled {{BOOL}} NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL
);

-- Server state lives in the database so several servers can share it.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  member_id BIGINT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_member ON sessions(member_id);

CREATE TABLE api_tokens (
  id {{ID}},
  member_id BIGINT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL
);

CREATE TABLE login_attempts (
  id {{ID}},
  key TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX login_attempts_key_at ON login_attempts(key, at);

CREATE TABLE jobs (
  id {{ID}},
  kind TEXT NOT NULL,
  payload TEXT NOT NULL DEFAULT '{}',
  status TEXT NOT NULL DEFAULT 'queued',
  locked_by TEXT NOT NULL DEFAULT '',
  locked_until BIGINT NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE connections (
  id {{ID}},
  from_member BIGINT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  to_member BIGINT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  status TEXT NOT NULL,
  message TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX connections_from ON connections(from_member, status);
CREATE INDEX connections_to ON connections(to_member, status);

CREATE TABLE events (
  id {{ID}},
  title TEXT NOT NULL,
  kind TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  starts_at BIGINT NOT NULL,
  ends_at BIGINT NOT NULL,
  timezone TEXT NOT NULL DEFAULT 'Europe/Amsterdam',
  location TEXT NOT NULL DEFAULT '',
  capacity INTEGER NOT NULL DEFAULT 0,
  price_cents INTEGER NOT NULL DEFAULT 0,
  registration_deadline BIGINT NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL
);

CREATE TABLE registrations (
  id {{ID}},
  event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  member_id BIGINT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  status TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  UNIQUE (event_id, member_id)
);

-- The interaction ledger: append-only; a < b. Ties are derived from it.
CREATE TABLE interactions (
  id {{ID}},
  a BIGINT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  b BIGINT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  at BIGINT NOT NULL,
  source TEXT NOT NULL DEFAULT '',
  event_id BIGINT,
  CHECK (a < b)
);
CREATE INDEX interactions_a ON interactions(a, b);
CREATE INDEX interactions_b ON interactions(b, a);
CREATE INDEX interactions_at ON interactions(at);
