-- 0004: group tables for the borrel. A seating is a plan of `tables_count`
-- tables of `table_size` seats over `rounds_count` rounds; seating_places holds
-- each seated attendee's table per round (written whole by one run of the
-- seating engine). Same SQL on both backends.
CREATE TABLE seatings (
  id {{ID}},
  event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  tables_count INTEGER NOT NULL,
  table_size INTEGER NOT NULL,
  rounds_count INTEGER NOT NULL,
  seated_at BIGINT NOT NULL DEFAULT 0,
  repeats INTEGER NOT NULL DEFAULT 0,
  colleague_conflicts INTEGER NOT NULL DEFAULT 0,
  unseated INTEGER NOT NULL DEFAULT 0,
  mean_sectors_milli INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL
);
CREATE INDEX seatings_event ON seatings(event_id);

CREATE TABLE seating_places (
  seating_id BIGINT NOT NULL REFERENCES seatings(id) ON DELETE CASCADE,
  round_no INTEGER NOT NULL,
  member_id BIGINT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  table_no INTEGER NOT NULL,
  PRIMARY KEY (seating_id, round_no, member_id)
);
CREATE INDEX seating_places_member ON seating_places(member_id, seating_id);
CREATE INDEX seating_places_table ON seating_places(seating_id, round_no, table_no);
