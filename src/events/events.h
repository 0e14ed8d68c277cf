// Events and registration: congresses, inspiration sessions and network
// drinks with organizers and a programme; registration with capacity, a
// first-come-first-served waitlist that is promoted on cancellation, a
// registration deadline; check-in at the door (per-registration code or name
// search) that records attendance — presence, never a tie (encounters.h holds
// the evidence that two people met); and the notifications these changes produce.
//
//   EventService events(db, clock);
//   auto ev = events.Create(organizer, info);                 // validated
//   auto reg = events.Register(anja, ev->event.id, anja.member_id);
//   reg->status;                                             // registered or waitlisted
//   events.Cancel(anja, ev->event.id, anja.member_id);       // promotes the first waiting
//   events.CheckIn(organizer, ev->event.id, reg->checkin_code);
//
// Registration never overbooks: every change to an event's queue first takes
// a write lock on the event row (an UPDATE as the first statement of the
// transaction: SQLite's write lock, PostgreSQL's row lock), so concurrent
// registrations for the last seat serialise.
//
// Thread-safety: safe for concurrent use; each call borrows its own session.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/members.h"
#include "domain/viewer.h"
#include "model/model.h"
#include "storage/database.h"
#include "util/clock.h"
#include "util/status.h"

namespace soci {
class session;
}

namespace verbinder::events {

using model::Id;
using model::UnixTime;

struct ProgrammeItem {
  Id id = 0;
  std::string title;
  std::string description;
  UnixTime starts_at = 0;
  UnixTime ends_at = 0;
  std::string room;
};

struct EventInfo {
  model::Event event;
  bool is_public = true;         // listed in the public calendar feed
  int64_t request_ttl = 172800;  // seconds a meeting request stays pending
  int revision = 0;              // bumped on every change (iCalendar SEQUENCE)
  std::vector<Id> organizers;    // members who run it (besides all organizers)
  std::vector<ProgrammeItem> programme;
  int registered = 0;  // read-only counts
  int waitlisted = 0;
};

enum class RegistrationStatus { kRegistered, kWaitlisted, kCancelled };
std::string_view ToString(RegistrationStatus s);

struct Registration {
  Id id = 0;
  Id event_id = 0;
  Id member_id = 0;
  std::string member_name;  // filled on reads
  RegistrationStatus status = RegistrationStatus::kRegistered;
  int waitlist_position = 0;    // 1-based when waitlisted, else 0
  std::string checkin_code;     // only for the member themself and organizers
  UnixTime checked_in_at = 0;   // 0 = not checked in
  bool rounds_opt_out = false;  // opted out of the networking rounds
  int revision = 0;
  UnixTime created_at = 0;
  UnixTime updated_at = 0;
};

struct EventFilter {
  bool upcoming_only = false;  // ends after now
  bool public_only = false;
  int limit = domain::kDefaultPageSize;
  int offset = 0;
};

struct Notification {
  Id id = 0;
  Id member_id = 0;
  std::string kind;  // "waitlist_promoted", "meeting_request", ...
  std::string text;
  std::string ref;  // "event:3", "meeting_request:12", ...
  UnixTime created_at = 0;
  UnixTime read_at = 0;
};

// Validates an event (all fields, programme items, organizers' existence is
// checked by the service). Field names match the JSON ("starts_at",
// "programme[1].ends_at").
Status ValidateEvent(EventInfo& info);

class EventService {
 public:
  EventService(storage::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // Organizers only. Returns the stored event with ids.
  Result<EventInfo> Create(const domain::Viewer& viewer, EventInfo info);
  // Replaces the editable fields of event `info.event.id` (organizers).
  // Capacity below the current number of registered members is a Conflict;
  // more capacity promotes the waitlist. Bumps the revision.
  Result<EventInfo> Update(const domain::Viewer& viewer, EventInfo info);
  Result<EventInfo> Get(const domain::Viewer& viewer, Id event_id);
  Result<domain::Page<EventInfo>> List(const domain::Viewer& viewer, const EventFilter& filter);

  // Registers `member_id` (the viewer, or anyone when the viewer organizes).
  // Full → waitlisted. Conflict when already registered or waitlisted, after
  // the deadline, or when the event has ended. A cancelled registration can
  // register again (at the end of the queue).
  Result<Registration> Register(const domain::Viewer& viewer, Id event_id, Id member_id);
  // Cancels; when a seat frees up, the first on the waitlist is promoted and
  // notified. Returns the cancelled registration.
  Result<Registration> Cancel(const domain::Viewer& viewer, Id event_id, Id member_id);
  // The viewer's own registration (NotFound when none).
  Result<Registration> MyRegistration(const domain::Viewer& viewer, Id event_id);
  // Opt out of (or back into) the networking rounds.
  Result<Registration> SetRoundsOptOut(const domain::Viewer& viewer, Id event_id, bool opt_out);

  // Organizers: every registration (any status filter), in queue order, with
  // codes. Registered attendees: the registered attendees they may see,
  // without codes. Others: PermissionDenied.
  Result<domain::Page<Registration>> Registrations(const domain::Viewer& viewer, Id event_id,
                                                   std::optional<RegistrationStatus> status,
                                                   const std::string& name_query, int limit, int offset);

  // Check-in by code (organizers). Records attendance (checked_in_at) and
  // nothing else: one row, however many are inside. Conflict when already
  // checked in or not registered; NotFound for an unknown code.
  Result<Registration> CheckIn(const domain::Viewer& viewer, Id event_id, const std::string& code);
  // Check-in by registration id (after a name search).
  Result<Registration> CheckInRegistration(const domain::Viewer& viewer, Id event_id, Id registration_id);

  // May the viewer manage this event (organizer role or listed organizer)?
  bool CanManage(const domain::Viewer& viewer, const EventInfo& info) const;
  // Is the member registered (status registered) for the event?
  Result<bool> IsRegistered(Id event_id, Id member_id);

  // The viewer's notifications, newest first.
  Result<domain::Page<Notification>> Notifications(const domain::Viewer& viewer, int limit, int offset);

 private:
  Result<Registration> DoCheckIn(const domain::Viewer& viewer, Id event_id, const std::string& code, Id reg_id);

  storage::Database& db_;
  const Clock& clock_;
};

// Shared by the events services (inside an open transaction).
namespace internal {
// `counts`: also count registered and waitlisted (a scan of the event's registrations).
Result<EventInfo> LoadEvent(soci::session& sql, Id event_id, bool counts = true);
// Locks the event row for the rest of the transaction (see the header note).
void LockEvent(soci::session& sql, Id event_id);
std::string MemberName(soci::session& sql, Id member_id);
// A fresh check-in code "VB-XXXX-XXXX-XXXX" (48 random bits).
std::string NewCheckinCode();
}  // namespace internal

}  // namespace verbinder::events
