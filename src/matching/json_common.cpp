#include "matching/json_common.h"

#include <cmath>

#include "util/strings.h"

namespace verbinder::matching::json_io {

Result<Json> ParseJsonText(std::string_view text) {
  bool blank = true;
  for (char c : text) blank = blank && (c == ' ' || c == '\n' || c == '\r' || c == '\t');
  if (blank) return InvalidArgument("the file is empty");
  if (!IsValidUtf8(text)) return InvalidArgument("the file is not valid UTF-8");
  Json doc;
  try {
    doc = Json::parse(text);
  } catch (const Json::out_of_range&) {
    return InvalidArgument("a number is out of range (too large for a double)");
  } catch (const Json::parse_error& e) {
    size_t byte = e.byte > 0 ? e.byte - 1 : 0;
    int line = 1, column = 1;
    for (size_t i = 0; i < byte && i < text.size(); ++i) {
      if (text[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    std::string what = e.what();
    size_t pos = what.find("syntax error");
    std::string detail = pos == std::string::npos ? what : what.substr(pos);
    return InvalidArgument("malformed JSON at line " + std::to_string(line) + ", column " + std::to_string(column) +
                           " (" + detail + ")");
  }
  if (!doc.is_object()) return InvalidArgument("the top level must be a JSON object, got " + Describe(doc));
  return doc;
}

std::string Path(const std::string& parent, std::string_view key) {
  return parent.empty() ? std::string(key) : parent + "." + std::string(key);
}

std::string Index(const std::string& parent, size_t i) {
  return parent + "[" + std::to_string(i) + "]";
}

std::string Describe(const Json& v) {
  std::string text = v.dump();
  if (text.size() > 40) text = text.substr(0, 37) + "...";
  switch (v.type()) {
    case Json::value_t::null:
      return "null";
    case Json::value_t::object:
      return "an object";
    case Json::value_t::array:
      return "an array";
    case Json::value_t::string:
      return "the string " + text;
    case Json::value_t::boolean:
      return text;
    default:
      return text;
  }
}

Status ExpectObject(const Json& v, const std::string& where) {
  if (!v.is_object()) return InvalidArgument("expected an object, got " + Describe(v), where);
  return Status::Ok();
}

Result<const Json*> Member(const Json& obj, std::string_view key, const std::string& where, bool required) {
  auto it = obj.find(key);
  if (it == obj.end()) {
    if (required) return InvalidArgument("required field is missing", Path(where, key));
    return static_cast<const Json*>(nullptr);
  }
  return &*it;
}

Result<std::string> GetString(const Json& obj, std::string_view key, const std::string& where, bool required,
                              std::string fallback) {
  VB_ASSIGN_OR_RETURN(const Json* v, Member(obj, key, where, required));
  if (!v) return fallback;
  if (!v->is_string()) return InvalidArgument("expected a string, got " + Describe(*v), Path(where, key));
  return v->get<std::string>();
}

Result<double> GetNumber(const Json& obj, std::string_view key, const std::string& where, bool required,
                         double fallback) {
  VB_ASSIGN_OR_RETURN(const Json* v, Member(obj, key, where, required));
  if (!v) return fallback;
  if (!v->is_number()) return InvalidArgument("expected a number, got " + Describe(*v), Path(where, key));
  double x = v->get<double>();
  if (!std::isfinite(x)) return InvalidArgument("expected a finite number", Path(where, key));
  return x;
}

Result<double> GetWeight(const Json& obj, std::string_view key, const std::string& where, bool required,
                         double fallback) {
  VB_ASSIGN_OR_RETURN(double x, GetNumber(obj, key, where, required, fallback));
  if (x < 0)
    return InvalidArgument("must not be negative, got " + Describe(obj.at(std::string(key))), Path(where, key));
  return x;
}

Result<int> GetInt(const Json& obj, std::string_view key, const std::string& where, bool required, int fallback) {
  VB_ASSIGN_OR_RETURN(const Json* v, Member(obj, key, where, required));
  if (!v) return fallback;
  if (!v->is_number_integer()) {
    return InvalidArgument("expected a whole number, got " + Describe(*v), Path(where, key));
  }
  int64_t x = v->get<int64_t>();
  if (x < -1000000000 || x > 1000000000) return InvalidArgument("number out of range", Path(where, key));
  return static_cast<int>(x);
}

Result<bool> GetBool(const Json& obj, std::string_view key, const std::string& where, bool required, bool fallback) {
  VB_ASSIGN_OR_RETURN(const Json* v, Member(obj, key, where, required));
  if (!v) return fallback;
  if (!v->is_boolean()) return InvalidArgument("expected true or false, got " + Describe(*v), Path(where, key));
  return v->get<bool>();
}

Result<const Json*> GetArray(const Json& obj, std::string_view key, const std::string& where, bool required) {
  VB_ASSIGN_OR_RETURN(const Json* v, Member(obj, key, where, required));
  if (v && !v->is_array()) return InvalidArgument("expected an array, got " + Describe(*v), Path(where, key));
  return v;
}

double Round6(double x) {
  return std::round(x * 1e6) / 1e6;
}

Result<AttendeeHead> ReadAttendeeHead(const Json& a, const std::string& where, size_t i,
                                      std::unordered_map<std::string, int>& ids) {
  VB_RETURN_IF_ERROR(ExpectObject(a, where));
  AttendeeHead h;
  VB_ASSIGN_OR_RETURN(h.id, GetString(a, "id", where, true));
  if (h.id.empty()) return InvalidArgument("must not be empty", Path(where, "id"));
  if (!ids.emplace(h.id, static_cast<int>(i)).second)
    return InvalidArgument("duplicate attendee id \"" + h.id + "\"", Path(where, "id"));
  VB_ASSIGN_OR_RETURN(h.sector, GetString(a, "sector", where, false));
  VB_ASSIGN_OR_RETURN(h.organization, GetString(a, "organization", where, false));
  return h;
}

}  // namespace verbinder::matching::json_io
