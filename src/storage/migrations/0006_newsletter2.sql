-- 0006: the newsletter's second round — issues sent in the background of the
-- server (requested through the API, resumed by any server process), the
-- confirmation mail's throttle, topic preferences, and bounces from DSNs.
-- Same SQL on both backends.

-- requested_at > 0: the leader asked the server to send this issue; a server
-- process picks it up (the lease in lock_owner/lock_until still keeps two
-- senders apart). last_error/next_attempt_at: why the background job stopped
-- (an unreachable SMTP server) and when it tries again.
ALTER TABLE newsletter_issues ADD COLUMN requested_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE newsletter_issues ADD COLUMN requested_by BIGINT NOT NULL DEFAULT 0;
ALTER TABLE newsletter_issues ADD COLUMN last_error TEXT NOT NULL DEFAULT '';
ALTER TABLE newsletter_issues ADD COLUMN next_attempt_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE newsletter_issues ADD COLUMN started_at BIGINT NOT NULL DEFAULT 0;
CREATE INDEX newsletter_issues_requested ON newsletter_issues(status, requested_at);

-- When the last confirmation mail was queued (at most one per address per
-- few minutes, so the public form cannot be used to flood an inbox), and
-- whether a subscriber wants only their topics.
ALTER TABLE subscribers ADD COLUMN confirm_sent_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE subscribers ADD COLUMN topics_only {{BOOL}} NOT NULL DEFAULT 0;

-- The topics subscribers choose from; an article belongs to a topic when one
-- of its tags equals the topic's key or is listed in `tags` (comma-separated,
-- lower case).
CREATE TABLE newsletter_topics (
  key TEXT PRIMARY KEY,
  label_nl TEXT NOT NULL,
  label_en TEXT NOT NULL,
  tags TEXT NOT NULL DEFAULT '',
  position INTEGER NOT NULL DEFAULT 0
);

-- Every bounce seen: from the SMTP conversation (5xx on RCPT) or a delivery
-- status notification (RFC 3464) in the bounce mailbox. `source_id` makes
-- processing the same DSN twice harmless.
CREATE TABLE newsletter_bounces (
  id {{ID}},
  email TEXT NOT NULL,
  subscriber_id BIGINT REFERENCES subscribers(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  status_code TEXT NOT NULL DEFAULT '',
  diagnostic TEXT NOT NULL DEFAULT '',
  message_id TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL,
  source_id TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  UNIQUE (source_id, email)
);
CREATE INDEX newsletter_bounces_subscriber ON newsletter_bounces(subscriber_id);
