// The web UI: the embedded static files (web/dist, see src/web/) and the
// single-page app's client-side paths, which all serve index.html; the
// network's public face for the front door (GET /api/v1/site: name,
// description and logo from the site.* settings; the leader edits them with
// PUT /api/v1/site); and the HTML "not found"
// page for unknown non-API paths (WebNotFoundPage, used by App::Handle).
// Registered last, so no API route is ever shadowed.
#include <soci/soci.h>

#include "api/app.h"
#include "domain/db_util.h"
#include "domain/json_codec.h"
#include "domain/validation.h"
#include "storage/transaction.h"
#include "util/strings.h"
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
    "/login",  "/members",  "/profile",       "/connections", "/ties",     "/leader",
    "/events", "/schedule", "/questions",     "/visits",      "/signup",   "/invite",
    "/reset",  "/account",  "/notifications", "/newsletter",  "/articles", "/connect",
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

// The site.* settings (`verbinder settings set site.name "Netwerk Twente"`):
// what a visitor who is not signed in sees first. A logo is a path on this
// server or a data: image (the pages' Content-Security-Policy allows no other
// origin); anything else falls back to the built-in logo.
struct Site {
  std::string name = "verbinder", description_nl, description_en, organizer, logo_url = "/favicon.svg";
};

// A logo the front door can show: a path on this server (not "//host") or a
// data: image, the only kinds the pages' CSP allows.
bool IsLocalLogo(const std::string& v) {
  return (v[0] == '/' && (v.size() < 2 || v[1] != '/')) || StartsWith(v, "data:image/");
}

Result<Site> ReadSite(storage::Database& db) {
  return domain::WithSession<Site>(db, [](soci::session& sql) -> Result<Site> {
    Site site;
    std::string k, v;
    soci::statement st =
        (sql.prepare << "SELECT key, value FROM settings WHERE key LIKE 'site.%'", soci::into(k), soci::into(v));
    st.execute();
    while (st.fetch()) {
      std::string value(Trim(v));
      if (value.empty() || !IsValidUtf8(value)) continue;
      if (k == "site.name")
        site.name = value.substr(0, 200);
      else if (k == "site.description_nl")
        site.description_nl = value.substr(0, 2000);
      else if (k == "site.description_en")
        site.description_en = value.substr(0, 2000);
      else if (k == "site.organizer")
        site.organizer = value.substr(0, 200);
      else if (k == "site.logo_url" && IsLocalLogo(value))
        site.logo_url = value;
    }
    return site;
  });
}

// PUT /api/v1/site: the fields present are set (an empty one goes back to the
// default), all in one transaction; each is checked first and an error names
// it, so nothing is half-written.
Status WriteSite(storage::Database& db, const Json& body) {
  VB_RETURN_IF_ERROR(
      domain::RejectUnknown(body, {"name", "description_nl", "description_en", "organizer", "logo_url"}));
  struct Field {
    const char* name;
    size_t max;
    bool multiline;
  };
  constexpr Field kFields[] = {{"name", 200, false},
                               {"description_nl", 2000, true},
                               {"description_en", 2000, true},
                               {"organizer", 200, false},
                               {"logo_url", 100000, false}};
  std::vector<std::pair<std::string, std::string>> values;
  for (const Field& f : kFields) {
    if (!body.contains(f.name)) continue;
    VB_ASSIGN_OR_RETURN(std::string v, domain::GetString(body, f.name, false));
    v = std::string(Trim(v));
    VB_RETURN_IF_ERROR(domain::CheckText(f.name, v, 0, f.max, f.multiline));
    if (std::string_view(f.name) == "logo_url" && !v.empty() && !IsLocalLogo(v))
      return InvalidArgument("must be a path on this server (/logo.svg) or a data:image/ address", f.name)
          .WithReason("site.logo_not_local");
    values.emplace_back(std::string("site.") + f.name, std::move(v));
  }
  return domain::WithSession<bool>(db,
                                   [&](soci::session& sql) -> Result<bool> {
                                     storage::Transaction tr(sql);
                                     for (const auto& [k, v] : values) {
                                       sql << "DELETE FROM settings WHERE key = :k", soci::use(k);
                                       if (!v.empty())
                                         sql << "INSERT INTO settings (key, value) VALUES (:k, :v)", soci::use(k),
                                             soci::use(v);
                                     }
                                     tr.commit();
                                     return true;
                                   })
      .status();
}

Json SiteJson(const Site& site) {
  return {{"name", site.name},
          {"description_nl", site.description_nl},
          {"description_en", site.description_en},
          {"organizer", site.organizer},
          {"logo_url", site.logo_url}};
}

}  // namespace

Response WebNotFoundPage() {
  // The app's shell: the page itself shows "not found" in the reader's language.
  Response r = AssetResponse("/index.html", false);
  r.status = 404;
  return r;
}

void RegisterWebRoutes(App& app) {
  app.Add(Method::kGet, "/api/v1/site", Access::kPublic, [&app](Ctx& ctx) -> Result<Response> {
    VB_RETURN_IF_ERROR(CheckQueryParams(ctx.req, {}));
    VB_ASSIGN_OR_RETURN(Site site, ReadSite(app.db()));
    return Response::JsonBody(SiteJson(site));
  });
  app.Add(Method::kPut, "/api/v1/site", Access::kOrganizer, [&app](Ctx& ctx) -> Result<Response> {
    VB_RETURN_IF_ERROR(CheckQueryParams(ctx.req, {}));
    VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
    VB_RETURN_IF_ERROR(WriteSite(app.db(), body));
    VB_ASSIGN_OR_RETURN(Site site, ReadSite(app.db()));
    return Response::JsonBody(SiteJson(site));
  });

  for (std::string_view path : web::AssetPaths()) {
    if (path == "/index.html") continue;  // served at the page paths below
    std::string p(path);
    bool immutable = web::IsImmutable(path);
    app.Add(Method::kGet, p, Access::kPublic,
            [p, immutable](Ctx&) -> Result<Response> { return AssetResponse(p, immutable); });
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
