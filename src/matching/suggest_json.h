// JSON <-> engine structs for `verbinder suggest`. Errors name the JSON place,
// e.g. field "ties[2].b", message "unknown attendee id \"x9\"".
// Thread-safety: stateless functions.
#pragma once

#include "matching/json_common.h"
#include "matching/suggest.h"

namespace verbinder::matching::json_io {

Result<SuggestInput> ParseSuggestInput(const Json& doc);
Json SuggestResultToJson(const SuggestInput& input, const SuggestResult& result);

}  // namespace verbinder::matching::json_io
