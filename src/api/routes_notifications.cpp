// Routes of the viewer's notifications (all kinds: events, meetings, visits,
// questions): list (optionally unread only), unread count for the menu
// marker, mark one or all read, and the e-mail choices per kind.
#include <memory>

#include "api/app.h"
#include "domain/json_codec.h"
#include "notify/notifications.h"

namespace verbinder::api {
namespace {

Json ToJson(const notify::Notification& n) {
  return {{"id", n.id},       {"kind", n.kind},
          {"key", n.key},     {"text", n.text},
          {"ref", n.ref},     {"created_at", n.created_at},
          {"read", n.read_at != 0}, {"read_at", n.read_at ? Json(n.read_at) : Json(nullptr)}};
}

Json PrefsJson(const std::vector<notify::EmailPreference>& prefs) {
  Json items = Json::array();
  for (const auto& p : prefs)
    items.push_back({{"key", p.key.key},
                     {"kinds", p.key.kinds},
                     {"email", p.email},
                     {"default", p.key.email_default},
                     {"label", {{"en", p.key.label_en}, {"nl", p.key.label_nl}}}});
  return {{"items", items}};
}

}  // namespace

void RegisterNotificationsRoutes(App& app) {
  auto ns = std::make_shared<notify::NotificationService>(app.db(), app.clock());

  app.Add(Method::kGet, "/api/v1/notifications", Access::kMember, [ns](Ctx& ctx) -> Result<Response> {
    VB_RETURN_IF_ERROR(CheckQueryParams(ctx.req, {"unread", "limit", "offset"}));
    std::string u = QueryString(ctx.req, "unread");
    if (!u.empty() && u != "true" && u != "false") return InvalidArgument("must be true or false", "unread");
    VB_ASSIGN_OR_RETURN(int limit, QueryInt(ctx.req, "limit", domain::kDefaultPageSize, 1, domain::kMaxPageSize));
    VB_ASSIGN_OR_RETURN(int offset, QueryInt(ctx.req, "offset", 0, 0, 1'000'000'000));
    VB_ASSIGN_OR_RETURN(auto page, ns->List(ctx.viewer, u == "true", limit, offset));
    VB_ASSIGN_OR_RETURN(int64_t unread, ns->UnreadCount(ctx.viewer));
    Json j = domain::PageToJson(page, [](const notify::Notification& n) { return ToJson(n); });
    j["unread"] = unread;
    return Response::JsonBody(j);
  });

  app.Add(Method::kGet, "/api/v1/notifications/unread-count", Access::kMember, [ns](Ctx& ctx) -> Result<Response> {
    VB_RETURN_IF_ERROR(CheckQueryParams(ctx.req, {}));
    VB_ASSIGN_OR_RETURN(int64_t unread, ns->UnreadCount(ctx.viewer));
    return Response::JsonBody({{"unread", unread}});
  });

  app.Add(Method::kPost, "/api/v1/notifications/:id/read", Access::kMember, [ns](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_ASSIGN_OR_RETURN(auto n, ns->MarkRead(ctx.viewer, id));
    return Response::JsonBody(ToJson(n));
  });

  app.Add(Method::kPost, "/api/v1/notifications/read-all", Access::kMember, [ns](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t n, ns->MarkAllRead(ctx.viewer));
    return Response::JsonBody({{"marked", n}, {"unread", 0}});
  });

  app.Add(Method::kGet, "/api/v1/notifications/preferences", Access::kMember, [ns](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(auto prefs, ns->EmailPreferences(ctx.viewer));
    return Response::JsonBody(PrefsJson(prefs));
  });

  app.Add(Method::kPut, "/api/v1/notifications/preferences", Access::kMember, [ns](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
    if (!body.is_object()) return InvalidArgument("must be a JSON object", "body");
    VB_RETURN_IF_ERROR(domain::RejectUnknown(body, {"email"}));
    if (!body.contains("email") || !body["email"].is_object())
      return InvalidArgument("must be an object of key: true|false", "email");
    std::map<std::string, bool> email;
    for (const auto& [k, v] : body["email"].items()) {
      if (!v.is_boolean()) return InvalidArgument("must be true or false", "email." + k);
      email[k] = v.get<bool>();
    }
    VB_ASSIGN_OR_RETURN(auto prefs, ns->SetEmailPreferences(ctx.viewer, email));
    return Response::JsonBody(PrefsJson(prefs));
  });
}

}  // namespace verbinder::api
