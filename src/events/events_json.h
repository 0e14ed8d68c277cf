// JSON shapes of the events records, shared by the HTTP API and the CLI.
// Parsing rejects unknown fields and wrong types, naming the field
// ("programme[2].starts_at: must be an integer").
#pragma once

#include <nlohmann/json.hpp>

#include "events/encounters.h"
#include "events/events.h"
#include "events/learned_links.h"
#include "events/meetings.h"
#include "events/report.h"
#include "events/seating.h"
#include "events/visits.h"
#include "util/status.h"

namespace verbinder::events {

using Json = nlohmann::json;

Json ToJson(const EventInfo& e);
Json ToJson(const Registration& r);
Json ToJson(const MeetingRequest& r);
// {event_id, title, starts_at, ends_at, location, request: MeetingRequest | null}
Json ToJson(const SharedEvent& e);
// {member_id, name, request: MeetingRequest | null}
Json ToJson(const FellowAttendee& a);
Json ToJson(const AttendeeSuggestion& s);
Json ToJson(const Round& r);
Json ToJson(const ScheduledMeeting& m);
Json ToJson(const ScheduleRun& r);
Json ToJson(const Visit& v);
Json ToJson(const Seating& s);
Json ToJson(const SeatingPlan& p);
Json ToJson(const MyTable& t);
Json ToJson(const EventYield& y);
Json ToJson(const LearnedLinksPage& p);
// A member reference as the viewer may see it: {"member_id", "name", ...}, or
// {"member_id": null, "name": null, "hidden": true} ("een lid").
Json ToJson(const PersonRef& p);
Json ToJson(const Encounter& e);
Json ToJson(const EncounterOverview& o);
// {"code": "...", "via": "..."} or {"member_id": N, "via": "..."}.
Result<ClaimInput> ClaimFromJson(const Json& j);

// Applies the fields present in `j` onto `e` (a patch when e is loaded, a
// full record when default). Read-only fields (id, revision, counts) are rejected.
Status EventFromJson(const Json& j, EventInfo& e);
Status RoundFromJson(const Json& j, Round& r);
Status SeatingFromJson(const Json& j, Seating& s);

// Field readers.
Result<std::vector<int64_t>> GetIntArray(const Json& j, const std::string& field, bool required);
Result<bool> GetBool(const Json& j, const std::string& field, bool required, bool fallback = false);

}  // namespace verbinder::events
