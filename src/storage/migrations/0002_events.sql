-- 0002: events — organizers, programme, registration queue and check-in,
-- calendar feeds, meeting requests, networking rounds and their meetings,
-- site visits, and the notifications these write. Same SQL on both backends.
ALTER TABLE events ADD COLUMN is_public {{BOOL}} NOT NULL DEFAULT 1;
ALTER TABLE events ADD COLUMN request_ttl BIGINT NOT NULL DEFAULT 172800;
ALTER TABLE events ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN updated_at BIGINT NOT NULL DEFAULT 0;

-- seq orders the queue (registration order; re-registering goes to the end);
-- revision counts changes to this registration (iCalendar SEQUENCE).
ALTER TABLE registrations ADD COLUMN seq BIGINT NOT NULL DEFAULT 0;
ALTER TABLE registrations ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE registrations ADD COLUMN checkin_code TEXT;
ALTER TABLE registrations ADD COLUMN checked_in_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE registrations ADD COLUMN rounds_opt_out {{BOOL}} NOT NULL DEFAULT 0;
ALTER TABLE registrations ADD COLUMN updated_at BIGINT NOT NULL DEFAULT 0;
CREATE UNIQUE INDEX registrations_checkin_code ON registrations(checkin_code);
CREATE INDEX registrations_event_status ON registrations(event_id, status, seq);
CREATE INDEX registrations_member ON registrations(member_id);

CREATE TABLE event_organizers (
  event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  member_id BIGINT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  PRIMARY KEY (event_id, member_id)
);

CREATE TABLE programme_items (
  id {{ID}},
  event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  starts_at BIGINT NOT NULL,
  ends_at BIGINT NOT NULL,
  room TEXT NOT NULL DEFAULT ''
);
CREATE INDEX programme_items_event ON programme_items(event_id, starts_at);

-- Personal calendar feed: the secret is shown once; only its hash is kept.
CREATE TABLE calendar_tokens (
  member_id BIGINT PRIMARY KEY REFERENCES members(id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL
);

CREATE TABLE meeting_requests (
  id {{ID}},
  event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  from_member BIGINT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  to_member BIGINT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  message TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL,
  expires_at BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX meeting_requests_event ON meeting_requests(event_id, status);
CREATE INDEX meeting_requests_to ON meeting_requests(to_member, status);
CREATE INDEX meeting_requests_from ON meeting_requests(from_member, status);

CREATE TABLE rounds (
  id {{ID}},
  event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  tables_count INTEGER NOT NULL,
  max_meetings INTEGER NOT NULL,
  scheduled_at BIGINT NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL
);
CREATE INDEX rounds_event ON rounds(event_id);

CREATE TABLE round_slots (
  id {{ID}},
  round_id BIGINT NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
  starts_at BIGINT NOT NULL,
  ends_at BIGINT NOT NULL
);
CREATE INDEX round_slots_round ON round_slots(round_id, starts_at);

CREATE TABLE slot_unavailability (
  slot_id BIGINT NOT NULL REFERENCES round_slots(id) ON DELETE CASCADE,
  member_id BIGINT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  PRIMARY KEY (slot_id, member_id)
);

-- A scheduled 1:1 meeting (a < b). status: scheduled, cancelled.
CREATE TABLE meetings (
  id {{ID}},
  round_id BIGINT NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
  slot_id BIGINT REFERENCES round_slots(id) ON DELETE SET NULL,
  table_no INTEGER NOT NULL,
  a BIGINT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  b BIGINT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  request_id BIGINT,
  reason_a TEXT NOT NULL DEFAULT '',
  reason_b TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 0,
  held_recorded {{BOOL}} NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CHECK (a < b)
);
CREATE INDEX meetings_round ON meetings(round_id, status);
CREATE INDEX meetings_a ON meetings(a);
CREATE INDEX meetings_b ON meetings(b);

CREATE TABLE meeting_feedback (
  meeting_id BIGINT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
  member_id BIGINT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  happened {{BOOL}} NOT NULL,
  usefulness INTEGER NOT NULL DEFAULT 0,
  note TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  PRIMARY KEY (meeting_id, member_id)
);

-- Site visits. status: requested, accepted, declined, cancelled, held, not_held.
CREATE TABLE visits (
  id {{ID}},
  host_id BIGINT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  visitor_id BIGINT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  reason TEXT NOT NULL,
  proposed TEXT NOT NULL,
  status TEXT NOT NULL,
  starts_at BIGINT NOT NULL DEFAULT 0,
  ends_at BIGINT NOT NULL DEFAULT 0,
  host_confirmed INTEGER NOT NULL DEFAULT 0,
  visitor_confirmed INTEGER NOT NULL DEFAULT 0,
  revision INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX visits_host ON visits(host_id, status);
CREATE INDEX visits_visitor ON visits(visitor_id, status);

CREATE TABLE event_notifications (
  id {{ID}},
  member_id BIGINT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  text TEXT NOT NULL,
  ref TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  read_at BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX event_notifications_member ON event_notifications(member_id, id);
