// Group tables for the borrel: the organizer defines a seating (tables of N
// for K rounds) and runs it; matching::Seat places the registered attendees
// who take part in the rounds so that every table mixes sectors, colleagues
// sit apart and nobody shares a table with the same people twice when it can
// be avoided. Accepted meeting requests weigh towards sharing a table. The
// result is a sheet per table and each attendee's table per round.
//
//   SeatingService seating(db, clock);
//   auto s = seating.Create(leader, event_id, {.title = "Borrel", .tables = 10, .table_size = 8, .rounds = 3});
//   auto plan = seating.Run(leader, s->id);          // replaces the previous plan
//   auto mine = seating.MyTables(anja, event_id);    // round 1: table 4 with ...
//
// Privacy: tablemates whose profile the viewer may not see are counted, not
// named ("+1 other").
// Thread-safety: safe for concurrent use; runs of one event serialise on the
// event row.
#pragma once

#include <string>
#include <vector>

#include "domain/viewer.h"
#include "events/events.h"
#include "storage/database.h"
#include "util/clock.h"
#include "util/status.h"

namespace verbinder::events {

struct Seating {
  Id id = 0;
  Id event_id = 0;
  std::string title;
  int tables = 0;          // 1..500
  int table_size = 0;      // seats per table, 2..50
  int rounds = 0;          // 1..12
  UnixTime seated_at = 0;  // last run, 0 = never
  // Quality of the last run (matching::SeatQuality).
  int repeats = 0;
  int colleague_conflicts = 0;
  int unseated = 0;
  double mean_distinct_sectors = 0;
};

struct SeatedPerson {
  Id member_id = 0;
  std::string name;  // empty when hidden from the viewer
  std::string sector;
  std::string organization;
};

struct SeatingTable {
  int round = 0;  // 1-based
  int table = 0;  // 1-based
  std::vector<SeatedPerson> people;
  int hidden = 0;  // seated people the viewer may not see
};

struct SeatingPlan {
  Seating seating;
  std::vector<SeatingTable> tables;  // by round, then table (only occupied tables)
  std::vector<SeatedPerson> unseated_people;
};

// One attendee's table in one round of one seating.
struct MyTable {
  Id seating_id = 0;
  std::string title;
  int round = 0;
  int table = 0;
  std::vector<SeatedPerson> tablemates;
  int hidden = 0;
};

Status ValidateSeating(const Seating& s);

class SeatingService {
 public:
  SeatingService(storage::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // Organizers of the event.
  Result<Seating> Create(const domain::Viewer& viewer, Id event_id, Seating seating);
  Result<std::vector<Seating>> List(const domain::Viewer& viewer, Id event_id);
  // Seats everyone now taking part (registered, not opted out of the rounds),
  // replacing the previous plan of this seating; each seated attendee is told.
  Result<SeatingPlan> Run(const domain::Viewer& viewer, Id seating_id);
  // The whole plan (organizers), for the per-table sheets.
  Result<SeatingPlan> Plan(const domain::Viewer& viewer, Id seating_id);
  // The viewer's tables at an event, by seating and round.
  Result<std::vector<MyTable>> MyTables(const domain::Viewer& viewer, Id event_id);

 private:
  storage::Database& db_;
  const Clock& clock_;
};

}  // namespace verbinder::events
