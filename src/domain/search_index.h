// The member search index: every member's search terms held in memory, so a
// word search over 100,000 members answers in about a millisecond instead of
// walking SQL indexes (docs/performance.md, Platform).
//
// The database stays the truth. Every writer of `member_terms` appends the
// member's id to the `member_changes` log in the same transaction
// (change_log.h), and each search first reads the log entries it has not
// applied yet and reloads those members. So a change made through any server
// (or a CLI import) is seen by the next search on every server sharing the
// database.
//
//   MemberSearchIndex index(db, clock);
//   auto hits = index.Search(viewer, words, {.sector = "care"}, /*offset=*/0, /*limit=*/20);
//   // hits->ids: the page in (name, id) order; hits->total: all matches
//
// Thread-safety: safe for concurrent use (a shared mutex; searches share it).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <soci/soci.h>

#include "domain/change_log.h"
#include "domain/viewer.h"
#include "model/model.h"
#include "storage/database.h"
#include "util/clock.h"
#include "util/status.h"

namespace verbinder::domain {

// One searched word: every index term in [lo, hi) matches (a prefix range).
struct TermRange {
  std::string lo, hi;
};

struct SearchFilters {
  std::string sector;
  bool open_challenges_only = false;
};

struct SearchHits {
  std::vector<model::Id> ids;  // the requested page, in (name, id) order
  int64_t total = 0;           // every match the viewer may see
};

class MemberSearchIndex {
 public:
  MemberSearchIndex(storage::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // Members matching every word (each a prefix range of terms), visible to the
  // viewer and passing the filters; the page [offset, offset + limit) in
  // (name, id) byte order. Synchronises with the change log first.
  Result<SearchHits> Search(const Viewer& viewer, const std::vector<TermRange>& words, const SearchFilters& filters,
                            int offset, int limit);
  // Loads the index now (a server calls it at start-up so that the first
  // search does not wait for it).
  Status Warm();

  // For tests and metrics.
  size_t members() const;
  size_t terms() const;

 private:
  static constexpr uint32_t kNoRank = UINT32_MAX;
  struct Member {
    int64_t id = 0;
    std::string name, sector;
    model::Visibility visibility = model::Visibility::kMembers;
    bool open_challenge = false;
    bool alive = false;
    uint32_t rank = kNoRank;                // position in (name, id) order at the last ranking
    std::vector<const std::string*> terms;  // keys of postings_
  };
  // What the search loop reads per candidate, packed (8 bytes) so that a
  // word's tens of thousands of candidates stay in cache; kept in step with
  // slots_ by RefreshHot.
  struct Hot {
    uint32_t rank = kNoRank;
    uint16_t sector = 0;  // index into sector_names_
    uint8_t visibility = 0;
    uint8_t flags = 0;  // kAlive | kOpenChallenge
  };
  static constexpr uint8_t kAlive = 1, kOpenChallenge = 2;
  struct Loaded {  // a member as read from the database, outside the lock
    Member m;
    std::vector<std::string> terms;
  };

  Status Sync();
  Status Rebuild();
  void ApplyLocked(int64_t id, Loaded* loaded);  // loaded == nullptr: the member is gone
  // Numbers the members in (name, id) order, so that sorting a page compares
  // integers; members added or renamed since compare by name until the next
  // ranking (when they are more than a few percent).
  void RankLocked();
  void RefreshHot(uint32_t slot);
  uint16_t SectorId(const std::string& key);

  storage::Database& db_;
  const Clock& clock_;
  mutable std::shared_mutex mu_;
  std::mutex sync_mu_;     // one synchroniser at a time; searches keep reading meanwhile
  ChangeLogFollower log_;  // guarded by sync_mu_; not started until the first load
  std::vector<Member> slots_;
  size_t unranked_ = 0;
  std::vector<Hot> hot_;                   // parallel to slots_
  std::vector<std::string> sector_names_;  // sector ids of Hot

  std::unordered_map<int64_t, uint32_t> slot_of_;
  std::map<std::string, std::vector<uint32_t>> postings_;  // term -> member slots
};

}  // namespace verbinder::domain
