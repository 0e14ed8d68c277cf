-- 0013: notifications name other members at read time (issue #15). A
-- notification about another member records who (about_member) and the name it
-- was written with (about_name); when the reader may no longer see that member
-- (they hid their profile since), the name is shown as "een lid" / "a member".
ALTER TABLE event_notifications ADD COLUMN about_member BIGINT NOT NULL DEFAULT 0;
ALTER TABLE event_notifications ADD COLUMN about_name TEXT NOT NULL DEFAULT '';
