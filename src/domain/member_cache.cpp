#include "domain/member_cache.h"

namespace verbinder::domain {
namespace {

// The clock's monotonic time in nanoseconds (a FakeClock's in tests).
int64_t SteadyNs(const Clock& clock) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(clock.Steady()).count();
}

}  // namespace

std::shared_ptr<MemberCache> MemberCache::For(storage::Database& db) {
  return db.Shared<MemberCache>();
}

void MemberCache::SetBudget(size_t bytes) {
  std::unique_lock lock(mu_);
  budget_ = bytes;
  EvictLocked();
}

Status MemberCache::Refresh(storage::Database& db, const Clock& clock) {
  const int64_t t = SteadyNs(clock);
  if (t < next_sync_ns_.load(std::memory_order_relaxed)) return Status::Ok();
  // The first read must wait for the follower to start (an entry read before
  // it started could miss a change); later ones skip while another reads.
  // next_sync_ns_ stays 0 until the follower has started.
  std::unique_lock sync(sync_mu_, std::defer_lock);
  if (next_sync_ns_.load(std::memory_order_acquire) != 0) {
    if (!sync.try_lock()) return Status::Ok();
  } else {
    sync.lock();
  }
  if (t < next_sync_ns_.load(std::memory_order_relaxed)) return Status::Ok();
  try {
    soci::session sql(db.pool());
    const int64_t now = clock.Now();
    if (log_.MustRestart(now)) {
      InvalidateAll();
      log_.Start(sql, now);
    } else {
      auto batch = log_.Read(sql);
      if (batch.everything) {
        InvalidateAll();
      } else if (!batch.members.empty()) {
        std::unique_lock lock(mu_);
        for (int64_t id : batch.members) EraseLocked(id);
        generation_.fetch_add(1, std::memory_order_acq_rel);
      }
      log_.Commit(batch, now);
    }
    next_sync_ns_.store(SteadyNs(clock) + std::chrono::duration_cast<std::chrono::nanoseconds>(kWindow).count(),
                        std::memory_order_release);
    return Status::Ok();
  } catch (const std::exception& e) {
    return storage::FromDbError(e);
  }
}

void MemberCache::Append(const CachedProfile& p, int64_t id, const Viewer& viewer, std::string& out) {
  const bool full = viewer.member_id == id || viewer.IsOrganizer();
  out.append(p.json, 0, full ? p.json.size() : p.public_len);
  out += '}';
}

std::optional<bool> MemberCache::Render(int64_t id, const Viewer& viewer, std::string& out) const {
  std::shared_lock lock(mu_);
  auto it = entries_.find(id);
  if (it == entries_.end()) {
    misses_.fetch_add(1, std::memory_order_relaxed);
    return std::nullopt;
  }
  hits_.fetch_add(1, std::memory_order_relaxed);
  if (!viewer.CanSee(id, it->second.visibility)) return false;
  Append(it->second, id, viewer, out);
  return true;
}

void MemberCache::Put(int64_t id, CachedProfile profile, uint64_t since) {
  std::unique_lock lock(mu_);
  if (budget_ == 0 || generation_.load(std::memory_order_acquire) != since) return;
  profile.json.shrink_to_fit();
  const size_t cost = Cost(profile);
  auto [it, inserted] = entries_.try_emplace(id);
  if (!inserted) bytes_ -= Cost(it->second);
  it->second = std::move(profile);
  bytes_ += cost;
  EvictLocked();
}

void MemberCache::EvictLocked() {
  // Random eviction: start at a bucket that moves on every time (a cheap
  // stand-in for random) and drop the first entries found.
  while (bytes_ > budget_ && !entries_.empty()) {
    const size_t buckets = entries_.bucket_count();
    size_t b = (evict_cursor_ += 0x9E3779B97F4A7C15ull) % buckets;
    while (entries_.bucket_size(b) == 0) b = (b + 1) % buckets;
    EraseLocked(entries_.begin(b)->first);
  }
}

void MemberCache::EraseLocked(int64_t id) {
  if (auto it = entries_.find(id); it != entries_.end()) {
    bytes_ -= Cost(it->second);
    entries_.erase(it);
  }
}

void MemberCache::Invalidate(int64_t id) {
  std::unique_lock lock(mu_);
  EraseLocked(id);
  generation_.fetch_add(1, std::memory_order_acq_rel);
}

void MemberCache::InvalidateAll() {
  std::unique_lock lock(mu_);
  entries_.clear();
  bytes_ = 0;
  generation_.fetch_add(1, std::memory_order_acq_rel);
}

MemberCache::Stats MemberCache::stats() const {
  std::shared_lock lock(mu_);
  return {hits_.load(), misses_.load(), entries_.size(), bytes_};
}

}  // namespace verbinder::domain
