// Print-friendly HTML for when the venue's Wi-Fi or a phone battery fails: a
// personal schedule (slot, table, whom, why, and the group tables), every
// attendee's schedule (one per page), a sheet per table and the door list.
// Pure functions over records; every text from users is HTML-escaped; times are
// shown in Europe/Amsterdam. Languages: "nl" and "en" (the caller picks).
//
//   std::string html = PersonalScheduleHtml(info, "Anja de Vries", meetings, tables, "nl");
//
// Thread-safety: pure.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "events/events.h"
#include "events/meetings.h"
#include "events/seating.h"
#include "util/strings.h"  // HtmlEscape, for the pages built from these parts

namespace verbinder::events {

// "za 14 nov 2026 10:30" in Europe/Amsterdam ("Sat 14 Nov 2026 10:30" in English).
std::string AmsterdamDateTime(UnixTime t, const std::string& lang);
// "10:30" in Europe/Amsterdam.
std::string AmsterdamClock(UnixTime t);

// `meetings` carry the person's own `why`; `viewer_id` picks the other side.
std::string PersonalScheduleHtml(const EventInfo& info, Id viewer_id, const std::string& name,
                                 const std::vector<ScheduledMeeting>& meetings, const std::vector<MyTable>& tables,
                                 const std::string& lang);
std::string AllSchedulesHtml(const EventInfo& info, const std::vector<PersonSchedule>& people, const std::string& lang);
// Per table: its 1:1 meetings by slot (all rounds), then its group-table guests by
// round. `sector_labels` maps a sector key to its label in `lang` (a key without
// one is shown as it is).
std::string TableSheetsHtml(const EventInfo& info, const std::vector<ScheduledMeeting>& meetings,
                            const std::vector<SeatingPlan>& seatings, const std::string& lang,
                            const std::map<std::string, std::string>& sector_labels = {});
// The door list: every registered attendee's name, check-in code and whether
// they are inside (for the organizers at the entrance).
std::string DoorListHtml(const EventInfo& info, const std::vector<Registration>& registered, const std::string& lang);

}  // namespace verbinder::events
