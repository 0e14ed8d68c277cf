// The synthetic network generator behind `verbinder generate`: networks of any
// size with a realistic shape, for benchmarks and load tests. Builds in memory
// only; storage persists the result.
//
//   demo::GeneratorOptions opt;
//   opt.members = 100'000;            // interactions default to 10 × members
//   opt.seed = 7;
//   if (auto st = demo::ValidateGeneratorOptions(opt); !st.ok()) ...;
//   model::Network net = demo::GenerateNetwork(opt);
//
// Shape: sectors with skewed sizes (care and industry largest); members grouped
// into regional communities per sector, each with organizations; online ties
// drawn stochastic-block-model style (mostly within community, then sector,
// rarely across; government mostly to itself) with preferential attachment, so
// degrees are heavy-tailed; past events whose attendees meet at tables of six;
// follow-up meetings and visits; answers to questions, mostly across sectors;
// a few isolated and inactive members; upcoming events with registrations.
//
// Deterministic by seed on every platform (see random.h). 100,000 members and
// 1,000,000 interactions take about 2 s of CPU and 290 MB peak on one core
// (bench/platform/generate_bench.cpp; most of it allocating the model records).
// Thread-safety: pure function.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/model.h"
#include "util/status.h"

namespace verbinder::demo {

struct GeneratorOptions {
  int64_t members = 1000;     // N, exact; 1 .. kMaxGeneratedMembers
  int64_t interactions = -1;  // exact ledger size; -1 = 10 × members. 0 .. kMaxGeneratedInteractions
  uint64_t seed = 1;
  int64_t events = -1;          // past events; -1 = enough for the met_at_event share (≈ one per 250 such entries)
  int64_t upcoming_events = 2;  // future events with registrations (the first one over capacity)
  model::UnixTime now =
      1794740400;              // reference "now" (default = demo::kDemoNow); everything generated is relative to it
  int64_t history_days = 730;  // the ledger spans [now - history_days, now)
  double isolated_fraction = 0.02;  // members with no interactions, connections or attendance
  double inactive_fraction = 0.08;  // members whose interactions all lie > 6 months before now
  bool with_text = true;            // bios, expertise and challenges (false: names, titles and e-mails only)
};

inline constexpr int64_t kMaxGeneratedMembers = 10'000'000;
inline constexpr int64_t kMaxGeneratedInteractions = 100'000'000;

// Ledger composition (share of `interactions`; the rest is answered):
// connected 55%, met_at_event 16%, meeting_held 5%, visit_held 2%, answered ≥ 22%.
// Online ties are distinct pairs; when the pair space is too small for them,
// the surplus becomes answered entries.
inline constexpr double kConnectedShare = 0.55;
inline constexpr double kMetAtEventShare = 0.16;
inline constexpr double kMeetingShare = 0.05;
inline constexpr double kVisitShare = 0.02;

// Where the time went, for benchmarks: each named pass with its wall-clock
// seconds, in order, and how many pair draws the online-tie pass needed.
struct GeneratorStats {
  struct Pass {
    std::string name;
    double seconds = 0;
  };
  std::vector<Pass> passes;
  int64_t tie_attempts = 0;
};

// kInvalidArgument naming the offending field ("members", "interactions",
// "events", "upcoming_events", "history_days", "isolated_fraction",
// "inactive_fraction") when out of range.
Status ValidateGeneratorOptions(const GeneratorOptions& options);

// Builds a network. Requires ValidateGeneratorOptions(options).ok().
//
// Contract (checked by generator_test.cpp; same as the demo's, see
// network_checks.h):
// - members.size() == members; interactions.size() == interactions whenever at
//   least two members are active (members ≥ 2), else 0;
// - ids are 1-based positions; interactions sorted by time with a < b;
//   every kind occurs once interactions ≥ 50;
// - sources: every ledger entry has source "generate"; met_at_event entries
//   carry event_id. Connections: exactly one accepted Connection per kConnected
//   entry, numbered in ledger order (the k-th kConnected entry is connection k,
//   from = the member who asked);
// - e-mails are unique: "<first>.<last>.<id>@<organization>.example";
// - attendance: past events = attended; upcoming events = registrations in
//   registration order, positions ≥ capacity being the waitlist. Events are
//   numbered in time order, past first.
model::Network GenerateNetwork(const GeneratorOptions& options, GeneratorStats* stats = nullptr);

}  // namespace verbinder::demo
