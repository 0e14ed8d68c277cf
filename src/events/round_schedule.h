// What the scheduler sees of a networking round: the engine instance
// (matching::ScheduleInstance) the server schedules, read in one query per
// table, plus what maps the engine's indices back to members, requests and
// displaced meetings. The server path is ReadRoundSchedule -> matching::Schedule
// -> the write step in rounds.cpp; RoundScheduleInstance gives organizers the
// same instance as JSON-ready input, so `verbinder schedule` on it gives the
// same meetings as the server.
//
//   VB_ASSIGN_OR_RETURN(auto inst, RoundScheduleInstance(db, clock, organizer, round_id));
//   json_io::ScheduleInstanceToJson(inst);   // -> verbinder schedule FILE.json
//
// Thread-safety: functions over the session or database they are given.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "domain/viewer.h"
#include "events/meetings.h"
#include "matching/schedule.h"
#include "notify/notifications.h"
#include "storage/database.h"
#include "util/clock.h"

namespace verbinder::events {

// Per candidate pair of the instance (same index as instance.pairs).
struct RoundCandidate {
  long long request_id = 0;  // the accepted request it comes from; 0 = none
  long long meeting_id = 0;  // the displaced meeting it re-places; 0 = none
  // Why, for the lower / higher member id, in both languages (issue #17: the
  // reader's language picks one when the schedule is shown; meetings.reason_a
  // holds the Dutch text, reason_a_en the English one, migration 0018).
  notify::Text reason_lo, reason_hi;
};

struct RoundSchedule {
  matching::ScheduleInstance instance;     // spread on; slot_tables = free tables
  std::vector<Id> people;                  // attendee index -> member
  std::vector<RoundCandidate> candidates;  // per instance pair
  // Per slot: the table numbers kept meetings leave free, ascending; the
  // engine's table k in slot s is free_tables[s][k - 1].
  std::vector<std::vector<int>> free_tables;
  struct Displaced {
    long long id = 0;
    Id a = 0, b = 0;
  };
  std::vector<Displaced> displaced;  // meetings to re-place or cancel
  std::map<Id, std::string> names;   // participants and people of existing meetings
  int kept = 0;                      // meetings left where they were
};

namespace internal {
// Reads the round's participants (with names), unavailability,
// existing meetings, accepted requests and suggestions: one query per table.
Result<RoundSchedule> ReadRoundSchedule(soci::session& sql, const Round& round, Id event_id);
}  // namespace internal

// The engine instance the server would schedule for the round now; only the
// event's organizers may read it (it names every participant).
Result<matching::ScheduleInstance> RoundScheduleInstance(storage::Database& db, const Clock& clock,
                                                         const domain::Viewer& viewer, Id round_id);

}  // namespace verbinder::events
