// Shared JSON reading helpers for the matching commands: parse with a
// line/column error, and typed field access whose errors name the JSON path
// (Status::field() = "pairs[3].weight", message = "expected a number, got \"x\"").
//
//   VB_ASSIGN_OR_RETURN(nlohmann::json doc, ParseJsonText(text));
//   VB_ASSIGN_OR_RETURN(double w, GetNumber(doc["pairs"][3], "weight", "pairs[3]"));
//
// Thread-safety: stateless functions.
#pragma once

#include <string>
#include <unordered_map>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "util/status.h"

namespace verbinder::matching::json_io {

using Json = nlohmann::ordered_json;  // keeps output keys in the documented order

// Fails on empty/blank input, malformed JSON (with line and column), invalid
// UTF-8, or a top level that is not an object.
Result<Json> ParseJsonText(std::string_view text);

std::string Path(const std::string& parent, std::string_view key);  // "a.b" / "b"
std::string Index(const std::string& parent, size_t i);             // "a[3]"

// The fields every attendee record shares: a non-empty id unique in `ids`
// (which records its index i), and optional sector and organization.
struct AttendeeHead {
  std::string id, sector, organization;
};
Result<AttendeeHead> ReadAttendeeHead(const Json& a, const std::string& where, size_t i,
                                      std::unordered_map<std::string, int>& ids);
std::string Describe(const Json& v);  // for messages

// Member `key` of object `obj` (at path `where`); nullptr if absent and !required.
Result<const Json*> Member(const Json& obj, std::string_view key, const std::string& where, bool required);
Result<std::string> GetString(const Json& obj, std::string_view key, const std::string& where, bool required,
                              std::string fallback = {});
Result<double> GetNumber(const Json& obj, std::string_view key, const std::string& where, bool required,
                         double fallback = 0);
// Non-negative number (weights).
Result<double> GetWeight(const Json& obj, std::string_view key, const std::string& where, bool required,
                         double fallback = 0);
Result<int> GetInt(const Json& obj, std::string_view key, const std::string& where, bool required, int fallback = 0);
Result<bool> GetBool(const Json& obj, std::string_view key, const std::string& where, bool required,
                     bool fallback = false);
// Array member (empty vector pointer semantics: returns nullptr when absent and !required).
Result<const Json*> GetArray(const Json& obj, std::string_view key, const std::string& where, bool required);
Status ExpectObject(const Json& v, const std::string& where);

// Rounds for output so files are stable and readable (6 decimals).
double Round6(double x);

}  // namespace verbinder::matching::json_io
