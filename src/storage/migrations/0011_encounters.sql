-- 0011: presence is not a tie (issue #14). Being checked in at the same event
-- is attendance (registrations.checked_in_at), never a pairwise interaction.
-- A tie becomes real only on evidence about the pair: a 1:1 meeting held, a
-- shared small table, a visit, or an encounter ("we spraken elkaar") that both
-- confirmed.
--
-- Check-in used to write met_at_event between the arriving member and everyone
-- already inside, with source 'event:<id>' and the check-in time as `at`. Those
-- rows are presence, not evidence: they go. Attendance itself is kept in
-- registrations. Rows of other sources (seating tables, meetings, visits,
-- imports, the demo's borrel tables) stay as they are.
DELETE FROM interactions
 WHERE kind = 'met_at_event' AND event_id IS NOT NULL
   AND source = 'event:' || CAST(event_id AS TEXT)
   AND EXISTS (SELECT 1 FROM registrations r
                WHERE r.event_id = interactions.event_id
                  AND (r.member_id = interactions.a OR r.member_id = interactions.b)
                  AND r.checked_in_at = interactions.at);

-- A member's personal connect code (verbindcode), shown as a QR code on their
-- phone. Distinct from the per-registration check-in code; made on first use.
CREATE TABLE connect_codes (
  member_id BIGINT PRIMARY KEY REFERENCES members(id) ON DELETE CASCADE,
  code TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL
);

-- "I spoke with X at event E": a claim by `claimant` about `other`. It is not
-- a tie until `other` confirms it (or claims back): then it becomes one
-- met_at_event row in the ledger (source 'encounter:<id>'). A pending claim
-- expires at expires_at (14 days after it was made).
-- status: pending | confirmed | declined | withdrawn (expired is derived).
-- via: code (scanned connect code) | list (picked from the attendees) |
--      followup (ticked on the "wie sprak je?" list after the event).
CREATE TABLE encounters (
  id {{ID}},
  event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  claimant BIGINT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  other BIGINT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  via TEXT NOT NULL,
  status TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  resolved_at BIGINT NOT NULL DEFAULT 0,
  UNIQUE (event_id, claimant, other)
);
CREATE INDEX encounters_other ON encounters(other, status);

-- The day after an event, one sweep (any server) records the shared small
-- tables as evidence and asks every attendee "wie sprak je?". One row per
-- event makes it happen once.
CREATE TABLE event_followups (
  event_id BIGINT PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
  done_at BIGINT NOT NULL,
  table_pairs INTEGER NOT NULL DEFAULT 0,
  notified INTEGER NOT NULL DEFAULT 0
);
