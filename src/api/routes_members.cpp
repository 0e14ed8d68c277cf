// /api/v1/members, /api/v1/challenges, /api/v1/organizations, /api/v1/sectors.
#include "api/app.h"
#include "newsletter/subscriptions.h"
#include "domain/json_codec.h"

namespace verbinder::api {

void RegisterMemberRoutes(App& app) {
  app.Add(Method::kGet, "/api/v1/members", Access::kMember, [&app](Ctx& ctx) -> Result<Response> {
    VB_RETURN_IF_ERROR(
        CheckQueryParams(ctx.req, {"q", "sector", "expertise", "challenge", "open_challenges", "limit", "offset"}));
    domain::MemberFilter f;
    f.q = QueryString(ctx.req, "q");
    f.sector = QueryString(ctx.req, "sector");
    f.expertise = QueryString(ctx.req, "expertise");
    f.challenge = QueryString(ctx.req, "challenge");
    std::string open = QueryString(ctx.req, "open_challenges");
    if (!open.empty() && open != "true" && open != "false")
      return InvalidArgument("must be true or false", "open_challenges");
    f.open_challenges_only = open == "true";
    VB_ASSIGN_OR_RETURN(f.limit, QueryInt(ctx.req, "limit", domain::kDefaultPageSize, 1, domain::kMaxPageSize));
    VB_ASSIGN_OR_RETURN(f.offset, QueryInt(ctx.req, "offset", 0, 0, 1'000'000'000));
    VB_ASSIGN_OR_RETURN(std::string body, app.members().ListJson(ctx.viewer, f));
    Response r;
    r.body = std::move(body);
    return r;
  });

  app.Add(Method::kPost, "/api/v1/members", Access::kOrganizer, [&app](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
    model::Member m;
    VB_RETURN_IF_ERROR(domain::MemberFromJson(body, m));
    VB_ASSIGN_OR_RETURN(auto created, app.members().Create(ctx.viewer, m));
    // The profile's newsletter choice is the subscription (docs/newsletter.md).
    VB_ASSIGN_OR_RETURN(auto news, app.services().subscriptions.ApplyProfileChoice(ctx.viewer, created.id, nullptr));
    created.consent_newsletter = news.consent;
    Response r = Response::JsonBody(domain::ToJson(created, ctx.viewer), 201);
    r.headers.push_back({"Location", "/api/v1/members/" + std::to_string(created.id)});
    return r;
  });

  app.Add(Method::kGet, "/api/v1/members/:id", Access::kMember, [&app](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_ASSIGN_OR_RETURN(std::string body, app.members().GetJson(ctx.viewer, id));  // the profile cache
    Response r;
    r.body = std::move(body);
    return r;
  });

  app.Add(Method::kPatch, "/api/v1/members/:id", Access::kMember, [&app](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
    if (body.contains("challenges"))
      return InvalidArgument("edit challenges through /api/v1/members/{id}/challenges", "challenges");
    VB_ASSIGN_OR_RETURN(auto m, app.members().Get(ctx.viewer, id));
    const model::Member before = m;
    VB_RETURN_IF_ERROR(domain::MemberFromJson(body, m));
    VB_ASSIGN_OR_RETURN(auto updated, app.members().Update(ctx.viewer, m));
    // The profile's newsletter choice is the subscription (docs/newsletter.md).
    VB_ASSIGN_OR_RETURN(auto news, app.services().subscriptions.ApplyProfileChoice(ctx.viewer, updated.id, &before));
    updated.consent_newsletter = news.consent;
    return Response::JsonBody(domain::ToJson(updated, ctx.viewer));
  });

  app.Add(Method::kDelete, "/api/v1/members/:id", Access::kMember, [&app](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_ASSIGN_OR_RETURN(auto m, app.members().Get(ctx.viewer, id));  // 404 for the invisible
    VB_RETURN_IF_ERROR(app.members().Delete(ctx.viewer, m.id));
    return Response::NoContent();
  });

  app.Add(Method::kPost, "/api/v1/members/:id/challenges", Access::kMember, [&app](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
    model::Challenge c;
    VB_RETURN_IF_ERROR(domain::ChallengeFromJson(body, c));
    VB_ASSIGN_OR_RETURN(auto created, app.members().AddChallenge(ctx.viewer, id, c));
    return Response::JsonBody(domain::ToJson(created), 201);
  });

  app.Add(Method::kPatch, "/api/v1/challenges/:id", Access::kMember, [&app](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
    // Start from the stored challenge so a patch may name only some fields.
    VB_ASSIGN_OR_RETURN(model::Challenge c, app.members().GetChallenge(ctx.viewer, id));
    VB_RETURN_IF_ERROR(domain::ChallengeFromJson(body, c));
    VB_ASSIGN_OR_RETURN(auto updated, app.members().UpdateChallenge(ctx.viewer, c));
    return Response::JsonBody(domain::ToJson(updated));
  });

  app.Add(Method::kDelete, "/api/v1/challenges/:id", Access::kMember, [&app](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_RETURN_IF_ERROR(app.members().DeleteChallenge(ctx.viewer, id));
    return Response::NoContent();
  });

  app.Add(Method::kGet, "/api/v1/organizations", Access::kMember, [&app](Ctx& ctx) -> Result<Response> {
    VB_RETURN_IF_ERROR(CheckQueryParams(ctx.req, {"q", "limit", "offset"}));
    VB_ASSIGN_OR_RETURN(int limit, QueryInt(ctx.req, "limit", domain::kDefaultPageSize, 1, domain::kMaxPageSize));
    VB_ASSIGN_OR_RETURN(int offset, QueryInt(ctx.req, "offset", 0, 0, 1'000'000'000));
    VB_ASSIGN_OR_RETURN(auto page, app.members().Organizations(ctx.viewer, QueryString(ctx.req, "q"), limit, offset));
    return Response::JsonBody(domain::PageToJson(page, [](const model::Organization& o) { return domain::ToJson(o); }));
  });

  app.Add(Method::kPost, "/api/v1/organizations", Access::kOrganizer, [&app](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
    VB_RETURN_IF_ERROR(domain::RejectUnknown(body, {"name", "sector", "city"}));
    model::Organization o;
    VB_ASSIGN_OR_RETURN(o.name, domain::GetString(body, "name", true));
    VB_ASSIGN_OR_RETURN(o.sector, domain::GetString(body, "sector", false));
    VB_ASSIGN_OR_RETURN(o.city, domain::GetString(body, "city", false));
    VB_ASSIGN_OR_RETURN(auto created, app.members().CreateOrganization(ctx.viewer, o));
    return Response::JsonBody(domain::ToJson(created), 201);
  });

  app.Add(Method::kGet, "/api/v1/organizations/:id", Access::kMember, [&app](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_ASSIGN_OR_RETURN(auto o, app.members().GetOrganization(ctx.viewer, id));
    return Response::JsonBody(domain::ToJson(o));
  });

  app.Add(Method::kGet, "/api/v1/sectors", Access::kPublic, [&app](Ctx&) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(auto sectors, app.members().Sectors());
    Json items = Json::array();
    for (const auto& s : sectors) items.push_back(domain::ToJson(s));
    return Response::JsonBody({{"items", items}, {"total", items.size()}, {"limit", items.size()}, {"offset", 0}});
  });

  app.Add(Method::kPost, "/api/v1/sectors", Access::kOrganizer, [&app](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
    VB_RETURN_IF_ERROR(domain::RejectUnknown(body, {"key", "label_nl", "label_en"}));
    model::Sector s;
    VB_ASSIGN_OR_RETURN(s.key, domain::GetString(body, "key", true));
    VB_ASSIGN_OR_RETURN(s.label_nl, domain::GetString(body, "label_nl", true));
    VB_ASSIGN_OR_RETURN(s.label_en, domain::GetString(body, "label_en", true));
    VB_ASSIGN_OR_RETURN(auto created, app.members().AddSector(ctx.viewer, s));
    return Response::JsonBody(domain::ToJson(created), 201);
  });
}

}  // namespace verbinder::api
