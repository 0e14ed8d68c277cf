-- 0017: "Jullie vroegen het allebei" / "You both asked" only when both did
-- (issue #17). When B asks A while A's request to B is pending, B's ask accepts
-- A's request instead of adding a second row; both_asked = 1 records that B
-- asked too. A request that was merely accepted keeps 0. Existing rows cannot
-- tell the two apart, so they keep 0 (no badge rather than a wrong one).
ALTER TABLE meeting_requests ADD COLUMN both_asked INTEGER NOT NULL DEFAULT 0;
