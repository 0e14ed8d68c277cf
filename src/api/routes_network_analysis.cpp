// /api/v1/network/...: the leader's view of the network (analysis engine over
// the ledger). Organizers see everything that is not hidden from them; a
// member sees only their own position and the introductions involving them.
// Hidden members never enter the analysis of someone who may not see them.
#include <chrono>
#include <mutex>

#include "analysis/export.h"
#include "analysis/input.h"
#include "analysis/layout.h"
#include "analysis/report.h"
#include "api/app.h"

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
    std::shared_ptr<const Json> map;  // computed on first request
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
    Json intro = Json::array(), invite = Json::array();
    if (ctx.viewer.IsOrganizer()) {
      for (const auto& i : entry->analysis->report.suggestions.introductions) {
        if (static_cast<int>(intro.size()) >= limit) break;
        intro.push_back(Plain(analysis::IntroductionToJson(i)));
      }
    } else {
      // A member sees only the introductions that involve them.
      auto pos = analysis::PositionOf(*entry->analysis, std::to_string(ctx.viewer.member_id), limit);
      if (pos)
        for (const auto& i : pos->introductions) intro.push_back(Plain(analysis::IntroductionToJson(i)));
    }
    if (ctx.viewer.IsOrganizer()) {
      Json report = Plain(analysis::ReportToJson(entry->analysis->report));
      for (const auto& j : report["suggestions"]["invite"]) {
        if (static_cast<int>(invite.size()) >= limit) break;
        invite.push_back(j);
      }
    }
    return Response::JsonBody({{"introductions", intro}, {"invite", invite}});
  });

  app.Add(Method::kGet, "/api/v1/network/map", Access::kOrganizer, [&app, cache](Ctx& ctx) -> Result<Response> {
    VB_RETURN_IF_ERROR(CheckQueryParams(ctx.req, {"real_only", "as_of"}));
    VB_ASSIGN_OR_RETURN(auto options, OptionsFrom(ctx.req));
    VB_ASSIGN_OR_RETURN(auto entry, cache->Get(app, ctx.viewer, options));
    static std::mutex map_mu;
    std::lock_guard<std::mutex> lock(map_mu);
    if (!entry->map) {
      auto layout = analysis::ComputeLayout(entry->analysis->graph);
      entry->map = std::make_shared<const Json>(Plain(analysis::MapToJson(*entry->analysis, layout)));
    }
    return Response::Text(entry->map->dump(), "application/json");
  });

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
