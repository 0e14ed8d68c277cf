// Calendar files for members: the invite of a registration (REQUEST while
// registered or waitlisted, CANCEL once cancelled), a personal feed behind a
// secret token (all one's events, scheduled meetings and agreed visits), and
// the public feed of upcoming public events.
//
//   CalendarService cal(db, clock);
//   auto token = cal.RotateFeedToken(anja);               // shown once
//   auto ics = cal.PersonalFeed(*token);                  // no sign-in needed
//
// Only a hash of the feed token is stored. Thread-safety: safe for concurrent use.
#pragma once

#include <string>

#include "domain/viewer.h"
#include "model/model.h"
#include "storage/database.h"
#include "util/clock.h"
#include "util/status.h"

namespace verbinder::events {

class CalendarService {
 public:
  CalendarService(storage::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // The invite of member's registration (the member themself or the event's
  // organizers). UID "registration-<event>-<member>@verbinder", SEQUENCE =
  // event revision + registration revision.
  Result<std::string> RegistrationInvite(const domain::Viewer& viewer, model::Id event_id, model::Id member_id);
  // A new feed secret for the viewer; the old one stops working.
  Result<std::string> RotateFeedToken(const domain::Viewer& viewer);
  // NotFound (same message for every wrong token) unless the token is current.
  Result<std::string> PersonalFeed(const std::string& token);
  Result<std::string> PublicFeed();

 private:
  storage::Database& db_;
  const Clock& clock_;
};

}  // namespace verbinder::events
