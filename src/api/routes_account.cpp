// Accounts for real people: sign-up with e-mail confirmation, invitations by
// the network leader, password reset, deleting an account, and the member's
// own data export. Registered from RegisterAuthRoutes. Tokens travel only in
// mails (the notify outbox, through the AccountMailer wired in App), never in
// responses. Deleting a member is one call: AccountService erases every
// module's data through the registered MemberDataOwners, all or nothing.
#include "api/app.h"
#include "domain/json_codec.h"

namespace verbinder::api {
namespace {

using domain::GetString;
using domain::RejectUnknown;

Json InvitationJson(const domain::Invitation& i) {
  return {{"id", i.id},
          {"email", i.email},
          {"name", i.name},
          {"language", i.language},
          {"status", i.status},
          {"invited_by", i.invited_by ? Json(i.invited_by) : Json(nullptr)},
          {"member_id", i.member_id ? Json(i.member_id) : Json(nullptr)},
          {"sent_count", i.sent_count},
          {"created_at", i.created_at},
          {"updated_at", i.updated_at},
          {"expires_at", i.expires_at}};
}

std::string ClearCookie(const App& app, const char* name, const char* attrs) {
  return std::string(name) + "=; Path=/; Max-Age=0" + (app.options().secure_cookies ? "; Secure" : "") + attrs;
}

}  // namespace

void RegisterAccountRoutes(App& app) {
  app.Add(Method::kGet, "/api/v1/auth/signup-mode", Access::kPublic, [&app](Ctx&) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(std::string mode, app.accounts().SignupMode());
    return Response::JsonBody({{"mode", mode}});
  });

  app.Add(Method::kPut, "/api/v1/auth/signup-mode", Access::kOrganizer, [&app](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
    VB_RETURN_IF_ERROR(RejectUnknown(body, {"mode"}));
    VB_ASSIGN_OR_RETURN(std::string mode, GetString(body, "mode", true));
    VB_RETURN_IF_ERROR(app.accounts().SetSignupMode(ctx.viewer, mode));
    return Response::JsonBody({{"mode", mode}});
  });

  app.Add(Method::kPost, "/api/v1/auth/signup", Access::kPublic, [&app](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
    VB_RETURN_IF_ERROR(RejectUnknown(body, {"name", "email", "password", "sector", "organization", "language"}));
    domain::Signup s;
    VB_ASSIGN_OR_RETURN(s.name, GetString(body, "name", true));
    VB_ASSIGN_OR_RETURN(s.email, GetString(body, "email", true));
    VB_ASSIGN_OR_RETURN(s.password, GetString(body, "password", true));
    VB_ASSIGN_OR_RETURN(s.sector, GetString(body, "sector", true));
    VB_ASSIGN_OR_RETURN(s.organization, GetString(body, "organization", true));
    VB_ASSIGN_OR_RETURN(s.language, GetString(body, "language", false));
    VB_RETURN_IF_ERROR(app.accounts().SignUp(s, ClientAddress(ctx.req, app.options().trusted_proxies)));
    // The same answer when the address is a member's (they get a mail instead).
    return Response::JsonBody({{"status", "confirmation_sent"}}, 202);
  });

  app.Add(Method::kPost, "/api/v1/auth/signup/confirm", Access::kPublic, [&app](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
    VB_RETURN_IF_ERROR(RejectUnknown(body, {"token"}));
    VB_ASSIGN_OR_RETURN(std::string token, GetString(body, "token", true));
    VB_ASSIGN_OR_RETURN(model::Id id, app.accounts().ConfirmSignup(token));
    return Response::JsonBody({{"member_id", id}, {"status", "confirmed"}});
  });

  app.Add(Method::kPost, "/api/v1/auth/password/forgot", Access::kPublic, [&app](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
    VB_RETURN_IF_ERROR(RejectUnknown(body, {"email"}));
    VB_ASSIGN_OR_RETURN(std::string email, GetString(body, "email", true));
    VB_RETURN_IF_ERROR(
        app.accounts().RequestPasswordReset(email, ClientAddress(ctx.req, app.options().trusted_proxies)));
    // The same answer whether or not the address has an account.
    return Response::JsonBody({{"status", "sent_if_registered"}}, 202);
  });

  app.Add(Method::kPost, "/api/v1/auth/password/reset", Access::kPublic, [&app](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
    VB_RETURN_IF_ERROR(RejectUnknown(body, {"token", "password"}));
    VB_ASSIGN_OR_RETURN(std::string token, GetString(body, "token", true));
    VB_ASSIGN_OR_RETURN(std::string password, GetString(body, "password", true));
    VB_RETURN_IF_ERROR(app.accounts().ResetPassword(token, password));
    return Response::NoContent();
  });

  app.Add(Method::kPost, "/api/v1/auth/invitation/check", Access::kPublic, [&app](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
    VB_RETURN_IF_ERROR(RejectUnknown(body, {"token"}));
    VB_ASSIGN_OR_RETURN(std::string token, GetString(body, "token", true));
    VB_ASSIGN_OR_RETURN(auto inv, app.accounts().CheckInvitation(token));
    return Response::JsonBody(
        {{"email", inv.email}, {"name", inv.name}, {"language", inv.language}, {"expires_at", inv.expires_at}});
  });

  app.Add(Method::kPost, "/api/v1/auth/invitation/accept", Access::kPublic, [&app](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
    VB_RETURN_IF_ERROR(RejectUnknown(body, {"token", "name", "password", "sector", "organization", "title"}));
    domain::Acceptance a;
    VB_ASSIGN_OR_RETURN(a.token, GetString(body, "token", true));
    VB_ASSIGN_OR_RETURN(a.name, GetString(body, "name", true));
    VB_ASSIGN_OR_RETURN(a.password, GetString(body, "password", true));
    VB_ASSIGN_OR_RETURN(a.sector, GetString(body, "sector", true));
    VB_ASSIGN_OR_RETURN(a.organization, GetString(body, "organization", true));
    VB_ASSIGN_OR_RETURN(a.title, GetString(body, "title", false));
    VB_ASSIGN_OR_RETURN(model::Id id, app.accounts().AcceptInvitation(a));
    return Response::JsonBody({{"member_id", id}, {"status", "accepted"}}, 201);
  });

  app.Add(Method::kGet, "/api/v1/invitations", Access::kOrganizer, [&app](Ctx& ctx) -> Result<Response> {
    VB_RETURN_IF_ERROR(CheckQueryParams(ctx.req, {"status", "limit", "offset"}));
    VB_ASSIGN_OR_RETURN(int limit, QueryInt(ctx.req, "limit", domain::kDefaultPageSize, 1, domain::kMaxPageSize));
    VB_ASSIGN_OR_RETURN(int offset, QueryInt(ctx.req, "offset", 0, 0, 1 << 30));
    VB_ASSIGN_OR_RETURN(auto all, app.accounts().Invitations(ctx.viewer, QueryString(ctx.req, "status")));
    Json items = Json::array();
    for (size_t i = offset; i < all.size() && items.size() < static_cast<size_t>(limit); ++i)
      items.push_back(InvitationJson(all[i]));
    return Response::JsonBody({{"items", items}, {"total", all.size()}, {"limit", limit}, {"offset", offset}});
  });

  app.Add(Method::kPost, "/api/v1/invitations", Access::kOrganizer, [&app](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
    VB_RETURN_IF_ERROR(RejectUnknown(body, {"invitees", "language"}));
    if (!body.contains("invitees")) return InvalidArgument("is required", "invitees");
    if (!body["invitees"].is_array()) return InvalidArgument("must be a list", "invitees");
    std::vector<domain::Invitee> invitees;
    for (size_t i = 0; i < body["invitees"].size(); ++i) {
      const Json& x = body["invitees"][i];
      std::string f = "invitees[" + std::to_string(i) + "]";
      if (!x.is_object()) return InvalidArgument("must be an object with email and name", f);
      for (auto it = x.begin(); it != x.end(); ++it)
        if (it.key() != "email" && it.key() != "name") return InvalidArgument("unknown field", f + "." + it.key());
      if (!x.contains("email") || !x["email"].is_string()) return InvalidArgument("is required", f + ".email");
      if (x.contains("name") && !x["name"].is_string()) return InvalidArgument("must be a string", f + ".name");
      invitees.push_back({x["email"].get<std::string>(), x.value("name", std::string())});
    }
    VB_ASSIGN_OR_RETURN(std::string language, GetString(body, "language", false));
    VB_ASSIGN_OR_RETURN(auto created, app.accounts().Invite(ctx.viewer, invitees, language));
    Json items = Json::array();
    for (const auto& i : created) items.push_back(InvitationJson(i));
    return Response::JsonBody({{"items", items}, {"total", items.size()}}, 201);
  });

  app.Add(Method::kPost, "/api/v1/invitations/:id/resend", Access::kOrganizer, [&app](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_ASSIGN_OR_RETURN(auto inv, app.accounts().ResendInvitation(ctx.viewer, id));
    return Response::JsonBody(InvitationJson(inv));
  });

  app.Add(Method::kPost, "/api/v1/invitations/:id/revoke", Access::kOrganizer, [&app](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_ASSIGN_OR_RETURN(auto inv, app.accounts().RevokeInvitation(ctx.viewer, id));
    return Response::JsonBody(InvitationJson(inv));
  });

  app.Add(Method::kGet, "/api/v1/me/export", Access::kMember, [&app](Ctx& ctx) -> Result<Response> {
    VB_RETURN_IF_ERROR(CheckQueryParams(ctx.req, {}));
    VB_ASSIGN_OR_RETURN(Json data, app.accounts().ExportOwnData(ctx.viewer));
    Response r = Response::JsonBody(data);
    r.headers.push_back({"Content-Disposition", "attachment; filename=\"verbinder-my-data.json\""});
    return r;
  });

  app.Add(Method::kPost, "/api/v1/me/delete", Access::kMember, [&app](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
    VB_RETURN_IF_ERROR(RejectUnknown(body, {"password"}));
    VB_ASSIGN_OR_RETURN(std::string password, GetString(body, "password", true));
    VB_RETURN_IF_ERROR(app.accounts().DeleteMember(ctx.viewer, ctx.viewer.member_id, password));
    Response r = Response::NoContent();
    r.headers.push_back({"Set-Cookie", ClearCookie(app, kSessionCookie, "; HttpOnly; SameSite=Lax")});
    r.headers.push_back({"Set-Cookie", ClearCookie(app, kCsrfCookie, "; SameSite=Strict")});
    return r;
  });

  app.Add(Method::kDelete, "/api/v1/accounts/:id", Access::kOrganizer, [&app](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    if (id == ctx.viewer.member_id)
      return InvalidArgument("delete your own account with POST /api/v1/me/delete and your password", "id");
    VB_RETURN_IF_ERROR(app.accounts().DeleteMember(ctx.viewer, id, ""));
    return Response::NoContent();
  });
}

}  // namespace verbinder::api
