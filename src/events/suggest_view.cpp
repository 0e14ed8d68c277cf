// The matchmaking view of an event (meetings_internal.h): who can be suggested
// to whom, with their engine input, ties and open requests. Split from
// meetings.cpp, which runs and caches the suggestions.
#include <algorithm>
#include <map>
#include <optional>

#include <soci/soci.h>

#include "events/meetings_internal.h"
#include "matching/thesaurus.h"
#include "model/model.h"
#include "util/strings.h"

namespace verbinder::events::internal {
namespace {

std::vector<std::string> CsvList(const std::string& s) {
  std::vector<std::string> out;
  for (auto& p : Split(s, ','))
    if (!Trim(p).empty()) out.push_back(Trim(p));
  return out;
}

}  // namespace

SuggestView LoadSuggestView(soci::session& sql, Id event_id, bool only_round_participants) {
  SuggestView v;
  const std::string ev = std::to_string(event_id);
  {
    // The network's sectors as stored (the defaults and those the leader
    // added) name the other's sector in the explanations.
    std::string key, nl, en;
    soci::statement st =
        (sql.prepare << "SELECT key, label_nl, label_en FROM sectors", soci::into(key), soci::into(nl), soci::into(en));
    st.execute();
    while (st.fetch()) v.input.sector_labels[key] = {nl, en};
  }
  const std::string reg = "r.event_id = " + ev +
                          " AND r.status = 'registered' AND m.visibility = 'members' AND "
                          "m.consent_matchmaking = 1" +
                          std::string(only_round_participants ? " AND r.rounds_opt_out = 0" : "");
  {
    long long id = 0;
    std::string name, sector, org, langs, tags, text;
    soci::statement st =
        (sql.prepare << "SELECT m.id, m.name, COALESCE(m.sector, ''), COALESCE(o.name, ''), m.languages, "
                        "m.expertise_tags, m.expertise_text FROM registrations r JOIN members m ON m.id = "
                        "r.member_id LEFT JOIN organizations o ON o.id = m.organization_id WHERE " +
                            reg + " ORDER BY m.id",
         soci::into(id), soci::into(name), soci::into(sector), soci::into(org), soci::into(langs), soci::into(tags),
         soci::into(text));
    st.execute();
    while (st.fetch()) {
      v.index[id] = static_cast<int>(v.ids.size());
      v.ids.push_back(id);
      v.names.push_back(name);
      matching::SuggestAttendee a;
      // The engine names people by id in its explanations: use the member's
      // name (unique within the event; a namesake gets the member number).
      a.id = v.names.size() > 0 && std::count(v.names.begin(), v.names.end() - 1, name)
                 ? name + " (" + std::to_string(id) + ")"
                 : name;
      a.sector = sector;
      a.organization = org;
      a.languages = CsvList(langs);
      a.expertise_tags = CsvList(tags);
      a.expertise_text = text;
      v.input.attendees.push_back(std::move(a));
    }
  }
  {
    long long mid = 0;
    std::string title, text;
    soci::statement st =
        (sql.prepare << "SELECT c.member_id, c.title, c.text FROM challenges c JOIN registrations r ON "
                        "r.member_id = c.member_id JOIN members m ON m.id = c.member_id WHERE c.status = "
                        "'open' AND " +
                            reg + " ORDER BY c.id",
         soci::into(mid), soci::into(title), soci::into(text));
    st.execute();
    while (st.fetch()) {
      auto it = v.index.find(mid);
      if (it == v.index.end()) continue;
      std::string challenge = title;
      challenge.append(". ").append(text);
      v.input.attendees[it->second].challenges.push_back(std::move(challenge));
    }
  }
  {
    long long a = 0, b = 0;
    std::string kind;
    std::map<std::pair<int, int>, bool> ties;
    soci::statement st = (sql.prepare << "SELECT i.a, i.b, i.kind FROM interactions i JOIN registrations ra ON "
                                         "ra.member_id = i.a AND ra.event_id = " +
                                             ev +
                                             " AND ra.status = 'registered' "
                                             "JOIN registrations rb ON rb.member_id = i.b AND rb.event_id = " +
                                             ev + " AND rb.status = 'registered'",
                          soci::into(a), soci::into(b), soci::into(kind));
    st.execute();
    while (st.fetch()) {
      auto ia = v.index.find(a), ib = v.index.find(b);
      if (ia == v.index.end() || ib == v.index.end()) continue;
      auto k = model::ParseInteractionKind(kind);
      bool& real = ties[{ia->second, ib->second}];
      real = real || (k && model::IsFaceToFace(*k));
    }
    for (auto& [p, real] : ties) v.input.ties.push_back({p.first, p.second, real});
  }
  {
    long long from = 0, to = 0;
    soci::statement st = (sql.prepare << "SELECT from_member, to_member FROM meeting_requests WHERE event_id = " + ev +
                                             " AND status IN ('pending', 'accepted')",
                          soci::into(from), soci::into(to));
    st.execute();
    while (st.fetch()) {
      auto i = v.index.find(from), j = v.index.find(to);
      if (i != v.index.end() && j != v.index.end()) v.input.requests.push_back({i->second, j->second});
    }
  }
  v.input.confirmed_meetings = LoadConfirmedMeetings(sql);
  if (!v.input.confirmed_meetings.empty()) v.input.switched_off = LoadSwitchedOff(sql);
  return v;
}

std::vector<matching::ConfirmedMeeting> LoadConfirmedMeetings(soci::session& sql) {
  const std::string shown = "visibility = 'members' AND consent_matchmaking = 1";
  struct Rated {
    long long rater = 0, other = 0;
    std::optional<long long> helped;  // which of the rater's challenges (0: none); unset: not said
  };
  std::vector<Rated> rated;
  {
    long long rater = 0, other = 0, helped = 0;
    soci::indicator helped_ind = soci::i_null;
    soci::statement st =
        (sql.prepare
             << "SELECT f.member_id, CASE WHEN mt.a = f.member_id THEN mt.b ELSE mt.a END, f.helped_challenge FROM "
                "meeting_feedback f JOIN meetings mt ON mt.id = f.meeting_id WHERE f.happened = 1 AND f.usefulness "
                ">= " +
                    std::to_string(kUsefulToLearn) + " AND (f.helped_challenge IS NULL OR f.helped_challenge > 0)" +
                    " ORDER BY f.created_at DESC, f.meeting_id DESC LIMIT " + std::to_string(kMaxConfirmedMeetings),
         soci::into(rater), soci::into(other), soci::into(helped, helped_ind));
    st.execute();
    while (st.fetch()) {
      rated.push_back({rater, other, helped_ind == soci::i_ok ? std::optional(helped) : std::nullopt});
    }
  }
  if (rated.empty()) return {};
  // The texts of the members involved who show their profile and consent.
  std::string involved;
  for (const Rated& r : rated) {
    involved.append(involved.empty() ? "" : ",").append(std::to_string(r.rater));
    involved.append(",").append(std::to_string(r.other));
  }
  std::map<long long, std::string> expertise;
  std::map<long long, std::map<long long, std::string>> challenges;  // member → challenge id → "title. text"
  {
    long long id = 0;
    std::string tags, text;
    soci::statement st = (sql.prepare << "SELECT id, expertise_tags, expertise_text FROM members WHERE " + shown +
                                             " AND id IN (" + involved + ")",
                          soci::into(id), soci::into(tags), soci::into(text));
    st.execute();
    while (st.fetch()) {
      expertise[id] = matching::ExpertiseText(text, CsvList(tags));
      challenges[id];  // shown, maybe without challenges
    }
  }
  {
    long long cid = 0, id = 0;
    std::string title, text;
    soci::statement st =
        (sql.prepare << "SELECT c.id, c.member_id, c.title, c.text FROM challenges c WHERE c.member_id IN (" +
                            involved + ") ORDER BY c.id",
         soci::into(cid), soci::into(id), soci::into(title), soci::into(text));
    st.execute();
    while (st.fetch()) {
      auto it = challenges.find(id);
      if (it != challenges.end()) it->second[cid].append(title).append(". ").append(text);
    }
  }
  std::vector<matching::ConfirmedMeeting> out;
  for (const Rated& r : rated) {
    auto mine = challenges.find(r.rater);
    auto help = expertise.find(r.other);
    if (mine == challenges.end() || help == expertise.end() || help->second.empty()) continue;
    // The challenge the rater said it helped with (gone since: nothing), else all of them.
    std::string need;
    for (const auto& [cid, text] : mine->second) {
      if (r.helped && *r.helped != cid) continue;
      need.append(need.empty() ? "" : " . ").append(text);
    }
    if (need.empty()) continue;
    out.push_back({need, help->second});
  }
  return out;
}

std::vector<matching::LearnedLink> LoadSwitchedOff(soci::session& sql) {
  std::vector<matching::LearnedLink> out;
  std::string c, e;
  soci::statement st = (sql.prepare << "SELECT challenge_concept, expertise_concept FROM learned_links_off ORDER BY "
                                       "created_at DESC, challenge_concept, expertise_concept",
                        soci::into(c), soci::into(e));
  st.execute();
  // A concept the thesaurus no longer has matches nothing: left out, so the
  // engine's input stays valid.
  const matching::Thesaurus& t = matching::Thesaurus::Default();
  while (st.fetch()) {
    if (t.FindConcept(c) >= 0 && t.FindConcept(e) >= 0) out.push_back({c, e, 0});
  }
  return out;
}

}  // namespace verbinder::events::internal
