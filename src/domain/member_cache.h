// The per-process cache of member profiles as JSON, so that reading a profile
// (GET /api/v1/members/{id}, a search's page) does not go to the database.
//
// Freshness — what a reader can rely on:
//   - A change made through this process (any MemberService, AccountService or
//     subscription writer on the same storage::Database) is seen by the next
//     read: writers drop the member's entry after their commit.
//   - A change made by another process (another `verbinder serve` on the same
//     PostgreSQL database, a CLI import) is seen within kWindow: at most once
//     per window a reader follows the member change log (change_log.h) and
//     drops the entries of the members it names.
// Visibility is checked on every read against the cached visibility, so a
// profile hidden through this process is hidden at once.
//
// Fills race with invalidations safely: a reader takes generation() before it
// reads the database and Put refuses the entry if any invalidation happened
// since (the data it read may predate that change).
//
// Memory: entries are kept up to a byte budget (SetBudget; about 1 KB per
// member); past it, random entries are evicted. A budget of 0 disables caching.
//
// Thread-safety: safe for concurrent use.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "domain/change_log.h"
#include "domain/viewer.h"
#include "model/model.h"
#include "storage/database.h"
#include "util/clock.h"
#include "util/status.h"

namespace verbinder::domain {

// One member's profile as JSON: the fields every viewer sees, then the ones
// only the member and organizers see (member_json in json_codec.h).
struct CachedProfile {
  model::Visibility visibility = model::Visibility::kHidden;
  std::string json;         // "{...public...,...private..." without the closing brace
  uint32_t public_len = 0;  // json[0, public_len) holds the public fields
};

class MemberCache {
 public:
  static constexpr std::chrono::milliseconds kWindow{1000};
  static constexpr size_t kDefaultBudgetBytes = 96u << 20;

  // The cache shared by every service on `db` in this process.
  static std::shared_ptr<MemberCache> For(storage::Database& db);

  void SetBudget(size_t bytes);
  // Follows the change log when the last read is kWindow old by the clock's
  // monotonic time (one caller at a time; the others go on with what is
  // cached). Call before generation().
  Status Refresh(storage::Database& db, const Clock& clock);

  // Appends member `id`'s profile as `viewer` may see it to `out`: nullopt when
  // not cached, false (nothing appended) when hidden from the viewer.
  std::optional<bool> Render(int64_t id, const Viewer& viewer, std::string& out) const;
  uint64_t generation() const { return generation_.load(std::memory_order_acquire); }
  // Caches an entry read from the database after generation() returned `since`.
  void Put(int64_t id, CachedProfile profile, uint64_t since);
  // After a committed write of member `id` (or of every member).
  void Invalidate(int64_t id);
  void InvalidateAll();

  struct Stats {
    uint64_t hits = 0, misses = 0;
    size_t entries = 0, bytes = 0;
  };
  Stats stats() const;

  // Appends `p` as `viewer` may see it (also for profiles not from the cache).
  static void Append(const CachedProfile& p, int64_t id, const Viewer& viewer, std::string& out);

 private:
  static size_t Cost(const CachedProfile& p) { return p.json.capacity() + 64; }
  void EvictLocked();
  void EraseLocked(int64_t id);

  mutable std::shared_mutex mu_;
  std::unordered_map<int64_t, CachedProfile> entries_;
  size_t bytes_ = 0;
  size_t budget_ = kDefaultBudgetBytes;
  uint64_t evict_cursor_ = 0;
  std::atomic<uint64_t> generation_{1};
  mutable std::atomic<uint64_t> hits_{0}, misses_{0};

  std::mutex sync_mu_;  // one log reader at a time; guards log_
  ChangeLogFollower log_;
  std::atomic<int64_t> next_sync_ns_{0};  // Clock::Steady(): when the log is to be read next; 0 before log_ starts
};

}  // namespace verbinder::domain
