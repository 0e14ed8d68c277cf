-- 0010: the member change log that keeps every server's in-memory search index
-- (src/domain/search_index.h) in step with the database. Each writer of
-- member_terms appends the member's id in the same transaction; 0 means "all
-- members" (a bulk load). Entries older than a week are pruned by the writers.
CREATE TABLE member_changes (
  seq {{ID}},
  member_id BIGINT NOT NULL,
  changed_at BIGINT NOT NULL
);
CREATE INDEX member_changes_at ON member_changes(changed_at);
