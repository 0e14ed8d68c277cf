// /api/v1/network/...: the leader's view of the network — routing and JSON
// only; the analysis, its caches, the map and introductions live in
// network_insights (InsightsService, IntroductionService). Organizers see
// everything that is not hidden from them; a member sees only their own
// position and the introductions involving them. Hidden members never enter
// the analysis of someone who may not see them.
//
// The map is computed in the background and served from memory: a request
// whose network is unchanged gets it at once; a stale one is served at once too
// (with "stale": true and its age) while the service recomputes; only the very
// first map of a view makes the request wait, at most kMapWaitSeconds, then 503
// with Retry-After (the page retries). With `serve --precompute-map` the first
// organizer map starts computing with the server. At large sizes the map does
// not carry every tie (analysis::ChooseTies: per member its strongest ties,
// then the strongest real ties, up to max_ties); GET /network/map/ties/:id
// gives all ties of one member. Organizers act on the suggestions: POST
// /network/introductions records an introduction and notifies both members,
// and the pair leaves the suggestion list.
#include <chrono>
#include <cmath>
#include <map>
#include <memory>
#include <utility>

#include "analysis/export.h"
#include "api/app.h"
#include "api/error_mapping.h"
#include "domain/json_codec.h"
#include "network_insights/health.h"
#include "network_insights/insights.h"
#include "network_insights/introductions.h"
#include "network_insights/map_json.h"

namespace verbinder::api {
namespace {

using network_insights::InsightsService;
using network_insights::IntroductionService;

constexpr auto kMapWait = std::chrono::seconds(20);  // below the server's 30 s request timeout

// The services behind these routes, built once per App.
struct NetworkInsights {
  explicit NetworkInsights(App& app)
      : insights(app.clock(), app.members(), app.network()), introductions(app.db(), app.clock(), app.members()) {}
  InsightsService insights;
  IntroductionService introductions;
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

Json Plain(const nlohmann::ordered_json& j) {
  return Json::parse(j.dump());
}

Json NumOrNull(double x) {
  return std::isfinite(x) ? Json(x) : Json(nullptr);
}

std::string NameOf(const analysis::Graph& g, const std::string& id) {
  auto it = g.index.find(id);
  return it == g.index.end() ? std::string() : g.names[it->second];
}

std::string SectorOf(const analysis::Graph& g, const std::string& id) {
  auto it = g.index.find(id);
  return it == g.index.end() ? std::string() : g.sector_names[g.sector[it->second]];
}

// A suggested introduction with the names the leader reads it by, and the
// facts the UI words in its language (`reason` is English, for API clients).
Json IntroductionWithNames(const analysis::Analysis& a, const analysis::Introduction& i) {
  const analysis::Graph& g = a.graph;
  Json j = Plain(analysis::IntroductionToJson(i));
  const network_insights::IntroductionFacts facts = network_insights::FactsOf(a, i);
  j["common_contacts"] = facts.common_contacts;
  j["different_sectors"] = facts.different_sectors;
  j["different_communities"] = facts.different_communities;
  j["a_name"] = NameOf(g, i.a);
  j["b_name"] = NameOf(g, i.b);
  j["via_name"] = i.via.empty() ? std::string() : NameOf(g, i.via);
  j["a_sector"] = SectorOf(g, i.a);
  j["b_sector"] = SectorOf(g, i.b);
  return j;
}

// The network's health at a glance: real-tie share, cross-sector ties, E-I per
// sector (siloed sectors), isolated and fading members, event yield over time.
Json HealthJson(const analysis::Analysis& a, const std::map<std::string, std::string>& titles) {
  const analysis::Graph& g = a.graph;
  const analysis::Report& r = a.report;
  const network_insights::Health h = network_insights::SummarizeHealth(a);
  Json sectors = Json::array();
  for (const auto& s : h.sectors)
    sectors.push_back({{"sector", s.sector},
                       {"members", s.members},
                       {"ties_inside", s.ties_inside},
                       {"ties_outside", s.ties_outside},
                       {"real_inside", s.real_inside},
                       {"real_outside", s.real_outside},
                       {"ei", NumOrNull(s.ei)}});
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
    online.push_back({{"sector_a", p.sector_a},
                      {"sector_b", p.sector_b},
                      {"ties", p.ties},
                      {"real", p.real},
                      {"online_only", p.online_only}});
  return Json{{"members", g.NodeCount()},
              {"ties", g.TieCount()},
              {"real_ties", h.real_ties},
              {"real_tie_share", NumOrNull(r.network.real_tie_share)},
              {"cross_sector_ties", h.cross_sector_ties},
              {"cross_sector_real_ties", h.cross_sector_real_ties},
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
  const std::string kind = network_insights::InviteKind(a, i);
  if (kind.empty()) return j;
  for (const auto& f : a.report.fading)
    if (f.id == i.id) j["days_inactive"] = f.days_inactive;
  j["kind"] = kind;
  j["degree"] = g.Degree(g.index.at(i.id));
  return j;
}

Json IntroductionRecordJson(const network_insights::IntroductionRecord& r) {
  return Json{{"id", r.id},
              {"a", r.a},
              {"b", r.b},
              {"via", r.via == 0 ? Json(nullptr) : Json(r.via)},
              {"message", r.message},
              {"introduced_by", r.introduced_by},
              {"created_at", r.created_at}};
}

Response Unavailable(const std::string& message) {
  Response r = ErrorResponse(Status(Code::kUnavailable, message));
  r.headers.push_back({"Retry-After", "5"});
  return r;
}

// The map's routes (registered by RegisterNetworkAnalysisRoutes).
void RegisterMapRoutes(App& app, const std::shared_ptr<NetworkInsights>& services) {
  // With --precompute-map the first organizer map starts computing with the server.
  if (app.options().precompute_map) (void)services->insights.WarmMap({-2, model::Role::kOrganizer}, {});

  app.Add(Method::kGet, "/api/v1/network/map", Access::kOrganizer, [&app, services](Ctx& ctx) -> Result<Response> {
    VB_RETURN_IF_ERROR(CheckQueryParams(ctx.req, {"real_only", "as_of", "compact", "max_ties"}));
    VB_ASSIGN_OR_RETURN(auto options, OptionsFrom(ctx.req));
    std::string compact = QueryString(ctx.req, "compact");
    if (!compact.empty() && compact != "true" && compact != "false")
      return InvalidArgument("must be true or false", "compact");
    VB_ASSIGN_OR_RETURN(int budget, QueryInt(ctx.req, "max_ties", network_insights::kMapMaxTies, 1, 100000000));
    VB_ASSIGN_OR_RETURN(auto found, services->insights.Map(ctx.viewer, options, kMapWait));
    if (!found.version) {
      if (!found.error.empty()) return Status(Code::kInternal, "network map: " + found.error);
      return Unavailable("the network map is being computed; try again in a few seconds");
    }
    const auto& v = *found.version;
    std::string body = v.Body(compact == "true", budget);
    const int64_t age = std::max<int64_t>(0, app.clock().Now() - v.computed_at);
    body += ",\"age_seconds\":" + std::to_string(age) + ",\"stale\":" + (found.stale ? "true" : "false") + "}";
    return Response::Text(std::move(body), "application/json");
  });

  // All ties of one member in the current map (the map draws only some).
  app.Add(Method::kGet, "/api/v1/network/map/ties/:id", Access::kOrganizer, [services](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_RETURN_IF_ERROR(CheckQueryParams(ctx.req, {"real_only", "as_of"}));
    VB_ASSIGN_OR_RETURN(auto options, OptionsFrom(ctx.req));
    VB_ASSIGN_OR_RETURN(auto found, services->insights.Map(ctx.viewer, options, kMapWait));
    if (!found.version) return Unavailable("the network map is being computed; try again in a few seconds");
    const analysis::Graph& g = found.version->analysis->graph;
    auto it = g.index.find(std::to_string(id));
    if (it == g.index.end()) return NotFound("no member with id " + std::to_string(id) + " on the map", "id");
    const int32_t v = it->second;
    Json ties = Json::array();
    for (int64_t e = g.Begin(v); e < g.End(v); ++e)
      ties.push_back(Json::array({g.ids[g.adj[e]], g.real[e] != 0 ? 1 : 0}));
    return Response::JsonBody(
        {{"id", g.ids[v]}, {"ties", std::move(ties)}, {"computed_at", found.version->computed_at}});
  });
}

}  // namespace

void RegisterNetworkAnalysisRoutes(App& app) {
  auto services = std::make_shared<NetworkInsights>(app);

  app.Add(Method::kGet, "/api/v1/network/report", Access::kOrganizer, [services](Ctx& ctx) -> Result<Response> {
    VB_RETURN_IF_ERROR(CheckQueryParams(ctx.req, {"real_only", "as_of", "fading_days"}));
    VB_ASSIGN_OR_RETURN(auto options, OptionsFrom(ctx.req));
    VB_ASSIGN_OR_RETURN(auto a, services->insights.Analysis(ctx.viewer, options));
    return Response::Text(analysis::ReportToJson(a->report).dump(), "application/json");
  });

  app.Add(Method::kGet, "/api/v1/network/members/:id", Access::kMember, [services](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_RETURN_IF_ERROR(CheckQueryParams(ctx.req, {"real_only", "as_of", "fading_days"}));
    if (!ctx.viewer.IsOrganizer() && id != ctx.viewer.member_id)
      return PermissionDenied("members may see only their own position");
    VB_ASSIGN_OR_RETURN(auto options, OptionsFrom(ctx.req));
    VB_ASSIGN_OR_RETURN(auto a, services->insights.Analysis(ctx.viewer, options));
    auto pos = analysis::PositionOf(*a, std::to_string(id));
    if (!pos) return NotFound("no member with id " + std::to_string(id), "id");
    return Response::Text(analysis::PositionToJson(*pos).dump(), "application/json");
  });

  app.Add(Method::kGet, "/api/v1/network/suggestions", Access::kMember, [services](Ctx& ctx) -> Result<Response> {
    VB_RETURN_IF_ERROR(CheckQueryParams(ctx.req, {"limit"}));
    VB_ASSIGN_OR_RETURN(int limit, QueryInt(ctx.req, "limit", 20, 1, 50));
    VB_ASSIGN_OR_RETURN(auto a, services->insights.Analysis(ctx.viewer, {}));
    // Introductions already made leave the list (the cached analysis predates them).
    VB_ASSIGN_OR_RETURN(auto introduced, services->introductions.Introduced());
    Json intro = Json::array(), invite = Json::array();
    if (ctx.viewer.IsOrganizer()) {
      VB_ASSIGN_OR_RETURN(auto not_public, services->introductions.NotVisibleToMembers());
      // Introductions between others: one that would introduce the leader herself is hers to
      // make by getting in touch, not through a button that introduces her to herself.
      const std::string me = std::to_string(ctx.viewer.member_id);
      for (const auto& i : a->report.suggestions.introductions) {
        if (static_cast<int>(intro.size()) >= limit) break;
        if (i.a == me || i.b == me) continue;
        if (network_insights::WasIntroduced(introduced, i.a, i.b)) continue;
        Json j = IntroductionWithNames(*a, i);
        j["can_introduce"] = !not_public.count(i.a) && !not_public.count(i.b) && !not_public.count(i.via);
        intro.push_back(std::move(j));
      }
      for (const auto& i : a->report.suggestions.invite) {
        if (static_cast<int>(invite.size()) >= limit) break;
        invite.push_back(InviteWithKind(*a, i));
      }
    } else {
      // A member sees only the introductions that involve them.
      auto pos = analysis::PositionOf(*a, std::to_string(ctx.viewer.member_id), limit);
      if (pos)
        for (const auto& i : pos->introductions)
          if (!network_insights::WasIntroduced(introduced, i.a, i.b)) intro.push_back(IntroductionWithNames(*a, i));
    }
    return Response::JsonBody({{"introductions", intro}, {"invite", invite}});
  });

  app.Add(Method::kPost, "/api/v1/network/introductions", Access::kOrganizer, [services](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
    VB_RETURN_IF_ERROR(domain::RejectUnknown(body, {"a", "b", "via", "message"}));
    network_insights::IntroductionRequest in;
    VB_ASSIGN_OR_RETURN(in.a, domain::GetInt(body, "a", true));
    VB_ASSIGN_OR_RETURN(in.b, domain::GetInt(body, "b", true));
    const bool has_via = body.contains("via") && !body["via"].is_null();
    if (has_via) {
      VB_ASSIGN_OR_RETURN(in.via, domain::GetInt(body, "via", true));
    }
    VB_ASSIGN_OR_RETURN(in.message, domain::GetString(body, "message", false));
    for (auto [v, f] : {std::pair{in.a, "a"}, std::pair{in.b, "b"}})
      if (v <= 0) return InvalidArgument("must be a member id", f);
    if (has_via && in.via <= 0) return InvalidArgument("must be a member id", "via");
    VB_ASSIGN_OR_RETURN(auto record, services->introductions.Introduce(ctx.viewer, in));
    return Response::JsonBody(IntroductionRecordJson(record), 201);
  });

  app.Add(Method::kGet, "/api/v1/network/health", Access::kOrganizer, [services](Ctx& ctx) -> Result<Response> {
    VB_RETURN_IF_ERROR(CheckQueryParams(ctx.req, {"fading_days"}));
    VB_ASSIGN_OR_RETURN(auto options, OptionsFrom(ctx.req));
    VB_ASSIGN_OR_RETURN(auto a, services->insights.Analysis(ctx.viewer, options));
    VB_ASSIGN_OR_RETURN(auto titles, services->introductions.EventTitles());
    return Response::JsonBody(HealthJson(*a, titles));
  });

  // The health trend per month (Europe/Amsterdam) from the ledger's dates:
  // real-tie share, cross-sector tie share and active members (see
  // domain::MonthlyTrend); only members the viewer may see.
  app.Add(Method::kGet, "/api/v1/network/health/trend", Access::kOrganizer, [&app](Ctx& ctx) -> Result<Response> {
    VB_RETURN_IF_ERROR(CheckQueryParams(ctx.req, {"months"}));
    VB_ASSIGN_OR_RETURN(int months, QueryInt(ctx.req, "months", 12, 1, 36));
    VB_ASSIGN_OR_RETURN(auto net, app.network().LoadVisibleNetwork(ctx.viewer));
    Json items = Json::array();
    auto share = [](int64_t part, int64_t whole) {
      return whole > 0 ? Json(static_cast<double>(part) / whole) : Json(nullptr);
    };
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

  RegisterMapRoutes(app, services);

  app.Add(Method::kGet, "/api/v1/network/events", Access::kOrganizer, [services](Ctx& ctx) -> Result<Response> {
    VB_RETURN_IF_ERROR(CheckQueryParams(ctx.req, {}));
    VB_ASSIGN_OR_RETURN(auto a, services->insights.Analysis(ctx.viewer, {}));
    Json report = Plain(analysis::ReportToJson(a->report));
    return Response::JsonBody({{"events", report.value("events", Json::array())},
                               {"online_only", report.value("online_only", Json::array())},
                               {"fading", report.value("fading", Json::array())}});
  });
}

}  // namespace verbinder::api
