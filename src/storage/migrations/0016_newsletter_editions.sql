-- 0016: the leader's editorial choices for a month's newsletter (issue #17):
-- an introduction in Dutch and in English (Markdown) and the articles and
-- events the issue carries, in the leader's order. A month without a row is
-- composed as before (the month's published articles, the coming events).
-- Same SQL on both backends; src/newsletter/edition.h reads and writes it.
CREATE TABLE newsletter_editions (
  month TEXT PRIMARY KEY,
  intro_nl TEXT NOT NULL DEFAULT '',
  intro_en TEXT NOT NULL DEFAULT '',
  updated_by BIGINT REFERENCES members(id) ON DELETE SET NULL,
  updated_at BIGINT NOT NULL
);

-- The chosen items: kind 'article' or 'event', in `position` order (0, 1, ...).
CREATE TABLE newsletter_edition_items (
  month TEXT NOT NULL REFERENCES newsletter_editions(month) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  position INTEGER NOT NULL,
  item_id BIGINT NOT NULL,
  PRIMARY KEY (month, kind, position),
  UNIQUE (month, kind, item_id)
);
