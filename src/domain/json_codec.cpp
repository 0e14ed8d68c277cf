#include "domain/json_codec.h"

#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "domain/db_util.h"
#include "domain/network.h"
#include "util/clock.h"

namespace verbinder::domain {
namespace {

std::string TypeName(const Json& j) {
  return j.type_name();
}

Status ExpectString(const Json& v, const std::string& field, std::string& out) {
  if (!v.is_string())
    return InvalidArgument("must be a string, not " + TypeName(v), field).WithReason("field.not_a_string");
  out = v.get<std::string>();
  return Status::Ok();
}

Status ExpectBool(const Json& v, const std::string& field, bool& out) {
  if (!v.is_boolean())
    return InvalidArgument("must be true or false, not " + TypeName(v), field).WithReason("field.not_a_boolean");
  out = v.get<bool>();
  return Status::Ok();
}

Status ExpectStringArray(const Json& v, const std::string& field, std::vector<std::string>& out) {
  if (!v.is_array())
    return InvalidArgument("must be an array of strings, not " + TypeName(v), field).WithReason("field.not_a_list");
  out.clear();
  for (size_t i = 0; i < v.size(); ++i) {
    if (!v[i].is_string())
      return InvalidArgument("must be a string", field + "[" + std::to_string(i) + "]")
          .WithReason("field.not_a_string");
    out.push_back(v[i].get<std::string>());
  }
  return Status::Ok();
}

constexpr const char* kIntOutOfRange =
    "is out of range (a whole number between -9223372036854775808 and "
    "9223372036854775807)";

// A SAX pass that builds nothing: it checks the limits ParseJson promises and
// keeps the path of the value being read, so an error can name the field.
class LimitChecker final : public nlohmann::json_sax<Json> {
 public:
  const Status& status() const { return status_; }

  bool null() override { return Value(); }
  bool boolean(bool) override { return Value(); }
  bool number_integer(number_integer_t) override { return Value(); }
  bool number_unsigned(number_unsigned_t v) override {
    if (v > static_cast<number_unsigned_t>(std::numeric_limits<int64_t>::max()))
      return Fail(kIntOutOfRange, Path(), "field.out_of_range");
    return Value();
  }
  bool number_float(number_float_t v, const string_t&) override {
    if (!std::isfinite(v)) return Fail("is out of range", Path(), "field.out_of_range");
    return Value();
  }
  bool string(string_t&) override { return Value(); }
  bool binary(binary_t&) override { return Value(); }
  bool start_object(std::size_t) override { return Open(false); }
  bool key(string_t& k) override {
    frames_.back().key = k;
    return true;
  }
  bool end_object() override { return Close(); }
  bool start_array(std::size_t) override { return Open(true); }
  bool end_array() override { return Close(); }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) override {
    // 406: a number the lexer cannot hold (1e999); the path names its field.
    if (ex.id == 406) return Fail("is out of range", Path(), "field.out_of_range");
    return Fail("malformed JSON at byte " + std::to_string(position), "body", "body.malformed_json");
  }

 private:
  struct Frame {
    bool array = false;
    size_t index = 0;
    std::string key;
  };

  // "expertise.tags[2]" for the value being read; "body" at the top level.
  std::string Path() const {
    std::string p;
    for (const auto& f : frames_) {
      if (f.array)
        p += "[" + std::to_string(f.index) + "]";
      else
        p += (p.empty() ? "" : ".") + f.key;
    }
    return p.empty() ? "body" : p;
  }
  bool Value() {
    if (!frames_.empty() && frames_.back().array) ++frames_.back().index;
    return true;
  }
  bool Open(bool array) {
    if (frames_.size() >= static_cast<size_t>(kMaxJsonDepth))
      return Fail("is nested more than " + std::to_string(kMaxJsonDepth) + " levels deep", "body", "body.too_deep");
    frames_.push_back({array, 0, {}});
    return true;
  }
  bool Close() {
    frames_.pop_back();
    return Value();
  }
  bool Fail(std::string message, std::string field, std::string reason) {
    if (status_.ok()) status_ = InvalidArgument(std::move(message), std::move(field)).WithReason(std::move(reason));
    return false;
  }

  std::vector<Frame> frames_;
  Status status_;
};

}  // namespace

Result<Json> ParseJson(std::string_view text) {
  LimitChecker check;
  try {
    if (!Json::sax_parse(text, &check)) {
      if (!check.status().ok()) return check.status();
      return InvalidArgument("malformed JSON", "body").WithReason("body.malformed_json");
    }
    Json j = Json::parse(text, nullptr, false);
    if (j.is_discarded()) return InvalidArgument("malformed JSON", "body").WithReason("body.malformed_json");
    return j;
  } catch (const Json::exception&) {
    return InvalidArgument("malformed JSON", "body").WithReason("body.malformed_json");
  }
}

Result<int64_t> IntValue(const Json& v, const std::string& field) {
  if (v.is_number_unsigned()) {
    const uint64_t u = v.get<uint64_t>();
    if (u > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))
      return InvalidArgument(kIntOutOfRange, field).WithReason("field.out_of_range");
    return static_cast<int64_t>(u);
  }
  if (v.is_number_integer()) return v.get<int64_t>();
  if (v.is_number_float()) {
    // Integers beyond ±2^63 arrive as doubles (18446744073709551616, 1e300).
    const double d = v.get<double>();
    if (!std::isfinite(d) || (std::trunc(d) == d && std::fabs(d) >= 9223372036854775808.0))
      return InvalidArgument(kIntOutOfRange, field).WithReason("field.out_of_range");
  }
  return InvalidArgument("must be an integer, not " + TypeName(v), field).WithReason("field.not_an_integer");
}

Result<std::string> GetString(const Json& j, const std::string& field, bool required) {
  if (!j.contains(field)) {
    if (required) return InvalidArgument("is required", field).WithReason("field.required");
    return std::string();
  }
  std::string s;
  VB_RETURN_IF_ERROR(ExpectString(j.at(field), field, s));
  return s;
}

Result<int64_t> GetInt(const Json& j, const std::string& field, bool required, int64_t fallback) {
  if (!j.contains(field)) {
    if (required) return InvalidArgument("is required", field).WithReason("field.required");
    return fallback;
  }
  return IntValue(j.at(field), field);
}

Result<int64_t> GetInt(const Json& j, const std::string& field, bool required, int64_t fallback, int64_t min,
                       int64_t max) {
  VB_ASSIGN_OR_RETURN(int64_t v, GetInt(j, field, required, fallback));
  if (j.contains(field) && (v < min || v > max))
    return InvalidArgument("must be between " + std::to_string(min) + " and " + std::to_string(max), field)
        .WithReason("field.between", {{"min", std::to_string(min)}, {"max", std::to_string(max)}});
  return v;
}

Status RejectUnknown(const Json& j, std::initializer_list<const char*> known) {
  if (!j.is_object()) return InvalidArgument("the body must be a JSON object", "body").WithReason("body.not_an_object");
  for (auto it = j.begin(); it != j.end(); ++it) {
    bool ok = false;
    for (const char* k : known) ok = ok || it.key() == k;
    if (!ok) return InvalidArgument("unknown field", it.key()).WithReason("field.unknown");
  }
  return Status::Ok();
}

Json ToJson(const model::Challenge& c) {
  return {{"id", c.id},
          {"title", c.title},
          {"text", c.text},
          {"status", model::ToString(c.status)},
          {"created_at", c.created_at},
          {"updated_at", c.updated_at}};
}

namespace {

Json PublicMemberJson(const model::Member& m) {
  Json challenges = Json::array();
  for (const auto& c : m.challenges) challenges.push_back(ToJson(c));
  return {{"id", m.id},
          {"name", m.name},
          {"organization", m.organization},
          {"organization_id", m.organization_id ? Json(m.organization_id) : Json(nullptr)},
          {"title", m.title},
          {"sector", m.sector},
          {"region", m.region},
          {"languages", m.languages},
          {"bio", m.bio},
          {"expertise", {{"tags", m.expertise_tags}, {"text", m.expertise_text}}},
          {"challenges", challenges},
          {"hosts_visits", m.hosts_visits},
          {"visit_location", m.visit_location},
          {"linkedin_url", m.linkedin_url}};
}

// The fields only the member and organizers see.
Json PrivateMemberJson(const model::Member& m) {
  return {{"email", m.email},
          {"visibility", model::ToString(m.visibility)},
          {"consent", {{"matchmaking", m.consent_matchmaking}, {"newsletter", m.consent_newsletter}}},
          {"created_at", m.created_at},
          {"updated_at", m.updated_at}};
}

}  // namespace

Json ToJson(const model::Member& m, const Viewer& viewer) {
  Json j = PublicMemberJson(m);
  if (viewer.member_id == m.id || viewer.IsOrganizer()) j.update(PrivateMemberJson(m));
  return j;
}

CachedProfile ToCachedProfile(const model::Member& m) {
  CachedProfile p;
  p.visibility = m.visibility;
  // As Response::JsonBody: bytes that are not UTF-8 become U+FFFD, not an error.
  p.json = PublicMemberJson(m).dump(-1, ' ', false, Json::error_handler_t::replace);
  p.json.pop_back();  // the closing brace: MemberCache::Append adds it
  p.public_len = static_cast<uint32_t>(p.json.size());
  std::string priv = PrivateMemberJson(m).dump(-1, ' ', false, Json::error_handler_t::replace);
  p.json += ',';
  p.json.append(priv, 1, priv.size() - 2);
  return p;
}

Json ToJson(const model::Organization& o) {
  return {{"id", o.id}, {"name", o.name}, {"sector", o.sector}, {"city", o.city}};
}
Json ToJson(const model::Sector& s) {
  return {{"key", s.key}, {"label_nl", s.label_nl}, {"label_en", s.label_en}};
}
Json ToJson(const model::Connection& c) {
  return {{"id", c.id},
          {"from", c.from_member},
          {"to", c.to_member},
          {"status", model::ToString(c.status)},
          {"message", c.message},
          {"created_at", c.created_at},
          {"updated_at", c.updated_at}};
}
Json ToJson(const model::Interaction& in) {
  return {{"id", in.id},
          {"a", in.a},
          {"b", in.b},
          {"kind", model::ToString(in.kind)},
          {"at", in.at},
          {"source", in.source},
          {"event_id", in.event_id ? Json(in.event_id) : Json(nullptr)}};
}
Json ToJson(const model::Tie& t) {
  return {{"a", t.a},
          {"b", t.b},
          {"strength", t.strength},
          {"real", t.real},
          {"interactions", t.interactions},
          {"first_at", t.first_at},
          {"last_at", t.last_at},
          {"strongest", model::ToString(t.strongest)}};
}

Status MemberFromJson(const Json& j, model::Member& m) {
  VB_RETURN_IF_ERROR(
      RejectUnknown(j, {"name", "email", "organization", "title", "sector", "region", "languages", "bio", "expertise",
                        "challenges", "hosts_visits", "visit_location", "visibility", "consent", "linkedin_url"}));
  for (auto [key, target] : {std::pair<const char*, std::string*>{"name", &m.name},
                             {"email", &m.email},
                             {"organization", &m.organization},
                             {"title", &m.title},
                             {"sector", &m.sector},
                             {"region", &m.region},
                             {"bio", &m.bio},
                             {"visit_location", &m.visit_location},
                             {"linkedin_url", &m.linkedin_url}}) {
    if (j.contains(key)) VB_RETURN_IF_ERROR(ExpectString(j.at(key), key, *target));
  }
  if (j.contains("languages")) VB_RETURN_IF_ERROR(ExpectStringArray(j.at("languages"), "languages", m.languages));
  if (j.contains("hosts_visits")) VB_RETURN_IF_ERROR(ExpectBool(j.at("hosts_visits"), "hosts_visits", m.hosts_visits));
  if (j.contains("visibility")) {
    std::string v;
    VB_RETURN_IF_ERROR(ExpectString(j.at("visibility"), "visibility", v));
    auto vis = model::ParseVisibility(v);
    if (!vis)
      return InvalidArgument("must be one of members, organizers, hidden", "visibility")
          .WithReason("field.invalid_choice");
    m.visibility = *vis;
  }
  if (j.contains("expertise")) {
    const auto& e = j.at("expertise");
    if (!e.is_object())
      return InvalidArgument("must be an object with tags and text", "expertise").WithReason("field.not_an_object");
    for (auto it = e.begin(); it != e.end(); ++it)
      if (it.key() != "tags" && it.key() != "text")
        return InvalidArgument("unknown field", "expertise." + it.key()).WithReason("field.unknown");
    if (e.contains("tags")) VB_RETURN_IF_ERROR(ExpectStringArray(e.at("tags"), "expertise.tags", m.expertise_tags));
    if (e.contains("text")) VB_RETURN_IF_ERROR(ExpectString(e.at("text"), "expertise.text", m.expertise_text));
  }
  if (j.contains("consent")) {
    const auto& c = j.at("consent");
    if (!c.is_object()) return InvalidArgument("must be an object", "consent").WithReason("field.not_an_object");
    for (auto it = c.begin(); it != c.end(); ++it)
      if (it.key() != "matchmaking" && it.key() != "newsletter")
        return InvalidArgument("unknown field", "consent." + it.key()).WithReason("field.unknown");
    if (c.contains("matchmaking"))
      VB_RETURN_IF_ERROR(ExpectBool(c.at("matchmaking"), "consent.matchmaking", m.consent_matchmaking));
    if (c.contains("newsletter"))
      VB_RETURN_IF_ERROR(ExpectBool(c.at("newsletter"), "consent.newsletter", m.consent_newsletter));
  }
  if (j.contains("challenges")) {
    const auto& cs = j.at("challenges");
    if (!cs.is_array()) return InvalidArgument("must be an array", "challenges").WithReason("field.not_a_list");
    m.challenges.clear();
    for (size_t i = 0; i < cs.size(); ++i) {
      model::Challenge c;
      Status s = ChallengeFromJson(cs[i], c);
      if (!s.ok())
        return InvalidArgument(s.message(), "challenges[" + std::to_string(i) + "]." + s.field())
            .WithReason(s.reason(), s.params());
      m.challenges.push_back(c);
    }
  }
  return Status::Ok();
}

Status ChallengeFromJson(const Json& j, model::Challenge& c) {
  VB_RETURN_IF_ERROR(RejectUnknown(j, {"title", "text", "status"}));
  if (j.contains("title")) VB_RETURN_IF_ERROR(ExpectString(j.at("title"), "title", c.title));
  if (j.contains("text")) VB_RETURN_IF_ERROR(ExpectString(j.at("text"), "text", c.text));
  if (j.contains("status")) {
    std::string s;
    VB_RETURN_IF_ERROR(ExpectString(j.at("status"), "status", s));
    auto st = model::ParseChallengeStatus(s);
    if (!st) return InvalidArgument("must be open or solved", "status").WithReason("field.invalid_choice");
    c.status = *st;
  }
  return Status::Ok();
}

Result<Json> ExportAll(storage::Database& db, const Viewer& viewer) {
  SystemClock clock;
  MemberService members(db, clock);
  NetworkService network(db, clock, members);
  Json out = {{"format", "verbinder-export"}, {"version", 1}};
  VB_ASSIGN_OR_RETURN(auto sectors, members.Sectors());
  out["sectors"] = Json::array();
  for (const auto& s : sectors) out["sectors"].push_back(ToJson(s));
  out["organizations"] = Json::array();
  for (int off = 0;; off += kMaxPageSize) {
    VB_ASSIGN_OR_RETURN(auto page, members.Organizations(viewer, "", kMaxPageSize, off));
    for (const auto& o : page.items) out["organizations"].push_back(ToJson(o));
    if (page.items.size() < static_cast<size_t>(kMaxPageSize)) break;
  }
  out["members"] = Json::array();
  for (int off = 0;; off += kMaxPageSize) {
    MemberFilter f;
    f.limit = kMaxPageSize;
    f.offset = off;
    VB_ASSIGN_OR_RETURN(auto page, members.List(viewer, f));
    for (const auto& m : page.items) out["members"].push_back(ToJson(m, viewer));
    if (page.items.size() < static_cast<size_t>(kMaxPageSize)) break;
  }
  out["interactions"] = Json::array();
  if (viewer.IsOrganizer()) {
    for (int off = 0;; off += kMaxPageSize) {
      LedgerFilter f;
      f.limit = kMaxPageSize;
      f.offset = off;
      VB_ASSIGN_OR_RETURN(auto page, network.Ledger(viewer, f));
      for (const auto& in : page.items) out["interactions"].push_back(ToJson(in));
      if (page.items.size() < static_cast<size_t>(kMaxPageSize)) break;
    }
  }
  return out;
}

}  // namespace verbinder::domain
