// /healthz, /metrics, /api/v1/openapi.json, /api/v1/export.
#include "api/app.h"
#include "api/metrics.h"
#include "api/openapi.h"
#include "domain/json_codec.h"
#include "domain/member_cache.h"

namespace verbinder::api {

void RegisterSystemRoutes(App& app) {
  // Trivial on purpose: the baseline for throughput comparisons.
  app.Add(Method::kGet, "/healthz", Access::kPublic,
          [](Ctx&) -> Result<Response> { return Response::Text("{\"status\":\"ok\"}", "application/json"); });

  app.Add(Method::kGet, "/metrics", Access::kPublic, [&app](Ctx&) -> Result<Response> {
    // The profile cache (domain/member_cache.h): how well it serves, what it holds.
    const auto c = domain::MemberCache::For(app.db())->stats();
    std::string text = app.metrics().Render();
    text +=
        "# HELP verbinder_profile_cache_lookups_total Member profile reads from the per-process cache.\n"
        "# TYPE verbinder_profile_cache_lookups_total counter\n"
        "verbinder_profile_cache_lookups_total{result=\"hit\"} " +
        std::to_string(c.hits) +
        "\n"
        "verbinder_profile_cache_lookups_total{result=\"miss\"} " +
        std::to_string(c.misses) +
        "\n"
        "# HELP verbinder_profile_cache_entries Member profiles held in the cache.\n"
        "# TYPE verbinder_profile_cache_entries gauge\n"
        "verbinder_profile_cache_entries " +
        std::to_string(c.entries) +
        "\n"
        "# HELP verbinder_profile_cache_bytes Memory the cached profiles take (estimate).\n"
        "# TYPE verbinder_profile_cache_bytes gauge\n"
        "verbinder_profile_cache_bytes " +
        std::to_string(c.bytes) + "\n";
    return Response::Text(std::move(text), "text/plain; version=0.0.4");
  });

  app.Add(Method::kGet, "/api/v1/openapi.json", Access::kPublic,
          [](Ctx&) -> Result<Response> { return Response::Text(OpenApiDocument(), "application/json"); });

  app.Add(Method::kGet, "/api/v1/export", Access::kOrganizer, [&app](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(auto j, domain::ExportAll(app.db(), ctx.viewer));
    Response r = Response::JsonBody(j);
    r.headers.push_back({"Content-Disposition", "attachment; filename=\"verbinder-export.json\""});
    return r;
  });
}

}  // namespace verbinder::api
