// The generator behind demo::GenerateNetwork() (generator.h), declared once for
// the two files that hold its passes: generator.cpp (sectors, communities and
// organizations, members, budgets, materialising the model records) and
// generator_ties.cpp (online ties, events and their tables, follow-ups,
// answers). Compact integer records while generating. Internal to the demo
// module; one Generator per call.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "demo/civil_time.h"
#include "demo/content.h"
#include "demo/generator.h"
#include "demo/random.h"

namespace verbinder::demo::internal {

using model::Id;
using model::InteractionKind;
using model::UnixTime;

// model::DefaultSectors() order: care, industry, government, education, finance, other.
inline constexpr int kSectors = 6;
inline constexpr int kCare = 0, kIndustry = 1, kGovernment = 2;
inline constexpr double kSectorShare[kSectors] = {0.30, 0.28, 0.12, 0.12, 0.10, 0.08};
inline constexpr UnixTime kDay = kSecondsPerDay;
inline constexpr UnixTime kInactiveGap = 200 * kDay;  // inactive members' last interaction is at least this old
inline constexpr int kTableSize = 6;
inline constexpr int kMaxSeatingPasses = 8;
// Online ties pick each endpoint uniformly with these probabilities and
// otherwise proportionally to current degree (preferential attachment); the
// lower they are, the heavier the degree tail.
inline constexpr double kUniformShareA = 0.3;
inline constexpr double kUniformShareB = 0.2;

// One ledger entry while generating: 24 bytes instead of model::Interaction's 80.
struct Entry {
  UnixTime at;
  uint32_t a;  // a < b
  uint32_t b;
  uint32_t event;  // 0 = none
  uint8_t kind;
  uint8_t b_asked;  // connected: the request came from b
};

// A table pair at an event: a candidate met_at_event entry.
struct Seat {
  uint32_t event_index;  // into events_
  uint32_t a;
  uint32_t b;
};

// Open-addressing set of unordered member pairs (keys never 0: ids start at 1).
class PairSet {
 public:
  explicit PairSet(size_t expected) {
    size_t cap = 16;
    while (cap < expected * 2) cap <<= 1;
    slots_.assign(cap, 0);
    mask_ = cap - 1;
  }
  bool Insert(uint32_t x, uint32_t y) {
    const uint64_t key = x < y ? (uint64_t{x} << 32 | y) : (uint64_t{y} << 32 | x);
    size_t i = Mix(key) & mask_;
    while (slots_[i] != 0) {
      if (slots_[i] == key) return false;
      i = (i + 1) & mask_;
    }
    slots_[i] = key;
    return true;
  }

 private:
  static uint64_t Mix(uint64_t x) {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
  }
  std::vector<uint64_t> slots_;
  size_t mask_ = 0;
};

// A set of active members to draw from: uniformly (members) or by degree
// (ends: one entry per tie endpoint, which makes attachment preferential).
struct Group {
  std::vector<uint32_t> members;
  std::vector<uint32_t> ends;
};

struct PlannedEvent {
  UnixTime starts_at = 0;
  model::EventKind kind = model::EventKind::kNetworkDrinks;
  int rounds = 1;
  int size = 0;
  int focal_community = 0;
  bool upcoming = false;
  bool overbooked = false;          // registrations exceed size (= capacity)
  std::vector<uint32_t> attendees;  // in registration order
};

// Generates one network from options: Run takes the named passes in order.
class Generator {
 public:
  explicit Generator(const GeneratorOptions& o)
      : opt_(o),
        rng_(o.seed),
        n_(static_cast<uint32_t>(o.members)),
        target_(o.interactions < 0 ? 10 * o.members : o.interactions),
        start_(o.now - o.history_days * kDay) {}

  model::Network Run(GeneratorStats* stats);

 private:
  bool Active(uint32_t m) const { return !isolated_[m]; }
  UnixTime Upper(uint32_t x, uint32_t y) const {
    const UnixTime latest = (inactive_[x] || inactive_[y]) ? opt_.now - kInactiveGap : opt_.now - 1;
    return std::max(start_ + 1, latest);
  }
  // A time in [start_, upper), denser towards the present (max of two uniforms).
  UnixTime TimeBefore(UnixTime upper) {
    const auto span = static_cast<uint64_t>(std::max<UnixTime>(1, upper - start_));
    return start_ + static_cast<UnixTime>(std::max(rng_.Below(span), rng_.Below(span)));
  }
  void Add(uint32_t x, uint32_t y, InteractionKind kind, UnixTime at, uint32_t event = 0, bool y_asked = false) {
    const uint32_t asker = y_asked ? y : x;
    Entry e{at, std::min(x, y), std::max(x, y), event, static_cast<uint8_t>(kind), 0};
    e.b_asked = static_cast<uint8_t>(asker == e.b);
    ledger_.push_back(e);
  }

  uint32_t PickFrom(const Group& g, double uniform_share) {
    if (g.ends.empty() || rng_.Chance(uniform_share)) return rng_.Pick(g.members);
    return rng_.Pick(g.ends);
  }

  // The passes, in the order Run takes them (generator.cpp, generator_ties.cpp).
  void AssignSectorsAndFlags();
  void BuildCommunitiesAndOrganizations();

  struct Community {
    int sector = 0;
    uint32_t city = 0;
    std::string_view sub;
  };
  uint32_t NewOrganization(const Community& comm);
  void BuildMembers();
  static int SectorOf(std::string_view key);
  void PlanBudgets();
  const Group& TargetGroup(uint32_t a);
  void DrawOnlineTies();
  void PlanEvents();
  UnixTime BorrelTime(const PlannedEvent& e);
  void SeatAndMeet();
  // A follow-up `days` after a source entry, never later than the pair allows.
  void FollowUp(const Entry& from, InteractionKind kind, int64_t min_days, int64_t max_days);
  std::pair<uint32_t, uint32_t> RandomPair();
  void FollowUps();
  void Answers();
  void Materialise();

  const GeneratorOptions opt_;
  Rng rng_;
  const uint32_t n_;
  int64_t target_;
  const UnixTime start_;
  model::Network net_;

  std::vector<uint8_t> sector_, isolated_, inactive_;  // index = member id
  std::vector<uint32_t> community_, org_;              // index = member id
  std::vector<Community> communities_;
  std::vector<std::string> org_domain_;    // index = organization id - 1
  std::vector<std::string_view> org_sub_;  // index = organization id - 1
  Id challenge_ids_ = 0;

  Group all_;
  std::array<Group, kSectors> groups_sector_;
  std::vector<Group> groups_community_;
  std::array<std::array<double, kSectors>, kSectors> mix_{};

  int64_t tie_attempts_ = 0;
  int64_t connected_ = 0, met_ = 0, meetings_ = 0, visits_ = 0;
  std::vector<Entry> ledger_;
  std::vector<std::pair<uint32_t, uint32_t>> ties_;
  std::vector<size_t> met_entries_;
  std::vector<PlannedEvent> events_;
};

}  // namespace verbinder::demo::internal
