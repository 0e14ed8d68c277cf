// The member change log (`member_changes`, migration 0010): how every process
// sharing a database learns which members changed, so that its in-memory
// copies — the search index (search_index.h) and the profile cache
// (member_cache.h) — stay in step with the database.
//
// Every writer of a member's profile, challenges or search terms appends the
// member's id inside its own transaction (LogMemberChange; 0 means "every
// member", e.g. after a bulk load). A follower reads the entries it has not
// seen yet:
//
//   ChangeLogFollower log;
//   log.Start(sql, now);                 // entries before now count as seen
//   auto batch = log.Read(sql);          // later: what changed since
//   ... reload or drop batch.members (everything when batch.everything) ...
//   log.Commit(batch, now);
//
// PostgreSQL hands out sequence numbers at insert, not at commit: an entry can
// become visible after a later one. A follower therefore re-reads entries
// until they are kSettleSeconds old (the ones already seen are skipped), which
// covers every writing transaction shorter than that.
//
// Thread-safety: a follower is not synchronised; its owner serialises calls.
#pragma once

#include <cstdint>
#include <unordered_set>
#include <vector>

#include <soci/soci.h>

namespace verbinder::domain {

// Records, inside the caller's transaction, that member `member_id`'s profile,
// challenges or search terms changed (0: all members, after a bulk load).
// Prunes entries older than ChangeLogFollower::kKeepSeconds.
void LogMemberChange(soci::session& sql, int64_t member_id, int64_t now);

class ChangeLogFollower {
 public:
  static constexpr int64_t kSettleSeconds = 60;
  // A log entry is kept this long; a follower that has not read for half of
  // it must start over (Start) instead of trusting the log.
  static constexpr int64_t kKeepSeconds = 7 * 24 * 3600;

  struct Batch {
    bool everything = false;       // a 0 entry: reload everything
    std::vector<int64_t> members;  // sorted, distinct
    struct Entry {
      int64_t seq, at;
    };
    std::vector<Entry> entries;  // every entry read, in seq order
    bool empty() const { return entries.empty(); }
  };

  // Begins at the log's current end: every entry visible now counts as seen
  // (the caller is about to read the data those entries describe).
  void Start(soci::session& sql, int64_t now);
  // The entries not seen yet (throws what SOCI throws).
  Batch Read(soci::session& sql) const;
  // Marks a batch from Read as seen, once its changes are applied.
  void Commit(const Batch& batch, int64_t now);

  // Whether the caller must (re)load everything and Start: never started, or
  // not read for half of kKeepSeconds (entries it missed may be pruned).
  bool MustRestart(int64_t now) const { return !started_ || now - last_read_ > kKeepSeconds / 2; }

 private:
  bool started_ = false;
  int64_t watermark_ = 0;             // every entry up to here is seen
  std::unordered_set<int64_t> seen_;  // seen entries above the watermark
  int64_t last_read_ = 0;
};

}  // namespace verbinder::domain
