-- 0008: introductions a network leader made between two members (a weaving
-- suggestion acted upon): who, through whom, with what message. A pair is
-- introduced at most once (a < b); the suggestion then leaves the list.
-- Same SQL on both backends.
CREATE TABLE introductions (
  id {{ID}},
  a BIGINT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  b BIGINT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  via BIGINT REFERENCES members(id) ON DELETE SET NULL,
  message TEXT NOT NULL DEFAULT '',
  introduced_by BIGINT REFERENCES members(id) ON DELETE SET NULL,
  created_at BIGINT NOT NULL,
  UNIQUE (a, b)
);
CREATE INDEX introductions_b ON introductions(b);
