#include "events/ical.h"

#include <cstdlib>
#include <mutex>
#include <set>

#include <libical/ical.h>

namespace verbinder::events {
namespace {

// libical 3.0 keeps the built-in zone cache in globals without a lock.
std::mutex& IcalMutex() {
  static std::mutex m;
  return m;
}

icaltimezone* Zone(const std::string& tzid) {
  if (tzid.empty() || tzid == "UTC") return nullptr;
  return icaltimezone_get_builtin_timezone(tzid.c_str());
}

// Local wall-clock time in `tz` (libical 3.0's icaltime_from_timet_with_zone
// leaves the zone marked UTC, which would print a wrong "Z" time).
icaltimetype LocalTime(model::UnixTime t, icaltimezone* tz) {
  icaltimetype v = icaltime_from_timet_with_zone(static_cast<time_t>(t), 0, tz ? tz : icaltimezone_get_utc_timezone());
  v.zone = tz ? tz : icaltimezone_get_utc_timezone();
  return v;
}

icalproperty* TimeProperty(icalproperty* p, const std::string& tzid, icaltimezone* tz) {
  if (tz) icalproperty_add_parameter(p, icalparameter_new_tzid(tzid.c_str()));
  return p;
}

// mailto:<email>, else the given URI, else "" (then the property is left out).
std::string Address(const CalPerson& who) {
  return who.email.empty() ? who.uri : "mailto:" + who.email;
}

icalproperty* Person(icalproperty* p, const CalPerson& who) {
  if (!who.name.empty()) icalproperty_add_parameter(p, icalparameter_new_cn(who.name.c_str()));
  return p;
}

icalparameter_partstat PartStat(CalPartStat s) {
  switch (s) {
    case CalPartStat::kNeedsAction:
      return ICAL_PARTSTAT_NEEDSACTION;
    case CalPartStat::kAccepted:
      return ICAL_PARTSTAT_ACCEPTED;
    case CalPartStat::kDeclined:
      return ICAL_PARTSTAT_DECLINED;
    case CalPartStat::kTentative:
      return ICAL_PARTSTAT_TENTATIVE;
  }
  return ICAL_PARTSTAT_NEEDSACTION;
}

icalparameter_role Role(CalRole r) {
  switch (r) {
    case CalRole::kChair:
      return ICAL_ROLE_CHAIR;
    case CalRole::kReqParticipant:
      return ICAL_ROLE_REQPARTICIPANT;
    case CalRole::kOptParticipant:
      return ICAL_ROLE_OPTPARTICIPANT;
    case CalRole::kNonParticipant:
      return ICAL_ROLE_NONPARTICIPANT;
  }
  return ICAL_ROLE_REQPARTICIPANT;
}

// The zone's VTIMEZONE in the compact RRULE form, TZID renamed to the IANA name.
icalcomponent* VTimezone(const std::string& tzid, icaltimezone* tz, model::UnixTime from) {
  icalcomponent* vtz = icalcomponent_new_clone(icaltimezone_get_component(tz));
  icaltimetype start = icaltime_from_timet_with_zone(static_cast<time_t>(from), 0, icaltimezone_get_utc_timezone());
  icaltimezone_truncate_vtimezone(vtz, start, icaltime_null_time(), 1);
  if (icalproperty* p = icalcomponent_get_first_property(vtz, ICAL_TZID_PROPERTY))
    icalproperty_set_tzid(p, tzid.c_str());
  return vtz;
}

}  // namespace

bool IsKnownTimezone(const std::string& tzid) {
  if (tzid == "UTC") return true;
  if (tzid.empty() || tzid.size() > 64) return false;
  std::lock_guard<std::mutex> lock(IcalMutex());
  return Zone(tzid) != nullptr;
}

std::string BuildCalendar(CalMethod method, const std::vector<CalEntry>& entries, model::UnixTime now,
                          const std::string& calendar_name) {
  std::lock_guard<std::mutex> lock(IcalMutex());
  icalcomponent* cal = icalcomponent_new(ICAL_VCALENDAR_COMPONENT);
  icalcomponent_add_property(cal, icalproperty_new_prodid("-//verbinder//verbinder 0.1//EN"));
  icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
  icalcomponent_add_property(cal, icalproperty_new_calscale("GREGORIAN"));
  icalcomponent_add_property(cal, icalproperty_new_method(method == CalMethod::kRequest  ? ICAL_METHOD_REQUEST
                                                          : method == CalMethod::kCancel ? ICAL_METHOD_CANCEL
                                                                                         : ICAL_METHOD_PUBLISH));
  if (!calendar_name.empty()) {
    icalproperty* p = icalproperty_new_x(calendar_name.c_str());
    icalproperty_set_x_name(p, "X-WR-CALNAME");
    icalcomponent_add_property(cal, p);
  }
  // One VTIMEZONE per zone used, covering from a year before the earliest entry.
  std::set<std::string> zones;
  model::UnixTime earliest = now;
  for (const auto& e : entries) {
    if (Zone(e.timezone)) zones.insert(e.timezone);
    if (e.starts_at < earliest) earliest = e.starts_at;
  }
  for (const auto& z : zones) icalcomponent_add_component(cal, VTimezone(z, Zone(z), earliest - 366 * 86400));

  const icaltimetype stamp =
      icaltime_from_timet_with_zone(static_cast<time_t>(now), 0, icaltimezone_get_utc_timezone());
  for (const auto& e : entries) {
    icaltimezone* tz = Zone(e.timezone);
    icalcomponent* ev = icalcomponent_new(ICAL_VEVENT_COMPONENT);
    icalcomponent_add_property(ev, icalproperty_new_uid(e.uid.c_str()));
    icalcomponent_add_property(ev, icalproperty_new_sequence(e.sequence));
    icalcomponent_add_property(ev, icalproperty_new_dtstamp(stamp));
    icalcomponent_add_property(ev, TimeProperty(icalproperty_new_dtstart(LocalTime(e.starts_at, tz)), e.timezone, tz));
    icalcomponent_add_property(ev, TimeProperty(icalproperty_new_dtend(LocalTime(e.ends_at, tz)), e.timezone, tz));
    icalcomponent_add_property(ev, icalproperty_new_summary(e.summary.c_str()));
    if (!e.description.empty()) icalcomponent_add_property(ev, icalproperty_new_description(e.description.c_str()));
    if (!e.location.empty()) icalcomponent_add_property(ev, icalproperty_new_location(e.location.c_str()));
    if (!e.url.empty()) icalcomponent_add_property(ev, icalproperty_new_url(e.url.c_str()));
    icalcomponent_add_property(ev,
                               icalproperty_new_status(method == CalMethod::kCancel || e.status == CalStatus::kCancelled
                                                           ? ICAL_STATUS_CANCELLED
                                                       : e.status == CalStatus::kTentative ? ICAL_STATUS_TENTATIVE
                                                                                           : ICAL_STATUS_CONFIRMED));
    icalcomponent_add_property(ev, icalproperty_new_transp(ICAL_TRANSP_OPAQUE));
    if (const std::string org = Address(e.organizer); !org.empty())
      icalcomponent_add_property(ev, Person(icalproperty_new_organizer(org.c_str()), e.organizer));
    for (const auto& a : e.attendees) {
      const std::string addr = Address(a);
      if (addr.empty()) continue;
      icalproperty* p = Person(icalproperty_new_attendee(addr.c_str()), a);
      icalproperty_add_parameter(p, icalparameter_new_cutype(ICAL_CUTYPE_INDIVIDUAL));
      icalproperty_add_parameter(p, icalparameter_new_role(Role(a.role)));
      icalproperty_add_parameter(p, icalparameter_new_partstat(PartStat(a.partstat)));
      icalproperty_add_parameter(p, icalparameter_new_rsvp(a.rsvp ? ICAL_RSVP_TRUE : ICAL_RSVP_FALSE));
      icalcomponent_add_property(ev, p);
    }
    icalcomponent_add_component(cal, ev);
  }
  char* text = icalcomponent_as_ical_string_r(cal);
  std::string out = text ? text : "";
  std::free(text);
  icalcomponent_free(cal);
  return out;
}

}  // namespace verbinder::events
