-- 0019: learned links the network leader switched off (issue #20). The
-- suggestion engine learns concept links from meetings members rated useful
-- (events/suggest_view.cpp, LoadConfirmedMeetings); a leader who sees an odd
-- one on the "Learned links" page switches it off here. A pair is off in
-- either order. Thesaurus concept ids, not foreign keys: a concept removed
-- from the thesaurus leaves a row that matches nothing.
CREATE TABLE learned_links_off (
  challenge_concept TEXT NOT NULL,
  expertise_concept TEXT NOT NULL,
  switched_off_by BIGINT REFERENCES members(id) ON DELETE SET NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (challenge_concept, expertise_concept)
);
