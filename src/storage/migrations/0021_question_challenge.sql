-- 0021: the challenge of the asker's profile a question to the network was
-- asked about (the home page's "Ask the network" beside an open challenge).
-- 0: asked without one. No foreign key: a challenge deleted later leaves the
-- question as it is. One open question per challenge: asking again while the
-- first is open is refused (questions::QuestionService::Ask says which one),
-- and this index keeps that true under concurrent writers too.
ALTER TABLE questions ADD COLUMN challenge_id BIGINT NOT NULL DEFAULT 0;
CREATE UNIQUE INDEX questions_open_challenge ON questions(asker_id, challenge_id)
  WHERE status = 'open' AND challenge_id <> 0;
