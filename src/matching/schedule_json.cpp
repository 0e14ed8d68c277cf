#include "matching/schedule_json.h"

#include <cmath>
#include <unordered_map>
#include <unordered_set>

namespace verbinder::matching::json_io {
namespace {

using IdMap = std::unordered_map<std::string, int>;

Result<int> ResolveId(const Json& v, const IdMap& ids, const std::string& where, const char* what) {
  if (!v.is_string()) return InvalidArgument(std::string("expected ") + what + " id string, got " + Describe(v), where);
  auto it = ids.find(v.get<std::string>());
  if (it == ids.end()) {
    return InvalidArgument(std::string("unknown ") + what + " id \"" + v.get<std::string>() + "\"", where);
  }
  return it->second;
}

Result<int> ResolveMember(const Json& obj, const char* key, const IdMap& ids, const std::string& where) {
  VB_ASSIGN_OR_RETURN(const Json* v, Member(obj, key, where, true));
  return ResolveId(*v, ids, Path(where, key), "attendee");
}

}  // namespace

Result<ScheduleInstance> ParseScheduleInstance(const Json& doc) {
  ScheduleInstance inst;
  VB_ASSIGN_OR_RETURN(const Json* slots, GetArray(doc, "slots", "", true));
  if (slots->empty()) return InvalidArgument("at least one slot is required", "slots");
  IdMap slot_ids;
  for (size_t i = 0; i < slots->size(); ++i) {
    const Json& s = (*slots)[i];
    if (!s.is_string()) return InvalidArgument("expected a slot name string, got " + Describe(s), Index("slots", i));
    if (!slot_ids.emplace(s.get<std::string>(), static_cast<int>(i)).second) {
      return InvalidArgument("duplicate slot \"" + s.get<std::string>() + "\"", Index("slots", i));
    }
    inst.slots.push_back(s.get<std::string>());
  }
  VB_ASSIGN_OR_RETURN(inst.tables, GetInt(doc, "tables", "", true));
  if (inst.tables < 1) return InvalidArgument("must be at least 1, got " + std::to_string(inst.tables), "tables");
  VB_ASSIGN_OR_RETURN(inst.max_meetings_per_person, GetInt(doc, "max_meetings_per_person", "", true));
  if (inst.max_meetings_per_person < 0) return InvalidArgument("must not be negative", "max_meetings_per_person");
  VB_ASSIGN_OR_RETURN(const Json* slot_tables, GetArray(doc, "slot_tables", "", false));
  if (slot_tables) {
    for (size_t k = 0; k < slot_tables->size(); ++k) {
      const Json& t = (*slot_tables)[k];
      if (!t.is_number_integer()) {
        return InvalidArgument("expected a whole number of tables, got " + Describe(t), Index("slot_tables", k));
      }
      inst.slot_tables.push_back(t.get<int>());
    }
  }
  VB_ASSIGN_OR_RETURN(inst.spread, GetBool(doc, "spread", "", false));

  VB_ASSIGN_OR_RETURN(const Json* attendees, GetArray(doc, "attendees", "", true));
  IdMap ids;
  for (size_t i = 0; i < attendees->size(); ++i) {
    const Json& a = (*attendees)[i];
    std::string where = Index("attendees", i);
    VB_ASSIGN_OR_RETURN(AttendeeHead head, ReadAttendeeHead(a, where, i, ids));
    ScheduleAttendee out;
    out.id = std::move(head.id);
    out.sector = std::move(head.sector);
    out.organization = std::move(head.organization);
    VB_ASSIGN_OR_RETURN(const Json* available, GetArray(a, "available", where, false));
    if (available) {
      std::unordered_set<int> seen;
      for (size_t k = 0; k < available->size(); ++k) {
        VB_ASSIGN_OR_RETURN(int s, ResolveId((*available)[k], slot_ids, Index(Path(where, "available"), k), "slot"));
        if (seen.insert(s).second) out.available.push_back(s);
      }
      if (out.available.empty()) out.available.push_back(-1);  // marker: available in no slot
    }
    VB_ASSIGN_OR_RETURN(out.max_meetings, GetInt(a, "max_meetings", where, false, -1));
    if (a.contains("max_meetings") && out.max_meetings < 0) {
      return InvalidArgument("must not be negative", Path(where, "max_meetings"));
    }
    VB_ASSIGN_OR_RETURN(out.held, GetInt(a, "held", where, false, 0));
    if (out.held < 0) return InvalidArgument("must not be negative", Path(where, "held"));
    inst.attendees.push_back(std::move(out));
  }
  // "available": [] means no slot at all; the engine has no such notion, so cap 0.
  for (ScheduleAttendee& a : inst.attendees) {
    if (a.available.size() == 1 && a.available[0] == -1) {
      a.available = {0};
      a.max_meetings = 0;
    }
  }

  VB_ASSIGN_OR_RETURN(const Json* pairs, GetArray(doc, "pairs", "", false));
  if (pairs) {
    for (size_t k = 0; k < pairs->size(); ++k) {
      const Json& p = (*pairs)[k];
      std::string where = Index("pairs", k);
      VB_RETURN_IF_ERROR(ExpectObject(p, where));
      CandidatePair c;
      VB_ASSIGN_OR_RETURN(c.a, ResolveMember(p, "a", ids, where));
      VB_ASSIGN_OR_RETURN(c.b, ResolveMember(p, "b", ids, where));
      if (c.a == c.b) return InvalidArgument("an attendee cannot meet themselves", Path(where, "b"));
      VB_ASSIGN_OR_RETURN(c.weight, GetWeight(p, "weight", where, true));
      VB_ASSIGN_OR_RETURN(c.must, GetBool(p, "must", where, false));
      inst.pairs.push_back(c);
    }
  }
  VB_ASSIGN_OR_RETURN(const Json* forbidden, GetArray(doc, "forbidden", "", false));
  if (forbidden) {
    for (size_t k = 0; k < forbidden->size(); ++k) {
      const Json& f = (*forbidden)[k];
      std::string where = Index("forbidden", k);
      if (!f.is_array() || f.size() != 2) {
        return InvalidArgument("expected a pair of attendee ids [\"a\", \"b\"], got " + Describe(f), where);
      }
      VB_ASSIGN_OR_RETURN(int a, ResolveId(f[0], ids, Index(where, 0), "attendee"));
      VB_ASSIGN_OR_RETURN(int b, ResolveId(f[1], ids, Index(where, 1), "attendee"));
      inst.forbidden.push_back({a, b});
    }
  }
  VB_RETURN_IF_ERROR(ValidateScheduleInstance(inst));
  return inst;
}

Json ScheduleInstanceToJson(const ScheduleInstance& inst) {
  Json doc;
  doc["slots"] = inst.slots;
  doc["tables"] = inst.tables;
  doc["max_meetings_per_person"] = inst.max_meetings_per_person;
  if (!inst.slot_tables.empty()) doc["slot_tables"] = inst.slot_tables;
  if (inst.spread) doc["spread"] = true;
  Json attendees = Json::array();
  for (const ScheduleAttendee& a : inst.attendees) {
    Json j = {{"id", a.id}, {"sector", a.sector}, {"organization", a.organization}};
    if (!a.available.empty()) {
      Json slots = Json::array();
      for (int s : a.available) slots.push_back(inst.slots[s]);
      j["available"] = slots;
    }
    if (a.max_meetings >= 0) j["max_meetings"] = a.max_meetings;
    if (a.held > 0) j["held"] = a.held;
    attendees.push_back(j);
  }
  doc["attendees"] = attendees;
  Json pairs = Json::array();
  for (const CandidatePair& c : inst.pairs) {
    pairs.push_back(
        {{"a", inst.attendees[c.a].id}, {"b", inst.attendees[c.b].id}, {"weight", c.weight}, {"must", c.must}});
  }
  doc["pairs"] = pairs;
  Json forbidden = Json::array();
  for (auto [a, b] : inst.forbidden) forbidden.push_back({inst.attendees[a].id, inst.attendees[b].id});
  doc["forbidden"] = forbidden;
  return doc;
}

Json ScheduleResultToJson(const ScheduleInstance& inst, const ScheduleResult& r) {
  Json meetings = Json::array();
  for (const Meeting& m : r.meetings) {
    meetings.push_back({{"slot", inst.slots[m.slot]},
                        {"table", m.table},
                        {"a", inst.attendees[m.a].id},
                        {"b", inst.attendees[m.b].id},
                        {"weight", m.weight}});
  }
  Json unscheduled = Json::array();
  for (const UnscheduledMust& u : r.must_unscheduled) {
    const CandidatePair& c = inst.pairs[u.pair_index];
    unscheduled.push_back({{"a", inst.attendees[c.a].id}, {"b", inst.attendees[c.b].id}, {"reason", u.reason}});
  }
  const ScheduleStats& s = r.stats;
  Json passes = Json::array();
  for (const PassReport& p : s.passes) {
    passes.push_back({{"name", p.name},
                      {"ran", p.ran},
                      {"seconds", Round6(p.seconds)},
                      {"objective_after", Round6(p.objective_after)},
                      {"bound_after", std::ceil(p.bound_after * 1e6) / 1e6}});
  }
  Json stats = {{"attendees", s.attendees},
                {"attendees_with_candidates", s.attendees_with_candidates},
                {"candidate_pairs", s.candidate_pairs},
                {"meetings", s.meetings},
                {"min_meetings", s.min_meetings},
                {"median_meetings", s.median_meetings},
                {"mean_meetings", Round6(s.mean_meetings)},
                {"lp_bound", Round6(s.lp_bound)},
                {"cap_bound", Round6(s.cap_bound)},
                {"must_sets_compared", s.must_sets_compared},
                {"bound_method", s.bound_method},
                {"objective_over_upper_bound", r.upper_bound > 0 ? Round6(r.objective / r.upper_bound) : 1.0},
                {"passes", passes}};
  if (!s.exact_outcome.empty()) {
    stats["exact"] = {{"outcome", s.exact_outcome}, {"nodes", s.exact_nodes}};
    // Which bound proved it, and both bounds at the root (rounded up: valid).
    if (!s.exact_proof.empty()) stats["exact"]["proof"] = s.exact_proof;
    if (s.exact_root_b_matching_bound >= 0) {
      stats["exact"]["root_b_matching_bound"] = std::ceil(s.exact_root_b_matching_bound * 1e6) / 1e6;
    }
    if (s.exact_root_slot_bound >= 0) {
      stats["exact"]["root_slot_bound"] = std::ceil(s.exact_root_slot_bound * 1e6) / 1e6;
    }
    stats["exact"]["slot_bound_prunes"] = s.exact_slot_bound_prunes;
  }
  if (s.spread_moves > 0 || s.covered_after_spread > 0) {
    stats["spread"] = {{"moves", s.spread_moves},
                       {"covered_before", s.covered_before_spread},
                       {"covered_after", s.covered_after_spread}};
  }
  // The bound is printed rounded *up* so the printed value stays a valid bound;
  // a proven optimum (bound and objective agree to 1e-9 of the bound) prints
  // as the objective, so that "optimal": true reads as objective = upper_bound.
  double printed_bound = r.optimal ? Round6(r.objective) : std::ceil(r.upper_bound * 1e6) / 1e6;
  return {{"meetings", meetings}, {"objective", Round6(r.objective)}, {"upper_bound", printed_bound},
          {"optimal", r.optimal}, {"must_unscheduled", unscheduled},  {"stats", stats}};
}

}  // namespace verbinder::matching::json_io
