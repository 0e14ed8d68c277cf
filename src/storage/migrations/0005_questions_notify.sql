-- 0005: the mail outbox (every e-mail verbinder sends except the newsletter
-- issue: notifications, password reset, invitations), members' e-mail choices
-- per notification kind, and questions to the network with their routing and
-- answers. Same SQL on both backends.

-- status: pending (waiting for delivery or for its next attempt), sending
-- (claimed by a deliverer until lock_until), sent, failed (permanently
-- refused). A crashed deliverer's claim expires and the mail is tried again
-- under the same Message-ID.
CREATE TABLE outbox (
  id {{ID}},
  kind TEXT NOT NULL,
  to_email TEXT NOT NULL,
  to_name TEXT NOT NULL DEFAULT '',
  subject TEXT NOT NULL,
  text_body TEXT NOT NULL,
  html_body TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'pending',
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL DEFAULT 0,
  lock_owner TEXT NOT NULL DEFAULT '',
  lock_until BIGINT NOT NULL DEFAULT 0,
  last_error TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  sent_at BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX outbox_status_next ON outbox(status, next_attempt_at);

-- Only choices that differ from the default are stored (see notify/notifications.h).
CREATE TABLE notification_prefs (
  member_id BIGINT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  email {{BOOL}} NOT NULL,
  PRIMARY KEY (member_id, kind)
){{WITHOUT_ROWID}};

CREATE INDEX event_notifications_unread ON event_notifications(member_id, read_at);

-- status: open, solved (the asker marked a helpful answer).
CREATE TABLE questions (
  id {{ID}},
  asker_id BIGINT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  text TEXT NOT NULL DEFAULT '',
  tags TEXT NOT NULL DEFAULT '',
  sector TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'open',
  helpful_answer_id BIGINT NOT NULL DEFAULT 0,
  answer_count INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX questions_status ON questions(status, id);
CREATE INDEX questions_asker ON questions(asker_id, id);

-- Whom a question was routed to, best first, with the reason in plain words.
CREATE TABLE question_routes (
  question_id BIGINT NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
  member_id BIGINT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  score_milli INTEGER NOT NULL DEFAULT 0,
  reason_en TEXT NOT NULL DEFAULT '',
  reason_nl TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (question_id, member_id)
);
CREATE INDEX question_routes_member ON question_routes(member_id, question_id);

CREATE TABLE question_answers (
  id {{ID}},
  question_id BIGINT NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
  author_id BIGINT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  text TEXT NOT NULL,
  helpful {{BOOL}} NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL
);
CREATE INDEX question_answers_question ON question_answers(question_id, id);
CREATE INDEX question_answers_author ON question_answers(author_id);
