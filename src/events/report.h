// The event-yield report for organizers: who came (registered vs checked in,
// the no-shows by name), which meetings happened (held vs scheduled, by the
// participants' feedback), how useful they were (1-5), and how many new real
// ties the event made (pairs who had never met face to face before it).
//
//   ReportService reports(db, clock);
//   auto r = reports.Yield(leader, event_id);
//   r->checked_in; r->meetings_held; r->new_ties_from_meetings;
//
// Thread-safety: safe for concurrent use (read-only).
#pragma once

#include <array>
#include <string>
#include <vector>

#include "domain/viewer.h"
#include "events/events.h"
#include "storage/database.h"
#include "util/clock.h"
#include "util/status.h"

namespace verbinder::events {

struct NoShow {
  Id member_id = 0;
  std::string name;
};

struct EventYield {
  Id event_id = 0;
  // Attendance.
  int registered = 0;  // status registered (at the door or not)
  int waitlisted = 0;
  int cancelled = 0;
  int checked_in = 0;
  int no_shows = 0;                  // registered, not checked in
  std::vector<NoShow> no_show_list;  // names the viewer may see, by name (first 500)
  // Meetings of the networking rounds.
  int meetings_scheduled = 0;  // status scheduled
  int meetings_held = 0;       // at least one participant said it happened
  int meetings_not_held = 0;   // feedback only "did not happen"
  int meetings_without_feedback = 0;
  // "Was it useful": ratings 1-5 of the participants.
  int feedback_count = 0;
  int rated = 0;
  double mean_usefulness = 0;       // over rated feedback, 0 when none
  std::array<int, 5> usefulness{};  // count per rating 1..5
  // New real ties: pairs whose first face-to-face interaction is at this event.
  int new_ties_from_meetings = 0;  // a held meeting
  int new_ties_met_at_event = 0;   // an encounter both confirmed or a shared small table (met_at_event)
};

class ReportService {
 public:
  ReportService(storage::Database& db, const Clock& clock) : db_(db), clock_(clock) {}
  // The event's organizers only.
  Result<EventYield> Yield(const domain::Viewer& viewer, Id event_id);

 private:
  storage::Database& db_;
  const Clock& clock_;
};

}  // namespace verbinder::events
