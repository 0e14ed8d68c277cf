-- 0012: the newsletter and the members are one (issue #16). A subscriber whose
-- address is a member's is that member (subscribers.member_id), and the
-- profile's newsletter choice (members.consent_newsletter) is the
-- subscription of the member's own address. Until now the public form and the
-- CLI stored no member link and the profile's checkbox changed nothing in
-- `subscribers`, so the two could disagree. From here on the code keeps them
-- together (src/newsletter/subscriptions.h); this migration lines up what is
-- there. It changes nobody's mail: it only makes the profile say who gets the
-- newsletter. Same SQL on both backends.

-- 1. Every subscriber whose address is a member's is linked to that member
--    (also when the link pointed at an earlier owner of the address).
UPDATE subscribers
   SET member_id = (SELECT m.id FROM members m WHERE m.email = subscribers.email)
 WHERE EXISTS (SELECT 1 FROM members m
                WHERE m.email = subscribers.email
                  AND (subscribers.member_id IS NULL OR subscribers.member_id <> m.id));

-- 2. The profile choice is on exactly when the member's address has a
--    confirmed subscription: on for those who confirmed before they joined (or
--    whose checkbox went off while the subscription stayed), off for those whose
--    checkbox said yes without a subscription (it never sent them anything; with
--    no double opt-in on record we do not start now — ticking the box again
--    subscribes them, see docs/newsletter.md). Each changed member is logged
--    for the profile caches of running servers (domain/change_log.h), dated at
--    the log's newest entry: SQL has no clock both backends share.
INSERT INTO member_changes (member_id, changed_at)
SELECT m.id, (SELECT COALESCE(MAX(c.changed_at), 0) FROM member_changes c)
  FROM members m
 WHERE m.consent_newsletter <> CASE WHEN EXISTS (SELECT 1 FROM subscribers s
                                                  WHERE s.email = m.email AND s.status = 'confirmed')
                                    THEN 1 ELSE 0 END;

UPDATE members
   SET consent_newsletter = CASE WHEN EXISTS (SELECT 1 FROM subscribers s
                                               WHERE s.email = members.email AND s.status = 'confirmed')
                                 THEN 1 ELSE 0 END
 WHERE consent_newsletter <> CASE WHEN EXISTS (SELECT 1 FROM subscribers s
                                                WHERE s.email = members.email AND s.status = 'confirmed')
                                  THEN 1 ELSE 0 END;
