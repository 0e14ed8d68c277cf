// The web UI: the embedded static files (web/dist, see src/web/) and the
// single-page app's client-side paths, which all serve index.html.
// Registered last, so no API route is ever shadowed.
#include "api/app.h"
#include "web/web_assets.h"

namespace verbinder::api {
namespace {

// Strict: scripts, styles, images and fonts only from this origin; no inline
// scripts or styles, not framed by others, no plugins; fetch only to this
// origin. Frames only from this origin (the leader's newsletter preview, which
// the API serves sandboxed).
constexpr const char* kCsp =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; "
    "frame-src 'self'; "
    "object-src 'none'";

// The client-side pages of the single-page app (web/src/areas/*.ts). Every path
// in one of these sections, up to four segments deep, serves index.html; the
// app itself shows "not found" for a path it does not know.
constexpr const char* kSections[] = {
    "/login", "/members", "/profile", "/connections", "/ties", "/leader", "/events", "/schedule", "/questions",
    "/visits", "/signup", "/invite", "/reset", "/account", "/notifications", "/newsletter", "/articles",
    "/connect",
};

Response AssetResponse(std::string_view path, bool immutable) {
  auto a = web::FindAsset(path);
  if (!a) return Response::Text("not found", "text/plain; charset=utf-8", 404);
  Response r = Response::Text(std::string(a->body), std::string(a->content_type));
  r.headers.push_back({"Content-Security-Policy", kCsp});
  r.headers.push_back({"X-Frame-Options", "DENY"});
  r.headers.push_back({"Referrer-Policy", "same-origin"});
  r.headers.push_back({"Cross-Origin-Opener-Policy", "same-origin"});
  r.headers.push_back({"Permissions-Policy", "camera=(self), microphone=(), geolocation=()"});
  // Hashed names never change content: cache for a year. Everything else (index.html) revalidates.
  r.headers.push_back({"Cache-Control", immutable ? "public, max-age=31536000, immutable" : "no-cache"});
  return r;
}

}  // namespace

void RegisterWebRoutes(App& app) {
  for (std::string_view path : web::AssetPaths()) {
    if (path == "/index.html") continue;  // served at the page paths below
    std::string p(path);
    bool immutable = web::IsImmutable(path);
    app.Add(Method::kGet, p, Access::kPublic, [p, immutable](Ctx&) -> Result<Response> { return AssetResponse(p, immutable); });
  }
  auto page = [](Ctx&) -> Result<Response> { return AssetResponse("/index.html", false); };
  app.Add(Method::kGet, "/", Access::kPublic, page);
  for (const char* section : kSections) {
    std::string p = section;
    for (const char* seg : {"", "/:p1", "/:p2", "/:p3"}) {
      p += seg;
      app.Add(Method::kGet, p, Access::kPublic, page);
    }
  }
}

}  // namespace verbinder::api
