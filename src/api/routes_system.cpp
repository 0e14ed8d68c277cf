// /healthz, /metrics, /api/v1/openapi.json, /api/v1/export.
#include "api/app.h"
#include "api/metrics.h"
#include "api/openapi.h"
#include "domain/json_codec.h"

namespace verbinder::api {

void RegisterSystemRoutes(App& app) {
  // Trivial on purpose: the baseline for throughput comparisons.
  app.Add(Method::kGet, "/healthz", Access::kPublic,
          [](Ctx&) -> Result<Response> { return Response::Text("{\"status\":\"ok\"}", "application/json"); });

  app.Add(Method::kGet, "/metrics", Access::kPublic, [&app](Ctx&) -> Result<Response> {
    return Response::Text(app.metrics().Render(), "text/plain; version=0.0.4");
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
