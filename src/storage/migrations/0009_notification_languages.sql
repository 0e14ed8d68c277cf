-- 0009: every notification in English and Dutch. `text` keeps the English,
-- `text_nl` holds the Dutch; rows written before this migration had one text,
-- which they keep as both. Same SQL on both backends.
ALTER TABLE event_notifications ADD COLUMN text_nl TEXT NOT NULL DEFAULT '';
UPDATE event_notifications SET text_nl = text;
