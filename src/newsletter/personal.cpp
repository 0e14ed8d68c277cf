// The personal part of a subscriber's issue (compose.h: Composer::Personal and
// its SQL reference PersonalBySql): people to meet at their next event,
// the network's questions waiting for their answer, hosts nearby — read through their own Viewer.
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
#include "questions/questions.h"
#include "util/strings.h"

namespace verbinder::newsletter {

using domain::Viewer;
using model::Id;

namespace {

// The explanations' language: the subscriber's.
std::string SuggestionLanguage(const Subscriber& s) {
  return s.language == "en" ? "en" : "nl";
}

// A text stored in both languages, in the subscriber's.
const std::string& InTheirLanguage(const Subscriber& s, const std::string& nl, const std::string& en) {
  return SuggestionLanguage(s) == "en" ? en : nl;
}

PersonSuggestion ToPerson(const events::AttendeeSuggestion& a) {
  return {a.member_id, a.name, a.organization, a.sector, a.explanation};
}

// The questions waiting for a member's answer, as their home page asks for them.
questions::QuestionFilter WaitingForMe() {
  questions::QuestionFilter f;
  f.routed_to_me = true;
  f.unanswered_by_me = true;
  f.status = "open";
  f.limit = kMaxSuggestions;
  return f;
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
    std::string region, role_s;
    sql << "SELECT region FROM members WHERE id = :id", soci::use(me), soci::into(region);
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

    // 2. The questions waiting for them come from the home page's own
    // function, below, outside this session.

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
  if (!part.ok()) return part;
  if (part->event_id != 0) {
    VB_ASSIGN_OR_RETURN(auto people,
                        meetings_->Suggestions(viewer, part->event_id, kMaxSuggestions, SuggestionLanguage(s)));
    for (const auto& a : people) part->people.push_back(ToPerson(a));
  }
  questions::QuestionService qs(db_, clock_);
  VB_ASSIGN_OR_RETURN(auto waiting, qs.List(viewer, WaitingForMe()));
  for (const auto& q : waiting.items) {
    VB_ASSIGN_OR_RETURN(auto detail, qs.Get(viewer, q.id));
    QuestionSuggestion x{q.id, q.asker_id, q.title, q.asker_name, ""};
    for (const auto& r : detail.routes)
      if (r.member_id == s.member_id) x.reason = InTheirLanguage(s, r.reason_nl, r.reason_en);
    part->questions.push_back(std::move(x));
  }
  return part;
}

// ---- The in-memory index behind Personal() ----

struct IndexedMember {
  std::string name, organization, region, visit_location;
  model::Visibility visibility = model::Visibility::kMembers;
  model::Role role = model::Role::kMember;
  bool hosts = false;
};

struct IndexedEvent {
  Id id = 0;
  std::string title;
};

struct IndexedQuestion {
  Id id = 0, asker = 0;
  std::string title;
};

// A question routed to a member who has not answered it: the question's index
// and the route's reasons.
struct WaitingQuestion {
  uint32_t question = 0;
  std::string reason_nl, reason_en;
};

class PersonalIndex {
 public:
  std::unordered_map<Id, IndexedMember> members;
  std::vector<IndexedEvent> events;                                  // upcoming, by (starts_at, id)
  std::unordered_map<Id, size_t> next_event;                         // member → index into events
  std::vector<IndexedQuestion> questions;                            // open and routed to someone
  std::unordered_map<Id, std::vector<WaitingQuestion>> waiting;      // member → newest question first
  std::unordered_map<std::string, std::vector<Id>> hosts_by_region;  // sorted ids
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
      std::string name, org, region, loc, vis, role;
      soci::indicator role_ind = soci::i_ok;
      soci::statement st =
          (sql.prepare << "SELECT m.id, m.name, COALESCE(o.name, ''), m.region, m.visit_location, m.visibility, "
                          "m.hosts_visits, a.role FROM members m LEFT JOIN "
                          "organizations o ON o.id = m.organization_id LEFT JOIN accounts a ON a.member_id = m.id",
           soci::into(id), soci::into(name), soci::into(org), soci::into(region), soci::into(loc), soci::into(vis),
           soci::into(hosts), soci::into(role, role_ind));
      st.execute();
      while (st.fetch()) {
        IndexedMember& m = x->members[id];
        m.name = name;
        m.organization = org;
        m.region = region;
        m.visit_location = loc;
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
      // Open questions routed to members who have not answered them, newest
      // first per member (QuestionService::List's order).
      long long member = 0, qid = 0, asker = 0;
      std::string title, reason_nl, reason_en;
      soci::statement st =
          (sql.prepare << "SELECT r.member_id, q.id, q.asker_id, q.title, r.reason_nl, r.reason_en FROM "
                          "question_routes r JOIN questions q ON q.id = r.question_id WHERE q.status = 'open' AND "
                          "NOT EXISTS (SELECT 1 FROM question_answers a WHERE a.question_id = q.id AND a.author_id = "
                          "r.member_id) ORDER BY r.member_id, q.id DESC",
           soci::into(member), soci::into(qid), soci::into(asker), soci::into(title), soci::into(reason_nl),
           soci::into(reason_en));
      st.execute();
      std::unordered_map<Id, uint32_t> index_of;
      while (st.fetch()) {
        auto [it, added] = index_of.emplace(qid, static_cast<uint32_t>(x->questions.size()));
        if (added) x->questions.push_back({qid, asker, title});
        x->waiting[member].push_back({it->second, reason_nl, reason_en});
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

  // 2. The questions waiting for their answer (the home page's list):
  // newest first, asked by a member they may see.
  if (auto it = x->waiting.find(me); it != x->waiting.end())
    for (const WaitingQuestion& w : it->second) {
      if (p.questions.size() >= static_cast<size_t>(kMaxSuggestions)) break;
      const IndexedQuestion& q = x->questions[w.question];
      auto asker = x->members.find(q.asker);
      if (asker == x->members.end() || !visible(q.asker, asker->second)) continue;
      p.questions.push_back({q.id, q.asker, q.title, asker->second.name, InTheirLanguage(s, w.reason_nl, w.reason_en)});
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
