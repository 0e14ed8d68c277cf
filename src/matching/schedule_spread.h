// The spread pass of the scheduler (schedule.h, ScheduleInstance::spread):
// spreading a round's meetings over as many attendees as possible. The
// matching engine maximises the summed weight of the meetings, which on a big
// congress piles meetings onto the most-suggested attendees (2,000 people,
// 1,200 meetings: 599 people met anyone, 265 of them six times). An organizer
// wants the opposite order: as many attendees as possible get a first meeting
// before anyone gets another. SpreadMeetings is the pass after the weight passes that
// gives attendees without a meeting one, by exchanges that never take the
// last meeting from anybody:
//   add      u meets v in a slot both are free, at a free table;
//   replace  v's meeting with x (x keeps at least one other) becomes v with u;
//   bump     a meeting whose two people both keep another gives its table in
//            that slot to u and v;
//   swap     v is at their cap: v's meeting with x (x keeps another) goes,
//            u and v meet in a slot where both are free;
//   augment  v's meeting with x goes, u meets v and x meets w, who had none
//            (two more people, as an augmenting path in a matching).
// Meetings marked `must` (accepted requests) are never touched. Among the
// moves for u, covering two people beats one, then the one that loses the
// least weight, taking meetings from the people with the most first.
//
//   std::vector<Meeting> ms = meetings_after_the_weight_passes;
//   SpreadStats st = SpreadMeetings(inst, base_count, free_tables, ms);
//
// Schedule() runs it when the instance asks for it (base_count = each
// attendee's `held`, free_tables = TablesIn(slot)); it is public for its test.
//
// Thread-safety: a pure function.
#pragma once

#include <vector>

#include "matching/schedule.h"

namespace verbinder::matching {

struct SpreadStats {
  int covered_before = 0;  // attendees with at least one meeting (base included)
  int covered_after = 0;
  int moves = 0;
};

// `inst`: the engine's instance (availability, caps, candidate pairs,
// forbidden pairs). `base_count[i]`: meetings attendee i already holds
// outside `meetings` (kept ones; they make i covered and are never moved).
// `free_tables[s]`: tables of slot s not held by those; the meetings of slot
// s in `meetings` must fit in them. `meetings` is changed in place (tables of
// changed meetings are 0: the caller numbers tables) and stays feasible:
// availability, one meeting per person per slot, caps, each pair once.
SpreadStats SpreadMeetings(const ScheduleInstance& inst, const std::vector<int>& base_count,
                           const std::vector<int>& free_tables, std::vector<Meeting>& meetings);

}  // namespace verbinder::matching
