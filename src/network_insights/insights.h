// The leader's view of the network as a service: the analysis of the ledger a
// viewer may see, and the map (analysis + layout + its JSON), cached once per
// visibility class and computed in a cancellable background worker.
//
//   InsightsService insights(db, clock, members, network);
//   auto a = insights.Analysis(viewer, {});            // report, positions, suggestions
//   auto m = insights.Map(leader, {}, std::chrono::seconds(20));  // served stale while recomputing
//
// Visibility classes: what a viewer may see is decided by domain::Viewer::CanSee
// alone, so viewers whose CanSee agrees on every member share one cache entry.
// Every role tier has a canonical viewer (admins: Viewer::System(); organizers
// and members: a viewer of that role who is no member); a viewer whose own
// profile that canonical viewer may not see (they always see themselves) gets
// a class of their own. The map is always computed for the tier (never for the
// leader), so an organizer with a hidden profile is not on the map other
// organizers get.
//
// Freshness: an entry is current while domain::NetworkService::NetworkFingerprint
// of its class is unchanged (checked on every read); an entry nobody read for
// InsightsOptions::idle_expiry on the clock's monotonic time (Clock::Steady) is
// dropped, and at most max_entries are kept (least recently read go first).
//
// Thread-safety: every method may be called from many threads at once.
// Analyses run one at a time (each uses every core). The destructor requests
// stop: running analyses and layouts end within one step of their loops, the
// worker is joined, and callers still waiting get kUnavailable.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <stop_token>
#include <string>
#include <thread>

#include "analysis/layout.h"
#include "analysis/report.h"
#include "domain/members.h"
#include "domain/network.h"
#include "domain/viewer.h"
#include "util/clock.h"
#include "util/status.h"

namespace verbinder::network_insights {

struct InsightsOptions {
  std::chrono::seconds idle_expiry{3600};  // drop an entry not read for this long
  size_t max_entries = 8;                  // views kept (class x options)
  bool background_low_priority = true;     // the worker runs below the request threads (nice 10)
};

// Which members a viewer sees (see the file comment).
struct VisibilityClass {
  std::string key;        // "admin", "organizer", "member", or e.g. "organizer+17"
  domain::Viewer viewer;  // whom the analysis is computed for
};

// One computed map: the analysis it drew on, the layout and its serialised
// bodies (per compact flag and tie budget), shared by all requests.
struct MapVersion {
  std::string fingerprint;
  int64_t computed_at = 0;  // unix seconds (the service's clock)
  std::shared_ptr<const analysis::Analysis> analysis;
  std::shared_ptr<const analysis::Layout> layout;

  // The map JSON without its closing brace (see map_json.h), built once per
  // (compact, budget); at most a few kept besides the page's default.
  std::string Body(bool compact, int64_t budget) const;

 private:
  mutable std::mutex mu_;
  mutable std::map<std::pair<bool, int64_t>, std::string> bodies_;
};

class InsightsService {
 public:
  InsightsService(const Clock& clock, domain::MemberService& members, domain::NetworkService& network,
                  InsightsOptions options = {});
  ~InsightsService();
  InsightsService(const InsightsService&) = delete;
  InsightsService& operator=(const InsightsService&) = delete;

  // The class of a signed-in viewer (reads the viewer's own profile).
  Result<VisibilityClass> ClassOf(const domain::Viewer& viewer);
  // The canonical viewer of the viewer's role tier (the map's class).
  static VisibilityClass TierOf(const domain::Viewer& viewer);

  // The analysis of what the viewer's class may see, computed in the calling
  // thread when missing or stale (or awaited when another thread computes it).
  Result<std::shared_ptr<const analysis::Analysis>> Analysis(const domain::Viewer& viewer,
                                                             const analysis::AnalysisOptions& options);

  struct MapView {
    std::shared_ptr<const MapVersion> version;  // null: none computed yet
    bool stale = false;                         // the network changed since; a newer one is being computed
    std::string error;                          // the last computation's failure, if any
  };
  // The map of the viewer's tier. Starts a background computation when the
  // network changed; only while there is no map at all waits up to `wait`.
  Result<MapView> Map(const domain::Viewer& viewer, const analysis::AnalysisOptions& options,
                      std::chrono::milliseconds wait);
  // Starts computing the tier's map unless it is current (serve --precompute-map).
  Status WarmMap(const domain::Viewer& viewer, const analysis::AnalysisOptions& options);

  // Analyses computed so far (each Analyze run), for tests and metrics.
  int64_t computations() const;
  // Entries currently cached.
  size_t cached_entries() const;

 private:
  struct Entry;
  struct Snapshot {
    std::string fingerprint;  // of the network the analysis ran on
    std::shared_ptr<const analysis::Analysis> analysis;
  };
  std::shared_ptr<Entry> EntryFor(const VisibilityClass& cls, const analysis::AnalysisOptions& options,
                                  std::unique_lock<std::mutex>& lock);
  // The entry's analysis for network fingerprint `fp`, computed if needed.
  Result<Snapshot> Current(const std::shared_ptr<Entry>& entry, const std::string& fp, std::stop_token stop);
  void QueueMap(const std::shared_ptr<Entry>& entry, std::unique_lock<std::mutex>& lock);
  void Work(const std::stop_token& stop);
  void ComputeMap(const std::shared_ptr<Entry>& entry, std::stop_token stop);
  void Expire(std::unique_lock<std::mutex>& lock);

  const Clock& clock_;
  domain::MemberService& members_;
  domain::NetworkService& network_;
  const InsightsOptions options_;

  std::stop_source stop_;  // requested by the destructor; ends request-thread analyses too
  std::mutex compute_mu_;  // one analysis at a time
  mutable std::mutex mu_;  // guards everything below
  std::condition_variable_any cv_;
  std::map<std::string, std::shared_ptr<Entry>> entries_;
  std::deque<std::shared_ptr<Entry>> queue_;  // maps to compute
  int64_t computations_ = 0;
  std::jthread worker_;  // started with the first map; last member: joined first
};

}  // namespace verbinder::network_insights
