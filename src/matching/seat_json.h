// JSON <-> engine structs for `verbinder seat`. Errors name the JSON place,
// e.g. field "tables[2].capacity", message "must be at least 1, got 0".
// Thread-safety: stateless functions.
#pragma once

#include "matching/json_common.h"
#include "matching/seat.h"

namespace verbinder::matching::json_io {

Result<SeatInstance> ParseSeatInstance(const Json& doc);
Json SeatResultToJson(const SeatInstance& instance, const SeatResult& result);

}  // namespace verbinder::matching::json_io
