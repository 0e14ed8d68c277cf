// The personal part of a subscriber's issue (compose.h: Composer::Personal and
// its SQL reference PersonalBySql): people to meet at their next event,
// questions they could answer, hosts nearby — read through their own Viewer.
#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include <soci/soci.h>

#include "domain/db_util.h"
#include "domain/members.h"
#include "newsletter/compose.h"
#include "newsletter/compose_internal.h"
#include "util/strings.h"

namespace verbinder::newsletter {

using domain::Viewer;
using internal::ExpertiseWords;
using internal::kMaxExpertiseWords;
using internal::T;
using internal::Texts;
using model::Id;

Result<PersonalPart> Composer::PersonalBySql(const Subscriber& s) {
  PersonalPart p;
  if (s.member_id <= 0) return p;
  return domain::WithSession<PersonalPart>(db_, [&](soci::session& sql) -> Result<PersonalPart> {
    long long me = s.member_id, now = clock_.Now();
    std::string name, sector, region, tags, text, role_s;
    int consent = 0;
    soci::indicator sector_ind = soci::i_ok;
    sql << "SELECT name, sector, region, expertise_tags, expertise_text, consent_matchmaking FROM members WHERE id = "
           ":id",
        soci::use(me), soci::into(name), soci::into(sector, sector_ind), soci::into(region), soci::into(tags),
        soci::into(text), soci::into(consent);
    if (!sql.got_data()) return p;  // the member is gone: no personal part
    if (sector_ind != soci::i_ok) sector.clear();
    sql << "SELECT role FROM accounts WHERE member_id = :id", soci::use(me), soci::into(role_s);
    Viewer viewer{s.member_id,
                  sql.got_data() ? model::ParseRole(role_s).value_or(model::Role::kMember) : model::Role::kMember};
    const std::string visible = viewer.VisibleSql("m");
    const std::string pair_cond = "((i.a = :me1 AND i.b = m.id) OR (i.a = m.id AND i.b = :me2))";

    // 1. Whom to meet at the next event they are registered for.
    if (consent) {
      long long ev = 0;
      std::string title;
      sql << "SELECT e.id, e.title FROM registrations r JOIN events e ON e.id = r.event_id WHERE r.member_id = :me AND "
             "r.status = 'registered' AND e.starts_at > :now ORDER BY e.starts_at, e.id LIMIT 1",
          soci::use(me), soci::use(now), soci::into(ev), soci::into(title);
      if (sql.got_data()) {
        p.event_id = ev;
        p.event_title = title;
        long long id = 0;
        int online = 0;
        PersonSuggestion ps;
        soci::statement st =
            (sql.prepare
                 << "SELECT m.id, m.name, COALESCE(o.name, ''), COALESCE(m.sector, ''), CASE WHEN EXISTS (SELECT 1 "
                    "FROM "
                    "interactions i WHERE " +
                        pair_cond +
                        ") THEN 1 ELSE 0 END AS online FROM registrations r JOIN members m ON "
                        "m.id = r.member_id LEFT JOIN organizations o ON o.id = m.organization_id WHERE r.event_id = "
                        ":ev AND "
                        "r.status = 'registered' AND m.id <> :me3 AND m.consent_matchmaking = 1 AND " +
                        visible +
                        " AND COALESCE(m.sector, '') <> :sector AND NOT EXISTS (SELECT 1 FROM interactions i WHERE " +
                        "((i.a = :me4 AND i.b = m.id) OR (i.a = m.id AND i.b = :me5)) AND i.kind IN (" +
                        model::FaceToFaceKindsSql() + ")) ORDER BY online DESC, m.id LIMIT " +
                        std::to_string(kMaxSuggestions),
             soci::use(me), soci::use(me), soci::use(ev), soci::use(me), soci::use(sector), soci::use(me),
             soci::use(me), soci::into(id), soci::into(ps.name), soci::into(ps.organization), soci::into(ps.sector),
             soci::into(online));
        st.execute();
        while (st.fetch()) {
          ps.member_id = id;
          ps.reason = online ? T(s.language).online_never_met : T(s.language).other_sector;
          p.people.push_back(ps);
        }
      }
    }

    // 2. Open questions that match what they can help with.
    std::set<std::string> mine = ExpertiseWords(tags + " " + text);
    if (!mine.empty()) {
      // Placeholders bind by position: add them in the order they appear in the query.
      std::vector<std::string> params;
      const std::string me_param = domain::Bind(params, std::to_string(me));
      std::string in;
      int n = 0;
      for (const auto& w : mine) {
        if (n++ >= kMaxExpertiseWords) break;
        in += (in.empty() ? "" : ", ") + domain::Bind(params, "ch:" + w);
      }
      domain::DynStatement st(
          sql,
          "SELECT c.id, c.title, c.text, m.id, m.name FROM challenges c JOIN members m ON m.id = c.member_id WHERE "
          "c.status = 'open' AND m.id <> " +
              me_param + " AND " + visible + " AND c.member_id IN (SELECT member_id FROM member_terms WHERE term IN (" +
              in + ")) ORDER BY c.id",
          params);
      long long cid = 0, mid = 0;
      std::string title, ctext, mname;
      st.Into(cid);
      st.Into(title);
      st.Into(ctext);
      st.Into(mid);
      st.Into(mname);
      std::vector<std::pair<int, QuestionSuggestion>> scored;
      if (st.Execute()) {
        do {
          int score = 0;
          std::string words = title;
          words += ' ';
          words += ctext;
          for (const auto& w : domain::Words(words)) score += mine.count(w) ? 1 : 0;
          if (score > 0) scored.push_back({score, {cid, mid, title, mname}});
        } while (st.Fetch());
      }
      std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
      for (size_t i = 0; i < scored.size() && i < static_cast<size_t>(kMaxSuggestions); ++i)
        p.questions.push_back(scored[i].second);
    }

    // 3. Members nearby who host visits.
    if (!region.empty()) {
      long long id = 0;
      HostSuggestion h;
      soci::statement st =
          (sql.prepare
               << "SELECT m.id, m.name, COALESCE(o.name, ''), m.visit_location FROM members m LEFT JOIN organizations "
                  "o ON "
                  "o.id = m.organization_id WHERE m.hosts_visits = 1 AND m.id <> :me AND m.region = :region AND " +
                      visible + " ORDER BY m.id LIMIT " + std::to_string(kMaxSuggestions),
           soci::use(me), soci::use(region), soci::into(id), soci::into(h.name), soci::into(h.organization),
           soci::into(h.location));
      st.execute();
      while (st.fetch()) {
        h.member_id = id;
        p.hosts.push_back(h);
      }
    }
    return p;
  });
}

// ---- The in-memory index behind Personal() ----

struct IndexedMember {
  std::string name, organization, sector, region, visit_location, expertise;
  model::Visibility visibility = model::Visibility::kMembers;
  model::Role role = model::Role::kMember;
  bool consent = false, hosts = false;
};

struct IndexedEvent {
  Id id = 0;
  std::string title;
  std::vector<Id> registrants;  // sorted
};

struct IndexedChallenge {
  Id id = 0, member = 0;
  std::string title, member_name;
  model::Visibility visibility = model::Visibility::kHidden;  // the author's
};

class PersonalIndex {
 public:
  std::unordered_map<Id, IndexedMember> members;
  std::vector<IndexedEvent> events;           // upcoming, by (starts_at, id)
  std::unordered_map<Id, size_t> next_event;  // member → index into events
  // Ties among co-registrants: (a << 32 | b), a < b → bit 1 any interaction, bit 2 face to face.
  std::unordered_map<uint64_t, uint8_t> ties;
  std::unordered_map<Id, std::vector<Id>> tied;  // member → co-registrants with a tie (sorted)
  std::vector<IndexedChallenge> challenges;      // open, by id
  std::unordered_map<std::string, std::vector<std::pair<uint32_t, uint32_t>>> postings;  // word → (challenge, count)
  std::unordered_map<std::string, std::vector<Id>> hosts_by_region;                      // sorted ids
  // Ranked questions per (role, expertise words): members with the same words see the same list.
  mutable std::mutex ranked_mu;
  mutable std::unordered_map<std::string, std::pair<std::vector<uint32_t>, bool>> ranked;  // top, complete?

  static uint64_t Key(Id a, Id b) {
    if (a > b) std::swap(a, b);
    return (static_cast<uint64_t>(a) << 32) | static_cast<uint64_t>(b);
  }
  uint8_t Tie(Id a, Id b) const {
    auto it = ties.find(Key(a, b));
    return it == ties.end() ? 0 : it->second;
  }
};

Result<std::shared_ptr<const PersonalIndex>> Composer::Index() {
  std::lock_guard<std::mutex> lock(index_mu_);
  if (index_) return index_;
  auto built = domain::WithSession<
      std::shared_ptr<PersonalIndex>>(db_, [&](soci::session& sql) -> Result<std::shared_ptr<PersonalIndex>> {
    auto x = std::make_shared<PersonalIndex>();
    const long long now = clock_.Now();
    {
      long long id = 0;
      int consent = 0, hosts = 0;
      std::string name, org, sector, region, loc, tags, text, vis, role;
      soci::indicator sector_ind = soci::i_ok, role_ind = soci::i_ok;
      soci::statement st =
          (sql.prepare
               << "SELECT m.id, m.name, COALESCE(o.name, ''), m.sector, m.region, m.visit_location, m.expertise_tags, "
                  "m.expertise_text, m.visibility, m.consent_matchmaking, m.hosts_visits, a.role FROM members m LEFT "
                  "JOIN "
                  "organizations o ON o.id = m.organization_id LEFT JOIN accounts a ON a.member_id = m.id",
           soci::into(id), soci::into(name), soci::into(org), soci::into(sector, sector_ind), soci::into(region),
           soci::into(loc), soci::into(tags), soci::into(text), soci::into(vis), soci::into(consent), soci::into(hosts),
           soci::into(role, role_ind));
      st.execute();
      while (st.fetch()) {
        IndexedMember& m = x->members[id];
        m.name = name;
        m.organization = org;
        m.sector = sector_ind == soci::i_ok ? sector : "";
        m.region = region;
        m.visit_location = loc;
        m.expertise = tags;
        m.expertise += ' ';
        m.expertise += text;
        m.visibility = model::ParseVisibility(vis).value_or(model::Visibility::kHidden);
        m.role = role_ind == soci::i_ok ? model::ParseRole(role).value_or(model::Role::kMember) : model::Role::kMember;
        m.consent = consent != 0;
        m.hosts = hosts != 0;
        if (m.hosts) x->hosts_by_region[region].push_back(id);
      }
      for (auto& [r, ids] : x->hosts_by_region) std::sort(ids.begin(), ids.end());
    }
    {
      // Upcoming events in order, their registrants, and each member's next one.
      long long eid = 0, mid = 0, starts = 0;
      std::string title;
      std::unordered_map<Id, size_t> at;
      soci::statement st =
          (sql.prepare
               << "SELECT e.id, e.title, e.starts_at, r.member_id FROM events e JOIN registrations r ON r.event_id = "
                  "e.id "
                  "WHERE r.status = 'registered' AND e.starts_at > :now ORDER BY e.starts_at, e.id, r.member_id",
           soci::use(now), soci::into(eid), soci::into(title), soci::into(starts), soci::into(mid));
      st.execute();
      while (st.fetch()) {
        auto it = at.find(eid);
        if (it == at.end()) {
          it = at.emplace(eid, x->events.size()).first;
          x->events.push_back({eid, title, {}});
        }
        x->events[it->second].registrants.push_back(mid);
        x->next_event.emplace(mid, it->second);  // the first (earliest) wins
      }
    }
    {
      // Ties between members registered for the same upcoming event.
      long long a = 0, b = 0;
      std::string kind;
      soci::statement st =
          (sql.prepare << "SELECT DISTINCT i.a, i.b, i.kind FROM interactions i JOIN registrations r1 ON r1.member_id "
                          "= i.a JOIN "
                          "registrations r2 ON r2.member_id = i.b AND r2.event_id = r1.event_id JOIN events e ON e.id "
                          "= r1.event_id "
                          "WHERE r1.status = 'registered' AND r2.status = 'registered' AND e.starts_at > :now",
           soci::use(now), soci::into(a), soci::into(b), soci::into(kind));
      st.execute();
      while (st.fetch()) {
        uint8_t& t = x->ties[PersonalIndex::Key(a, b)];
        if (t == 0) {
          x->tied[a].push_back(b);
          x->tied[b].push_back(a);
        }
        t |= 1;
        if (auto k = model::ParseInteractionKind(kind); k && model::IsFaceToFace(*k)) t |= 2;
      }
      for (auto& [m, ids] : x->tied) std::sort(ids.begin(), ids.end());
    }
    {
      // Open challenges and a word index over their title and text.
      long long cid = 0, mid = 0;
      std::string title, text;
      soci::statement st = (sql.prepare << "SELECT id, member_id, title, text FROM challenges WHERE status = 'open' "
                                           "ORDER BY id",
                            soci::into(cid), soci::into(mid), soci::into(title), soci::into(text));
      st.execute();
      std::unordered_map<std::string, uint32_t> counts;
      while (st.fetch()) {
        const uint32_t idx = static_cast<uint32_t>(x->challenges.size());
        auto author = x->members.find(mid);
        if (author == x->members.end()) continue;
        x->challenges.push_back({cid, mid, title, author->second.name, author->second.visibility});
        counts.clear();
        std::string words = title;
        words += ' ';
        words += text;
        for (auto& w : domain::Words(words)) ++counts[w];
        for (const auto& [w, n] : counts) x->postings[w].push_back({idx, n});
      }
    }
    return x;
  });
  if (!built) return built.status();
  index_ = std::move(*built);
  return index_;
}

Result<PersonalPart> Composer::Personal(const Subscriber& s) {
  PersonalPart p;
  if (s.member_id <= 0) return p;
  VB_ASSIGN_OR_RETURN(auto x, Index());
  auto me_it = x->members.find(s.member_id);
  if (me_it == x->members.end()) return p;  // the member is gone: no personal part
  const Id me = s.member_id;
  const IndexedMember& mine = me_it->second;
  const Viewer viewer{me, mine.role};
  auto visible = [&](Id id, const IndexedMember& m) { return viewer.CanSee(id, m.visibility); };
  const Texts& t = T(s.language);

  // 1. Whom to meet at the next event they are registered for.
  if (mine.consent) {
    if (auto ev = x->next_event.find(me); ev != x->next_event.end()) {
      const IndexedEvent& e = x->events[ev->second];
      p.event_id = e.id;
      p.event_title = e.title;
      auto candidate = [&](Id id) -> const IndexedMember* {
        if (id == me) return nullptr;
        auto it = x->members.find(id);
        if (it == x->members.end()) return nullptr;
        const IndexedMember& m = it->second;
        if (!m.consent || !visible(id, m) || m.sector == mine.sector) return nullptr;
        if (x->Tie(me, id) & 2) return nullptr;  // met face to face already
        return &m;
      };
      auto add = [&](Id id, const IndexedMember& m, bool online) {
        p.people.push_back({id, m.name, m.organization, m.sector, online ? t.online_never_met : t.other_sector});
      };
      // Online ties first (co-registrants only), then everyone else, each by id.
      if (auto tied = x->tied.find(me); tied != x->tied.end())
        for (Id id : tied->second) {
          if (p.people.size() >= static_cast<size_t>(kMaxSuggestions)) break;
          if (!std::binary_search(e.registrants.begin(), e.registrants.end(), id)) continue;
          if (const IndexedMember* m = candidate(id)) add(id, *m, true);
        }
      for (Id id : e.registrants) {
        if (p.people.size() >= static_cast<size_t>(kMaxSuggestions)) break;
        if (x->Tie(me, id) & 1) continue;  // tied ones came above (or were met)
        if (const IndexedMember* m = candidate(id)) add(id, *m, false);
      }
    }
  }

  // 2. Open questions that share words with their expertise. The ranking
  // depends only on the words and the viewer's role (own questions are dropped
  // afterwards), so it is computed once per distinct (role, words).
  std::set<std::string> words = ExpertiseWords(mine.expertise);
  if (!words.empty()) {
    constexpr size_t kKeep = kMaxSuggestions + 8;  // room for the member's own questions
    std::string key(1, static_cast<char>('0' + static_cast<int>(mine.role)));
    for (const auto& w : words) key += w + ' ';
    std::pair<std::vector<uint32_t>, bool> top;
    bool cached = false;
    {
      std::lock_guard<std::mutex> lock(x->ranked_mu);
      if (auto it = x->ranked.find(key); it != x->ranked.end()) {
        top = it->second;
        cached = true;
      }
    }
    auto rank = [&](size_t keep, Id exclude) {
      // Scores in a reusable dense array; the best `keep` by (score desc, id asc).
      thread_local std::vector<int> score;
      thread_local std::vector<uint32_t> touched;
      if (score.size() < x->challenges.size()) score.assign(x->challenges.size(), 0);
      touched.clear();
      for (const auto& w : words)
        if (auto it = x->postings.find(w); it != x->postings.end())
          for (const auto& [c, n] : it->second) {
            if (score[c] == 0) touched.push_back(c);
            score[c] += static_cast<int>(n);
          }
      auto better = [&](uint32_t a, uint32_t b) { return score[a] != score[b] ? score[a] > score[b] : a < b; };
      std::vector<uint32_t> best;  // sorted by `better`, at most keep
      size_t eligible = 0;
      for (uint32_t c : touched) {
        const IndexedChallenge& ch = x->challenges[c];
        if (ch.member == exclude || !viewer.CanSee(-1, ch.visibility)) continue;
        ++eligible;
        if (best.size() == keep && !better(c, best.back())) continue;
        best.insert(std::upper_bound(best.begin(), best.end(), c, better), c);
        if (best.size() > keep) best.pop_back();
      }
      for (uint32_t c : touched) score[c] = 0;
      return std::make_pair(best, eligible <= keep);
    };
    if (!cached) {
      top = rank(kKeep, 0);
      std::lock_guard<std::mutex> lock(x->ranked_mu);
      if (x->ranked.size() < 200000) x->ranked.emplace(key, top);
    }
    std::vector<uint32_t> chosen;
    for (uint32_t c : top.first)
      if (x->challenges[c].member != me && chosen.size() < static_cast<size_t>(kMaxSuggestions)) chosen.push_back(c);
    if (chosen.size() < static_cast<size_t>(kMaxSuggestions) && !top.second)
      chosen = rank(kMaxSuggestions, me).first;  // many of the top ones were their own
    for (uint32_t c : chosen) {
      const IndexedChallenge& ch = x->challenges[c];
      p.questions.push_back({ch.id, ch.member, ch.title, ch.member_name});
    }
  }

  // 3. Members nearby who host visits.
  if (!mine.region.empty())
    if (auto it = x->hosts_by_region.find(mine.region); it != x->hosts_by_region.end())
      for (Id id : it->second) {
        if (p.hosts.size() >= static_cast<size_t>(kMaxSuggestions)) break;
        const IndexedMember& m = x->members.at(id);
        if (id == me || !visible(id, m)) continue;
        p.hosts.push_back({id, m.name, m.organization, m.visit_location});
      }
  return p;
}

}  // namespace verbinder::newsletter
