// Sign-in with OpenID Connect (src/oidc, docs/oidc.md): the browser's trip to
// the provider and back (/auth/oidc/<name>/start and /callback — pages, not
// API: every outcome ends as a redirect to a page of the web app, errors as
// /login?oidc_error=<code> in the reader's language, never a 500), and the API
// for the login page, the member's linked sign-ins and the admin's switch.
#include <spdlog/spdlog.h>

#include "api/app.h"
#include "domain/account_external.h"
#include "domain/json_codec.h"
#include "oidc/pkce.h"
#include "oidc/registry.h"
#include "oidc/sign_in.h"

namespace verbinder::api {
namespace {

using domain::GetString;
using domain::RejectUnknown;

constexpr const char* kStateCookie = "vb_oidc";  // the state, binding the callback to this browser

std::string Cookie(const App& app, const std::string& name, const std::string& value, int64_t max_age,
                   const std::string& path, const std::string& same_site) {
  std::string c = name + "=" + value + "; Path=" + path + "; Max-Age=" + std::to_string(max_age) +
                  "; HttpOnly; SameSite=" + same_site;
  if (app.options().secure_cookies) c += "; Secure";
  return c;
}

Response Redirect(const std::string& to) {
  Response r = Response::Text("", "text/plain; charset=utf-8", 303);
  r.headers.push_back({"Location", to});
  r.headers.push_back({"Referrer-Policy", "no-referrer"});  // the code never leaves in a Referer
  return r;
}

std::string Lang(const std::string& l) {
  return l == "en" ? "en" : "nl";
}

// Where an error of a sign-in ends: the login page, or the profile page for a
// member who was linking a further sign-in.
Response ErrorPage(const App& app, const std::string& code, const std::string& provider, bool linking) {
  Response r = Redirect(std::string(linking ? "/profile" : "/login") + "?oidc_error=" + code +
                        (provider.empty() ? "" : "&provider=" + oidc::FormEncode(provider)));
  r.headers.push_back({"Set-Cookie", Cookie(app, kStateCookie, "", 0, "/auth/oidc", "Lax")});
  return r;
}

// The page code for a failed sign-in (web/src/strings/account.ts 'account.oidc.error.*').
std::string ErrorCode(const Status& s) {
  const std::string& f = s.field();
  if (s.code() == Code::kUnavailable) return "unavailable";
  if (f == "state") return "state";
  if (f == "code") return "code";
  if (f == "email") return "email";
  if (f == "taken") return "taken";
  if (s.code() == Code::kUnauthenticated) return "token";  // the ID token failed a check
  if (s.code() == Code::kPermissionDenied)
    return s.message().find("disabled") != std::string::npos ? "disabled" : "signup";
  return "provider";
}

Result<oidc::Registry*> Providers(App& app) {
  if (!app.options().oidc) return NotFound("no sign-in providers are configured", "provider");
  return app.options().oidc.get();
}

// Starts a sign-in: stores it, sets the state cookie, answers the provider's URL.
Result<std::pair<std::string, std::string>> Start(App& app, const std::string& name, model::Id link_member,
                                                  const std::string& lang) {
  VB_ASSIGN_OR_RETURN(oidc::Registry * reg, Providers(app));
  oidc::Provider* p = reg->Find(name);
  if (!p) return NotFound("no sign-in provider '" + name + "'", "provider");
  oidc::SignInService& signin = app.services().oidc_sign_in;
  VB_ASSIGN_OR_RETURN(oidc::LoginStart s, signin.Begin(name, link_member, lang));
  VB_ASSIGN_OR_RETURN(std::string url, p->AuthorizationUrl(reg->RedirectUri(name), s.state, s.nonce,
                                                           oidc::PkceChallenge(s.code_verifier), lang));
  return std::pair{url, Cookie(app, kStateCookie, s.state, oidc::kLoginLifetime, "/auth/oidc", "Lax")};
}

void SetSessionCookies(const App& app, Response& r, const domain::Session& s) {
  int64_t age = s.expires_at - app.clock().Now();
  std::string secure = app.options().secure_cookies ? "; Secure" : "";
  r.headers.push_back({"Set-Cookie", std::string(kSessionCookie) + "=" + s.token + "; Path=/; Max-Age=" +
                                         std::to_string(age) + secure + "; HttpOnly; SameSite=Lax"});
  r.headers.push_back({"Set-Cookie", std::string(kCsrfCookie) + "=" + s.csrf_token +
                                         "; Path=/; Max-Age=" + std::to_string(age) + secure + "; SameSite=Strict"});
}

Json IdentityJson(App& app, const oidc::LinkedIdentity& i) {
  std::string label = i.provider;
  if (app.options().oidc)
    if (auto* p = app.options().oidc->Find(i.provider)) label = p->config().label;
  return {{"id", i.id},       {"provider", i.provider},     {"label", label},
          {"email", i.email}, {"created_at", i.created_at}, {"last_used_at", i.last_used_at}};
}

}  // namespace

Status CheckPasswordLoginAllowed(App& app, const domain::Session& s) {
  if (s.role == model::Role::kAdmin) return Status::Ok();  // admins keep a way in when a provider fails
  oidc::SignInService& signin = app.services().oidc_sign_in;
  VB_ASSIGN_OR_RETURN(bool on, signin.PasswordLoginEnabled());
  if (on) return Status::Ok();
  (void)app.accounts().Logout(s.token);
  return PermissionDenied("password sign-in is switched off here; sign in with one of the providers on the login page");
}

void RegisterOidcRoutes(App& app) {
  // The login page: which providers to offer, and whether to show the password form.
  app.Add(Method::kGet, "/api/v1/auth/providers", Access::kPublic, [&app](Ctx& ctx) -> Result<Response> {
    VB_RETURN_IF_ERROR(CheckQueryParams(ctx.req, {}));
    Json items = Json::array();
    if (app.options().oidc)
      for (const auto& p : app.options().oidc->providers())
        items.push_back({{"name", p->config().name},
                         {"label", p->config().label},
                         {"preset", p->config().preset},
                         {"start_url", "/auth/oidc/" + p->config().name + "/start"}});
    oidc::SignInService& signin = app.services().oidc_sign_in;
    VB_ASSIGN_OR_RETURN(bool password, signin.PasswordLoginEnabled());
    return Response::JsonBody({{"items", items}, {"password_login", password}});
  });

  app.Add(Method::kPut, "/api/v1/auth/password-login", Access::kAdmin, [&app](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
    VB_RETURN_IF_ERROR(RejectUnknown(body, {"enabled"}));
    if (!body.contains("enabled") || !body["enabled"].is_boolean())
      return InvalidArgument("must be true or false", "enabled");
    bool enabled = body["enabled"].get<bool>();
    oidc::SignInService& signin = app.services().oidc_sign_in;
    VB_RETURN_IF_ERROR(signin.SetPasswordLogin(ctx.viewer, enabled));
    return Response::JsonBody({{"password_login", enabled}});
  });

  // The browser leaves for the provider.
  app.Add(Method::kGet, "/auth/oidc/:name/start", Access::kPublic, [&app](Ctx& ctx) -> Result<Response> {
    std::string name = ctx.req.path_params.at("name");
    auto s = Start(app, name, 0, Lang(QueryString(ctx.req, "lang")));
    if (!s) {
      if (s.status().code() != Code::kNotFound) spdlog::warn("oidc start {}: {}", name, s.status().message());
      return ErrorPage(app, s.status().code() == Code::kNotFound ? "provider" : ErrorCode(s.status()), "", false);
    }
    Response r = Redirect(s->first);
    r.headers.push_back({"Set-Cookie", s->second});
    return r;
  });

  // ... and comes back: with a code (or an error) and the state.
  app.Add(Method::kGet, "/auth/oidc/:name/callback", Access::kPublic, [&app](Ctx& ctx) -> Result<Response> {
    std::string name = ctx.req.path_params.at("name");
    std::string state = QueryString(ctx.req, "state"), code = QueryString(ctx.req, "code");
    auto cookie = ctx.req.Cookie(kStateCookie);
    oidc::SignInService& signin = app.services().oidc_sign_in;
    // The state must be the one this browser left with (login CSRF); only then is it taken.
    if (state.empty() || !cookie || *cookie != state) return ErrorPage(app, "state", name, false);
    auto login = signin.Consume(state);
    if (!login || login->provider != name) return ErrorPage(app, "state", name, false);
    bool linking = login->link_member_id != 0;
    std::string error = QueryString(ctx.req, "error");
    if (!error.empty()) return ErrorPage(app, error == "access_denied" ? "denied" : "provider", name, linking);
    auto reg = Providers(app);
    oidc::Provider* p = reg ? (*reg)->Find(name) : nullptr;
    if (!p) return ErrorPage(app, "provider", name, linking);
    // RFC 9207: a provider that names itself in the answer must be the one we asked (mix-up attacks).
    if (std::string iss = QueryString(ctx.req, "iss"); !iss.empty() && iss != p->config().issuer)
      return ErrorPage(app, "provider", name, linking);
    if (code.empty()) return ErrorPage(app, "code", name, linking);
    auto claims = p->Redeem(code, login->code_verifier, (*reg)->RedirectUri(name), login->nonce);
    if (!claims) {
      spdlog::warn("oidc {}: {}", name, claims.status().message());
      return ErrorPage(app, ErrorCode(claims.status()), name, linking);
    }
    auto outcome = signin.Complete(name, *claims, p->EmailVerified(*claims), *login);
    if (!outcome) {
      if (outcome.status().code() == Code::kInternal || outcome.status().code() == Code::kUnavailable)
        spdlog::error("oidc {}: {}", name, outcome.status().message());
      return ErrorPage(app, ErrorCode(outcome.status()), name, linking);
    }
    Response r;
    switch (outcome->kind) {
      case oidc::Outcome::Kind::kSignedIn:
        r = Redirect("/");
        SetSessionCookies(app, r, outcome->session);
        break;
      case oidc::Outcome::Kind::kLinked:
        r = Redirect("/profile?oidc_linked=" + oidc::FormEncode(name));
        break;
      case oidc::Outcome::Kind::kConfirmLink:
        r = Redirect("/login?oidc_link=" + outcome->link_token + "&provider=" + oidc::FormEncode(name));
        break;
    }
    r.headers.push_back({"Set-Cookie", Cookie(app, kStateCookie, "", 0, "/auth/oidc", "Lax")});
    return r;
  });

  // After signing in with the password: link the provider's sign-in that sent them here.
  app.Add(Method::kPost, "/api/v1/auth/oidc/confirm", Access::kMember, [&app](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
    VB_RETURN_IF_ERROR(RejectUnknown(body, {"token"}));
    VB_ASSIGN_OR_RETURN(std::string token, GetString(body, "token", true));
    oidc::SignInService& signin = app.services().oidc_sign_in;
    VB_ASSIGN_OR_RETURN(auto linked, signin.ConfirmLink(ctx.viewer, token));
    return Response::JsonBody(IdentityJson(app, linked), 201);
  });

  app.Add(Method::kGet, "/api/v1/me/sign-ins", Access::kMember, [&app](Ctx& ctx) -> Result<Response> {
    VB_RETURN_IF_ERROR(CheckQueryParams(ctx.req, {}));
    oidc::SignInService& signin = app.services().oidc_sign_in;
    VB_ASSIGN_OR_RETURN(auto list, signin.Identities(ctx.viewer));
    domain::ExternalAccounts ext(app.db(), app.clock());
    VB_ASSIGN_OR_RETURN(auto me, ext.FindById(ctx.viewer.member_id));
    Json items = Json::array();
    for (const auto& i : list) items.push_back(IdentityJson(app, i));
    return Response::JsonBody({{"items", items}, {"has_password", me && me->has_password}});
  });

  // A signed-in member links a further sign-in: answers the provider's URL to open.
  app.Add(Method::kPost, "/api/v1/me/sign-ins", Access::kMember, [&app](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
    VB_RETURN_IF_ERROR(RejectUnknown(body, {"provider", "lang"}));
    VB_ASSIGN_OR_RETURN(std::string provider, GetString(body, "provider", true));
    VB_ASSIGN_OR_RETURN(std::string lang, GetString(body, "lang", false));
    auto s = Start(app, provider, ctx.viewer.member_id, Lang(lang));
    if (!s && s.status().code() == Code::kNotFound)
      return NotFound("no sign-in provider '" + provider + "'", "provider");
    if (!s) return s.status();
    Response r = Response::JsonBody({{"url", s->first}});
    r.headers.push_back({"Set-Cookie", s->second});
    return r;
  });

  app.Add(Method::kDelete, "/api/v1/me/sign-ins/:id", Access::kMember, [&app](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    oidc::SignInService& signin = app.services().oidc_sign_in;
    VB_RETURN_IF_ERROR(signin.Remove(ctx.viewer, id));
    return Response::NoContent();
  });
}

}  // namespace verbinder::api
