// The leader's view of the network: one call runs the analysis pipeline over
// the input (build graph → components → k-core → betweenness → local structure
// → group measures → communities → ledger findings → co-attendance →
// suggestions → verify) and returns a Report in the shape of issue 5's JSON,
// plus the graph it ran on.
//
// Ties come from tie rows (the ledger, ties.csv). Attendance is co-attendance:
// reported in Report::co_attendance, never a tie, never real — unless
// AnalysisOptions::with_attendance asks for the old projection (issue 14).
//
//   AnalysisOptions options;
//   options.real_only = true;                    // only ties that met face to face
//   options.as_of = *ParseDay("2025-06-30");     // the network as it was then
//   Result<Analysis> a = Analyze(input, options);
//   if (!a) return a.status();
//   std::string json = ReportToJson(a->report).dump();
//
// Communities (Leiden, single-threaded) are computed beside the betweenness,
// local-structure and group passes, and the map layout (if asked for) beside
// all passes; the "communities" and "layout" records hold their own time, so
// the pass times may add up to more than the wall time.
// Each pass is named, timed (Report::passes) and can be switched off
// (AnalysisOptions::skip); its outputs are then NaN/empty. The passes run on
// the shared util::PassRunner, so AnalysisOptions::stop interrupts them. The verify pass
// checks the invariants of the result and fails with kInternal if one breaks.
// Thread-safety: Analyze is reentrant (no shared mutable state); an Analysis is
// immutable once returned.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <stop_token>
#include <string>
#include <vector>

#include "analysis/co_attendance.h"
#include "analysis/graph.h"
#include "analysis/input.h"
#include "analysis/layout.h"
#include "analysis/structure.h"
#include "util/clock.h"
#include "util/status.h"

namespace verbinder::analysis {

enum class BetweennessMode { kAuto, kExact, kApproximate };

struct AnalysisOptions {
  bool real_only = false;  // metrics on face-to-face ties only
  Day as_of = kNoDate;     // the network as of this day (kNoDate = everything)
  // Also count co-attendance as ties (GraphOptions::with_attendance): metrics,
  // real_tie_share and event yield then treat every pair at an event as having
  // met there, as before issue 14. Off: attendance only feeds co_attendance.
  bool with_attendance = false;
  int fading_days = 180;  // a member fades after this long without interaction
  BetweennessMode betweenness = BetweennessMode::kAuto;
  int32_t exact_betweenness_limit = 20000;  // kAuto: exact up to this many members
  double approx_epsilon = 0.005;            // approximate betweenness: additive error (R–K scale)
  double approx_delta = 0.1;                // ... with probability >= 1 - delta
  int threads = 0;                          // 0 = all cores
  uint64_t seed = 42;                       // communities and sampling are deterministic per seed
  int max_introductions = 50;
  int max_invites = 25;
  // Also lay out the map (ComputeLayout with seed 1, as the CLI's --map does):
  // it needs only the graph, so it runs beside the passes from the start and
  // fills the cores the single-threaded stretches leave idle. Recorded as the
  // pass "layout" (its own duration); Analysis::layout holds it.
  bool layout = false;
  std::set<std::string> skip;  // pass names to switch off (see kPassNames)
  // A requested stop skips the remaining passes (and ends the long ones early);
  // Analyze then returns kUnavailable instead of a partial result.
  std::stop_token stop;
  const Clock* clock = nullptr;  // pass timings; nullptr = the system clock
};

inline constexpr const char* kPassNames[] = {"components",  "core",          "betweenness", "local_structure",
                                             "groups",      "communities",   "online_only", "fading",
                                             "event_yield", "co_attendance", "suggestions"};

struct MemberMetrics {
  std::string id;
  int32_t degree = 0;
  double strength = 0;
  double betweenness = 0;
  int32_t core = 0;
  int32_t community = 0;
  double constraint = 0;      // NaN for isolated members
  double effective_size = 0;  // NaN for isolated members
  Brokerage brokerage;
};

struct SectorValue {
  std::string sector;
  double value = 0;
};

struct NetworkSummary {
  int32_t members = 0;
  int64_t ties = 0;
  double density = 0;
  int32_t components = 0;
  double modularity = 0;
  int32_t communities = 0;
  double ei_index = 0;
  std::vector<SectorValue> sector_ei;
  double sector_assortativity = 0;
  double real_tie_share = 0;
  std::vector<std::string> isolated;
};

struct Introduction {
  std::string a;
  std::string b;
  std::string via;  // the mutual contact who can make the introduction warm
  double score = 0;
  std::string reason;
};

struct Invite {
  std::string id;
  std::string reason;
};

struct Suggestions {
  std::vector<Introduction> introductions;  // best first
  std::vector<Invite> invite;               // most urgent first
};

// Ties between two sectors (sector_a <= sector_b) that exist online but never met face to face.
struct OnlineOnlyPair {
  std::string sector_a;
  std::string sector_b;
  int64_t ties = 0;
  int64_t real = 0;
  int64_t online_only = 0;
};

struct FadingMember {
  std::string id;
  Day last_active = kNoDate;
  int32_t days_inactive = 0;
};

// New ties come from tie rows dated at the event (ledger interactions); being
// there together is not meeting there (unless with_attendance).
struct EventYield {
  std::string event;
  Day date = kNoDate;         // earliest dated interaction/attendance of the event
  int32_t attendees = 0;      // distinct members with an interaction or attendance there
  int64_t interactions = 0;   // tie rows at the event
  int64_t new_ties = 0;       // pairs whose first interaction ever was at this event
  int64_t new_real_ties = 0;  // pairs who first met face to face here
  int64_t new_cross_sector_real_ties = 0;
};

struct PassTiming {
  std::string name;
  double seconds = 0;
  bool ran = true;
};

struct BetweennessInfo {
  bool exact = true;
  int64_t samples = 0;
  double guarantee = 0;  // max abs error w.p. >= 1 - delta (0 when exact)
  double delta = 0;
};

struct Report {
  NetworkSummary network;
  std::vector<MemberMetrics> members;  // input order
  Suggestions suggestions;
  std::vector<OnlineOnlyPair> online_only;  // on all ties, even with real_only
  std::vector<FadingMember> fading;         // longest inactive first
  std::vector<EventYield> events;
  // Who attended events together, against the ties (see co_attendance.h);
  // empty when the co_attendance pass was switched off.
  std::optional<CoAttendance> co_attendance;
  BetweennessInfo betweenness;
  std::vector<PassTiming> passes;
};

struct Analysis {
  Graph graph;  // the graph the metrics ran on (after real_only / as_of)
  Report report;
  std::optional<Layout> layout;  // with AnalysisOptions::layout: the map's positions
};

// Runs the pipeline. Errors: those of BuildGraph (unknown ids, self-loops), an
// unknown pass name in options.skip (InvalidArgument), a broken invariant (Internal),
// a stop requested through options.stop before the last pass ended (Unavailable).
Result<Analysis> Analyze(const NetworkInput& input, const AnalysisOptions& options = {});

// A member's place in the network, for the member's own page and the API.
struct MemberPosition {
  MemberMetrics metrics;
  std::string name;
  std::string sector;
  double betweenness_percentile = 0;  // share of members with lower betweenness, 0..1
  int32_t component_size = 0;
  int64_t real_ties = 0;
  int64_t online_only_ties = 0;
  int64_t cross_sector_ties = 0;
  std::vector<std::string> sectors_reached;  // sectors among the member's contacts, sorted
  Day last_active = kNoDate;
  bool fading = false;
  std::vector<Introduction> introductions;  // introductions involving this member
};

// NotFound if the id is not a member of the analysed network.
Result<MemberPosition> PositionOf(const Analysis& analysis, const std::string& id, int max_introductions = 5);

}  // namespace verbinder::analysis
