#include "domain/change_log.h"

#include <algorithm>

namespace verbinder::domain {

void LogMemberChange(soci::session& sql, int64_t member_id, int64_t now) {
  long long id = member_id, t = now, old = now - ChangeLogFollower::kKeepSeconds;
  sql << "INSERT INTO member_changes (member_id, changed_at) VALUES (:m, :t)", soci::use(id), soci::use(t);
  sql << "DELETE FROM member_changes WHERE changed_at < :old", soci::use(old);
}

void ChangeLogFollower::Start(soci::session& sql, int64_t now) {
  constexpr size_t kBatch = 10000;
  long long watermark = 0, settled = now - kSettleSeconds;
  sql << "SELECT COALESCE(max(seq), 0) FROM member_changes WHERE changed_at < :t", soci::use(settled),
      soci::into(watermark);
  // Entries after the watermark that are visible now are reflected in what the
  // caller reads next: they count as seen.
  std::unordered_set<int64_t> seen;
  std::vector<long long> seqs(kBatch);
  soci::statement st =
      (sql.prepare << "SELECT seq FROM member_changes WHERE seq > :w", soci::use(watermark), soci::into(seqs));
  st.execute();
  while (st.fetch()) {
    seen.insert(seqs.begin(), seqs.end());
    seqs.resize(kBatch);
  }
  watermark_ = watermark;
  seen_ = std::move(seen);
  started_ = true;
  last_read_ = now;
}

ChangeLogFollower::Batch ChangeLogFollower::Read(soci::session& sql) const {
  Batch b;
  long long seq = 0, member_id = 0, at = 0, from = watermark_;
  soci::statement st =
      (sql.prepare << "SELECT seq, member_id, changed_at FROM member_changes WHERE seq > :w ORDER BY seq",
       soci::use(from), soci::into(seq), soci::into(member_id), soci::into(at));
  if (st.execute(true)) do {
      b.entries.push_back({seq, at});
      if (seen_.count(seq)) continue;
      if (member_id == 0)
        b.everything = true;
      else
        b.members.push_back(member_id);
    } while (st.fetch());
  std::sort(b.members.begin(), b.members.end());
  b.members.erase(std::unique(b.members.begin(), b.members.end()), b.members.end());
  return b;
}

void ChangeLogFollower::Commit(const Batch& batch, int64_t now) {
  for (const auto& e : batch.entries) seen_.insert(e.seq);
  // The watermark moves over the settled prefix only (see the header).
  for (const auto& e : batch.entries) {
    if (e.at >= now - kSettleSeconds) break;
    watermark_ = e.seq;
    seen_.erase(e.seq);
  }
  last_read_ = now;
}

}  // namespace verbinder::domain
