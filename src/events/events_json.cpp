#include "events/events_json.h"

#include "domain/json_codec.h"
#include "domain/member_ref.h"
#include "markdown/markdown.h"

namespace verbinder::events {
namespace {

Status ObjectArray(const Json& j, const std::string& field) {
  if (!j.is_array())
    return InvalidArgument("must be an array of objects, not " + std::string(j.type_name()), field)
        .WithReason("field.not_a_list");
  for (size_t i = 0; i < j.size(); ++i)
    if (!j[i].is_object())
      return InvalidArgument("must be an object", field + "[" + std::to_string(i) + "]")
          .WithReason("field.not_an_object");
  return Status::Ok();
}

// Reads an integer field of an element, naming it "<prefix>.<name>".
Result<int64_t> ElemInt(const Json& j, const std::string& prefix, const std::string& name, bool required) {
  auto r = domain::GetInt(j, name, required);
  if (!r) return Status(r.status().code(), r.status().message(), prefix + "." + name);
  return r;
}
Result<std::string> ElemString(const Json& j, const std::string& prefix, const std::string& name, bool required) {
  auto r = domain::GetString(j, name, required);
  if (!r) return Status(r.status().code(), r.status().message(), prefix + "." + name);
  return r;
}
Status ElemUnknown(const Json& j, const std::string& prefix, std::initializer_list<const char*> known) {
  auto s = domain::RejectUnknown(j, known);
  if (!s.ok()) return Status(s.code(), s.message(), prefix + "." + s.field());
  return s;
}

}  // namespace

Result<std::vector<int64_t>> GetIntArray(const Json& j, const std::string& field, bool required) {
  std::vector<int64_t> out;
  if (!j.contains(field)) {
    if (required) return InvalidArgument("is required", field).WithReason("field.required");
    return out;
  }
  const auto& v = j.at(field);
  if (!v.is_array())
    return InvalidArgument("must be an array of integers, not " + std::string(v.type_name()), field)
        .WithReason("field.not_a_list");
  for (size_t i = 0; i < v.size(); ++i) {
    VB_ASSIGN_OR_RETURN(int64_t x, domain::IntValue(v[i], field + "[" + std::to_string(i) + "]"));
    out.push_back(x);
  }
  return out;
}

Result<bool> GetBool(const Json& j, const std::string& field, bool required, bool fallback) {
  if (!j.contains(field)) {
    if (required) return InvalidArgument("is required", field).WithReason("field.required");
    return fallback;
  }
  if (!j.at(field).is_boolean())
    return InvalidArgument("must be true or false", field).WithReason("field.not_a_boolean");
  return j.at(field).get<bool>();
}

Json ToJson(const EventInfo& info) {
  const auto& e = info.event;
  Json programme = Json::array();
  for (const auto& p : info.programme)
    programme.push_back({{"id", p.id},
                         {"title", p.title},
                         {"description", p.description},
                         {"starts_at", p.starts_at},
                         {"ends_at", p.ends_at},
                         {"room", p.room}});
  return {{"id", e.id},
          {"title", e.title},
          {"kind", model::ToString(e.kind)},
          {"description", e.description},
          // The leader writes Markdown; members read it rendered (the one safe renderer).
          {"description_html", e.description.empty() ? std::string() : markdown::RenderMarkdown(e.description)},
          {"starts_at", e.starts_at},
          {"ends_at", e.ends_at},
          {"timezone", e.timezone},
          {"location", e.location},
          {"capacity", e.capacity},
          {"price_cents", e.price_cents},
          {"free", e.price_cents == 0},
          {"registration_deadline", e.registration_deadline},
          {"public", info.is_public},
          {"request_ttl", info.request_ttl},
          {"revision", info.revision},
          {"organizers", info.organizers},
          {"programme", programme},
          {"registered", info.registered},
          {"waitlisted", info.waitlisted},
          {"seats_left", e.capacity > 0 ? Json(std::max(0, e.capacity - info.registered)) : Json(nullptr)}};
}

Status EventFromJson(const Json& j, EventInfo& info) {
  VB_RETURN_IF_ERROR(domain::RejectUnknown(
      j, {"title", "kind", "description", "starts_at", "ends_at", "timezone", "location", "capacity", "price_cents",
          "registration_deadline", "public", "request_ttl", "organizers", "programme"}));
  auto& e = info.event;
  const bool create = e.id == 0;
  for (auto [key, target] : {std::pair<const char*, std::string*>{"title", &e.title},
                             {"description", &e.description},
                             {"timezone", &e.timezone},
                             {"location", &e.location}}) {
    if (j.contains(key)) {
      VB_ASSIGN_OR_RETURN(*target, domain::GetString(j, key, false));
    }
  }
  if (create && !j.contains("title")) return InvalidArgument("is required", "title").WithReason("field.required");
  if (j.contains("kind")) {
    VB_ASSIGN_OR_RETURN(std::string k, domain::GetString(j, "kind", false));
    auto kind = model::ParseEventKind(k);
    if (!kind)
      return InvalidArgument("must be congress, inspiration_session or network_drinks", "kind")
          .WithReason("field.invalid_choice");
    e.kind = *kind;
  } else if (create) {
    return InvalidArgument("is required (congress, inspiration_session or network_drinks)", "kind")
        .WithReason("field.required");
  }
  for (auto [key, target] : {std::pair<const char*, int64_t*>{"starts_at", &e.starts_at},
                             {"ends_at", &e.ends_at},
                             {"registration_deadline", &e.registration_deadline},
                             {"request_ttl", &info.request_ttl}}) {
    if (j.contains(key)) {
      VB_ASSIGN_OR_RETURN(*target, domain::GetInt(j, key, false));
    }
  }
  if (create && !j.contains("starts_at"))
    return InvalidArgument("is required (Unix seconds)", "starts_at").WithReason("field.required");
  if (create && !j.contains("ends_at"))
    return InvalidArgument("is required (Unix seconds)", "ends_at").WithReason("field.required");
  for (auto [key, target] : {std::pair<const char*, int*>{"capacity", &e.capacity}, {"price_cents", &e.price_cents}}) {
    if (j.contains(key)) {
      VB_ASSIGN_OR_RETURN(int64_t v, domain::GetInt(j, key, false));
      if (v < 0 || v > 100'000'000) return InvalidArgument("is out of range", key).WithReason("field.out_of_range");
      *target = static_cast<int>(v);
    }
  }
  if (j.contains("public")) {
    VB_ASSIGN_OR_RETURN(info.is_public, GetBool(j, "public", false));
  }
  if (j.contains("organizers")) {
    VB_ASSIGN_OR_RETURN(info.organizers, GetIntArray(j, "organizers", false));
  }
  if (j.contains("programme")) {
    VB_RETURN_IF_ERROR(ObjectArray(j.at("programme"), "programme"));
    info.programme.clear();
    for (size_t i = 0; i < j.at("programme").size(); ++i) {
      const auto& p = j.at("programme")[i];
      const std::string f = "programme[" + std::to_string(i) + "]";
      VB_RETURN_IF_ERROR(ElemUnknown(p, f, {"title", "description", "starts_at", "ends_at", "room"}));
      ProgrammeItem item;
      VB_ASSIGN_OR_RETURN(item.title, ElemString(p, f, "title", true));
      VB_ASSIGN_OR_RETURN(item.description, ElemString(p, f, "description", false));
      VB_ASSIGN_OR_RETURN(item.room, ElemString(p, f, "room", false));
      VB_ASSIGN_OR_RETURN(item.starts_at, ElemInt(p, f, "starts_at", true));
      VB_ASSIGN_OR_RETURN(item.ends_at, ElemInt(p, f, "ends_at", true));
      info.programme.push_back(std::move(item));
    }
  }
  return Status::Ok();
}

Json ToJson(const Registration& r) {
  Json j = {{"id", r.id},
            {"event_id", r.event_id},
            {"member_id", r.member_id},
            {"member_name", r.member_name},
            {"status", ToString(r.status)},
            {"checked_in_at", r.checked_in_at ? Json(r.checked_in_at) : Json(nullptr)},
            {"rounds_opt_out", r.rounds_opt_out},
            {"revision", r.revision},
            {"created_at", r.created_at},
            {"updated_at", r.updated_at}};
  if (r.status == RegistrationStatus::kWaitlisted) j["waitlist_position"] = r.waitlist_position;
  if (!r.checkin_code.empty()) j["checkin_code"] = r.checkin_code;
  return j;
}

Json ToJson(const MeetingRequest& r) {
  // A member hidden from the viewer was projected to id 0 (domain/member_ref.h): null here.
  auto id_or_null = [](Id id) { return id ? Json(id) : Json(nullptr); };
  auto name_or_null = [](Id id, const std::string& n) { return id ? Json(n) : Json(nullptr); };
  return {{"id", r.id},
          {"event_id", r.event_id},
          {"from", id_or_null(r.from)},
          {"from_name", name_or_null(r.from, r.from_name)},
          {"to", id_or_null(r.to)},
          {"to_name", name_or_null(r.to, r.to_name)},
          {"message", r.message},
          {"status", ToString(r.status)},
          {"mutual", r.mutual},
          {"expires_at", r.expires_at},
          {"created_at", r.created_at},
          {"updated_at", r.updated_at}};
}

Json ToJson(const SharedEvent& e) {
  return {{"event_id", e.event_id},   {"title", e.title},
          {"starts_at", e.starts_at}, {"ends_at", e.ends_at},
          {"location", e.location},   {"request", e.request ? ToJson(*e.request) : Json(nullptr)}};
}

Json ToJson(const FellowAttendee& a) {
  return {{"member_id", a.member_id}, {"name", a.name}, {"request", a.request ? ToJson(*a.request) : Json(nullptr)}};
}

Json ToJson(const AttendeeSuggestion& s) {
  return {{"member_id", s.member_id},       {"name", s.name},   {"sector", s.sector},
          {"organization", s.organization}, {"score", s.score}, {"why", s.explanation}};
}

Json ToJson(const PersonRef& p) {
  if (p.member_id == 0) return {{"member_id", nullptr}, {"name", nullptr}, {"hidden", true}};
  return {{"member_id", p.member_id},       {"name", p.name}, {"organization", p.organization}, {"sector", p.sector},
          {"hosts_visits", p.hosts_visits}, {"hidden", false}};
}

Json ToJson(const Encounter& e) {
  return {{"id", e.id},
          {"event_id", e.event_id},
          {"event_title", e.event_title},
          {"mine", e.mine},
          {"other", ToJson(e.other)},
          {"via", e.via},
          {"status", std::string(ToString(e.status))},
          {"real", e.status == EncounterStatus::kConfirmed},
          {"created_at", e.created_at},
          {"expires_at", e.expires_at},
          {"resolved_at", e.resolved_at ? Json(e.resolved_at) : Json(nullptr)}};
}

Json ToJson(const EncounterOverview& o) {
  Json mine = Json::array(), ask = Json::array(), cands = Json::array();
  for (const auto& e : o.mine) mine.push_back(ToJson(e));
  for (const auto& e : o.to_confirm) ask.push_back(ToJson(e));
  for (const auto& c : o.candidates)
    cands.push_back({{"person", ToJson(c.person)},
                     {"reasons", c.reasons},
                     {"state", c.state},
                     {"encounter_id", c.encounter_id ? Json(c.encounter_id) : Json(nullptr)}});
  return {{"event_id", o.event_id},
          {"event_title", o.event_title},
          {"registered", o.registered},
          {"open", o.open},
          {"opens_at", o.opens_at},
          {"closes_at", o.closes_at},
          {"mine", mine},
          {"to_confirm", ask},
          {"candidates", cands}};
}

Result<ClaimInput> ClaimFromJson(const Json& j) {
  if (!j.is_object()) return InvalidArgument("must be a JSON object", "body").WithReason("body.not_an_object");
  VB_RETURN_IF_ERROR(domain::RejectUnknown(j, {"code", "member_id", "via"}));
  ClaimInput in;
  if (j.contains("code")) {
    if (!j["code"].is_string()) return InvalidArgument("must be a string", "code").WithReason("field.not_a_string");
    in.code = j["code"].get<std::string>();
  }
  if (j.contains("member_id")) {
    VB_ASSIGN_OR_RETURN(in.member_id, domain::GetInt(j, "member_id", false));
    if (in.member_id <= 0)
      return InvalidArgument("must be a positive member id", "member_id").WithReason("encounter.pick_member");
  }
  if (j.contains("via")) {
    if (!j["via"].is_string()) return InvalidArgument("must be a string", "via").WithReason("field.not_a_string");
    in.via = j["via"].get<std::string>();
  }
  return in;
}

Json ToJson(const Round& r) {
  Json slots = Json::array();
  for (const auto& s : r.slots) slots.push_back({{"id", s.id}, {"starts_at", s.starts_at}, {"ends_at", s.ends_at}});
  return {{"id", r.id},
          {"event_id", r.event_id},
          {"title", r.title},
          {"tables", r.tables},
          {"max_meetings", r.max_meetings},
          {"slots", slots},
          {"scheduled_at", r.scheduled_at ? Json(r.scheduled_at) : Json(nullptr)}};
}

Json ToJson(const ScheduledMeeting& m) {
  auto happened = [](int h) { return h < 0 ? Json(nullptr) : Json(h == 1); };
  auto party = [&](Id id, const std::string& name, int h) {
    Json j = domain::RefJson(id, name);
    j["happened"] = happened(h);
    return j;
  };
  return {{"id", m.id},
          {"round_id", m.round_id},
          {"slot_id", m.slot_id},
          {"starts_at", m.starts_at},
          {"ends_at", m.ends_at},
          {"table", m.table},
          {"a", party(m.a, m.a_name, m.happened_a)},
          {"b", party(m.b, m.b_name, m.happened_b)},
          {"why", m.why},
          {"requested", m.requested},
          {"status", m.status}};
}

Json ToJson(const ScheduleRun& r) {
  return {{"participants", r.participants},
          {"kept", r.kept},
          {"added", r.added},
          {"rescheduled", r.rescheduled},
          {"cancelled", r.cancelled},
          {"unscheduled_requests", r.unscheduled_requests},
          {"objective", r.objective},
          {"upper_bound", r.upper_bound},
          {"optimal", r.optimal},
          {"bound_method", r.bound_method}};
}

Json ToJson(const Visit& v) {
  return {{"id", v.id},
          {"host", domain::RefJson(v.host_id, v.host_name)},
          {"visitor", domain::RefJson(v.visitor_id, v.visitor_name)},
          {"location", v.location},
          {"reason", v.reason},
          {"proposed", v.proposed},
          {"duration", v.duration},
          {"status", ToString(v.status)},
          {"starts_at", v.starts_at ? Json(v.starts_at) : Json(nullptr)},
          {"ends_at", v.ends_at ? Json(v.ends_at) : Json(nullptr)},
          {"revision", v.revision},
          {"created_at", v.created_at},
          {"updated_at", v.updated_at}};
}

Status RoundFromJson(const Json& j, Round& r) {
  VB_RETURN_IF_ERROR(domain::RejectUnknown(j, {"title", "tables", "max_meetings", "slots"}));
  VB_ASSIGN_OR_RETURN(r.title, domain::GetString(j, "title", true));
  VB_ASSIGN_OR_RETURN(int64_t tables, domain::GetInt(j, "tables", true));
  VB_ASSIGN_OR_RETURN(int64_t maxm, domain::GetInt(j, "max_meetings", false, 3));
  if (tables < 1 || tables > 1000)
    return InvalidArgument("must be between 1 and 1000", "tables").WithReason("round.tables_range", {{"max", "1000"}});
  if (maxm < 1 || maxm > 50)
    return InvalidArgument("must be between 1 and 50", "max_meetings")
        .WithReason("round.max_meetings_range", {{"max", "50"}});
  r.tables = static_cast<int>(tables);
  r.max_meetings = static_cast<int>(maxm);
  if (!j.contains("slots")) return InvalidArgument("is required", "slots").WithReason("field.required");
  VB_RETURN_IF_ERROR(ObjectArray(j.at("slots"), "slots"));
  for (size_t i = 0; i < j.at("slots").size(); ++i) {
    const auto& s = j.at("slots")[i];
    const std::string f = "slots[" + std::to_string(i) + "]";
    VB_RETURN_IF_ERROR(ElemUnknown(s, f, {"starts_at", "ends_at"}));
    Slot slot;
    VB_ASSIGN_OR_RETURN(slot.starts_at, ElemInt(s, f, "starts_at", true));
    VB_ASSIGN_OR_RETURN(slot.ends_at, ElemInt(s, f, "ends_at", true));
    r.slots.push_back(slot);
  }
  return Status::Ok();
}

namespace {
Json PeopleJson(const std::vector<SeatedPerson>& people) {
  Json out = Json::array();
  for (const auto& p : people)
    out.push_back({{"id", p.member_id}, {"name", p.name}, {"sector", p.sector}, {"organization", p.organization}});
  return out;
}
}  // namespace

Json ToJson(const Seating& s) {
  return {{"id", s.id},
          {"event_id", s.event_id},
          {"title", s.title},
          {"tables", s.tables},
          {"table_size", s.table_size},
          {"rounds", s.rounds},
          {"seated_at", s.seated_at ? Json(s.seated_at) : Json(nullptr)},
          {"quality",
           {{"repeats", s.repeats},
            {"colleague_conflicts", s.colleague_conflicts},
            {"unseated", s.unseated},
            {"mean_distinct_sectors", s.mean_distinct_sectors}}}};
}

Json ToJson(const SeatingPlan& p) {
  Json tables = Json::array();
  for (const auto& t : p.tables)
    tables.push_back({{"round", t.round}, {"table", t.table}, {"people", PeopleJson(t.people)}, {"hidden", t.hidden}});
  Json j = ToJson(p.seating);
  j["plan"] = tables;
  return j;
}

Json ToJson(const MyTable& t) {
  return {{"seating_id", t.seating_id},
          {"title", t.title},
          {"round", t.round},
          {"table", t.table},
          {"tablemates", PeopleJson(t.tablemates)},
          {"hidden", t.hidden}};
}

Json ToJson(const LearnedLinksPage& p) {
  auto rows = [](const std::vector<LearnedLinkRow>& xs) {
    Json out = Json::array();
    for (const auto& r : xs) {
      out.push_back({{"challenge_concept", r.challenge_concept},
                     {"expertise_concept", r.expertise_concept},
                     {"challenge_label", r.challenge_label},
                     {"expertise_label", r.expertise_label},
                     {"meetings", r.meetings},
                     {"on", r.on}});
    }
    return out;
  };
  return {
      {"meetings", p.meetings}, {"total", p.total}, {"links", rows(p.links)}, {"switched_off", rows(p.switched_off)}};
}

Json ToJson(const EventYield& y) {
  Json no_shows = Json::array();
  for (const auto& n : y.no_show_list) no_shows.push_back({{"id", n.member_id}, {"name", n.name}});
  return {{"event_id", y.event_id},
          {"attendance",
           {{"registered", y.registered},
            {"waitlisted", y.waitlisted},
            {"cancelled", y.cancelled},
            {"checked_in", y.checked_in},
            {"no_shows", y.no_shows},
            {"no_show_list", no_shows}}},
          {"meetings",
           {{"scheduled", y.meetings_scheduled},
            {"held", y.meetings_held},
            {"not_held", y.meetings_not_held},
            {"without_feedback", y.meetings_without_feedback}}},
          {"usefulness",
           {{"feedback", y.feedback_count}, {"rated", y.rated}, {"mean", y.mean_usefulness}, {"counts", y.usefulness}}},
          {"new_ties", {{"from_meetings", y.new_ties_from_meetings}, {"met_at_event", y.new_ties_met_at_event}}}};
}

Status SeatingFromJson(const Json& j, Seating& s) {
  VB_RETURN_IF_ERROR(domain::RejectUnknown(j, {"title", "tables", "table_size", "rounds"}));
  VB_ASSIGN_OR_RETURN(s.title, domain::GetString(j, "title", true));
  for (auto [key, target] :
       {std::pair<const char*, int*>{"tables", &s.tables}, {"table_size", &s.table_size}, {"rounds", &s.rounds}}) {
    VB_ASSIGN_OR_RETURN(int64_t v, domain::GetInt(j, key, true));
    if (v < 0 || v > 100'000) return InvalidArgument("is out of range", key).WithReason("field.out_of_range");
    *target = static_cast<int>(v);
  }
  return ValidateSeating(s);
}

}  // namespace verbinder::events
