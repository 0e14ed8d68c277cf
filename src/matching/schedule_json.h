// JSON <-> engine structs for `verbinder schedule`. Resolves ids to
// indices; every error names the JSON place, e.g.
//   field "pairs[3].b", message "unknown attendee id \"x9\"".
//
//   VB_ASSIGN_OR_RETURN(ScheduleInstance inst, ParseScheduleInstance(doc));
//   Json out = ScheduleResultToJson(inst, Schedule(inst, {}).value());
//
// Thread-safety: stateless functions.
#pragma once

#include "matching/json_common.h"
#include "matching/schedule.h"

namespace verbinder::matching::json_io {

Result<ScheduleInstance> ParseScheduleInstance(const Json& doc);
Json ScheduleInstanceToJson(const ScheduleInstance& instance);  // for tests and tools
Json ScheduleResultToJson(const ScheduleInstance& instance, const ScheduleResult& result);

}  // namespace verbinder::matching::json_io
