#include "matching/seat_json.h"

#include <unordered_map>

namespace verbinder::matching::json_io {
namespace {

Json QualityToJson(const SeatQuality& q) {
  return {{"repeats", q.repeats},
          {"mean_distinct_sectors", Round6(q.mean_distinct_sectors)},
          {"weight", Round6(q.weight)},
          {"colleague_conflicts", q.colleague_conflicts},
          {"unseated", q.unseated}};
}

Json PassesToJson(const std::vector<PassReport>& passes) {
  Json out = Json::array();
  for (const PassReport& p : passes) {
    out.push_back({{"name", p.name},
                   {"ran", p.ran},
                   {"seconds", Round6(p.seconds)},
                   {"objective_after", Round6(p.objective_after)}});
  }
  return out;
}

}  // namespace

Result<SeatInstance> ParseSeatInstance(const Json& doc) {
  SeatInstance inst;
  VB_ASSIGN_OR_RETURN(const Json* attendees, GetArray(doc, "attendees", "", true));
  std::unordered_map<std::string, int> ids;
  for (size_t i = 0; i < attendees->size(); ++i) {
    const Json& a = (*attendees)[i];
    std::string where = Index("attendees", i);
    VB_ASSIGN_OR_RETURN(AttendeeHead head, ReadAttendeeHead(a, where, i, ids));
    SeatAttendee out;
    out.id = std::move(head.id);
    out.sector = std::move(head.sector);
    out.organization = std::move(head.organization);
    inst.attendees.push_back(std::move(out));
  }
  VB_ASSIGN_OR_RETURN(inst.rounds, GetInt(doc, "rounds", "", true));
  if (inst.rounds < 1) return InvalidArgument("must be at least 1, got " + std::to_string(inst.rounds), "rounds");
  VB_ASSIGN_OR_RETURN(const Json* tables, GetArray(doc, "tables", "", true));
  if (tables->empty()) return InvalidArgument("at least one table is required", "tables");
  for (size_t t = 0; t < tables->size(); ++t) {
    const Json& j = (*tables)[t];
    std::string where = Index("tables", t);
    VB_RETURN_IF_ERROR(ExpectObject(j, where));
    SeatTable table;
    VB_ASSIGN_OR_RETURN(table.id, GetString(j, "id", where, true));
    VB_ASSIGN_OR_RETURN(table.capacity, GetInt(j, "capacity", where, true));
    if (table.capacity < 1) {
      return InvalidArgument("must be at least 1, got " + std::to_string(table.capacity), Path(where, "capacity"));
    }
    inst.tables.push_back(std::move(table));
  }
  VB_ASSIGN_OR_RETURN(const Json* pairs, GetArray(doc, "pairs", "", false));
  if (pairs) {
    for (size_t k = 0; k < pairs->size(); ++k) {
      const Json& p = (*pairs)[k];
      std::string where = Index("pairs", k);
      VB_RETURN_IF_ERROR(ExpectObject(p, where));
      SeatPair pair;
      for (const char* key : {"a", "b"}) {
        VB_ASSIGN_OR_RETURN(std::string id, GetString(p, key, where, true));
        auto it = ids.find(id);
        if (it == ids.end()) return InvalidArgument("unknown attendee id \"" + id + "\"", Path(where, key));
        (key[0] == 'a' ? pair.a : pair.b) = it->second;
      }
      if (pair.a == pair.b) return InvalidArgument("a pair needs two different attendees", Path(where, "b"));
      VB_ASSIGN_OR_RETURN(pair.weight, GetWeight(p, "weight", where, true));
      inst.pairs.push_back(pair);
    }
  }
  VB_RETURN_IF_ERROR(ValidateSeatInstance(inst));
  return inst;
}

Json SeatResultToJson(const SeatInstance& inst, const SeatResult& r) {
  Json rounds = Json::array();
  for (size_t k = 0; k < r.rounds.size(); ++k) {
    Json tables = Json::array();
    for (size_t t = 0; t < r.rounds[k].tables.size(); ++t) {
      Json members = Json::array();
      for (int x : r.rounds[k].tables[t]) members.push_back(inst.attendees[x].id);
      tables.push_back({{"id", inst.tables[t].id}, {"members", members}});
    }
    Json round = {{"round", k + 1}, {"tables", tables}};
    if (!r.rounds[k].unseated.empty()) {
      Json unseated = Json::array();
      for (int x : r.rounds[k].unseated) unseated.push_back(inst.attendees[x].id);
      round["unseated"] = unseated;
    }
    rounds.push_back(round);
  }
  return {{"rounds", rounds},
          {"repeats", r.quality.repeats},
          {"mean_distinct_sectors", Round6(r.quality.mean_distinct_sectors)},
          {"weight", Round6(r.quality.weight)},
          {"colleague_conflicts", r.quality.colleague_conflicts},
          {"unseated", r.quality.unseated},
          {"random_baseline", QualityToJson(r.random_baseline)},
          {"passes", PassesToJson(r.passes)}};
}

}  // namespace verbinder::matching::json_io
