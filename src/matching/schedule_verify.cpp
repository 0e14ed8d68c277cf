// Checks on the scheduler's input and output: ValidateScheduleInstance before
// the passes, VerifySchedule (every hard constraint) after the last one.
#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "matching/schedule.h"

namespace verbinder::matching {
namespace {

std::string Quote(const std::string& s) {
  return "\"" + s + "\"";
}

uint64_t PairKey(int a, int b) {
  if (a > b) std::swap(a, b);
  return (static_cast<uint64_t>(a) << 32) | static_cast<uint32_t>(b);
}

}  // namespace

Status ValidateScheduleInstance(const ScheduleInstance& inst) {
  const int n = static_cast<int>(inst.attendees.size());
  const int slots = static_cast<int>(inst.slots.size());
  if (slots < 1) return InvalidArgument("at least one slot is required", "slots");
  if (inst.tables < 1) return InvalidArgument("must be at least 1, got " + std::to_string(inst.tables), "tables");
  if (inst.max_meetings_per_person < 0) {
    return InvalidArgument("must be >= 0", "max_meetings_per_person");
  }
  for (int i = 0; i < n; ++i) {
    const ScheduleAttendee& a = inst.attendees[i];
    std::string where = "attendees[" + std::to_string(i) + "]";
    for (size_t k = 0; k < a.available.size(); ++k) {
      if (a.available[k] < 0 || a.available[k] >= slots) {
        return InvalidArgument("slot index " + std::to_string(a.available[k]) + " out of range",
                               where + ".available[" + std::to_string(k) + "]");
      }
    }
    if (a.max_meetings < -1) return InvalidArgument("must be >= 0", where + ".max_meetings");
    if (a.held < 0) return InvalidArgument("must be >= 0", where + ".held");
  }
  if (!inst.slot_tables.empty()) {
    if (inst.slot_tables.size() != inst.slots.size()) {
      return InvalidArgument(
          "needs one entry per slot (" + std::to_string(slots) + "), got " + std::to_string(inst.slot_tables.size()),
          "slot_tables");
    }
    for (size_t s = 0; s < inst.slot_tables.size(); ++s) {
      if (inst.slot_tables[s] < 0 || inst.slot_tables[s] > inst.tables) {
        return InvalidArgument("must be between 0 and tables (" + std::to_string(inst.tables) + ")",
                               "slot_tables[" + std::to_string(s) + "]");
      }
    }
  }
  std::unordered_map<uint64_t, size_t> seen;
  for (size_t k = 0; k < inst.pairs.size(); ++k) {
    const CandidatePair& c = inst.pairs[k];
    std::string where = "pairs[" + std::to_string(k) + "]";
    if (c.a < 0 || c.a >= n)
      return InvalidArgument("attendee index " + std::to_string(c.a) + " out of range", where + ".a");
    if (c.b < 0 || c.b >= n)
      return InvalidArgument("attendee index " + std::to_string(c.b) + " out of range", where + ".b");
    if (c.a == c.b) return InvalidArgument("an attendee cannot meet themselves", where + ".b");
    if (!std::isfinite(c.weight) || c.weight < 0) {
      return InvalidArgument("weight must be a finite number >= 0", where + ".weight");
    }
    auto [it, fresh] = seen.emplace(PairKey(c.a, c.b), k);
    if (!fresh) {
      return InvalidArgument("duplicate pair (first listed as pairs[" + std::to_string(it->second) + "])", where);
    }
  }
  for (size_t k = 0; k < inst.forbidden.size(); ++k) {
    auto [a, b] = inst.forbidden[k];
    std::string where = "forbidden[" + std::to_string(k) + "]";
    if (a < 0 || a >= n) return InvalidArgument("attendee index out of range", where + "[0]");
    if (b < 0 || b >= n) return InvalidArgument("attendee index out of range", where + "[1]");
  }
  return Status::Ok();
}

Status VerifySchedule(const ScheduleInstance& inst, const std::vector<Meeting>& meetings) {
  const int n = static_cast<int>(inst.attendees.size());
  const int slots = static_cast<int>(inst.slots.size());
  std::unordered_set<uint64_t> forbidden, met;
  for (auto [a, b] : inst.forbidden) forbidden.insert(PairKey(a, b));
  std::vector<int> count(n, 0);
  std::vector<std::vector<uint8_t>> busy(n, std::vector<uint8_t>(slots, 0));
  std::vector<std::vector<uint8_t>> table_used(slots, std::vector<uint8_t>(inst.tables + 1, 0));
  for (size_t k = 0; k < meetings.size(); ++k) {
    const Meeting& m = meetings[k];
    std::string where = "meeting " + std::to_string(k) + ": ";
    if (m.slot < 0 || m.slot >= slots) return Internal(where + "slot out of range");
    if (m.table < 1 || m.table > inst.TablesIn(m.slot)) return Internal(where + "table out of range");
    if (table_used[m.slot][m.table]) return Internal(where + "table used twice in a slot");
    table_used[m.slot][m.table] = 1;
    if (m.pair_index < 0 || m.pair_index >= static_cast<int>(inst.pairs.size())) {
      return Internal(where + "not a listed pair");
    }
    const CandidatePair& c = inst.pairs[m.pair_index];
    if (PairKey(c.a, c.b) != PairKey(m.a, m.b)) return Internal(where + "does not match its listed pair");
    if (forbidden.count(PairKey(m.a, m.b))) return Internal(where + "forbidden pair");
    if (!met.insert(PairKey(m.a, m.b)).second) return Internal(where + "pair meets twice");
    for (int person : {m.a, m.b}) {
      const ScheduleAttendee& a = inst.attendees[person];
      if (!a.available.empty() && std::find(a.available.begin(), a.available.end(), m.slot) == a.available.end()) {
        return Internal(where + Quote(a.id) + " is not available in the slot");
      }
      if (busy[person][m.slot]) return Internal(where + Quote(a.id) + " has two meetings in one slot");
      busy[person][m.slot] = 1;
      int cap = a.max_meetings >= 0 ? a.max_meetings : inst.max_meetings_per_person;
      if (++count[person] > cap) return Internal(where + Quote(a.id) + " exceeds their cap");
    }
  }
  return Status::Ok();
}

}  // namespace verbinder::matching
