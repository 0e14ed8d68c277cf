#include "domain/search_index.h"

#include <algorithm>
#include <limits>
#include <mutex>

namespace verbinder::domain {
namespace {

constexpr size_t kBatch = 10000;

// Per-thread scratch marks for Search, stamped with a generation so that no
// search clears (or allocates) arrays the size of the membership.
struct Scratch {
  std::vector<uint32_t> seen, counted;
  std::vector<uint16_t> count;
  uint32_t gen = 0;
  void Next(size_t n) {
    if (++gen == 0 || seen.size() < n) {
      seen.assign(std::max(n, seen.size()), 0);
      counted.assign(seen.size(), 0);
      count.assign(seen.size(), 0);
      gen = 1;
    }
  }
};

}  // namespace

size_t MemberSearchIndex::members() const {
  std::shared_lock lock(mu_);
  return slot_of_.size();
}

size_t MemberSearchIndex::terms() const {
  std::shared_lock lock(mu_);
  return postings_.size();
}

Status MemberSearchIndex::Warm() {
  return Sync();
}

uint16_t MemberSearchIndex::SectorId(const std::string& key) {
  for (size_t i = 0; i < sector_names_.size(); ++i)
    if (sector_names_[i] == key) return static_cast<uint16_t>(i);
  sector_names_.push_back(key);
  return static_cast<uint16_t>(sector_names_.size() - 1);
}

void MemberSearchIndex::RefreshHot(uint32_t slot) {
  if (hot_.size() < slots_.size()) hot_.resize(slots_.size());
  const Member& m = slots_[slot];
  Hot& h = hot_[slot];
  h.rank = m.rank;
  h.sector = SectorId(m.sector);
  h.visibility = static_cast<uint8_t>(m.visibility);
  h.flags = static_cast<uint8_t>((m.alive ? kAlive : 0) | (m.open_challenge ? kOpenChallenge : 0));
}

void MemberSearchIndex::RankLocked() {
  std::vector<uint32_t> order;
  order.reserve(slots_.size());
  for (uint32_t s = 0; s < slots_.size(); ++s)
    if (slots_[s].alive) order.push_back(s);
  std::sort(order.begin(), order.end(), [this](uint32_t a, uint32_t b) {
    int c = slots_[a].name.compare(slots_[b].name);
    return c != 0 ? c < 0 : slots_[a].id < slots_[b].id;
  });
  for (auto& m : slots_) m.rank = kNoRank;
  for (uint32_t i = 0; i < order.size(); ++i) slots_[order[i]].rank = i;
  unranked_ = 0;
  hot_.resize(slots_.size());
  for (uint32_t s = 0; s < slots_.size(); ++s) RefreshHot(s);
}

// Reads every member, open challenge and term, then swaps the new index in.
Status MemberSearchIndex::Rebuild() {
  try {
    soci::session sql(db_.pool());
    const int64_t now = clock_.Now();
    ChangeLogFollower log;
    log.Start(sql, now);  // before reading: a change after this is read again by Sync
    std::vector<Member> slots;
    std::unordered_map<int64_t, uint32_t> slot_of;
    std::map<std::string, std::vector<uint32_t>> postings;
    {
      std::vector<long long> ids(kBatch);
      std::vector<std::string> names(kBatch), sectors(kBatch), vis(kBatch);
      soci::statement st = (sql.prepare << "SELECT id, name, COALESCE(sector, ''), visibility FROM members",
                            soci::into(ids), soci::into(names), soci::into(sectors), soci::into(vis));
      st.execute();
      while (st.fetch()) {
        for (size_t i = 0; i < ids.size(); ++i) {
          Member m;
          m.id = ids[i];
          m.name = std::move(names[i]);
          m.sector = std::move(sectors[i]);
          m.visibility = model::ParseVisibility(vis[i]).value_or(model::Visibility::kHidden);
          m.alive = true;
          slot_of.emplace(m.id, static_cast<uint32_t>(slots.size()));
          slots.push_back(std::move(m));
        }
        ids.resize(kBatch), names.resize(kBatch), sectors.resize(kBatch), vis.resize(kBatch);
      }
    }
    {
      std::vector<long long> ids(kBatch);
      soci::statement st =
          (sql.prepare << "SELECT DISTINCT member_id FROM challenges WHERE status = 'open'", soci::into(ids));
      st.execute();
      while (st.fetch()) {
        for (long long id : ids)
          if (auto it = slot_of.find(id); it != slot_of.end()) slots[it->second].open_challenge = true;
        ids.resize(kBatch);
      }
    }
    {
      std::vector<long long> ids(kBatch);
      std::vector<std::string> terms(kBatch);
      soci::statement st =
          (sql.prepare << "SELECT member_id, term FROM member_terms", soci::into(ids), soci::into(terms));
      st.execute();
      while (st.fetch()) {
        for (size_t i = 0; i < ids.size(); ++i) {
          auto it = slot_of.find(ids[i]);
          if (it == slot_of.end()) continue;  // a term row of a member deleted meanwhile
          auto [p, inserted] = postings.try_emplace(std::move(terms[i]));
          p->second.push_back(it->second);
          slots[it->second].terms.push_back(&p->first);
        }
        ids.resize(kBatch), terms.resize(kBatch);
      }
    }
    std::unique_lock lock(mu_);
    slots_ = std::move(slots);
    sector_names_.clear();
    hot_.clear();
    RankLocked();
    slot_of_ = std::move(slot_of);
    postings_ = std::move(postings);
    log_ = std::move(log);
    return Status::Ok();
  } catch (const std::exception& e) {
    return storage::FromDbError(e);
  }
}

void MemberSearchIndex::ApplyLocked(int64_t id, Loaded* loaded) {
  auto it = slot_of_.find(id);
  if (it != slot_of_.end()) {  // take the old entry out of its postings
    Member& old = slots_[it->second];
    for (const std::string* t : old.terms) {
      auto p = postings_.find(*t);
      if (p == postings_.end()) continue;
      auto& v = p->second;
      if (auto pos = std::find(v.begin(), v.end(), it->second); pos != v.end()) {
        *pos = v.back();
        v.pop_back();
      }
      if (v.empty()) postings_.erase(p);
    }
    old.terms.clear();
    old.alive = false;
    RefreshHot(it->second);
  }
  if (!loaded) {
    if (it != slot_of_.end()) slot_of_.erase(it);
    return;
  }
  uint32_t slot;
  if (it != slot_of_.end()) {
    slot = it->second;
  } else {
    slot = static_cast<uint32_t>(slots_.size());
    slots_.emplace_back();
    slot_of_.emplace(id, slot);
  }
  Member& m = slots_[slot];
  // A kept name keeps its rank (the id is the same); otherwise it compares by name.
  const uint32_t rank = m.rank != kNoRank && m.name == loaded->m.name ? m.rank : kNoRank;
  m = std::move(loaded->m);
  m.alive = true;
  m.rank = rank;
  if (rank == kNoRank) ++unranked_;
  m.terms.clear();
  for (auto& t : loaded->terms) {
    auto [p, inserted] = postings_.try_emplace(std::move(t));
    p->second.push_back(slot);
    m.terms.push_back(&p->first);
  }
  RefreshHot(slot);
}

Status MemberSearchIndex::Sync() {
  std::lock_guard sync_lock(sync_mu_);
  const int64_t now = clock_.Now();
  if (log_.MustRestart(now)) VB_RETURN_IF_ERROR(Rebuild());
  try {
    soci::session sql(db_.pool());
    const ChangeLogFollower::Batch batch = log_.Read(sql);
    if (batch.everything) return Rebuild();  // it reads everything, these entries included
    const std::vector<int64_t>& changed = batch.members;
    // Read the changed members outside the index lock.
    std::vector<std::pair<int64_t, std::unique_ptr<Loaded>>> loaded;
    {
      long long id = 0;
      std::string name, sector, vis, term;
      long long open = 0;
      soci::indicator sector_ind = soci::i_ok;
      soci::statement member =
          (sql.prepare << "SELECT name, sector, visibility, "
                          "(SELECT count(*) FROM challenges c WHERE c.member_id = m.id AND c.status = 'open') "
                          "FROM members m WHERE m.id = :id",
           soci::use(id), soci::into(name), soci::into(sector, sector_ind), soci::into(vis), soci::into(open));
      soci::statement terms =
          (sql.prepare << "SELECT term FROM member_terms WHERE member_id = :id", soci::use(id), soci::into(term));
      for (int64_t cid : changed) {
        id = cid;
        std::unique_ptr<Loaded> l;
        if (member.execute(true)) {
          l = std::make_unique<Loaded>();
          l->m.id = cid;
          l->m.name = name;
          l->m.sector = sector_ind == soci::i_ok ? sector : std::string();
          l->m.visibility = model::ParseVisibility(vis).value_or(model::Visibility::kHidden);
          l->m.open_challenge = open > 0;
          if (terms.execute(true)) do
              l->terms.push_back(term);
            while (terms.fetch());
        }
        loaded.emplace_back(cid, std::move(l));
      }
    }
    if (!loaded.empty()) {
      std::unique_lock lock(mu_);
      for (auto& [id, l] : loaded) ApplyLocked(id, l.get());
      if (unranked_ > std::max<size_t>(100, slots_.size() / 50)) RankLocked();
    }
    log_.Commit(batch, now);
    return Status::Ok();
  } catch (const std::exception& e) {
    return storage::FromDbError(e);
  }
}

Result<SearchHits> MemberSearchIndex::Search(const Viewer& viewer, const std::vector<TermRange>& words,
                                             const SearchFilters& filters, int offset, int limit) {
  VB_RETURN_IF_ERROR(Sync());
  SearchHits hits;
  if (words.empty() || !viewer.authenticated()) return hits;
  std::shared_lock lock(mu_);
  using Range = std::pair<std::map<std::string, std::vector<uint32_t>>::const_iterator,
                          std::map<std::string, std::vector<uint32_t>>::const_iterator>;
  std::vector<Range> ranges;
  std::vector<size_t> sizes;
  for (const auto& w : words) {
    Range r{postings_.lower_bound(w.lo), postings_.lower_bound(w.hi)};
    size_t n = 0;
    for (auto it = r.first; it != r.second; ++it) n += it->second.size();
    if (n == 0) return hits;  // a word nobody has
    ranges.push_back(r);
    sizes.push_back(n);
  }
  const size_t rare = std::min_element(sizes.begin(), sizes.end()) - sizes.begin();
  // Members matching every other word: count[s] reaches the number of other
  // words only if each of them matched s (a member with several terms in one
  // word's range counts once: the count moves from j to j+1 only on word j).
  thread_local Scratch scratch;
  scratch.Next(slots_.size());
  const uint32_t gen = scratch.gen;
  auto count_of = [&](uint32_t s) -> uint16_t { return scratch.counted[s] == gen ? scratch.count[s] : 0; };
  uint16_t others = 0;
  for (size_t w = 0; w < words.size(); ++w) {
    if (w == rare) continue;
    for (auto it = ranges[w].first; it != ranges[w].second; ++it)
      for (uint32_t s : it->second)
        if (count_of(s) == others) {
          scratch.count[s] = others + 1;
          scratch.counted[s] = gen;
        }
    ++others;
  }
  // Who the viewer may see, by visibility (their own profile aside).
  bool visible[3];
  for (auto v : {model::Visibility::kMembers, model::Visibility::kOrganizers, model::Visibility::kHidden})
    visible[static_cast<int>(v)] = viewer.CanSee(std::numeric_limits<model::Id>::min(), v);
  uint32_t self = UINT32_MAX;
  if (auto it = slot_of_.find(viewer.member_id); it != slot_of_.end()) self = it->second;
  int sector = -1;  // -1: any sector
  if (!filters.sector.empty()) {
    auto it = std::find(sector_names_.begin(), sector_names_.end(), filters.sector);
    if (it == sector_names_.end()) return hits;
    sector = static_cast<int>(it - sector_names_.begin());
  }
  const uint8_t need = kAlive | (filters.open_challenges_only ? kOpenChallenge : 0);
  // Matches as (rank << 32 | slot): ranked members sort as plain integers.
  thread_local std::vector<uint64_t> matches;
  matches.clear();
  bool unranked = false;
  for (auto it = ranges[rare].first; it != ranges[rare].second; ++it)
    for (uint32_t s : it->second) {
      if (scratch.seen[s] == gen) continue;
      scratch.seen[s] = gen;
      const Hot h = hot_[s];
      if ((h.flags & need) != need) continue;
      if (!visible[h.visibility] && s != self) continue;
      if (sector >= 0 && h.sector != sector) continue;
      if (others && count_of(s) != others) continue;
      unranked |= h.rank == kNoRank;
      matches.push_back(static_cast<uint64_t>(h.rank) << 32 | s);
    }
  hits.total = static_cast<int64_t>(matches.size());
  if (offset >= static_cast<int>(matches.size())) return hits;
  const size_t end = std::min(matches.size(), static_cast<size_t>(offset) + static_cast<size_t>(limit));
  auto slot = [](uint64_t k) { return static_cast<uint32_t>(k & 0xffffffffu); };
  auto by_name = [this, slot](uint64_t a, uint64_t b) {
    const Member &x = slots_[slot(a)], &y = slots_[slot(b)];
    if (x.rank != kNoRank && y.rank != kNoRank) return x.rank < y.rank;
    int c = x.name.compare(y.name);
    return c != 0 ? c < 0 : x.id < y.id;
  };
  if (unranked) {  // members added or renamed since the last ranking: compare names
    if (end < matches.size()) std::nth_element(matches.begin(), matches.begin() + end, matches.end(), by_name);
    std::sort(matches.begin(), matches.begin() + end, by_name);
  } else {
    if (end < matches.size()) std::nth_element(matches.begin(), matches.begin() + end, matches.end());
    std::sort(matches.begin(), matches.begin() + end);
  }
  for (size_t i = offset; i < end; ++i) hits.ids.push_back(slots_[slot(matches[i])].id);
  return hits;
}

}  // namespace verbinder::domain
