// JSON shapes of the domain records, shared by the HTTP API, `export` and
// the tests. Parsing validates types and rejects unknown fields, naming the
// field in the error ("expertise.tags[2]: must be a string").
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "domain/member_cache.h"
#include "domain/members.h"
#include "domain/viewer.h"
#include "model/model.h"
#include "util/status.h"

namespace verbinder::domain {

using Json = nlohmann::json;

// E-mail is included only for the member themself and organizers.
Json ToJson(const model::Member& m, const Viewer& viewer);
// The same JSON, for every viewer at once: the public fields first, then the
// private ones (member_cache.h; MemberCache::Append renders it for a viewer).
CachedProfile ToCachedProfile(const model::Member& m);
Json ToJson(const model::Challenge& c);
Json ToJson(const model::Organization& o);
Json ToJson(const model::Sector& s);
Json ToJson(const model::Connection& c);
Json ToJson(const model::Interaction& in);
Json ToJson(const model::Tie& t);

template <typename T, typename F>
Json PageToJson(const Page<T>& page, F&& item) {
  Json items = Json::array();
  for (const auto& x : page.items) items.push_back(item(x));
  return {{"items", items}, {"total", page.total}, {"limit", page.limit}, {"offset", page.offset}};
}

// Applies the fields present in `j` onto `m` (a patch when m is an existing
// member, a full record when m is default). Unknown fields are errors; so are
// wrong types. `id`, `created_at`, `updated_at` are read-only and rejected.
Status MemberFromJson(const Json& j, model::Member& m);
Status ChallengeFromJson(const Json& j, model::Challenge& c);

// Parses a JSON document from outside (a request body, a file) with the
// limits every reader relies on, naming the field an error is about:
// numbers that overflow a double (1e999) and integers beyond int64
// (18446744073709551615) → InvalidArgument("is out of range", "organizers[2]");
// nesting deeper than kMaxJsonDepth → InvalidArgument(field "body"); a syntax
// error → InvalidArgument("malformed JSON at byte N", "body"). Never throws.
inline constexpr int kMaxJsonDepth = 64;
Result<Json> ParseJson(std::string_view text);

// Field readers used by the API handlers. Each names the field in its error.
Result<std::string> GetString(const Json& j, const std::string& field, bool required);
// An integer that fits int64: a JSON integer, never a fraction, never an
// unsigned value above INT64_MAX (which would wrap to a negative number);
// "is out of range" for whole numbers beyond int64 (2^64, 1e300).
Result<int64_t> GetInt(const Json& j, const std::string& field, bool required, int64_t fallback = 0);
// The same, within [min, max]: "must be between <min> and <max>" outside it.
// For values stored in narrower columns (int) or with a meaning of their own.
Result<int64_t> GetInt(const Json& j, const std::string& field, bool required, int64_t fallback, int64_t min,
                       int64_t max);
// The same check for a value already in hand (an array element): `field`
// names it in the error ("organizers[2]").
Result<int64_t> IntValue(const Json& v, const std::string& field);
Status RejectUnknown(const Json& j, std::initializer_list<const char*> known);

// Everything the viewer may see, as one JSON document (`verbinder export`).
Result<Json> ExportAll(storage::Database& db, const Viewer& viewer);

}  // namespace verbinder::domain
