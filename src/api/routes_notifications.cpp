// Routes of the viewer's notifications (all kinds: events, meetings, visits,
// questions): list (optionally unread only), unread count for the menu
// marker, mark one or all read, and the e-mail choices per kind.
//
// Language: every notification is stored in English and Dutch. `text` is the
// one in the viewer's language: the `lang` query parameter (nl|en, the web
// UI's current language) when given, else the member's first profile
// language (English when it is English, else Dutch — like their e-mails).
// `texts` carries both.
#include <memory>

#include "api/app.h"
#include "domain/json_codec.h"
#include "notify/notifications.h"

namespace verbinder::api {
namespace {

Json ToJson(const notify::Notification& n, const std::string& lang) {
  return {{"id", n.id},
          {"kind", n.kind},
          {"key", n.key},
          {"text", n.text.In(lang)},
          {"lang", lang},
          {"texts", {{"en", n.text.en}, {"nl", n.text.nl}}},
          {"ref", n.ref},
          {"created_at", n.created_at},
          {"read", n.read_at != 0},
          {"read_at", n.read_at ? Json(n.read_at) : Json(nullptr)}};
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

// The `lang` query parameter, else the member's language.
Result<std::string> ViewerLanguage(notify::NotificationService& ns, Ctx& ctx) {
  std::string lang = QueryString(ctx.req, "lang");
  if (!lang.empty()) {
    if (lang != "nl" && lang != "en") return InvalidArgument("must be nl or en", "lang");
    return lang;
  }
  return ns.Language(ctx.viewer);
}

}  // namespace

void RegisterNotificationsRoutes(App& app) {
  notify::NotificationService* ns = &app.services().notifications;

  app.Add(Method::kGet, "/api/v1/notifications", Access::kMember, [ns](Ctx& ctx) -> Result<Response> {
    VB_RETURN_IF_ERROR(CheckQueryParams(ctx.req, {"unread", "limit", "offset", "lang"}));
    VB_ASSIGN_OR_RETURN(std::string lang, ViewerLanguage(*ns, ctx));
    std::string u = QueryString(ctx.req, "unread");
    if (!u.empty() && u != "true" && u != "false") return InvalidArgument("must be true or false", "unread");
    VB_ASSIGN_OR_RETURN(int limit, QueryInt(ctx.req, "limit", domain::kDefaultPageSize, 1, domain::kMaxPageSize));
    VB_ASSIGN_OR_RETURN(int offset, QueryInt(ctx.req, "offset", 0, 0, 1'000'000'000));
    VB_ASSIGN_OR_RETURN(auto page, ns->List(ctx.viewer, u == "true", limit, offset));
    VB_ASSIGN_OR_RETURN(int64_t unread, ns->UnreadCount(ctx.viewer));
    Json j = domain::PageToJson(page, [&lang](const notify::Notification& n) { return ToJson(n, lang); });
    j["unread"] = unread;
    j["lang"] = lang;
    return Response::JsonBody(j);
  });

  app.Add(Method::kGet, "/api/v1/notifications/unread-count", Access::kMember, [ns](Ctx& ctx) -> Result<Response> {
    VB_RETURN_IF_ERROR(CheckQueryParams(ctx.req, {}));
    VB_ASSIGN_OR_RETURN(int64_t unread, ns->UnreadCount(ctx.viewer));
    return Response::JsonBody({{"unread", unread}});
  });

  app.Add(Method::kPost, "/api/v1/notifications/:id/read", Access::kMember, [ns](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_RETURN_IF_ERROR(CheckQueryParams(ctx.req, {"lang"}));
    VB_ASSIGN_OR_RETURN(std::string lang, ViewerLanguage(*ns, ctx));
    VB_ASSIGN_OR_RETURN(auto n, ns->MarkRead(ctx.viewer, id));
    return Response::JsonBody(ToJson(n, lang));
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
