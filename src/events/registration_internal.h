// Registration helpers that the event half of EventService (events.cpp) needs
// from the registration half (events_registration.cpp): seat counts and the
// waitlist promotion after a capacity change. Internal to events; call inside
// an open transaction.
#pragma once

#include <soci/soci.h>

#include "events/events.h"

namespace verbinder::events::internal {

// Registrations of the event with the given status ("registered", "waitlisted", "cancelled").
long long CountStatus(soci::session& sql, Id event_id, const char* status);
// Promotes from the waitlist while seats are free, in queue order; notifies each promoted member.
void PromoteWaitlist(soci::session& sql, const EventInfo& info, UnixTime now);

}  // namespace verbinder::events::internal
