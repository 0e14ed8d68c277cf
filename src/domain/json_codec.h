// JSON shapes of the domain records, shared by the HTTP API, `export` and
// the tests. Parsing validates types and rejects unknown fields, naming the
// field in the error ("expertise.tags[2]: must be a string").
#pragma once

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

// Field readers used by the API handlers.
Result<std::string> GetString(const Json& j, const std::string& field, bool required);
Result<int64_t> GetInt(const Json& j, const std::string& field, bool required, int64_t fallback = 0);
Status RejectUnknown(const Json& j, std::initializer_list<const char*> known);

// Everything the viewer may see, as one JSON document (`verbinder export`).
Result<Json> ExportAll(storage::Database& db, const Viewer& viewer);

}  // namespace verbinder::domain
