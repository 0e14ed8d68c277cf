// JSON <-> engine structs for `verbinder suggest`. Errors name the JSON place,
// e.g. field "ties[2].b", message "unknown attendee id \"x9\"". The optional
// "sectors" list ({"key", "label_nl", "label_en"}) names the sectors in the
// explanations; without it the default sectors do.
// Thread-safety: stateless functions.
#pragma once

#include "matching/json_common.h"
#include "matching/suggest.h"

namespace verbinder::matching::json_io {

Result<SuggestInput> ParseSuggestInput(const Json& doc);
Json SuggestResultToJson(const SuggestInput& input, const SuggestResult& result);

}  // namespace verbinder::matching::json_io
