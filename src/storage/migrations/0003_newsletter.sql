-- 0003: knowledge articles, newsletter subscribers, and the monthly issue's
-- resumable send job with its per-recipient delivery log.
CREATE TABLE articles (
  id {{ID}},
  author_id BIGINT REFERENCES members(id) ON DELETE SET NULL,
  title TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '',
  body_md TEXT NOT NULL DEFAULT '',
  body_html TEXT NOT NULL DEFAULT '',
  tags TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL DEFAULT 'nl',
  status TEXT NOT NULL DEFAULT 'draft',
  published_at BIGINT NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX articles_status_published ON articles(status, published_at);
CREATE INDEX articles_author ON articles(author_id);

-- status: pending (awaiting double opt-in), confirmed, unsubscribed, bounced.
CREATE TABLE subscribers (
  id {{ID}},
  email TEXT NOT NULL UNIQUE,
  member_id BIGINT REFERENCES members(id) ON DELETE CASCADE,
  language TEXT NOT NULL DEFAULT 'nl',
  topics TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'pending',
  hard_bounces INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  confirmed_at BIGINT NOT NULL DEFAULT 0,
  unsubscribed_at BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX subscribers_status ON subscribers(status);
CREATE INDEX subscribers_member ON subscribers(member_id);

-- One row per monthly issue that has started sending. The lease (lock_owner,
-- lock_until) keeps two senders off the same issue.
CREATE TABLE newsletter_issues (
  id {{ID}},
  month TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL DEFAULT 'sending',
  lock_owner TEXT NOT NULL DEFAULT '',
  lock_until BIGINT NOT NULL DEFAULT 0,
  recipients INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  finished_at BIGINT NOT NULL DEFAULT 0
);

-- The per-recipient log. status: pending, sending (in flight), sent, failed
-- (permanent SMTP rejection), skipped (unsubscribed before their turn).
CREATE TABLE newsletter_deliveries (
  id {{ID}},
  issue_id BIGINT NOT NULL REFERENCES newsletter_issues(id) ON DELETE CASCADE,
  subscriber_id BIGINT NOT NULL REFERENCES subscribers(id) ON DELETE CASCADE,
  status TEXT NOT NULL DEFAULT 'pending',
  attempts INTEGER NOT NULL DEFAULT 0,
  message_id TEXT NOT NULL DEFAULT '',
  error TEXT NOT NULL DEFAULT '',
  updated_at BIGINT NOT NULL DEFAULT 0,
  UNIQUE (issue_id, subscriber_id)
);
CREATE INDEX newsletter_deliveries_status ON newsletter_deliveries(issue_id, status);
