// iCalendar (RFC 5545) output through libical: invites (METHOD:REQUEST, and
// METHOD:CANCEL on cancellation) for registrations, meetings and visits, and
// feeds (METHOD:PUBLISH). Every file carries a VTIMEZONE for each zone it
// uses (compact RRULE form, TZID = the IANA name), CRLF line ends and lines
// folded at 75 octets — libical does the folding and escaping.
//
//   CalEntry e{.uid = "registration-3-17@verbinder", .sequence = 2, .summary = "Congres",
//              .starts_at = t0, .ends_at = t1, .timezone = "Europe/Amsterdam"};
//   std::string ics = BuildCalendar(CalMethod::kRequest, {e}, clock.Now());
//
// UIDs are stable per thing (registration, meeting, visit); SEQUENCE must grow
// with every change the recipient should see (callers pass revisions).
// ORGANIZER and ATTENDEE are written as given: what a reader may learn about
// the people in a file (issue #15) is the caller's job — see
// internal::CalendarReader in calendar.h.
// Thread-safety: safe; libical calls are serialised internally.
#pragma once

#include <string>
#include <vector>

#include "model/model.h"

namespace verbinder::events {

enum class CalMethod { kPublish, kRequest, kCancel };
enum class CalStatus { kConfirmed, kTentative, kCancelled };
// ATTENDEE;PARTSTAT= (RFC 5545 3.2.12, the VEVENT values).
enum class CalPartStat { kNeedsAction, kAccepted, kDeclined, kTentative };
// ATTENDEE;ROLE= (RFC 5545 3.2.16).
enum class CalRole { kChair, kReqParticipant, kOptParticipant, kNonParticipant };

// An ORGANIZER or ATTENDEE. Its calendar address is mailto:<email>, else
// `uri` (e.g. "urn:uuid:…" for someone whose address the reader may not
// see); with neither the property is left out. `name` becomes CN (none when
// empty). ORGANIZER uses name and address only.
struct CalPerson {
  std::string name;
  std::string email;
  std::string uri;
  CalPartStat partstat = CalPartStat::kAccepted;
  CalRole role = CalRole::kReqParticipant;
  bool rsvp = false;  // RSVP=TRUE asks the reader's client to send a REPLY
};

struct CalEntry {
  std::string uid;
  int sequence = 0;
  std::string summary;
  std::string description;
  std::string location;
  model::UnixTime starts_at = 0;
  model::UnixTime ends_at = 0;
  std::string timezone = "Europe/Amsterdam";
  CalStatus status = CalStatus::kConfirmed;
  CalPerson organizer;  // no address = no ORGANIZER
  std::vector<CalPerson> attendees;
  std::string url;
};

// True when libical knows the IANA zone name (e.g. "Europe/Amsterdam").
bool IsKnownTimezone(const std::string& tzid);

// A complete VCALENDAR. `now` becomes DTSTAMP. Unknown zones fall back to UTC
// (callers validate zones on input).
std::string BuildCalendar(CalMethod method, const std::vector<CalEntry>& entries, model::UnixTime now,
                          const std::string& calendar_name = "");

}  // namespace verbinder::events
