// /api/v1/auth/* and /api/v1/accounts: sign-in, sessions, API tokens, roles.
#include "api/app.h"
#include "domain/json_codec.h"

namespace verbinder::api {
namespace {

using domain::GetString;
using domain::RejectUnknown;

std::string CookieAttrs(const App& app, int64_t max_age) {
  std::string a = "; Path=/; Max-Age=" + std::to_string(max_age);
  if (app.options().secure_cookies) a += "; Secure";
  return a;
}

}  // namespace

void RegisterAuthRoutes(App& app) {
  RegisterAccountRoutes(app);  // sign-up, invitations, reset, deletion, own data (routes_account.cpp)

  app.Add(Method::kPost, "/api/v1/auth/login", Access::kPublic, [&app](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
    VB_RETURN_IF_ERROR(RejectUnknown(body, {"email", "password"}));
    VB_ASSIGN_OR_RETURN(std::string email, GetString(body, "email", true));
    VB_ASSIGN_OR_RETURN(std::string password, GetString(body, "password", true));
    VB_ASSIGN_OR_RETURN(auto s,
                        app.accounts().Login(email, password, ClientAddress(ctx.req, app.options().trusted_proxies)));
    VB_RETURN_IF_ERROR(CheckPasswordLoginAllowed(app, s));  // an admin may switch password sign-in off
    Response r = Response::JsonBody({{"member_id", s.member_id},
                                     {"role", model::ToString(s.role)},
                                     {"csrf_token", s.csrf_token},
                                     {"expires_at", s.expires_at}});
    int64_t age = s.expires_at - app.clock().Now();
    r.headers.push_back({"Set-Cookie", std::string(kSessionCookie) + "=" + s.token + CookieAttrs(app, age) +
                                           "; HttpOnly; SameSite=Lax"});
    r.headers.push_back(
        {"Set-Cookie", std::string(kCsrfCookie) + "=" + s.csrf_token + CookieAttrs(app, age) + "; SameSite=Strict"});
    return r;
  });

  app.Add(Method::kPost, "/api/v1/auth/logout", Access::kMember, [&app](Ctx& ctx) -> Result<Response> {
    if (ctx.session) VB_RETURN_IF_ERROR(app.accounts().Logout(ctx.session->token));
    Response r = Response::NoContent();
    r.headers.push_back(
        {"Set-Cookie", std::string(kSessionCookie) + "=" + CookieAttrs(app, 0) + "; HttpOnly; SameSite=Lax"});
    r.headers.push_back({"Set-Cookie", std::string(kCsrfCookie) + "=" + CookieAttrs(app, 0) + "; SameSite=Strict"});
    return r;
  });

  app.Add(Method::kGet, "/api/v1/auth/me", Access::kMember, [&app](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(auto m, app.members().Get(ctx.viewer, ctx.viewer.member_id));
    Json j = {{"member", domain::ToJson(m, ctx.viewer)}, {"role", model::ToString(ctx.viewer.role)}};
    if (ctx.session) j["csrf_token"] = ctx.session->csrf_token;
    return Response::JsonBody(j);
  });

  // Ends every other session of the member (this one stays) and revokes the API
  // tokens unless keep_tokens is true; a wrong old_password counts as a failed login.
  app.Add(Method::kPost, "/api/v1/auth/password", Access::kMember, [&app](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
    VB_RETURN_IF_ERROR(RejectUnknown(body, {"old_password", "new_password", "keep_tokens"}));
    domain::PasswordChange change;
    VB_ASSIGN_OR_RETURN(change.old_password, GetString(body, "old_password", true));
    VB_ASSIGN_OR_RETURN(change.new_password, GetString(body, "new_password", true));
    if (body.contains("keep_tokens")) {
      if (!body["keep_tokens"].is_boolean()) return InvalidArgument("must be true or false", "keep_tokens");
      change.keep_tokens = body["keep_tokens"].get<bool>();
    }
    change.address = ClientAddress(ctx.req, app.options().trusted_proxies);
    if (ctx.session) change.keep_session = ctx.session->token;
    VB_RETURN_IF_ERROR(app.accounts().ChangePassword(ctx.viewer, change));
    return Response::NoContent();
  });

  app.Add(Method::kGet, "/api/v1/auth/tokens", Access::kMember, [&app](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(auto tokens, app.accounts().ApiTokens(ctx.viewer));
    Json items = Json::array();
    for (const auto& t : tokens) items.push_back({{"id", t.id}, {"name", t.name}, {"created_at", t.created_at}});
    return Response::JsonBody({{"items", items}, {"total", items.size()}, {"limit", items.size()}, {"offset", 0}});
  });

  app.Add(Method::kPost, "/api/v1/auth/tokens", Access::kMember, [&app](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
    VB_RETURN_IF_ERROR(RejectUnknown(body, {"name"}));
    VB_ASSIGN_OR_RETURN(std::string name, GetString(body, "name", true));
    VB_ASSIGN_OR_RETURN(auto t, app.accounts().CreateApiToken(ctx.viewer, name));
    return Response::JsonBody({{"id", t.id}, {"name", t.name}, {"token", t.token}, {"created_at", t.created_at}}, 201);
  });

  app.Add(Method::kDelete, "/api/v1/auth/tokens/:id", Access::kMember, [&app](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_RETURN_IF_ERROR(app.accounts().RevokeApiToken(ctx.viewer, id));
    return Response::NoContent();
  });

  app.Add(Method::kPost, "/api/v1/accounts", Access::kOrganizer, [&app](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
    VB_RETURN_IF_ERROR(RejectUnknown(body, {"member_id", "password", "role"}));
    VB_ASSIGN_OR_RETURN(int64_t member_id, domain::GetInt(body, "member_id", true));
    VB_ASSIGN_OR_RETURN(std::string password, GetString(body, "password", true));
    VB_ASSIGN_OR_RETURN(std::string role_s, GetString(body, "role", false));
    auto role = model::ParseRole(role_s.empty() ? "member" : role_s);
    if (!role) return InvalidArgument("must be member, organizer or admin", "role");
    VB_RETURN_IF_ERROR(app.accounts().CreateAccount(ctx.viewer, member_id, password, *role));
    return Response::JsonBody({{"member_id", member_id}, {"role", model::ToString(*role)}}, 201);
  });

  app.Add(Method::kPatch, "/api/v1/accounts/:id", Access::kAdmin, [&app](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
    VB_RETURN_IF_ERROR(RejectUnknown(body, {"role"}));
    VB_ASSIGN_OR_RETURN(std::string role_s, GetString(body, "role", true));
    auto role = model::ParseRole(role_s);
    if (!role) return InvalidArgument("must be member, organizer or admin", "role");
    VB_RETURN_IF_ERROR(app.accounts().SetRole(ctx.viewer, id, *role));
    return Response::JsonBody({{"member_id", id}, {"role", model::ToString(*role)}});
  });
}

}  // namespace verbinder::api
