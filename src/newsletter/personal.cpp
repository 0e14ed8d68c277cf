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
#include "events/meetings.h"
#include "newsletter/compose.h"
#include "newsletter/compose_internal.h"
#include "util/strings.h"

namespace verbinder::newsletter {

using domain::Viewer;
using internal::ExpertiseWords;
using internal::kMaxExpertiseWords;
using model::Id;

namespace {

// The explanations' language: the subscriber's.
std::string SuggestionLanguage(const Subscriber& s) {
  return s.language == "en" ? "en" : "nl";
}

PersonSuggestion ToPerson(const events::AttendeeSuggestion& a) {
  return {a.member_id, a.name, a.organization, a.sector, a.explanation};
}

}  // namespace

Composer::Composer(storage::Database& db, const Clock& clock, NewsletterConfig config, events::MeetingService* meetings)
    : db_(db),
      clock_(clock),
      config_(std::move(config)),
      own_meetings_(meetings ? nullptr : std::make_unique<events::MeetingService>(db, clock)),
      meetings_(meetings ? meetings : own_meetings_.get()) {
  // Its own service serves this Composer alone, which keeps what it needs of
  // each run (PersonalIndex::People): one run in memory at a time.
  if (own_meetings_) own_meetings_->LimitSuggestionCache(0);
}
Composer::~Composer() = default;

Result<PersonalPart> Composer::PersonalBySql(const Subscriber& s) {
  if (s.member_id <= 0) return PersonalPart{};
  Viewer viewer{s.member_id, model::Role::kMember};
  auto part = domain::WithSession<PersonalPart>(db_, [&](soci::session& sql) -> Result<PersonalPart> {
    PersonalPart p;
    long long me = s.member_id, now = clock_.Now();
    std::string region, tags, text, role_s;
    sql << "SELECT region, expertise_tags, expertise_text FROM members WHERE id = :id", soci::use(me),
        soci::into(region), soci::into(tags), soci::into(text);
    if (!sql.got_data()) return p;  // the member is gone: no personal part
    sql << "SELECT role FROM accounts WHERE member_id = :id", soci::use(me), soci::into(role_s);
    if (sql.got_data()) viewer.role = model::ParseRole(role_s).value_or(model::Role::kMember);
    const std::string visible = viewer.VisibleSql("m");

    // 1. The next upcoming event they are registered for; whom to meet there
    // comes from the event page's own function, below, outside this session.
    {
      long long ev = 0;
      std::string title;
      sql << "SELECT e.id, e.title FROM registrations r JOIN events e ON e.id = r.event_id WHERE r.member_id = :me AND "
             "r.status = 'registered' AND e.starts_at > :now ORDER BY e.starts_at, e.id LIMIT 1",
          soci::use(me), soci::use(now), soci::into(ev), soci::into(title);
      if (sql.got_data()) {
        p.event_id = ev;
        p.event_title = title;
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
  if (!part.ok() || part->event_id == 0) return part;
  VB_ASSIGN_OR_RETURN(auto people,
                      meetings_->Suggestions(viewer, part->event_id, kMaxSuggestions, SuggestionLanguage(s)));
  for (const auto& a : people) part->people.push_back(ToPerson(a));
  return part;
}

// ---- The in-memory index behind Personal() ----

struct IndexedMember {
  std::string name, organization, region, visit_location, expertise;
  model::Visibility visibility = model::Visibility::kMembers;
  model::Role role = model::Role::kMember;
  bool hosts = false;
};

struct IndexedEvent {
  Id id = 0;
  std::string title;
};

struct IndexedChallenge {
  Id id = 0, member = 0;
  std::string title, member_name;
  model::Visibility visibility = model::Visibility::kHidden;  // the author's
};

class PersonalIndex {
 public:
  std::unordered_map<Id, IndexedMember> members;
  std::vector<IndexedEvent> events;                                                      // upcoming, by (starts_at, id)
  std::unordered_map<Id, size_t> next_event;                                             // member → index into events
  std::vector<IndexedChallenge> challenges;                                              // open, by id
  std::unordered_map<std::string, std::vector<std::pair<uint32_t, uint32_t>>> postings;  // word → (challenge, count)
  std::unordered_map<std::string, std::vector<Id>> hosts_by_region;                      // sorted ids
  // Ranked questions per (role, expertise words): members with the same words see the same list.
  mutable std::mutex ranked_mu;
  mutable std::unordered_map<std::string, std::pair<std::vector<uint32_t>, bool>> ranked;  // top, complete?
  // Each event's people to meet per language, taken on first use from the
  // event page's run (one engine run for all its subscribers; computed under
  // the lock, so never twice): the first kMaxSuggestions of each member whose
  // next event it is, not the whole run (the best 50 per attendee with their
  // explanations, ~26 KB each), so many upcoming events stay cheap.
  using PeopleOf = std::unordered_map<Id, std::vector<events::AttendeeSuggestion>>;
  mutable std::mutex lists_mu;
  mutable std::map<std::pair<size_t, std::string>, std::shared_ptr<const PeopleOf>> lists;

  Result<std::shared_ptr<const PeopleOf>> People(events::MeetingService& meetings, size_t event,
                                                 const std::string& lang) const {
    std::lock_guard<std::mutex> lock(lists_mu);
    auto& slot = lists[{event, lang}];
    if (!slot) {
      VB_ASSIGN_OR_RETURN(auto run, meetings.SuggestionsOfEvent(events[event].id, lang));
      auto people = std::make_shared<PeopleOf>();
      for (const auto& [member, next] : next_event)
        if (next == event)
          if (auto top = run->For(member, kMaxSuggestions); !top.empty()) (*people)[member] = std::move(top);
      slot = std::move(people);
    }
    return slot;
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
      int hosts = 0;
      std::string name, org, region, loc, tags, text, vis, role;
      soci::indicator role_ind = soci::i_ok;
      soci::statement st =
          (sql.prepare << "SELECT m.id, m.name, COALESCE(o.name, ''), m.region, m.visit_location, m.expertise_tags, "
                          "m.expertise_text, m.visibility, m.hosts_visits, a.role FROM members m LEFT JOIN "
                          "organizations o ON o.id = m.organization_id LEFT JOIN accounts a ON a.member_id = m.id",
           soci::into(id), soci::into(name), soci::into(org), soci::into(region), soci::into(loc), soci::into(tags),
           soci::into(text), soci::into(vis), soci::into(hosts), soci::into(role, role_ind));
      st.execute();
      while (st.fetch()) {
        IndexedMember& m = x->members[id];
        m.name = name;
        m.organization = org;
        m.region = region;
        m.visit_location = loc;
        m.expertise = tags;
        m.expertise += ' ';
        m.expertise += text;
        m.visibility = model::ParseVisibility(vis).value_or(model::Visibility::kHidden);
        m.role = role_ind == soci::i_ok ? model::ParseRole(role).value_or(model::Role::kMember) : model::Role::kMember;
        m.hosts = hosts != 0;
        if (m.hosts) x->hosts_by_region[region].push_back(id);
      }
      for (auto& [r, ids] : x->hosts_by_region) std::sort(ids.begin(), ids.end());
    }
    {
      // Upcoming events in order and each member's next one.
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
          x->events.push_back({eid, title});
        }
        x->next_event.emplace(mid, it->second);  // the first (earliest) wins
      }
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

  // 1. Whom to meet at the next event they are registered for: the event page's list.
  if (auto ev = x->next_event.find(me); ev != x->next_event.end()) {
    const IndexedEvent& e = x->events[ev->second];
    p.event_id = e.id;
    p.event_title = e.title;
    VB_ASSIGN_OR_RETURN(auto people, x->People(*meetings_, ev->second, SuggestionLanguage(s)));
    // Through the viewer's visibility, as the page's projection does (PersonalBySql reads the page).
    if (auto mine_it = people->find(me); mine_it != people->end())
      for (const auto& a : mine_it->second)
        if (auto m = x->members.find(a.member_id); m != x->members.end() && visible(a.member_id, m->second))
          p.people.push_back(ToPerson(a));
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
