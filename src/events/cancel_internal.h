// Cancelling inside the caller's open transaction: the work of
// EventService::Cancel (events.cpp) and of VisitService's transitions
// (visits.cpp), for callers that must do it as part of a larger change —
// deleting a member (member_data.cpp) cancels their registrations and visits
// and tells everyone involved, all or nothing. Internal to events.
#pragma once

#include <string>

#include <soci/soci.h>

#include "events/events.h"
#include "events/visits.h"

namespace verbinder::events::internal {

// The organizers (and admins) of an event may manage its registrations.
bool MayManage(const domain::Viewer& viewer, const EventInfo& info);
// EventService::Cancel without its own session and transaction.
Result<Registration> CancelRegistration(soci::session& sql, const domain::Viewer& viewer, Id event_id, Id member_id,
                                        UnixTime now);
// VisitService::Transition ("accept", "decline", "cancel", "confirm") without
// its own session and transaction; the visit as stored (not projected).
Result<Visit> TransitionVisit(soci::session& sql, const domain::Viewer& viewer, model::Id visit_id,
                              const std::string& action, model::UnixTime starts_at, bool happened, model::UnixTime now);

}  // namespace verbinder::events::internal
