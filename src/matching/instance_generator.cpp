#include "matching/instance_generator.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <unordered_set>

namespace verbinder::matching {
namespace {

// Portable helpers over the raw engine output.
class Rng {
 public:
  explicit Rng(uint64_t seed) : engine_(seed) {}
  uint64_t Next() { return engine_(); }
  int Below(int n) { return static_cast<int>(Next() % static_cast<uint64_t>(n)); }
  double Unit() { return (Next() >> 11) * (1.0 / 9007199254740992.0); }

 private:
  std::mt19937_64 engine_;
};

uint64_t PairKey(int a, int b) {
  if (a > b) std::swap(a, b);
  return (static_cast<uint64_t>(a) << 32) | static_cast<uint32_t>(b);
}

const char* const kSectors[] = {"care", "industry", "government", "education", "finance", "logistics"};

}  // namespace

ScheduleInstance GenerateScheduleInstance(const ScheduleGeneratorParams& params) {
  Rng rng(params.seed);
  ScheduleInstance inst;
  const int n = params.attendees;
  for (int s = 0; s < params.slots; ++s) inst.slots.push_back("s" + std::to_string(s + 1));
  inst.max_meetings_per_person = params.max_meetings_per_person;
  inst.tables = std::max(
      1, static_cast<int>(std::ceil(params.table_factor * n * params.max_meetings_per_person / 2.0 / params.slots)));
  for (int i = 0; i < n; ++i) {
    ScheduleAttendee a;
    a.id = "a" + std::to_string(i + 1);
    a.sector = kSectors[rng.Below(6)];
    a.organization = "o" + std::to_string(rng.Below(std::max(1, n / 4)) + 1);
    if (rng.Unit() < params.partial_availability) {
      for (int s = 0; s < params.slots; ++s) {
        if (rng.Unit() < 0.7) a.available.push_back(s);
      }
      if (a.available.empty()) a.available.push_back(rng.Below(params.slots));
    }
    if (rng.Unit() < params.individual_cap) a.max_meetings = 1 + rng.Below(params.max_meetings_per_person + 2);
    inst.attendees.push_back(std::move(a));
  }
  std::unordered_set<uint64_t> seen;
  const int per_person = std::max(1, params.candidates_per_attendee / 2);
  for (int i = 0; i < n; ++i) {
    for (int k = 0; k < per_person; ++k) {
      int j = rng.Below(n);
      if (j == i || !seen.insert(PairKey(i, j)).second) continue;
      // Cross-sector pairs are worth more, as the relevance engine scores them.
      double u = rng.Unit();
      double w = 0.1 + 0.7 * u * u + (inst.attendees[i].sector != inst.attendees[j].sector ? 0.2 : 0.0);
      CandidatePair c;
      c.a = i;
      c.b = j;
      c.weight = std::round(w * 1000) / 1000;
      c.must = rng.Unit() < params.must_share;
      if (c.must) c.weight = std::round((0.7 + 0.3 * rng.Unit()) * 1000) / 1000;  // accepted requests are valued
      if (rng.Unit() < params.forbidden_share) inst.forbidden.push_back({i, j});
      inst.pairs.push_back(c);
    }
  }
  return inst;
}

SeatInstance GenerateSeatInstance(const SeatGeneratorParams& params) {
  Rng rng(params.seed);
  SeatInstance inst;
  inst.rounds = params.rounds;
  for (int t = 0; t < params.tables; ++t) inst.tables.push_back({"T" + std::to_string(t + 1), params.capacity});
  for (int i = 0; i < params.attendees; ++i) {
    // Skewed sector mix: care and industry are the largest, as in the demo network.
    int sector = static_cast<int>(std::floor(std::pow(rng.Unit(), 1.6) * params.sectors));
    inst.attendees.push_back({"a" + std::to_string(i + 1),
                              params.sectors <= 6 ? kSectors[sector] : "sector" + std::to_string(sector),
                              "o" + std::to_string(rng.Below(params.organizations) + 1)});
  }
  std::unordered_set<uint64_t> seen;
  for (int k = 0; k < params.weighted_pairs; ++k) {
    int a = rng.Below(params.attendees), b = rng.Below(params.attendees);
    if (a == b || !seen.insert(PairKey(a, b)).second) continue;
    inst.pairs.push_back({a, b, std::round(rng.Unit() * 1000) / 1000});
  }
  return inst;
}

}  // namespace verbinder::matching
