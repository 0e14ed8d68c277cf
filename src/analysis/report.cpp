#include "analysis/report.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <latch>
#include <limits>
#include <optional>
#include <thread>

#include "analysis/centrality.h"
#include "analysis/community.h"
#include "analysis/insights.h"
#include "util/parallel.h"
#include "analysis/suggestions.h"
#include "util/passes.h"

namespace verbinder::analysis {

using util::ResolveThreads;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

Status Stopped() {
  return Status(Code::kUnavailable, "the analysis was stopped before it finished");
}

Status Verify(const Graph& g, const Report& r) {
  const int32_t n = g.NodeCount();
  auto fail = [](const std::string& what) { return Internal("analysis invariant broken: " + what); };
  if (static_cast<int32_t>(r.members.size()) != n) return fail("one metrics row per member");
  int64_t degree_sum = 0;
  for (int32_t v = 0; v < n; ++v) {
    const MemberMetrics& m = r.members[v];
    degree_sum += m.degree;
    if (m.core < 0 || m.core > m.degree) return fail("0 <= core <= degree for " + m.id);
    if (m.community < 0 || (r.network.communities > 0 && m.community >= r.network.communities))
      return fail("community label in range for " + m.id);
    const Brokerage& b = m.brokerage;
    if (b.coordinator < 0 || b.consultant < 0 || b.representative < 0 || b.liaison < 0)
      return fail("brokerage counts >= 0 for " + m.id);
    if (!std::isnan(m.betweenness) && (m.betweenness < -1e-12 || m.betweenness > 1 + 1e-9) && r.betweenness.exact)
      return fail("0 <= betweenness <= 1 for " + m.id);
    if (m.degree > 0 && !std::isnan(m.constraint) && !(m.constraint > 0 && std::isfinite(m.constraint)))
      return fail("constraint positive for " + m.id);
  }
  if (degree_sum != 2 * r.network.ties) return fail("degrees sum to twice the ties");
  if (const auto& c = r.co_attendance) {
    if (c->pairs_with_real_tie > c->pairs_with_tie || c->pairs_with_tie + c->pairs_without_tie != c->pairs ||
        c->pairs_without_tie < 0)
      return fail("co-attendance pairs = with a tie + without, real ties among those with a tie");
    if (c->pairs > c->attendees * (c->attendees - 1) / 2) return fail("co-attending pairs among the attendees");
    if (c->exact && (c->co_attendees.size() != static_cast<size_t>(n) ||
                     c->co_attendees_without_tie.size() != static_cast<size_t>(n)))
      return fail("co-attendance counts per member");
  }
  if (r.network.modularity < -0.5 - 1e-9 || r.network.modularity > 1 + 1e-9) return fail("modularity in [-1/2, 1]");
  return Status::Ok();
}

}  // namespace

Result<Analysis> Analyze(const NetworkInput& input, const AnalysisOptions& options) {
  for (const auto& name : options.skip) {
    if (std::find_if(std::begin(kPassNames), std::end(kPassNames), [&](const char* p) { return name == p; }) ==
        std::end(kPassNames))
      return InvalidArgument("unknown pass '" + name + "'", "skip");
  }
  Analysis a;
  Report& r = a.report;
  // The shared pass runner (util/passes.h): named, timed, switched off by
  // name, and skipped once options.stop is requested.
  util::PassRunner pass({options.skip, options.stop, options.clock});
  Status build_status;
  pass.Run("build_graph", [&] {
    auto built = BuildGraph(input, {options.real_only, options.as_of, options.with_attendance});
    if (built)
      a.graph = std::move(*built);
    else
      build_status = built.status();
  });
  VB_RETURN_IF_ERROR(build_status);
  if (pass.stop_requested()) return Stopped();
  const Graph& g = a.graph;
  const int32_t n = g.NodeCount();
  const int threads = ResolveThreads(options.threads);

  r.network.members = n;
  r.network.ties = g.TieCount();
  r.members.resize(n);
  for (int32_t v = 0; v < n; ++v) {
    MemberMetrics& m = r.members[v];
    m.id = g.ids[v];
    m.degree = g.Degree(v);
    m.strength = g.strength[v];
    m.betweenness = kNaN;
    m.constraint = kNaN;
    m.effective_size = kNaN;
    if (m.degree == 0) r.network.isolated.push_back(m.id);
  }
  Components comps;
  pass.Run("components", [&] {
    comps = ConnectedComponents(g);
    r.network.components = comps.count;
  });
  pass.Run("core", [&] {
    auto core = CoreNumbers(g);
    for (int32_t v = 0; v < n; ++v) r.members[v].core = core[v];
  });
  const bool exact_betweenness =
      options.betweenness == BetweennessMode::kExact ||
      (options.betweenness == BetweennessMode::kAuto && n <= options.exact_betweenness_limit);
  // Two lanes. Leiden (single-threaded) and then the map layout, which need only
  // the graph, run on a background lane beside betweenness, local structure and
  // the group measures; the "communities" and "layout" passes collect them and
  // keep their own durations. With approximate betweenness (large networks)
  // the layout costs about as much as betweenness, so each lane gets a core:
  // the layout one thread (all of them once the foreground passes are done),
  // sampling (and introductions, if the layout is still running) threads - 1.
  // More runnable threads than cores only cost CPU time (switches, caches
  // shared by two working sets); those values are the same for any thread
  // count. With exact betweenness (up to exact_betweenness_limit members)
  // betweenness dominates and keeps every core.
  const bool lanes = options.layout && !exact_betweenness;
  std::atomic<bool> background_busy{false};
  // The threads of a foreground pass starting now.
  auto foreground_threads = [&] { return lanes && background_busy.load() ? std::max(1, threads - 1) : threads; };
  std::optional<Communities> found;
  double community_seconds = 0;
  std::latch leiden_done(1);
  std::optional<Layout> layout;
  double layout_seconds = 0;
  const bool run_leiden = !pass.switched_off("communities") && !pass.stop_requested();
  const bool run_layout = options.layout && !pass.stop_requested();
  // The layout's threads, read at each of its iterations: raised to all cores
  // once the foreground passes are done (same positions for any count).
  std::atomic<int> layout_threads{lanes ? 1 : threads};
  std::jthread background;
  if (run_leiden || run_layout) {
    background_busy = true;
    background = std::jthread([&] {
      const Clock& clock = options.clock ? *options.clock : SystemClockInstance();
      if (run_leiden) {
        const auto t0 = clock.Steady();
        // Restarts are cheap on small networks and buy the best of several runs.
        const int restarts = n <= 5000 ? 10 : (n <= 50000 ? 2 : 1);
        // (Restarts run on every core, except on a lane: same result either way.)
        found = DetectCommunities(g, {options.seed, 1.0, restarts, lanes ? 1 : 0});
        community_seconds = Clock::Seconds(t0, clock.Steady());
      }
      leiden_done.count_down();
      if (run_layout) {
        const auto t0 = clock.Steady();
        layout = ComputeLayout(g, {1, lanes ? 1 : threads, options.stop, &layout_threads});
        layout_seconds = Clock::Seconds(t0, clock.Steady());
      }
      background_busy = false;
    });
  }
  pass.Run("betweenness", [&] {
    std::vector<double> values;
    if (exact_betweenness) {
      values = ExactBetweenness(g, threads, options.stop);
      r.betweenness = {true, 0, 0.0, 0.0};
    } else {
      auto approx = ApproximateBetweenness(
          g, {options.approx_epsilon, options.approx_delta, options.seed, foreground_threads(), options.stop});
      values = std::move(approx.values);
      r.betweenness = {false, approx.samples, approx.guarantee, options.approx_delta};
    }
    for (int32_t v = 0; v < n; ++v) r.members[v].betweenness = values[v];
  });
  pass.Run("local_structure", [&] {
    // Its floating-point sums depend on the thread count: always all cores.
    LocalStructure local = ComputeLocalStructure(g, threads);
    for (int32_t v = 0; v < n; ++v) {
      r.members[v].constraint = local.constraint[v];
      r.members[v].effective_size = local.effective_size[v];
      r.members[v].brokerage = local.brokerage[v];
    }
  });
  pass.Run("groups", [&] {
    GroupMetrics gm = ComputeGroupMetrics(g);
    r.network.density = gm.density;
    r.network.ei_index = gm.ei_index;
    r.network.sector_assortativity = gm.sector_assortativity;
    r.network.real_tie_share = gm.real_tie_share;
    for (size_t s = 0; s < g.sector_names.size(); ++s)
      r.network.sector_ei.push_back({g.sector_names[s], gm.sector_ei[s]});
  });
  std::vector<int32_t> membership(n, 0);
  if (pass.Run("communities", [&] {
        leiden_done.wait();
        const Communities& c = *found;
        membership = c.membership;
        r.network.modularity = c.modularity;
        r.network.communities = c.count;
        for (int32_t v = 0; v < n; ++v) r.members[v].community = c.membership[v];
      }))
    pass.last().seconds = community_seconds;
  // Online-only ties and fading are about all interactions, even with real_only.
  Result<Graph> full_graph = Status(Code::kInternal, "unused");
  if (options.real_only && (!options.skip.count("online_only") || !options.skip.count("fading")))
    full_graph = BuildGraph(input, {false, options.as_of, options.with_attendance});
  const Graph& all_ties = options.real_only && full_graph.ok() ? *full_graph : g;
  pass.Run("online_only", [&] { r.online_only = OnlineOnlyBySectorPair(all_ties); });
  pass.Run("fading", [&] {
    const Day reference = options.as_of != kNoDate ? options.as_of : LatestDay(all_ties);
    r.fading = FadingMembers(all_ties, reference, options.fading_days);
  });
  pass.Run("event_yield", [&] { r.events = ComputeEventYield(input, g, options.as_of, options.with_attendance); });
  Status co_status;
  pass.Run("co_attendance", [&] {
    // Against the tie rows only (all kinds, up to as_of): the graph the metrics
    // ran on when it is exactly that, else one built for the purpose.
    const bool g_is_ties = input.attendance.empty() || (!options.real_only && !options.with_attendance);
    Result<Graph> own = Status(Code::kInternal, "unused");
    const Graph* ties = &g;
    if (!g_is_ties) {
      if (options.real_only && !options.with_attendance && full_graph.ok()) {
        ties = &*full_graph;
      } else {
        own = BuildGraph(input, {false, options.as_of, false});
        if (!own) {
          co_status = own.status();
          return;
        }
        ties = &*own;
      }
    }
    r.co_attendance = SummarizeCoAttendance(IndexAttendance(input, g.index, n, options.as_of), *ties);
    r.co_attendance->counted_as_ties = options.with_attendance;
  });
  VB_RETURN_IF_ERROR(co_status);
  pass.Run("suggestions", [&] {
    r.suggestions.introductions =
        SuggestIntroductions(g, membership, {options.max_introductions, -1, foreground_threads()});
    if (comps.label.empty()) comps = ConnectedComponents(g);
    r.suggestions.invite = SuggestInvites(g, comps, r.fading, options.max_invites);
  });
  layout_threads = threads;
  if (options.layout && pass.Run("layout", [&] {
        if (background.joinable()) background.join();
      }))
    pass.last().seconds = layout_seconds;
  // A stopped run is incomplete: never returned as a result (nor cached).
  if (pass.stop_requested()) return Stopped();
  a.layout = std::move(layout);
  VB_RETURN_IF_ERROR(pass.Verify([&] { return Verify(g, r); }));
  for (const util::PassRecord& p : pass.records()) r.passes.push_back({p.name, p.seconds, p.ran});
  return a;
}

Result<MemberPosition> PositionOf(const Analysis& a, const std::string& id, int max_introductions) {
  auto it = a.graph.index.find(id);
  if (it == a.graph.index.end()) return NotFound("no member '" + id + "' in the network", "id");
  const Graph& g = a.graph;
  const int32_t v = it->second;
  MemberPosition p;
  p.metrics = a.report.members[v];
  p.name = g.names[v];
  p.sector = g.sector_names[g.sector[v]];
  int64_t lower = 0;
  for (const auto& m : a.report.members) lower += m.betweenness < p.metrics.betweenness;
  p.betweenness_percentile = g.NodeCount() > 0 ? static_cast<double>(lower) / g.NodeCount() : 0.0;
  Components comps = ConnectedComponents(g);
  p.component_size = comps.size[comps.label[v]];
  std::set<std::string> reached;
  for (int64_t e = g.Begin(v); e < g.End(v); ++e) {
    const int32_t w = g.adj[e];
    if (g.real[e])
      ++p.real_ties;
    else
      ++p.online_only_ties;
    if (g.sector[w] != g.sector[v]) ++p.cross_sector_ties;
    reached.insert(g.sector_names[g.sector[w]]);
  }
  p.sectors_reached.assign(reached.begin(), reached.end());
  p.last_active = g.last_active[v];
  for (const auto& f : a.report.fading) p.fading = p.fading || f.id == id;
  std::vector<int32_t> community(g.NodeCount());
  for (int32_t u = 0; u < g.NodeCount(); ++u) community[u] = a.report.members[u].community;
  p.introductions = SuggestIntroductions(g, community, {max_introductions, v, 1});
  return p;
}

}  // namespace verbinder::analysis
