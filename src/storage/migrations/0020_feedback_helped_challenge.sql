-- 0020: which of the rater's questions a meeting helped with (issue #20). The
-- rating form on "My schedule" asks it; the suggestion engine then learns from
-- that question only (events/suggest_view.cpp, LoadConfirmedMeetings).
-- NULL: not said (every question of the rater counts, as before); 0: none of
-- them (the meeting teaches nothing); otherwise a challenges.id of the rater.
-- No foreign key: 0 is a value, and a question deleted later simply matches
-- nothing.
ALTER TABLE meeting_feedback ADD COLUMN helped_challenge BIGINT;
