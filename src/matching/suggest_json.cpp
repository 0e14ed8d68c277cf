#include "matching/suggest_json.h"

#include <unordered_map>

#include "model/model.h"
#include "util/strings.h"

namespace verbinder::matching::json_io {
namespace {

Result<std::vector<std::string>> GetStrings(const Json& obj, std::string_view key, const std::string& where) {
  VB_ASSIGN_OR_RETURN(const Json* arr, GetArray(obj, key, where, false));
  std::vector<std::string> out;
  if (!arr) return out;
  for (size_t k = 0; k < arr->size(); ++k) {
    const Json& v = (*arr)[k];
    if (!v.is_string()) return InvalidArgument("expected a string, got " + Describe(v), Index(Path(where, key), k));
    out.push_back(v.get<std::string>());
  }
  return out;
}

Result<int> Resolve(const Json& obj, const char* key, const std::unordered_map<std::string, int>& ids,
                    const std::string& where) {
  VB_ASSIGN_OR_RETURN(std::string id, GetString(obj, key, where, true));
  auto it = ids.find(id);
  if (it == ids.end()) return InvalidArgument("unknown attendee id \"" + id + "\"", Path(where, key));
  return it->second;
}

// "sectors": [{"key", "label_nl", "label_en"}] as GET /api/v1/sectors lists
// them; without it the default sectors (model::DefaultSectors), so a file of
// plain keys still reads "(zorg)".
Result<SectorLabels> ReadSectorLabels(const Json& doc) {
  SectorLabels out;
  VB_ASSIGN_OR_RETURN(const Json* sectors, GetArray(doc, "sectors", "", false));
  if (!sectors) {
    for (const model::Sector& s : model::DefaultSectors()) out[s.key] = {s.label_nl, s.label_en};
    return out;
  }
  for (size_t k = 0; k < sectors->size(); ++k) {
    const Json& s = (*sectors)[k];
    std::string where = Index("sectors", k);
    VB_RETURN_IF_ERROR(ExpectObject(s, where));
    VB_ASSIGN_OR_RETURN(std::string key, GetString(s, "key", where, true));
    if (key.empty()) return InvalidArgument("must not be empty", Path(where, "key"));
    SectorLabel label;
    VB_ASSIGN_OR_RETURN(label.nl, GetString(s, "label_nl", where, true));
    VB_ASSIGN_OR_RETURN(label.en, GetString(s, "label_en", where, true));
    if (!out.emplace(key, std::move(label)).second)
      return InvalidArgument("duplicate sector key \"" + key + "\"", Path(where, "key"));
  }
  return out;
}

}  // namespace

Result<SuggestInput> ParseSuggestInput(const Json& doc) {
  SuggestInput in;
  VB_ASSIGN_OR_RETURN(in.sector_labels, ReadSectorLabels(doc));
  VB_ASSIGN_OR_RETURN(const Json* attendees, GetArray(doc, "attendees", "", true));
  std::unordered_map<std::string, int> ids;
  for (size_t i = 0; i < attendees->size(); ++i) {
    const Json& a = (*attendees)[i];
    std::string where = Index("attendees", i);
    VB_ASSIGN_OR_RETURN(AttendeeHead head, ReadAttendeeHead(a, where, i, ids));
    SuggestAttendee out;
    out.id = std::move(head.id);
    out.sector = std::move(head.sector);
    out.organization = std::move(head.organization);
    VB_ASSIGN_OR_RETURN(out.languages, GetStrings(a, "languages", where));
    VB_ASSIGN_OR_RETURN(const Json* expertise, Member(a, "expertise", where, false));
    if (expertise) {
      std::string ewhere = Path(where, "expertise");
      if (expertise->is_string()) {
        out.expertise_text = expertise->get<std::string>();
      } else {
        VB_RETURN_IF_ERROR(ExpectObject(*expertise, ewhere));
        VB_ASSIGN_OR_RETURN(out.expertise_tags, GetStrings(*expertise, "tags", ewhere));
        VB_ASSIGN_OR_RETURN(out.expertise_text, GetString(*expertise, "text", ewhere, false));
      }
    }
    VB_ASSIGN_OR_RETURN(out.challenges, GetStrings(a, "challenges", where));
    in.attendees.push_back(std::move(out));
  }
  VB_ASSIGN_OR_RETURN(const Json* ties, GetArray(doc, "ties", "", false));
  if (ties) {
    for (size_t k = 0; k < ties->size(); ++k) {
      const Json& t = (*ties)[k];
      std::string where = Index("ties", k);
      VB_RETURN_IF_ERROR(ExpectObject(t, where));
      SuggestTie tie;
      VB_ASSIGN_OR_RETURN(tie.a, Resolve(t, "a", ids, where));
      VB_ASSIGN_OR_RETURN(tie.b, Resolve(t, "b", ids, where));
      if (tie.a == tie.b) return InvalidArgument("a tie needs two different attendees", Path(where, "b"));
      VB_ASSIGN_OR_RETURN(tie.real, GetBool(t, "real", where, false));
      in.ties.push_back(tie);
    }
  }
  VB_ASSIGN_OR_RETURN(const Json* requests, GetArray(doc, "requests", "", false));
  if (requests) {
    for (size_t k = 0; k < requests->size(); ++k) {
      const Json& r = (*requests)[k];
      std::string where = Index("requests", k);
      VB_RETURN_IF_ERROR(ExpectObject(r, where));
      SuggestRequest req;
      VB_ASSIGN_OR_RETURN(req.from, Resolve(r, "from", ids, where));
      VB_ASSIGN_OR_RETURN(req.to, Resolve(r, "to", ids, where));
      if (req.from == req.to) return InvalidArgument("an attendee cannot request themselves", Path(where, "to"));
      in.requests.push_back(req);
    }
  }
  VB_ASSIGN_OR_RETURN(const Json* confirmed, GetArray(doc, "confirmed_meetings", "", false));
  if (confirmed) {
    for (size_t k = 0; k < confirmed->size(); ++k) {
      const Json& m = (*confirmed)[k];
      std::string where = Index("confirmed_meetings", k);
      VB_RETURN_IF_ERROR(ExpectObject(m, where));
      ConfirmedMeeting meeting;
      VB_ASSIGN_OR_RETURN(meeting.challenge, GetString(m, "challenge", where, true));
      VB_ASSIGN_OR_RETURN(meeting.expertise, GetString(m, "expertise", where, true));
      if (Trim(meeting.challenge).empty()) return InvalidArgument("must not be empty", Path(where, "challenge"));
      if (Trim(meeting.expertise).empty()) return InvalidArgument("must not be empty", Path(where, "expertise"));
      in.confirmed_meetings.push_back(std::move(meeting));
    }
  }
  VB_ASSIGN_OR_RETURN(const Json* off, GetArray(doc, "switched_off", "", false));
  if (off) {
    for (size_t k = 0; k < off->size(); ++k) {
      const Json& l = (*off)[k];
      std::string where = Index("switched_off", k);
      VB_RETURN_IF_ERROR(ExpectObject(l, where));
      LearnedLink link;
      VB_ASSIGN_OR_RETURN(link.challenge_concept, GetString(l, "challenge_concept", where, true));
      VB_ASSIGN_OR_RETURN(link.expertise_concept, GetString(l, "expertise_concept", where, true));
      in.switched_off.push_back(std::move(link));
    }
  }
  VB_RETURN_IF_ERROR(ValidateSuggestInput(in));
  return in;
}

Json SuggestResultToJson(const SuggestInput& input, const SuggestResult& result) {
  Json all = Json::object();
  for (size_t i = 0; i < input.attendees.size(); ++i) {
    Json list = Json::array();
    for (const Suggestion& s : result.suggestions[i]) {
      list.push_back({{"id", input.attendees[s.other].id}, {"score", Round6(s.score)}, {"explanation", s.explanation}});
    }
    all[input.attendees[i].id] = list;
  }
  return {{"suggestions", all}};
}

}  // namespace verbinder::matching::json_io
