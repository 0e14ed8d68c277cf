// /api/v1/network/...: the leader's view of the network (analysis engine over
// the ledger). Organizers see everything that is not hidden from them; a
// member sees only their own position and the introductions involving them.
// Hidden members never enter the analysis of someone who may not see them.
// Organizers also act on the suggestions: POST /network/introductions records
// an introduction (table `introductions`), notifies both members
// (notify::Notify: in-app, and by e-mail if they chose so), and
// the pair leaves the suggestion list.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <utility>

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <soci/soci.h>

#include "analysis/export.h"
#include "analysis/input.h"
#include "analysis/layout.h"
#include "analysis/report.h"
#include "api/app.h"
#include "api/error_mapping.h"
#include "domain/db_util.h"
#include "domain/json_codec.h"
#include "notify/notifications.h"
#include "storage/transaction.h"

namespace verbinder::api {
namespace {

// The last analyses, keyed by (visibility class, options, network
// fingerprint): a 100,000-member report takes seconds, so repeated page views
// reuse it until the ledger, members or registrations change.
class AnalysisCache {
 public:
  struct Entry {
    std::string key;
    std::shared_ptr<const analysis::Analysis> analysis;
    std::string map;          // the map JSON (edges as objects), computed on first request
    std::string compact_map;  // the same with edges as [source index, target index, real]
    std::shared_ptr<const analysis::Layout> layout;  // guarded by the map route's mutex
  };

  Result<std::shared_ptr<Entry>> Get(App& app, const domain::Viewer& viewer, const analysis::AnalysisOptions& options) {
    VB_ASSIGN_OR_RETURN(std::string fp, app.network().NetworkFingerprint(viewer));
    // Organizers and admins see different sets; all members see the same set
    // except their own profile, so a member's cache key includes their id.
    std::string who = viewer.IsAdmin() ? "admin" : viewer.IsOrganizer() ? "organizer" : "member";
    if (who == "member") {
      VB_ASSIGN_OR_RETURN(auto self, app.members().Get(viewer, viewer.member_id));
      if (self.visibility != model::Visibility::kMembers) who += ":" + std::to_string(viewer.member_id);
    }
    std::string key = who + "|" + (options.real_only ? "real" : "all") + "|" + std::to_string(options.as_of) + "|" +
                      std::to_string(options.fading_days) + "|" + fp;
    std::lock_guard<std::mutex> lock(mu_);  // one analysis at a time: they use both cores already
    for (auto& e : entries_)
      if (e->key == key) return e;
    VB_ASSIGN_OR_RETURN(auto net, app.network().LoadVisibleNetwork(viewer));
    auto input = analysis::InputFromLedger(net.members, net.ledger, net.attendance);
    VB_ASSIGN_OR_RETURN(auto result, analysis::Analyze(input, options));
    auto e = std::make_shared<Entry>();
    e->key = key;
    e->analysis = std::make_shared<const analysis::Analysis>(std::move(result));
    entries_.insert(entries_.begin(), e);
    if (entries_.size() > 4) entries_.pop_back();
    return e;
  }

 private:
  std::mutex mu_;
  std::vector<std::shared_ptr<Entry>> entries_;
};

Result<analysis::AnalysisOptions> OptionsFrom(const Request& req) {
  analysis::AnalysisOptions o;
  std::string real = QueryString(req, "real_only");
  if (!real.empty() && real != "true" && real != "false") return InvalidArgument("must be true or false", "real_only");
  o.real_only = real == "true";
  if (std::string d = QueryString(req, "as_of"); !d.empty()) {
    auto day = analysis::ParseDay(d);
    if (!day) return InvalidArgument("must be a date like 2026-06-30", "as_of");
    o.as_of = *day;
  }
  VB_ASSIGN_OR_RETURN(o.fading_days, QueryInt(req, "fading_days", 180, 1, 3650));
  return o;
}

Json Plain(const nlohmann::ordered_json& j) { return Json::parse(j.dump()); }

Json NumOrNull(double x) { return std::isfinite(x) ? Json(x) : Json(nullptr); }

// --- The leader's map --------------------------------------------------------
//
// The map is computed in the background and served from memory: a
// 10,000-member analysis plus layout takes tens of seconds, far longer than a
// request may wait. MapCache keeps, per view (admin or organizer; all ties or
// real only; as of a day), the last computed map and its fingerprint. A
// request whose fingerprint matches gets it at once; a stale one is served at
// once too (with "stale": true and its age) while a worker thread recomputes;
// only the very first map of a view makes the request wait, at most
// kMapWaitSeconds, then 503 with Retry-After (the page retries). The first
// organizer map is computed on the first request, or when the server starts
// with `serve --precompute-map` (off by default: a server that never draws a
// map, e.g. under the API benchmark on 100,000 members, should not hold one
// in memory). The worker runs at a lower CPU priority than the request threads.
//
// Privacy: maps are computed for a canonical viewer per class — organizers
// see members with visibility 'members' or 'organizers', admins everyone —
// never for the requesting leader's own id, so an organizer whose own profile
// is hidden does not end up in the map other organizers get.
//
// At large sizes the map does not carry every tie (a leader cannot read
// 382,000 lines, and software WebGL cannot draw them smoothly): per member its
// kMapPerMember strongest ties, then the strongest real ties, up to max_ties
// (default kMapMaxTies). The payload says how many it shows of how many;
// GET /network/map/ties/:id gives all ties of one member.

constexpr int kMapMaxTies = 40000;
constexpr int kMapPerMember = 3;
constexpr int kMapWaitSeconds = 20;  // below the server's 30 s request timeout

// Which ties to draw: per node its `per_member` heaviest ties, then the
// heaviest real ties not yet chosen, at most `budget` in all (if the first
// step alone exceeds it, its heaviest). Returns canonical slots (in the lower
// node's list), sorted. With budget >= ties: every tie.
std::vector<int64_t> ChooseTies(const analysis::Graph& g, int64_t budget, int per_member, bool* all) {
  const int32_t n = g.NodeCount();
  auto canonical = [&](int32_t v, int64_t e) { int32_t u = g.adj[e]; return u > v ? e : g.Slot(u, v); };
  std::vector<int64_t> out;
  *all = g.TieCount() <= budget;
  if (*all) {
    for (int32_t v = 0; v < n; ++v)
      for (int64_t e = g.Begin(v); e < g.End(v); ++e)
        if (g.adj[e] > v) out.push_back(e);
    return out;
  }
  std::vector<uint8_t> chosen(g.adj.size(), 0);
  std::vector<int64_t> slots;
  for (int32_t v = 0; v < n; ++v) {
    slots.clear();
    for (int64_t e = g.Begin(v); e < g.End(v); ++e) slots.push_back(e);
    const size_t k = std::min<size_t>(slots.size(), static_cast<size_t>(per_member));
    std::partial_sort(slots.begin(), slots.begin() + static_cast<std::ptrdiff_t>(k), slots.end(), [&](int64_t a, int64_t b) {
      return g.weight[a] != g.weight[b] ? g.weight[a] > g.weight[b] : g.real[a] > g.real[b];
    });
    for (size_t i = 0; i < k; ++i) {
      int64_t c = canonical(v, slots[i]);
      if (!chosen[c]) { chosen[c] = 1; out.push_back(c); }
    }
  }
  auto heavier = [&](int64_t a, int64_t b) { return g.weight[a] != g.weight[b] ? g.weight[a] > g.weight[b] : a < b; };
  if (static_cast<int64_t>(out.size()) > budget) {
    std::nth_element(out.begin(), out.begin() + budget, out.end(), heavier);
    out.resize(static_cast<size_t>(budget));
  } else {
    std::vector<int64_t> real;
    for (int32_t v = 0; v < n; ++v)
      for (int64_t e = g.Begin(v); e < g.End(v); ++e)
        if (g.adj[e] > v && g.real[e] && !chosen[e]) real.push_back(e);
    const size_t room = static_cast<size_t>(budget) - out.size();
    if (real.size() > room) {
      std::nth_element(real.begin(), real.begin() + static_cast<std::ptrdiff_t>(room), real.end(), heavier);
      real.resize(room);
    }
    out.insert(out.end(), real.begin(), real.end());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The map the web UI draws: every node with its layout position, sector,
// community and the measures the map sizes by (betweenness, brokerage); the
// chosen ties once each, with whether they ever met face to face. Compact:
// edges as [source node index, target node index, 1 if real else 0].
// Returned without its closing brace: the request appends its age.
std::string MapJsonOpen(const analysis::Analysis& a, const analysis::Layout& layout, bool compact, int64_t budget,
                        int64_t computed_at) {
  const analysis::Graph& g = a.graph;
  Json nodes = Json::array(), edges = Json::array();
  int64_t real = 0, drawn_real = 0;
  for (int32_t v = 0; v < g.NodeCount(); ++v) {
    const analysis::MemberMetrics& m = a.report.members[v];
    nodes.push_back({{"id", g.ids[v]},
                     {"name", g.names[v]},
                     {"sector", g.sector_names[g.sector[v]]},
                     {"community", m.community},
                     {"x", std::round(layout.x[v] * 100) / 100},
                     {"y", std::round(layout.y[v] * 100) / 100},
                     {"degree", m.degree},
                     {"betweenness", NumOrNull(m.betweenness)},
                     {"brokerage", m.brokerage.Total()},
                     {"core", m.core}});
    for (int64_t e = g.Begin(v); e < g.End(v); ++e) real += g.adj[e] > v && g.real[e] != 0;
  }
  bool all = false;
  std::vector<int64_t> chosen = ChooseTies(g, budget, kMapPerMember, &all);
  size_t next = 0;
  for (int32_t v = 0; v < g.NodeCount() && next < chosen.size(); ++v) {
    for (; next < chosen.size() && chosen[next] < g.End(v); ++next) {
      const int64_t e = chosen[next];
      const int32_t u = g.adj[e];
      drawn_real += g.real[e] != 0;
      if (compact)
        edges.push_back(Json::array({v, u, g.real[e] != 0 ? 1 : 0}));
      else
        edges.push_back({{"source", g.ids[v]}, {"target", g.ids[u]}, {"weight", g.weight[e]}, {"real", g.real[e] != 0}});
    }
  }
  Json j = {{"nodes", std::move(nodes)},
            {"edges", std::move(edges)},
            {"sectors", g.sector_names},
            {"communities", a.report.network.communities},
            {"members", g.NodeCount()},
            {"ties", g.TieCount()},
            {"real_ties", real},
            {"drawn_ties", chosen.size()},
            {"drawn_real_ties", drawn_real},
            {"selection", all ? "all" : "strongest"},
            {"per_member", kMapPerMember},
            {"max_ties", budget},
            {"computed_at", computed_at},
            {"compact", compact}};
  std::string s = j.dump(-1, ' ', false, Json::error_handler_t::replace);
  s.pop_back();  // '}'
  return s;
}

class MapCache {
 public:
  struct Version {
    std::string fingerprint;
    int64_t computed_at = 0;  // unix seconds (the app's clock)
    std::shared_ptr<const analysis::Analysis> analysis;
    std::shared_ptr<const analysis::Layout> layout;
    std::mutex mu;                                 // guards bodies
    std::map<std::pair<bool, int64_t>, std::string> bodies;  // (compact, budget) -> JSON without '}'
  };

  explicit MapCache(App& app) : app_(app) {}
  ~MapCache() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    if (worker_.joinable()) worker_.join();
  }

  // The canonical viewer of a leader's class (see above).
  static domain::Viewer ViewerFor(const domain::Viewer& leader) {
    return leader.IsAdmin() ? domain::Viewer::System() : domain::Viewer{-2, model::Role::kOrganizer};
  }

  // Starts computing a view's map unless it is current or being computed.
  void Warm(const domain::Viewer& canonical, const analysis::AnalysisOptions& options, const std::string& fingerprint) {
    std::lock_guard<std::mutex> lock(mu_);
    Slot& s = slots_[KeyOf(canonical, options)];
    s.viewer = canonical;
    s.options = options;
    if (s.current && s.current->fingerprint == fingerprint) return;
    if (s.queued || s.computing) return;
    s.queued = true;
    s.error.clear();
    queue_.push_back(KeyOf(canonical, options));
    if (!worker_.joinable()) worker_ = std::thread([this] { Run(); });
    cv_.notify_all();
  }

  struct Found {
    std::shared_ptr<Version> version;
    bool stale = false;
    std::string error;  // the last computation's failure, if any
  };

  // The current map of a view, starting (and for the first map waiting up to
  // `wait`) a computation when the fingerprint moved on.
  Result<Found> Get(const domain::Viewer& canonical, const analysis::AnalysisOptions& options,
                    std::chrono::seconds wait) {
    VB_ASSIGN_OR_RETURN(std::string fp, app_.network().NetworkFingerprint(canonical));
    Warm(canonical, options, fp);
    std::unique_lock<std::mutex> lock(mu_);
    Slot& s = slots_[KeyOf(canonical, options)];
    if (!s.current)
      cv_.wait_for(lock, wait, [&] { return s.current != nullptr || !s.error.empty() || stop_; });
    Found f;
    f.version = s.current;
    f.stale = s.current && s.current->fingerprint != fp;
    f.error = s.error;
    return f;
  }

 private:
  struct Slot {
    domain::Viewer viewer;
    analysis::AnalysisOptions options;
    std::shared_ptr<Version> current;
    bool queued = false, computing = false;
    std::string error;
  };

  static std::string KeyOf(const domain::Viewer& v, const analysis::AnalysisOptions& o) {
    return std::string(v.IsAdmin() ? "admin" : "organizer") + "|" + (o.real_only ? "real" : "all") + "|" +
           std::to_string(o.as_of);
  }

  void Run() {
    // Below the request threads (and inherited by any threads the engine starts).
    setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 10);
    std::unique_lock<std::mutex> lock(mu_);
    while (true) {
      cv_.wait(lock, [&] { return stop_ || !queue_.empty(); });
      if (stop_) return;
      std::string key = queue_.front();
      queue_.erase(queue_.begin());
      Slot& s = slots_[key];
      s.queued = false;
      s.computing = true;
      domain::Viewer viewer = s.viewer;
      analysis::AnalysisOptions options = s.options;
      lock.unlock();
      auto v = Compute(viewer, options);
      lock.lock();
      Slot& t = slots_[key];
      t.computing = false;
      if (v) {
        t.current = *v;
        t.error.clear();
      } else {
        t.error = v.status().message();
      }
      cv_.notify_all();
    }
  }

  Result<std::shared_ptr<Version>> Compute(const domain::Viewer& viewer, const analysis::AnalysisOptions& options) {
    VB_ASSIGN_OR_RETURN(auto net, app_.network().LoadVisibleNetwork(viewer));
    auto input = analysis::InputFromLedger(net.members, net.ledger, net.attendance);
    VB_ASSIGN_OR_RETURN(auto result, analysis::Analyze(input, options));
    auto v = std::make_shared<Version>();
    v->fingerprint = net.fingerprint;
    v->analysis = std::make_shared<const analysis::Analysis>(std::move(result));
    v->layout = std::make_shared<const analysis::Layout>(analysis::ComputeLayout(v->analysis->graph));
    v->computed_at = app_.clock().Now();
    // The page's default body, so the first request only copies it.
    v->bodies[{true, kMapMaxTies}] = MapJsonOpen(*v->analysis, *v->layout, true, kMapMaxTies, v->computed_at);
    return v;
  }

  App& app_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::map<std::string, Slot> slots_;
  std::vector<std::string> queue_;
  bool stop_ = false;
  std::thread worker_;
};


std::string NameOf(const analysis::Graph& g, const std::string& id) {
  auto it = g.index.find(id);
  return it == g.index.end() ? std::string() : g.names[it->second];
}

std::string SectorOf(const analysis::Graph& g, const std::string& id) {
  auto it = g.index.find(id);
  return it == g.index.end() ? std::string() : g.sector_names[g.sector[it->second]];
}

// A suggested introduction with the names the leader reads it by.
Json IntroductionWithNames(const analysis::Graph& g, const analysis::Introduction& i) {
  Json j = Plain(analysis::IntroductionToJson(i));
  j["a_name"] = NameOf(g, i.a);
  j["b_name"] = NameOf(g, i.b);
  j["via_name"] = i.via.empty() ? std::string() : NameOf(g, i.via);
  j["a_sector"] = SectorOf(g, i.a);
  j["b_sector"] = SectorOf(g, i.b);
  return j;
}

// Pairs (a < b, as decimal ids) the leaders already introduced.
Result<std::set<std::pair<std::string, std::string>>> IntroducedPairs(App& app) {
  return domain::WithSession<std::set<std::pair<std::string, std::string>>>(
      app.db(), [](soci::session& sql) -> Result<std::set<std::pair<std::string, std::string>>> {
        std::set<std::pair<std::string, std::string>> out;
        long long a = 0, b = 0;
        soci::statement st = (sql.prepare << "SELECT a, b FROM introductions", soci::into(a), soci::into(b));
        st.execute();
        while (st.fetch()) out.insert({std::to_string(a), std::to_string(b)});
        return out;
      });
}

// Members whose profile not every member may see: an introduction would
// reveal them, so their suggestions are shown but cannot be sent.
Result<std::set<std::string>> NotPublicIds(App& app) {
  return domain::WithSession<std::set<std::string>>(app.db(), [](soci::session& sql) -> Result<std::set<std::string>> {
    std::set<std::string> out;
    long long id = 0;
    soci::statement st = (sql.prepare << "SELECT id FROM members WHERE visibility <> 'members'", soci::into(id));
    st.execute();
    while (st.fetch()) out.insert(std::to_string(id));
    return out;
  });
}

bool Introduced(const std::set<std::pair<std::string, std::string>>& pairs, const std::string& x, const std::string& y) {
  if (x.empty() || y.empty()) return false;
  long long a = std::stoll(x), b = std::stoll(y);
  if (a > b) std::swap(a, b);
  return pairs.count({std::to_string(a), std::to_string(b)}) > 0;
}

using EventTitles = std::map<std::string, std::string>;  // event id -> title

Result<EventTitles> LoadEventTitles(App& app) {
  return domain::WithSession<EventTitles>(app.db(), [](soci::session& sql) -> Result<EventTitles> {
    EventTitles out;
    long long id = 0;
    std::string title;
    soci::statement st = (sql.prepare << "SELECT id, title FROM events", soci::into(id), soci::into(title));
    st.execute();
    while (st.fetch()) out[std::to_string(id)] = title;
    return out;
  });
}

// The network's health at a glance: real-tie share, cross-sector ties, E-I per
// sector (siloed sectors), isolated and fading members, event yield over time.
Result<Json> HealthJson(App& app, const analysis::Analysis& a) {
  const analysis::Graph& g = a.graph;
  const analysis::Report& r = a.report;
  const size_t k = g.sector_names.size();
  std::vector<int64_t> members(k, 0), inside(k, 0), outside(k, 0), real_inside(k, 0), real_outside(k, 0);
  int64_t real = 0, cross = 0, cross_real = 0;
  for (int32_t v = 0; v < g.NodeCount(); ++v) {
    ++members[g.sector[v]];
    for (int64_t e = g.Begin(v); e < g.End(v); ++e) {
      int32_t u = g.adj[e];
      if (u <= v) continue;
      bool is_real = g.real[e] != 0;
      real += is_real;
      if (g.sector[u] == g.sector[v]) {
        ++inside[g.sector[v]];
        real_inside[g.sector[v]] += is_real;
      } else {
        ++cross;
        cross_real += is_real;
        for (int32_t x : {u, v}) {
          ++outside[g.sector[x]];
          real_outside[g.sector[x]] += is_real;
        }
      }
    }
  }
  Json sectors = Json::array();
  for (size_t s = 0; s < k; ++s) {
    double ei = inside[s] + outside[s] > 0
                    ? static_cast<double>(outside[s] - inside[s]) / static_cast<double>(outside[s] + inside[s])
                    : std::nan("");
    sectors.push_back({{"sector", g.sector_names[s]},
                       {"members", members[s]},
                       {"ties_inside", inside[s]},
                       {"ties_outside", outside[s]},
                       {"real_inside", real_inside[s]},
                       {"real_outside", real_outside[s]},
                       {"ei", NumOrNull(ei)}});
  }
  constexpr size_t kListMax = 100;
  Json isolated = Json::array();
  for (const auto& id : r.network.isolated) {
    if (isolated.size() >= kListMax) break;
    isolated.push_back({{"id", id}, {"name", NameOf(g, id)}, {"sector", SectorOf(g, id)}});
  }
  Json fading = Json::array();
  for (const auto& f : r.fading) {
    if (fading.size() >= kListMax) break;
    fading.push_back({{"id", f.id},
                      {"name", NameOf(g, f.id)},
                      {"sector", SectorOf(g, f.id)},
                      {"last_active", analysis::FormatDay(f.last_active)},
                      {"days_inactive", f.days_inactive}});
  }
  VB_ASSIGN_OR_RETURN(EventTitles titles, LoadEventTitles(app));
  Json events = Json::array();
  for (const auto& e : r.events) {
    auto t = titles.find(e.event);
    events.push_back({{"event", e.event},
                      {"title", t == titles.end() ? std::string() : t->second},
                      {"date", e.date == analysis::kNoDate ? Json(nullptr) : Json(analysis::FormatDay(e.date))},
                      {"attendees", e.attendees},
                      {"new_ties", e.new_ties},
                      {"new_real_ties", e.new_real_ties},
                      {"new_cross_sector_real_ties", e.new_cross_sector_real_ties}});
  }
  Json online = Json::array();
  for (const auto& p : r.online_only)
    online.push_back({{"sector_a", p.sector_a}, {"sector_b", p.sector_b}, {"ties", p.ties}, {"real", p.real},
                      {"online_only", p.online_only}});
  return Json{{"members", g.NodeCount()},
              {"ties", g.TieCount()},
              {"real_ties", real},
              {"real_tie_share", NumOrNull(r.network.real_tie_share)},
              {"cross_sector_ties", cross},
              {"cross_sector_real_ties", cross_real},
              {"ei_index", NumOrNull(r.network.ei_index)},
              {"sectors", std::move(sectors)},
              {"isolated_count", r.network.isolated.size()},
              {"isolated", std::move(isolated)},
              {"fading_count", r.fading.size()},
              {"fading", std::move(fading)},
              {"events", std::move(events)},
              {"online_only", std::move(online)}};
}

// A suggested invitation with the member's name and why, as a kind the UI can
// say in both languages: isolated, small_group, online_only or fading.
Json InviteWithKind(const analysis::Analysis& a, const analysis::Invite& i) {
  const analysis::Graph& g = a.graph;
  Json j = {{"id", i.id}, {"reason", i.reason}, {"name", NameOf(g, i.id)}, {"sector", SectorOf(g, i.id)}};
  auto it = g.index.find(i.id);
  if (it == g.index.end()) return j;
  const int32_t v = it->second;
  // The engine's order of reasons (suggestions.h): isolated, small group,
  // never met face to face, fading.
  std::string kind = g.Degree(v) == 0                                    ? "isolated"
                     : i.reason.find("no tie to the rest") != std::string::npos ? "small_group"
                     : i.reason.find("face to face") != std::string::npos       ? "online_only"
                                                                                 : "fading";
  for (const auto& f : a.report.fading)
    if (f.id == i.id) j["days_inactive"] = f.days_inactive;
  j["kind"] = kind;
  j["degree"] = g.Degree(v);
  return j;
}

struct IntroductionRequest {
  int64_t a = 0, b = 0, via = 0;  // via 0 = none
  std::string message;
};

constexpr size_t kMaxIntroductionMessage = 1000;  // characters (code points)

size_t CodePoints(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// Records an introduction and notifies both members (not the via) in
// one transaction. Checks: a, b (and via) exist and are visible to the
// leader, all differ, a and b have no interaction yet, the pair was not
// introduced before.
Result<Json> CreateIntroduction(App& app, const domain::Viewer& viewer, const IntroductionRequest& in) {
  if (in.a == in.b) return InvalidArgument("a and b must be two different members", "b");
  if (in.via != 0 && (in.via == in.a || in.via == in.b)) return InvalidArgument("via must differ from a and b", "via");
  if (CodePoints(in.message) > kMaxIntroductionMessage)
    return InvalidArgument("at most " + std::to_string(kMaxIntroductionMessage) + " characters", "message");
  std::string names[3];
  int64_t ids[3] = {in.a, in.b, in.via};
  const char* fields[3] = {"a", "b", "via"};
  for (int i = 0; i < 3; ++i) {
    if (i == 2 && in.via == 0) continue;
    auto m = app.members().Get(viewer, ids[i]);
    if (!m) {
      if (m.status().code() == Code::kNotFound) return NotFound("no member with id " + std::to_string(ids[i]), fields[i]);
      return m.status();
    }
    // The notification names the others: an introduction must not reveal a
    // profile that is hidden from the members (privacy holds everywhere).
    if (m->visibility != model::Visibility::kMembers)
      return InvalidArgument(m->name + "'s profile is not visible to other members, so they cannot be introduced", fields[i]);
    names[i] = m->name;
  }
  VB_ASSIGN_OR_RETURN(auto leader, app.members().Get(viewer, viewer.member_id));
  const int64_t now = app.clock().Now();
  return domain::WithSession<Json>(app.db(), [&](soci::session& sql) -> Result<Json> {
    long long lo = std::min(in.a, in.b), hi = std::max(in.a, in.b);
    storage::Transaction tr(sql);
    long long tied = 0, before = 0;
    sql << "SELECT count(*) FROM interactions WHERE a = :a AND b = :b", soci::use(lo), soci::use(hi), soci::into(tied);
    if (tied > 0) return Conflict(names[0] + " and " + names[1] + " are already tied", "b");
    sql << "SELECT count(*) FROM introductions WHERE a = :a AND b = :b", soci::use(lo), soci::use(hi), soci::into(before);
    if (before > 0) return Conflict(names[0] + " and " + names[1] + " were already introduced", "b");
    long long via = in.via, by = viewer.member_id, t = now;
    soci::indicator via_ind = in.via == 0 ? soci::i_null : soci::i_ok;
    sql << "INSERT INTO introductions (a, b, via, message, introduced_by, created_at) VALUES (:a, :b, :v, :m, :by, :t)",
        soci::use(lo), soci::use(hi), soci::use(via, via_ind), soci::use(in.message), soci::use(by), soci::use(t);
    long long id = 0;
    sql << "SELECT id FROM introductions WHERE a = :a AND b = :b", soci::use(lo), soci::use(hi), soci::into(id);
    const std::string ref = "introduction:" + std::to_string(id);
    const std::string through = in.via != 0 ? " (through " + names[2] + ")" : "";
    const std::string via_nl = in.via != 0 ? " (via " + names[2] + ")" : "";
    const std::string note = in.message.empty() ? "" : ": " + in.message;
    for (int i = 0; i < 2; ++i)
      notify::Notify(sql, ids[i], "introduction",
                     {leader.name + " introduces you to " + names[1 - i] + through + note,
                      leader.name + " stelt je voor aan " + names[1 - i] + via_nl + note},
                     ref, now, ids[1 - i]);
    tr.commit();
    return Json{{"id", id},
                {"a", in.a},
                {"b", in.b},
                {"via", in.via == 0 ? Json(nullptr) : Json(in.via)},
                {"message", in.message},
                {"introduced_by", viewer.member_id},
                {"created_at", now}};
  });
}

// The map's routes (registered by RegisterNetworkAnalysisRoutes).
void RegisterMapRoutes(App& app) {
  auto maps = std::make_shared<MapCache>(app);
  // With --precompute-map the first organizer map starts computing with the server.
  if (app.options().precompute_map) {
    const domain::Viewer organizers = MapCache::ViewerFor({-2, model::Role::kOrganizer});
    if (auto fp = app.network().NetworkFingerprint(organizers)) maps->Warm(organizers, {}, *fp);
  }

  auto unavailable = [](const std::string& message) {
    Response r = ErrorResponse(Status(Code::kUnavailable, message));
    r.headers.push_back({"Retry-After", "5"});
    return r;
  };

  app.Add(Method::kGet, "/api/v1/network/map", Access::kOrganizer, [&app, maps, unavailable](Ctx& ctx) -> Result<Response> {
    VB_RETURN_IF_ERROR(CheckQueryParams(ctx.req, {"real_only", "as_of", "compact", "max_ties"}));
    VB_ASSIGN_OR_RETURN(auto options, OptionsFrom(ctx.req));
    std::string compact = QueryString(ctx.req, "compact");
    if (!compact.empty() && compact != "true" && compact != "false")
      return InvalidArgument("must be true or false", "compact");
    VB_ASSIGN_OR_RETURN(int budget, QueryInt(ctx.req, "max_ties", kMapMaxTies, 1, 100000000));
    VB_ASSIGN_OR_RETURN(auto found, maps->Get(MapCache::ViewerFor(ctx.viewer), options, std::chrono::seconds(kMapWaitSeconds)));
    if (!found.version) {
      if (!found.error.empty()) return Status(Code::kInternal, "network map: " + found.error);
      return unavailable("the network map is being computed; try again in a few seconds");
    }
    auto& v = *found.version;
    std::string body;
    {
      const std::pair<bool, int64_t> key{compact == "true", budget};
      const std::pair<bool, int64_t> page_key{true, kMapMaxTies};
      std::lock_guard<std::mutex> lock(v.mu);
      auto it = v.bodies.find(key);
      if (it == v.bodies.end()) {
        if (v.bodies.size() >= 8) std::erase_if(v.bodies, [&](const auto& kv) { return kv.first != page_key; });
        it = v.bodies.emplace(key, MapJsonOpen(*v.analysis, *v.layout, key.first, budget, v.computed_at)).first;
      }
      body = it->second;
    }
    const int64_t age = std::max<int64_t>(0, app.clock().Now() - v.computed_at);
    body += ",\"age_seconds\":" + std::to_string(age) + ",\"stale\":" + (found.stale ? "true" : "false") + "}";
    return Response::Text(std::move(body), "application/json");
  });

  // All ties of one member in the current map (the map draws only some).
  app.Add(Method::kGet, "/api/v1/network/map/ties/:id", Access::kOrganizer, [maps, unavailable](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_RETURN_IF_ERROR(CheckQueryParams(ctx.req, {"real_only", "as_of"}));
    VB_ASSIGN_OR_RETURN(auto options, OptionsFrom(ctx.req));
    VB_ASSIGN_OR_RETURN(auto found, maps->Get(MapCache::ViewerFor(ctx.viewer), options, std::chrono::seconds(kMapWaitSeconds)));
    if (!found.version) return unavailable("the network map is being computed; try again in a few seconds");
    const analysis::Graph& g = found.version->analysis->graph;
    auto it = g.index.find(std::to_string(id));
    if (it == g.index.end()) return NotFound("no member with id " + std::to_string(id) + " on the map", "id");
    const int32_t v = it->second;
    Json ties = Json::array();
    for (int64_t e = g.Begin(v); e < g.End(v); ++e) ties.push_back(Json::array({g.ids[g.adj[e]], g.real[e] != 0 ? 1 : 0}));
    return Response::JsonBody({{"id", g.ids[v]}, {"ties", std::move(ties)}, {"computed_at", found.version->computed_at}});
  });
}

}  // namespace

void RegisterNetworkAnalysisRoutes(App& app) {
  auto cache = std::make_shared<AnalysisCache>();

  app.Add(Method::kGet, "/api/v1/network/report", Access::kOrganizer, [&app, cache](Ctx& ctx) -> Result<Response> {
    VB_RETURN_IF_ERROR(CheckQueryParams(ctx.req, {"real_only", "as_of", "fading_days"}));
    VB_ASSIGN_OR_RETURN(auto options, OptionsFrom(ctx.req));
    VB_ASSIGN_OR_RETURN(auto entry, cache->Get(app, ctx.viewer, options));
    return Response::Text(analysis::ReportToJson(entry->analysis->report).dump(), "application/json");
  });

  app.Add(Method::kGet, "/api/v1/network/members/:id", Access::kMember, [&app, cache](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_RETURN_IF_ERROR(CheckQueryParams(ctx.req, {"real_only", "as_of", "fading_days"}));
    if (!ctx.viewer.IsOrganizer() && id != ctx.viewer.member_id)
      return PermissionDenied("members may see only their own position");
    VB_ASSIGN_OR_RETURN(auto options, OptionsFrom(ctx.req));
    VB_ASSIGN_OR_RETURN(auto entry, cache->Get(app, ctx.viewer, options));
    auto pos = analysis::PositionOf(*entry->analysis, std::to_string(id));
    if (!pos) return NotFound("no member with id " + std::to_string(id), "id");
    return Response::Text(analysis::PositionToJson(*pos).dump(), "application/json");
  });

  app.Add(Method::kGet, "/api/v1/network/suggestions", Access::kMember, [&app, cache](Ctx& ctx) -> Result<Response> {
    VB_RETURN_IF_ERROR(CheckQueryParams(ctx.req, {"limit"}));
    VB_ASSIGN_OR_RETURN(int limit, QueryInt(ctx.req, "limit", 20, 1, 50));
    VB_ASSIGN_OR_RETURN(auto entry, cache->Get(app, ctx.viewer, {}));
    // Introductions already made leave the list (the cached analysis predates them).
    VB_ASSIGN_OR_RETURN(auto introduced, IntroducedPairs(app));
    const analysis::Graph& g = entry->analysis->graph;
    Json intro = Json::array(), invite = Json::array();
    if (ctx.viewer.IsOrganizer()) {
      VB_ASSIGN_OR_RETURN(auto not_public, NotPublicIds(app));
      for (const auto& i : entry->analysis->report.suggestions.introductions) {
        if (static_cast<int>(intro.size()) >= limit) break;
        if (Introduced(introduced, i.a, i.b)) continue;
        Json j = IntroductionWithNames(g, i);
        j["can_introduce"] = !not_public.count(i.a) && !not_public.count(i.b) && !not_public.count(i.via);
        intro.push_back(std::move(j));
      }
    } else {
      // A member sees only the introductions that involve them.
      auto pos = analysis::PositionOf(*entry->analysis, std::to_string(ctx.viewer.member_id), limit);
      if (pos)
        for (const auto& i : pos->introductions)
          if (!Introduced(introduced, i.a, i.b)) intro.push_back(IntroductionWithNames(g, i));
    }
    if (ctx.viewer.IsOrganizer()) {
      for (const auto& i : entry->analysis->report.suggestions.invite) {
        if (static_cast<int>(invite.size()) >= limit) break;
        invite.push_back(InviteWithKind(*entry->analysis, i));
      }
    }
    return Response::JsonBody({{"introductions", intro}, {"invite", invite}});
  });

  app.Add(Method::kPost, "/api/v1/network/introductions", Access::kOrganizer, [&app](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
    VB_RETURN_IF_ERROR(domain::RejectUnknown(body, {"a", "b", "via", "message"}));
    IntroductionRequest in;
    VB_ASSIGN_OR_RETURN(in.a, domain::GetInt(body, "a", true));
    VB_ASSIGN_OR_RETURN(in.b, domain::GetInt(body, "b", true));
    if (body.contains("via") && !body["via"].is_null()) {
      VB_ASSIGN_OR_RETURN(in.via, domain::GetInt(body, "via", true));
    }
    VB_ASSIGN_OR_RETURN(in.message, domain::GetString(body, "message", false));
    for (auto [v, f] : {std::pair{in.a, "a"}, std::pair{in.b, "b"}})
      if (v <= 0) return InvalidArgument("must be a member id", f);
    if (body.contains("via") && !body["via"].is_null() && in.via <= 0) return InvalidArgument("must be a member id", "via");
    VB_ASSIGN_OR_RETURN(Json out, CreateIntroduction(app, ctx.viewer, in));
    return Response::JsonBody(out, 201);
  });

  app.Add(Method::kGet, "/api/v1/network/health", Access::kOrganizer, [&app, cache](Ctx& ctx) -> Result<Response> {
    VB_RETURN_IF_ERROR(CheckQueryParams(ctx.req, {"fading_days"}));
    VB_ASSIGN_OR_RETURN(auto options, OptionsFrom(ctx.req));
    VB_ASSIGN_OR_RETURN(auto entry, cache->Get(app, ctx.viewer, options));
    VB_ASSIGN_OR_RETURN(Json out, HealthJson(app, *entry->analysis));
    return Response::JsonBody(out);
  });

  // The health trend per month (Europe/Amsterdam) from the ledger's dates:
  // real-tie share, cross-sector tie share and active members (see
  // domain::MonthlyTrend); only members the viewer may see.
  app.Add(Method::kGet, "/api/v1/network/health/trend", Access::kOrganizer, [&app](Ctx& ctx) -> Result<Response> {
    VB_RETURN_IF_ERROR(CheckQueryParams(ctx.req, {"months"}));
    VB_ASSIGN_OR_RETURN(int months, QueryInt(ctx.req, "months", 12, 1, 36));
    VB_ASSIGN_OR_RETURN(auto net, app.network().LoadVisibleNetwork(ctx.viewer));
    Json items = Json::array();
    auto share = [](int64_t part, int64_t whole) { return whole > 0 ? Json(static_cast<double>(part) / whole) : Json(nullptr); };
    for (const auto& t : domain::MonthlyTrend(net, months, app.clock().Now()))
      items.push_back({{"month", t.month},
                       {"starts_at", t.starts_at},
                       {"ends_at", t.ends_at},
                       {"ties", t.ties},
                       {"real_ties", t.real_ties},
                       {"real_tie_share", share(t.real_ties, t.ties)},
                       {"cross_sector_ties", t.cross_sector_ties},
                       {"cross_sector_share", share(t.cross_sector_ties, t.ties)},
                       {"active_members", t.active_members}});
    return Response::JsonBody({{"time_zone", "Europe/Amsterdam"}, {"months", items}});
  });

  RegisterMapRoutes(app);

  app.Add(Method::kGet, "/api/v1/network/events", Access::kOrganizer, [&app, cache](Ctx& ctx) -> Result<Response> {
    VB_RETURN_IF_ERROR(CheckQueryParams(ctx.req, {}));
    VB_ASSIGN_OR_RETURN(auto entry, cache->Get(app, ctx.viewer, {}));
    Json report = Plain(analysis::ReportToJson(entry->analysis->report));
    return Response::JsonBody({{"events", report.value("events", Json::array())},
                               {"online_only", report.value("online_only", Json::array())},
                               {"fading", report.value("fading", Json::array())}});
  });
}

}  // namespace verbinder::api
