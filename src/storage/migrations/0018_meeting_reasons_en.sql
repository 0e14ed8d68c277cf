-- 0018: a meeting's reasons in both languages (issue #17, point 4): the
-- schedule, its printable pages and the calendar show the reason in the
-- reader's language (?lang=, else the viewer's), not in the language the
-- member's profile had when the round was scheduled. From now on reason_a /
-- reason_b hold the Dutch text and these columns the English one. Rows from
-- before keep '' here: their one stored text is shown in either language.
ALTER TABLE meetings ADD COLUMN reason_a_en TEXT NOT NULL DEFAULT '';
ALTER TABLE meetings ADD COLUMN reason_b_en TEXT NOT NULL DEFAULT '';
