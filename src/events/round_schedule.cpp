// Reading a round into the scheduler's instance (see round_schedule.h).
#include "events/round_schedule.h"

#include <algorithm>
#include <set>

#include "domain/db_util.h"
#include "events/meetings_internal.h"
#include "matching/suggest.h"

namespace verbinder::events {
namespace internal {

Result<RoundSchedule> ReadRoundSchedule(soci::session& sql, const Round& round, Id event_id) {
  RoundSchedule out;
  const std::string ev = std::to_string(event_id), rid = std::to_string(round.id);
  // Participants, with name (for the reasons of requests).
  std::vector<Id>& people = out.people;
  {
    long long m = 0;
    std::string name;
    soci::statement st =
        (sql.prepare << "SELECT g.member_id, m.name FROM registrations g JOIN members m "
                        "ON m.id = g.member_id WHERE g.event_id = " +
                            ev + " AND g.status = 'registered' AND g.rounds_opt_out = 0 ORDER BY g.member_id",
         soci::into(m), soci::into(name));
    st.execute();
    while (st.fetch()) {
      people.push_back(m);
      out.names[m] = name;
    }
  }
  std::map<Id, int> idx;
  for (size_t i = 0; i < people.size(); ++i) idx[people[i]] = static_cast<int>(i);
  std::map<Id, int> slot_index;
  for (size_t s = 0; s < round.slots.size(); ++s) slot_index[round.slots[s].id] = static_cast<int>(s);
  std::set<std::pair<Id, int>> unavailable;  // (member, slot index)
  {
    long long slot = 0, m = 0;
    soci::statement st =
        (sql.prepare << "SELECT u.slot_id, u.member_id FROM slot_unavailability u JOIN round_slots s ON "
                        "s.id = u.slot_id WHERE s.round_id = " +
                            rid,
         soci::into(slot), soci::into(m));
    st.execute();
    while (st.fetch()) unavailable.insert({m, slot_index[slot]});
  }
  // Existing meetings (with both names): keep what is still possible, the rest is displaced.
  struct Existing {
    long long id, slot, a, b, request;
    int table;
    notify::Text ra, rb;
    std::string status;
  };
  std::vector<Existing> existing;
  {
    long long id = 0, slot = 0, a = 0, b = 0, req = 0;
    int table = 0;
    std::string ra, rb, ra_en, rb_en, status, name_a, name_b;
    soci::statement st =
        (sql.prepare << "SELECT t.id, COALESCE(t.slot_id, 0), t.a, t.b, COALESCE(t.request_id, 0), t.table_no, "
                        "t.reason_a, t.reason_b, t.reason_a_en, t.reason_b_en, t.status, ma.name, mb.name FROM "
                        "meetings t JOIN members ma ON "
                        "ma.id = t.a JOIN members mb ON mb.id = t.b WHERE t.round_id = " +
                            rid + " AND t.status IN ('scheduled', 'displaced') ORDER BY t.id",
         soci::into(id), soci::into(slot), soci::into(a), soci::into(b), soci::into(req), soci::into(table),
         soci::into(ra), soci::into(rb), soci::into(ra_en), soci::into(rb_en), soci::into(status), soci::into(name_a),
         soci::into(name_b));
    st.execute();
    while (st.fetch()) {
      // A meeting from before 0018 has one text (no English column): it stays as it was.
      existing.push_back(
          {id, slot, a, b, req, table, {ra_en.empty() ? ra : ra_en, ra}, {rb_en.empty() ? rb : rb_en, rb}, status});
      out.names[a] = name_a;
      out.names[b] = name_b;
    }
  }
  std::set<std::pair<Id, int>> busy;         // (member, slot index)
  std::set<std::pair<int, int>> table_used;  // (slot index, table)
  std::map<Id, int> kept_count;
  std::set<std::pair<Id, Id>> kept_pairs;
  std::map<std::pair<int, int>, RoundCandidate> cand;             // (lo index, hi index)
  std::map<std::pair<int, int>, std::pair<double, bool>> weight;  // (weight, must)
  for (const auto& m : existing) {
    auto si = slot_index.find(m.slot);
    const bool ok = m.status == "scheduled" && si != slot_index.end() && idx.count(m.a) && idx.count(m.b) &&
                    m.table >= 1 && m.table <= round.tables && !table_used.count({si->second, m.table}) &&
                    !busy.count({m.a, si->second}) && !busy.count({m.b, si->second}) &&
                    !unavailable.count({m.a, si->second}) && !unavailable.count({m.b, si->second}) &&
                    kept_count[m.a] < round.max_meetings && kept_count[m.b] < round.max_meetings &&
                    !kept_pairs.count({m.a, m.b});
    if (ok) {
      busy.insert({m.a, si->second});
      busy.insert({m.b, si->second});
      table_used.insert({si->second, m.table});
      ++kept_count[m.a];
      ++kept_count[m.b];
      kept_pairs.insert({m.a, m.b});
      ++out.kept;
      continue;
    }
    out.displaced.push_back({m.id, m.a, m.b});
    if (idx.count(m.a) && idx.count(m.b) && !kept_pairs.count({m.a, m.b})) {
      std::pair<int, int> key{idx[m.a], idx[m.b]};
      auto& c = cand[key];
      auto& w = weight[key];
      w = {std::max(w.first, 2.0), true};
      c.meeting_id = m.id;
      c.request_id = m.request;
      c.reason_lo = m.ra;
      c.reason_hi = m.rb;
    }
  }
  // Accepted requests (must), each reason in both languages (issue #17).
  {
    long long from = 0, to = 0, id = 0;
    soci::statement st =
        (sql.prepare << "SELECT id, from_member, to_member FROM meeting_requests WHERE event_id = " + ev +
                            " AND status = 'accepted' ORDER BY id",
         soci::into(id), soci::into(from), soci::into(to));
    st.execute();
    while (st.fetch()) {
      Id lo = std::min(from, to), hi = std::max(from, to);
      if (!idx.count(lo) || !idx.count(hi) || kept_pairs.count({lo, hi})) continue;
      std::pair<int, int> key{idx[lo], idx[hi]};
      auto& c = cand[key];
      if (c.meeting_id != 0) continue;
      auto& w = weight[key];
      w = {std::max(w.first, 2.0), true};
      c.request_id = id;
      auto reason_for = [&](Id reader) -> notify::Text {
        if (reader == from)
          return {"You asked to meet " + out.names[to] + ".", "Je vroeg om een gesprek met " + out.names[to] + "."};
        return {out.names[from] + " asked to meet you.", out.names[from] + " vroeg om een gesprek met jou."};
      };
      c.reason_lo = reason_for(lo);
      c.reason_hi = reason_for(hi);
    }
  }
  // Suggestions among the participants who can be matched, explained in each
  // language (the scores do not depend on it).
  auto view = LoadSuggestView(sql, event_id, true);
  for (const std::string lang : {"nl", "en"}) {
    if (view.ids.size() < 2) break;
    matching::SuggestOptions so;
    so.top_k = std::clamp(round.max_meetings * 2, 3, 20);
    so.language = lang;
    VB_ASSIGN_OR_RETURN(auto sug, matching::Suggest(view.input, so));
    for (size_t i = 0; i < sug.suggestions.size(); ++i) {
      for (const auto& s : sug.suggestions[i]) {
        Id me = view.ids[i], other = view.ids[s.other];
        if (!idx.count(me) || !idx.count(other)) continue;
        Id lo = std::min(me, other), hi = std::max(me, other);
        if (kept_pairs.count({lo, hi})) continue;
        std::pair<int, int> key{idx[lo], idx[hi]};
        auto& c = cand[key];
        auto& w = weight[key];
        if (!w.second) w.first = std::max(w.first, std::max(0.0, s.score));
        notify::Text& reason = me == lo ? c.reason_lo : c.reason_hi;
        std::string& text = lang == "en" ? reason.en : reason.nl;
        if (text.empty()) text = s.explanation;
      }
    }
  }
  // The engine instance: kept meetings use up availability, caps and tables.
  matching::ScheduleInstance& inst = out.instance;
  inst.spread = true;
  inst.tables = round.tables;
  inst.max_meetings_per_person = round.max_meetings;
  out.free_tables.resize(round.slots.size());
  for (size_t s = 0; s < round.slots.size(); ++s) {
    inst.slots.push_back("slot " + std::to_string(round.slots[s].id));
    for (int t = 1; t <= round.tables; ++t)
      if (!table_used.count({static_cast<int>(s), t})) out.free_tables[s].push_back(t);
    inst.slot_tables.push_back(static_cast<int>(out.free_tables[s].size()));
  }
  for (Id p : people) {
    matching::ScheduleAttendee a;
    a.id = out.names[p] + " #" + std::to_string(p);
    for (int s = 0; s < static_cast<int>(round.slots.size()); ++s)
      if (!unavailable.count({p, s}) && !busy.count({p, s})) a.available.push_back(s);
    a.max_meetings = a.available.empty() ? 0 : std::max(0, round.max_meetings - kept_count[p]);
    if (a.available.empty()) a.available.push_back(0);  // empty would mean "every slot"; cap 0 keeps them out
    a.held = kept_count[p];
    inst.attendees.push_back(std::move(a));
  }
  for (const auto& [key, c] : cand) {
    const auto& w = weight[key];
    inst.pairs.push_back({key.first, key.second, w.first, w.second});
    out.candidates.push_back(c);
  }
  return out;
}

}  // namespace internal

Result<matching::ScheduleInstance> RoundScheduleInstance(storage::Database& db, const Clock& clock,
                                                         const domain::Viewer& viewer, Id round_id) {
  if (!viewer.authenticated()) return Unauthenticated("sign in first");
  return domain::WithSession<matching::ScheduleInstance>(
      db, [&](soci::session& sql) -> Result<matching::ScheduleInstance> {
        VB_ASSIGN_OR_RETURN(auto round, internal::LoadRound(sql, round_id));
        VB_ASSIGN_OR_RETURN(auto info, internal::LoadEvent(sql, round.event_id));
        if (!EventService(db, clock).CanManage(viewer, info))
          return PermissionDenied("only the event's organizers read the schedule's input")
              .WithReason("event.organizers_only");
        VB_ASSIGN_OR_RETURN(auto input, internal::ReadRoundSchedule(sql, round, round.event_id));
        return std::move(input.instance);
      });
}

}  // namespace verbinder::events
