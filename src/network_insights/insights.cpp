#include "network_insights/insights.h"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <utility>

#include "analysis/input.h"
#include "network_insights/map_json.h"

namespace verbinder::network_insights {
namespace {

// The id of the canonical viewers: no member has it, so CanSee grants them
// exactly what their role grants.
constexpr model::Id kNoMember = -2;

Status ShuttingDown() {
  return Status(Code::kUnavailable, "the network analysis is shutting down");
}

std::string OptionsKey(const analysis::AnalysisOptions& o) {
  return std::string(o.real_only ? "real" : "all") + "|" + std::to_string(o.as_of) + "|" +
         std::to_string(o.fading_days);
}

}  // namespace

struct InsightsService::Entry {
  std::string key;
  domain::Viewer viewer;  // the class's viewer
  analysis::AnalysisOptions options;
  Clock::Monotonic last_used{};
  // The last analysis and the fingerprint of the network it ran on.
  std::string fingerprint;
  std::shared_ptr<const analysis::Analysis> analysis;
  bool computing = false;
  // The last map (possibly stale: compare its fingerprint).
  std::shared_ptr<const MapVersion> map;
  bool map_queued = false, map_computing = false;
  std::string map_error;

  bool busy() const { return computing || map_queued || map_computing; }
};

std::string MapVersion::Body(bool compact, int64_t budget) const {
  const std::pair<bool, int64_t> key{compact, budget}, page_key{true, kMapMaxTies};
  std::lock_guard<std::mutex> lock(mu_);
  auto it = bodies_.find(key);
  if (it == bodies_.end()) {
    if (bodies_.size() >= 8) std::erase_if(bodies_, [&](const auto& kv) { return kv.first != page_key; });
    it = bodies_.emplace(key, MapJsonOpen(*analysis, *layout, compact, budget, computed_at)).first;
  }
  return it->second;
}

InsightsService::InsightsService(const Clock& clock, domain::MemberService& members, domain::NetworkService& network,
                                 InsightsOptions options)
    : clock_(clock), members_(members), network_(network), options_(options) {}

InsightsService::~InsightsService() {
  stop_.request_stop();
  worker_.request_stop();
  {
    std::lock_guard<std::mutex> lock(mu_);  // no waiter misses the wake-up
  }
  cv_.notify_all();
  if (worker_.joinable()) worker_.join();
}

VisibilityClass InsightsService::TierOf(const domain::Viewer& viewer) {
  if (viewer.IsAdmin()) return {"admin", domain::Viewer::System()};
  if (viewer.IsOrganizer()) return {"organizer", domain::Viewer{kNoMember, model::Role::kOrganizer}};
  return {"member", domain::Viewer{kNoMember, model::Role::kMember}};
}

Result<VisibilityClass> InsightsService::ClassOf(const domain::Viewer& viewer) {
  if (!viewer.authenticated()) return Unauthenticated("sign in first");
  VisibilityClass tier = TierOf(viewer);
  if (viewer.IsAdmin()) return tier;  // admins see every member
  // Everyone sees themselves: a viewer whose own profile the tier may not see
  // sees one member more than the tier.
  auto self = members_.Get(viewer, viewer.member_id);
  if (self && tier.viewer.CanSee(self->id, self->visibility)) return tier;
  if (!self && self.status().code() != Code::kNotFound) return self.status();
  return VisibilityClass{tier.key + "+" + std::to_string(viewer.member_id), viewer};
}

void InsightsService::Expire(std::unique_lock<std::mutex>&) {
  const Clock::Monotonic now = clock_.Steady();
  std::erase_if(entries_, [&](const auto& kv) {
    return !kv.second->busy() && now - kv.second->last_used > options_.idle_expiry;
  });
  while (entries_.size() > options_.max_entries) {
    auto oldest = entries_.end();
    for (auto it = entries_.begin(); it != entries_.end(); ++it)
      if (!it->second->busy() && (oldest == entries_.end() || it->second->last_used < oldest->second->last_used))
        oldest = it;
    if (oldest == entries_.end()) break;  // all busy
    entries_.erase(oldest);
  }
}

std::shared_ptr<InsightsService::Entry> InsightsService::EntryFor(const VisibilityClass& cls,
                                                                  const analysis::AnalysisOptions& options,
                                                                  std::unique_lock<std::mutex>& lock) {
  Expire(lock);
  const std::string key = cls.key + "|" + OptionsKey(options);
  std::shared_ptr<Entry>& e = entries_[key];
  if (!e) {
    e = std::make_shared<Entry>();
    e->key = key;
    e->viewer = cls.viewer;
    e->options = options;
  }
  e->last_used = clock_.Steady();
  std::shared_ptr<Entry> out = e;
  Expire(lock);  // keeps max_entries: the new entry is the most recent, so it stays
  return out;
}

Result<InsightsService::Snapshot> InsightsService::Current(const std::shared_ptr<Entry>& e, const std::string& fp,
                                                           std::stop_token stop) {
  std::unique_lock<std::mutex> lock(mu_);
  while (true) {
    if (stop.stop_requested()) return ShuttingDown();
    if (e->analysis && e->fingerprint == fp) return Snapshot{e->fingerprint, e->analysis};
    if (!e->computing) break;
    cv_.wait(lock, stop, [&] { return !e->computing; });
  }
  e->computing = true;
  lock.unlock();
  auto computed = [&]() -> Result<Snapshot> {
    std::lock_guard<std::mutex> one_at_a_time(compute_mu_);
    if (stop.stop_requested()) return ShuttingDown();
    VB_ASSIGN_OR_RETURN(auto net, network_.LoadVisibleNetwork(e->viewer));
    const analysis::NetworkInput input = analysis::InputFromLedger(net.members, net.ledger, net.attendance);
    analysis::AnalysisOptions options = e->options;
    options.stop = stop;
    VB_ASSIGN_OR_RETURN(analysis::Analysis a, analysis::Analyze(input, options));
    return Snapshot{net.fingerprint, std::make_shared<const analysis::Analysis>(std::move(a))};
  }();
  lock.lock();
  e->computing = false;
  cv_.notify_all();
  if (!computed) return computed.status();
  ++computations_;
  e->fingerprint = computed->fingerprint;
  e->analysis = computed->analysis;
  return *computed;
}

Result<std::shared_ptr<const analysis::Analysis>> InsightsService::Analysis(const domain::Viewer& viewer,
                                                                            const analysis::AnalysisOptions& options) {
  VB_ASSIGN_OR_RETURN(VisibilityClass cls, ClassOf(viewer));
  VB_ASSIGN_OR_RETURN(std::string fp, network_.NetworkFingerprint(cls.viewer));
  std::shared_ptr<Entry> e;
  {
    std::unique_lock<std::mutex> lock(mu_);
    e = EntryFor(cls, options, lock);
  }
  VB_ASSIGN_OR_RETURN(Snapshot snapshot, Current(e, fp, stop_.get_token()));
  return snapshot.analysis;
}

void InsightsService::QueueMap(const std::shared_ptr<Entry>& e, std::unique_lock<std::mutex>&) {
  if (e->map_queued || e->map_computing || stop_.stop_requested()) return;
  e->map_queued = true;
  e->map_error.clear();
  queue_.push_back(e);
  if (!worker_.joinable()) worker_ = std::jthread([this](const std::stop_token& stop) { Work(stop); });
  cv_.notify_all();
}

Result<InsightsService::MapView> InsightsService::Map(const domain::Viewer& viewer,
                                                      const analysis::AnalysisOptions& options,
                                                      std::chrono::milliseconds wait) {
  const VisibilityClass cls = TierOf(viewer);
  VB_ASSIGN_OR_RETURN(std::string fp, network_.NetworkFingerprint(cls.viewer));
  std::unique_lock<std::mutex> lock(mu_);
  std::shared_ptr<Entry> e = EntryFor(cls, options, lock);
  if (!e->map || e->map->fingerprint != fp) QueueMap(e, lock);
  if (!e->map) cv_.wait_for(lock, stop_.get_token(), wait, [&] { return e->map || !e->map_error.empty(); });
  MapView view;
  view.version = e->map;
  view.stale = e->map && e->map->fingerprint != fp;
  view.error = e->map_error;
  return view;
}

Status InsightsService::WarmMap(const domain::Viewer& viewer, const analysis::AnalysisOptions& options) {
  const VisibilityClass cls = TierOf(viewer);
  VB_ASSIGN_OR_RETURN(std::string fp, network_.NetworkFingerprint(cls.viewer));
  std::unique_lock<std::mutex> lock(mu_);
  std::shared_ptr<Entry> e = EntryFor(cls, options, lock);
  if (!e->map || e->map->fingerprint != fp) QueueMap(e, lock);
  return Status::Ok();
}

void InsightsService::Work(const std::stop_token& stop) {
  // Below the request threads (and inherited by the threads the engine starts).
  if (options_.background_low_priority) setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 10);
  std::unique_lock<std::mutex> lock(mu_);
  while (true) {
    if (!cv_.wait(lock, stop, [&] { return !queue_.empty(); })) return;  // stop requested
    std::shared_ptr<Entry> e = queue_.front();
    queue_.pop_front();
    e->map_queued = false;
    e->map_computing = true;
    lock.unlock();
    ComputeMap(e, stop);
    lock.lock();
    e->map_computing = false;
    cv_.notify_all();
  }
}

void InsightsService::ComputeMap(const std::shared_ptr<Entry>& e, std::stop_token stop) {
  auto version = [&]() -> Result<std::shared_ptr<MapVersion>> {
    VB_ASSIGN_OR_RETURN(std::string fp, network_.NetworkFingerprint(e->viewer));
    VB_ASSIGN_OR_RETURN(Snapshot snapshot, Current(e, fp, stop));
    auto v = std::make_shared<MapVersion>();
    v->fingerprint = std::move(snapshot.fingerprint);
    v->analysis = std::move(snapshot.analysis);
    analysis::LayoutOptions layout_options;
    layout_options.stop = stop;
    v->layout = std::make_shared<const analysis::Layout>(analysis::ComputeLayout(v->analysis->graph, layout_options));
    if (stop.stop_requested()) return ShuttingDown();
    v->computed_at = clock_.Now();
    (void)v->Body(true, kMapMaxTies);  // the page's default body, so the first request only copies it
    return v;
  }();
  std::lock_guard<std::mutex> lock(mu_);
  if (version) {
    e->map = *version;
    e->map_error.clear();
  } else if (!stop.stop_requested()) {
    e->map_error = version.status().message();
  }
}

int64_t InsightsService::computations() const {
  std::lock_guard<std::mutex> lock(mu_);
  return computations_;
}

size_t InsightsService::cached_entries() const {
  std::lock_guard<std::mutex> lock(mu_);
  return entries_.size();
}

}  // namespace verbinder::network_insights
