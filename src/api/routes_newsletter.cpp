// /api/v1/articles and /api/v1/newsletter/*: knowledge articles (with leader
// approval), subscriptions (double opt-in, one-click unsubscribe per
// RFC 8058) and the leader's preview and delivery status of an issue, the
// leader's edition of a month (introduction, chosen articles and events,
// newsletter/edition.h), and the state of mail delivery for the leader's
// pages (GET /api/v1/mail/status: set up or not, what waits in the outbox).
//
// The confirm and unsubscribe links carry a signed token and need no login:
// GET shows a page with a button (so link scanners change nothing), POST acts.
// The unsubscribe token also opens the subscriber's preferences (language,
// topics). The leader sends a test to themselves and starts the background
// send; its progress is read from the delivery log by any server process.
#include <algorithm>

#include "api/app.h"
#include "mail/smtp.h"
#include "domain/json_codec.h"
#include "domain/validation.h"
#include "newsletter/articles.h"
#include "newsletter/compose.h"
#include "newsletter/edition.h"
#include "mail/config.h"
#include "domain/db_util.h"
#include "newsletter/sender.h"
#include "newsletter/subscriptions.h"
#include "newsletter/topics.h"
#include "util/strings.h"

namespace verbinder::api {
namespace {

using domain::GetInt;
using domain::GetString;
using domain::RejectUnknown;
using newsletter::Article;
using newsletter::ArticleStatus;

Json ToJson(const Article& a) {
  return {{"id", a.id},
          {"author_id", a.author_id ? Json(a.author_id) : Json(nullptr)},
          {"author_name", a.author_name},
          {"title", a.title},
          {"summary", a.summary},
          {"body", a.body_md},
          {"body_html", a.body_html},
          {"tags", a.tags},
          {"language", a.language},
          {"status", newsletter::ToString(a.status)},
          {"published_at", a.published_at ? Json(a.published_at) : Json(nullptr)},
          {"created_at", a.created_at},
          {"updated_at", a.updated_at}};
}

Json ToJson(const newsletter::Subscriber& s) {
  return {{"id", s.id},
          {"email", s.email},
          {"member_id", s.member_id ? Json(s.member_id) : Json(nullptr)},
          {"language", s.language},
          {"topics", s.topics},
          {"status", newsletter::ToString(s.status)},
          {"topics_only", s.topics_only},
          {"hard_bounces", s.hard_bounces},
          {"created_at", s.created_at},
          {"confirmed_at", s.confirmed_at ? Json(s.confirmed_at) : Json(nullptr)},
          {"unsubscribed_at", s.unsubscribed_at ? Json(s.unsubscribed_at) : Json(nullptr)}};
}

Result<std::vector<std::string>> GetStringList(const Json& j, const std::string& field) {
  std::vector<std::string> out;
  if (!j.contains(field)) return out;
  if (!j[field].is_array()) return InvalidArgument("must be an array of strings", field);
  for (size_t i = 0; i < j[field].size(); ++i) {
    if (!j[field][i].is_string()) return InvalidArgument("must be a string", field + "[" + std::to_string(i) + "]");
    out.push_back(j[field][i].get<std::string>());
  }
  return out;
}

// Applies the fields present in `body` onto `a`.
Status ArticleFromJson(const Json& body, Article& a) {
  VB_RETURN_IF_ERROR(RejectUnknown(body, {"title", "summary", "body", "tags", "language", "status"}));
  for (const char* f : {"title", "summary", "body", "language", "status"})
    if (body.contains(f) && !body[f].is_string()) return InvalidArgument("must be a string", f);
  if (body.contains("title")) a.title = body["title"].get<std::string>();
  if (body.contains("summary")) a.summary = body["summary"].get<std::string>();
  if (body.contains("body")) a.body_md = body["body"].get<std::string>();
  if (body.contains("language")) a.language = body["language"].get<std::string>();
  if (body.contains("status")) {
    auto s = newsletter::ParseArticleStatus(body["status"].get<std::string>());
    if (!s) return InvalidArgument("must be draft, submitted or published", "status");
    a.status = *s;
  }
  if (body.contains("tags")) {
    VB_ASSIGN_OR_RETURN(a.tags, GetStringList(body, "tags"));
  }
  return Status::Ok();
}

// A small self-contained page (no scripts) for the links in e-mails.
Response Page(const std::string& title, const std::string& text, const std::string& form_action,
              const std::string& button, int status = 200) {
  std::string html =
      "<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
      "content=\"width=device-width, initial-scale=1\"><meta name=\"robots\" content=\"noindex\"><title>" +
      HtmlEscape(title) +
      "</title></head><body style=\"font-family:Arial,Helvetica,sans-serif;max-width:"
      "32em;margin:2em auto;padding:0 1em;line-height:1.5\"><h1 style=\"font-size:1.4em\">" +
      HtmlEscape(title) + "</h1><p>" + HtmlEscape(text) + "</p>";
  if (!form_action.empty())
    html += "<form method=\"post\" action=\"" + HtmlEscape(form_action) +
            "\"><button type=\"submit\" style=\"font-size:1.1em;"
            "padding:.6em 1.2em\">" +
            HtmlEscape(button) + "</button></form>";
  html += "</body></html>\n";
  Response r = Response::Text(html, "text/html; charset=utf-8", status);
  r.headers.push_back({"Cache-Control", "no-store"});
  r.headers.push_back({"Referrer-Policy", "no-referrer"});
  return r;
}

Json ToJson(const newsletter::Topic& t) {
  return {
      {"key", t.key}, {"label_nl", t.label_nl}, {"label_en", t.label_en}, {"tags", t.tags}, {"position", t.position}};
}

Json ToJson(const newsletter::IssueProgress& p) {
  auto t = [](int64_t v) { return v ? Json(v) : Json(nullptr); };
  return {{"month", p.month},
          {"state", p.state},
          {"recipients", p.recipients},
          {"sent", p.sent},
          {"failed", p.failed},
          {"skipped", p.skipped},
          {"pending", p.pending},
          {"in_flight", p.in_flight},
          {"done", p.sent + p.failed + p.skipped},
          {"sender", p.sender},
          {"last_error", p.last_error},
          {"requested_at", t(p.requested_at)},
          {"started_at", t(p.started_at)},
          {"finished_at", t(p.finished_at)},
          {"next_attempt_at", t(p.next_attempt_at)}};
}

std::string PathMonth(const Ctx& ctx) {
  auto it = ctx.req.path_params.find("month");
  return it == ctx.req.path_params.end() ? "" : it->second;
}

Result<bool> GetBool(const Json& j, const std::string& field) {
  if (!j.contains(field)) return false;
  if (!j[field].is_boolean()) return InvalidArgument("must be true or false", field);
  return j[field].get<bool>();
}

bool WantsJson(const Request& req) {
  auto accept = req.Header("accept");
  auto ct = req.Header("content-type");
  if (ct && StartsWith(AsciiLower(*ct), "application/json")) return true;
  return accept && AsciiLower(*accept).find("application/json") != std::string::npos &&
         AsciiLower(*accept).find("text/html") == std::string::npos;
}

Result<std::vector<model::Id>> GetIdList(const Json& j, const std::string& field) {
  std::vector<model::Id> out;
  if (!j.contains(field)) return InvalidArgument("is required", field);
  if (!j[field].is_array()) return InvalidArgument("must be an array of ids", field);
  for (size_t i = 0; i < j[field].size(); ++i) {
    const Json& v = j[field][i];
    if (!v.is_number_integer() || v.get<int64_t>() <= 0)
      return InvalidArgument("must be a positive id", field + "[" + std::to_string(i) + "]");
    out.push_back(v.get<int64_t>());
  }
  return out;
}

Json EditionJson(const newsletter::Edition& e, bool saved, const newsletter::EditionCandidates& c) {
  Json articles = Json::array(), events = Json::array();
  for (const auto& a : c.articles)
    articles.push_back({{"id", a.id},
                        {"title", a.title},
                        {"summary", a.summary},
                        {"author_name", a.author_name},
                        {"language", a.language},
                        {"published_at", a.published_at}});
  for (const auto& ev : c.events)
    events.push_back({{"id", ev.id},
                      {"title", ev.title},
                      {"kind", ev.kind},
                      {"starts_at", ev.starts_at},
                      {"location", ev.location},
                      {"free", ev.free}});
  return {{"month", e.month},
          {"saved", saved},
          {"intro_nl", e.intro_nl},
          {"intro_en", e.intro_en},
          {"articles", e.article_ids},
          {"events", e.event_ids},
          {"updated_at", e.updated_at ? Json(e.updated_at) : Json(nullptr)},
          {"candidates", {{"articles", articles}, {"events", events}}}};
}

// The outbox's waiting mail, grouped as the leader's pages name it.
struct MailState {
  bool configured = false;
  std::vector<std::string> missing;
  std::string from_email;
  int64_t waiting = 0, failed = 0, invitations = 0, confirmations = 0, password_resets = 0, notifications = 0;
};

Result<MailState> ReadMailState(storage::Database& db) {
  return domain::WithSession<MailState>(db, [](soci::session& sql) -> Result<MailState> {
    MailState m;
    VB_ASSIGN_OR_RETURN(auto cfg, mail::LoadMailConfig(sql));
    m.configured = cfg.configured;
    if (cfg.smtp.url.empty()) m.missing.push_back("mail.smtp_url");
    const std::string from = AsciiLower(cfg.from_email);
    if (from.size() < 8 || from.compare(from.size() - 8, 8, ".invalid") == 0) m.missing.push_back("mail.from_email");
    m.from_email = m.configured ? cfg.from_email : "";
    std::string kind, status;
    long long n = 0;
    soci::statement st =
        (sql.prepare << "SELECT kind, status, COUNT(*) FROM outbox WHERE status IN ('pending', 'sending', 'failed') "
                        "GROUP BY kind, status",
         soci::into(kind), soci::into(status), soci::into(n));
    st.execute();
    while (st.fetch()) {
      if (status == "failed") {
        m.failed += n;
        continue;
      }
      m.waiting += n;
      if (kind == "account.invitation")
        m.invitations += n;
      else if (kind == "account.confirm" || kind == "newsletter.confirm")
        m.confirmations += n;
      else if (kind == "account.password_reset")
        m.password_resets += n;
      else if (StartsWith(kind, "notification."))
        m.notifications += n;
    }
    return m;
  });
}

std::string PathToken(const Ctx& ctx) {
  auto it = ctx.req.path_params.find("token");
  return it == ctx.req.path_params.end() ? "" : it->second;
}

}  // namespace

void RegisterNewsletterRoutes(App& app) {
  // ---- Articles ----
  app.Add(Method::kGet, "/api/v1/articles", Access::kPublic, [&app](Ctx& ctx) -> Result<Response> {
    VB_RETURN_IF_ERROR(CheckQueryParams(ctx.req, {"q", "tag", "status", "limit", "offset"}));
    newsletter::ArticleFilter f;
    f.q = QueryString(ctx.req, "q");
    f.tag = QueryString(ctx.req, "tag");
    if (std::string s = QueryString(ctx.req, "status"); !s.empty()) {
      f.status = newsletter::ParseArticleStatus(s);
      if (!f.status) return InvalidArgument("must be draft, submitted or published", "status");
    }
    VB_ASSIGN_OR_RETURN(f.limit, QueryInt(ctx.req, "limit", domain::kDefaultPageSize, 1, domain::kMaxPageSize));
    VB_ASSIGN_OR_RETURN(f.offset, QueryInt(ctx.req, "offset", 0, 0, 1'000'000'000));
    VB_ASSIGN_OR_RETURN(auto page, app.services().articles.List(ctx.viewer, f));
    return Response::JsonBody(domain::PageToJson(page, [](const Article& a) { return ToJson(a); }));
  });

  app.Add(Method::kPost, "/api/v1/articles", Access::kMember, [&app](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
    Article a;
    a.status = ArticleStatus::kSubmitted;
    VB_RETURN_IF_ERROR(ArticleFromJson(body, a));
    VB_ASSIGN_OR_RETURN(auto created, app.services().articles.Create(ctx.viewer, a));
    Response r = Response::JsonBody(ToJson(created), 201);
    r.headers.push_back({"Location", "/api/v1/articles/" + std::to_string(created.id)});
    return r;
  });

  app.Add(Method::kGet, "/api/v1/articles/:id", Access::kPublic, [&app](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_ASSIGN_OR_RETURN(auto a, app.services().articles.Get(ctx.viewer, id));
    return Response::JsonBody(ToJson(a));
  });

  app.Add(Method::kPatch, "/api/v1/articles/:id", Access::kMember, [&app](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
    newsletter::ArticleService& svc = app.services().articles;
    VB_ASSIGN_OR_RETURN(Article a, svc.Get(ctx.viewer, id));
    VB_RETURN_IF_ERROR(ArticleFromJson(body, a));
    VB_ASSIGN_OR_RETURN(auto updated, svc.Update(ctx.viewer, a));
    return Response::JsonBody(ToJson(updated));
  });

  app.Add(Method::kDelete, "/api/v1/articles/:id", Access::kMember, [&app](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_RETURN_IF_ERROR(app.services().articles.Delete(ctx.viewer, id));
    return Response::NoContent();
  });

  app.Add(Method::kPost, "/api/v1/articles/:id/publish", Access::kOrganizer, [&app](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    int64_t at = 0;
    if (!Trim(ctx.req.body).empty()) {
      VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
      VB_RETURN_IF_ERROR(RejectUnknown(body, {"published_at"}));
      VB_ASSIGN_OR_RETURN(at, GetInt(body, "published_at", false, 0));
      if (at < 0) return InvalidArgument("must be Unix seconds", "published_at");
      if (at != 0) VB_RETURN_IF_ERROR(domain::CheckUnixTime("published_at", at));
    }
    VB_ASSIGN_OR_RETURN(auto a, app.services().articles.Publish(ctx.viewer, id, at));
    return Response::JsonBody(ToJson(a));
  });

  // ---- Subscriptions ----
  app.Add(Method::kPost, "/api/v1/newsletter/subscriptions", Access::kPublic, [&app](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
    VB_RETURN_IF_ERROR(RejectUnknown(body, {"email", "language", "topics"}));
    VB_ASSIGN_OR_RETURN(std::string email, GetString(body, "email", true));
    VB_ASSIGN_OR_RETURN(std::string language, GetString(body, "language", false));
    VB_ASSIGN_OR_RETURN(auto topics, GetStringList(body, "topics"));
    if (language.empty()) language = "nl";
    VB_ASSIGN_OR_RETURN(auto sub, app.services().subscriptions.Subscribe(email, language, topics));
    // The same answer whether the address was new, pending or already confirmed.
    return Response::JsonBody(
        {{"status", "pending_confirmation"},
         {"message", "If this address is not subscribed yet, a confirmation link is on its way."}},
        202);
  });

  app.Add(Method::kPost, "/api/v1/newsletter/subscriptions/me", Access::kMember, [&app](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
    VB_RETURN_IF_ERROR(RejectUnknown(body, {"language", "topics", "topics_only"}));
    VB_ASSIGN_OR_RETURN(std::string language, GetString(body, "language", false));
    VB_ASSIGN_OR_RETURN(auto topics, GetStringList(body, "topics"));
    VB_ASSIGN_OR_RETURN(bool only, GetBool(body, "topics_only"));
    if (language.empty()) language = "nl";
    VB_ASSIGN_OR_RETURN(auto s, app.services().subscriptions.SubscribeMember(ctx.viewer, language, topics, only));
    return Response::JsonBody(ToJson(s));
  });

  app.Add(Method::kGet, "/api/v1/newsletter/subscriptions/me", Access::kMember, [&app](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(auto s, app.services().subscriptions.Mine(ctx.viewer));
    return Response::JsonBody(ToJson(s));
  });

  // ---- Topics (the catalogue subscribers choose from; topics.h has the rule) ----
  app.Add(Method::kGet, "/api/v1/newsletter/topics", Access::kPublic, [&app](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(auto topics, newsletter::ListTopics(app.db()));
    Json items = Json::array();
    for (const auto& t : topics) items.push_back(ToJson(t));
    return Response::JsonBody({{"items", items}});
  });
  app.Add(Method::kPut, "/api/v1/newsletter/topics/:key", Access::kOrganizer, [&app](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
    VB_RETURN_IF_ERROR(RejectUnknown(body, {"label_nl", "label_en", "tags", "position"}));
    newsletter::Topic t;
    t.key = ctx.req.path_params.count("key") ? ctx.req.path_params.at("key") : "";
    VB_ASSIGN_OR_RETURN(t.label_nl, GetString(body, "label_nl", true));
    VB_ASSIGN_OR_RETURN(t.label_en, GetString(body, "label_en", true));
    VB_ASSIGN_OR_RETURN(t.tags, GetStringList(body, "tags"));
    VB_ASSIGN_OR_RETURN(int64_t pos, GetInt(body, "position", false, 0, 0, 1'000'000));
    t.position = static_cast<int>(pos);
    VB_ASSIGN_OR_RETURN(auto saved, newsletter::SaveTopic(app.db(), t));
    return Response::JsonBody(ToJson(saved));
  });
  app.Add(Method::kDelete, "/api/v1/newsletter/topics/:key", Access::kOrganizer, [&app](Ctx& ctx) -> Result<Response> {
    VB_RETURN_IF_ERROR(
        newsletter::DeleteTopic(app.db(), ctx.req.path_params.count("key") ? ctx.req.path_params.at("key") : ""));
    return Response::NoContent();
  });

  // ---- Preferences behind the unsubscribe token (the link in every issue) ----
  app.Add(Method::kGet, "/api/v1/newsletter/preferences/:token", Access::kPublic, [&app](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(auto s, app.services().subscriptions.ByUnsubscribeToken(PathToken(ctx)));
    return Response::JsonBody({{"email", s.email},
                               {"language", s.language},
                               {"topics", s.topics},
                               {"topics_only", s.topics_only},
                               {"status", newsletter::ToString(s.status)}});
  });
  app.Add(Method::kPut, "/api/v1/newsletter/preferences/:token", Access::kPublic, [&app](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
    VB_RETURN_IF_ERROR(RejectUnknown(body, {"language", "topics", "topics_only"}));
    VB_ASSIGN_OR_RETURN(std::string language, GetString(body, "language", true));
    VB_ASSIGN_OR_RETURN(auto topics, GetStringList(body, "topics"));
    VB_ASSIGN_OR_RETURN(bool only, GetBool(body, "topics_only"));
    VB_ASSIGN_OR_RETURN(auto s, app.services().subscriptions.UpdatePreferences(PathToken(ctx), language, topics, only));
    return Response::JsonBody({{"email", s.email},
                               {"language", s.language},
                               {"topics", s.topics},
                               {"topics_only", s.topics_only},
                               {"status", newsletter::ToString(s.status)}});
  });

  app.Add(Method::kGet, "/api/v1/newsletter/subscriptions", Access::kOrganizer, [&app](Ctx& ctx) -> Result<Response> {
    VB_RETURN_IF_ERROR(CheckQueryParams(ctx.req, {"status", "limit", "offset"}));
    std::optional<newsletter::SubscriberStatus> status;
    if (std::string s = QueryString(ctx.req, "status"); !s.empty()) {
      status = newsletter::ParseSubscriberStatus(s);
      if (!status) return InvalidArgument("must be pending, confirmed, unsubscribed or bounced", "status");
    }
    VB_ASSIGN_OR_RETURN(int limit, QueryInt(ctx.req, "limit", domain::kDefaultPageSize, 1, domain::kMaxPageSize));
    VB_ASSIGN_OR_RETURN(int offset, QueryInt(ctx.req, "offset", 0, 0, 1'000'000'000));
    VB_ASSIGN_OR_RETURN(auto page, app.services().subscriptions.List(ctx.viewer, status, limit, offset));
    return Response::JsonBody(domain::PageToJson(page, [](const newsletter::Subscriber& s) { return ToJson(s); }));
  });

  // Double opt-in: GET shows a button, POST confirms.
  app.Add(Method::kGet, "/api/v1/newsletter/confirm/:token", Access::kPublic, [](Ctx& ctx) -> Result<Response> {
    return Page("Aanmelding bevestigen", "Bevestig je aanmelding voor de nieuwsbrief.", ctx.req.path, "Bevestigen");
  });
  app.Add(Method::kPost, "/api/v1/newsletter/confirm/:token", Access::kPublic, [&app](Ctx& ctx) -> Result<Response> {
    auto s = app.services().subscriptions.Confirm(PathToken(ctx));
    if (WantsJson(ctx.req)) {
      if (!s) return s.status();
      return Response::JsonBody({{"status", "confirmed"}});
    }
    if (s) return Page("Aanmelding bevestigd", "Je ontvangt voortaan de nieuwsbrief. Dank je wel!", "", "");
    if (s.status().code() == Code::kConflict) return Page("Al geregeld", s.status().message(), "", "", 409);
    return Page("Deze link werkt niet", s.status().message(), "", "", 400);
  });

  // One-click unsubscribe (RFC 8058): GET only shows a confirmation button;
  // POST (from the mail client with "List-Unsubscribe=One-Click", or the
  // button) unsubscribes at once, without login or cookie. Idempotent.
  app.Add(Method::kGet, "/api/v1/newsletter/unsubscribe/:token", Access::kPublic, [](Ctx& ctx) -> Result<Response> {
    return Page("Afmelden", "Wil je de nieuwsbrief niet meer ontvangen?", ctx.req.path, "Afmelden");
  });
  app.Add(Method::kPost, "/api/v1/newsletter/unsubscribe/:token", Access::kPublic,
          [&app](Ctx& ctx) -> Result<Response> {
            if (ctx.req.body.size() > 4096) return Status(Code::kPayloadTooLarge, "the body is too large", "body");
            auto s = app.services().subscriptions.Unsubscribe(PathToken(ctx));
            if (WantsJson(ctx.req)) {
              if (!s) return s.status();
              return Response::JsonBody({{"status", "unsubscribed"}});
            }
            if (!s) return Page("Deze link werkt niet", s.status().message(), "", "", 400);
            return Page("Afgemeld", "Je bent afgemeld en ontvangt de nieuwsbrief niet meer.", "", "");
          });

  // ---- The leader's view of an issue ----
  app.Add(Method::kGet, "/api/v1/newsletter/preview", Access::kOrganizer, [&app](Ctx& ctx) -> Result<Response> {
    VB_RETURN_IF_ERROR(CheckQueryParams(ctx.req, {"month", "subscriber", "format"}));
    std::string month = QueryString(ctx.req, "month");
    if (month.empty()) month = newsletter::MonthOf(app.clock().Now());
    std::string format = QueryString(ctx.req, "format");
    if (!format.empty() && format != "html" && format != "text" && format != "eml")
      return InvalidArgument("must be html, text or eml", "format");
    VB_ASSIGN_OR_RETURN(auto cfg, newsletter::LoadConfig(app.db()));
    // The event pages' suggestion runs (whom to meet), as the server keeps them.
    newsletter::Composer composer(app.db(), app.clock(), cfg, &app.services().meetings);
    VB_ASSIGN_OR_RETURN(auto issue, composer.LoadIssue(month));
    newsletter::SubscriptionService& subs = app.services().subscriptions;
    newsletter::Subscriber as;  // default: an anonymous reader
    as.email = cfg.from.email;
    if (!QueryString(ctx.req, "subscriber").empty()) {
      VB_ASSIGN_OR_RETURN(int id, QueryInt(ctx.req, "subscriber", 0, 1, 2'000'000'000));
      VB_ASSIGN_OR_RETURN(as, subs.Get(id));
    }
    VB_ASSIGN_OR_RETURN(auto msg, composer.ComposeFor(issue, as, "preview"));
    if (format == "eml") return Response::Text(msg.raw, "message/rfc822");
    // Show one part as the subscriber's mail client would.
    const std::string& raw = msg.raw;
    const std::string marker = format == "text" ? "text/plain" : "text/html";
    auto at = raw.find("Content-Type: " + marker);
    auto start = raw.find("\r\n\r\n", at) + 4;
    auto end = raw.find("\r\n--=_vb_", start);
    std::string qp = raw.substr(start, end - start), out;
    for (size_t i = 0; i < qp.size(); ++i) {
      if (qp[i] == '=' && i + 2 < qp.size() && qp[i + 1] == '\r') {
        i += 2;
        continue;
      }
      if (qp[i] == '=' && i + 2 < qp.size()) {
        out += static_cast<char>(std::stoi(qp.substr(i + 1, 2), nullptr, 16));
        i += 2;
        continue;
      }
      if (qp[i] != '\r') out += qp[i];
    }
    Response r = Response::Text(out, format == "text" ? "text/plain; charset=utf-8" : "text/html; charset=utf-8");
    // Shown in a frame of the leader's page: no scripts, no fetches, only the mail's inline styles.
    r.headers.push_back({"Content-Security-Policy",
                         "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; sandbox "
                         "allow-same-origin; frame-ancestors 'self'"});
    return r;
  });

  // Send a test to myself: the real message, to the leader's own address, now.
  app.Add(Method::kPost, "/api/v1/newsletter/issues/:month/test", Access::kOrganizer,
          [&app](Ctx& ctx) -> Result<Response> {
            if (!Trim(ctx.req.body).empty()) {
              VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
              VB_RETURN_IF_ERROR(RejectUnknown(body, {}));
            }
            const std::string month = PathMonth(ctx);
            VB_RETURN_IF_ERROR(newsletter::MonthRange(month).status());
            if (ctx.viewer.member_id <= 0)
              return InvalidArgument("a test goes to your own member address; sign in as a member", "member_id");
            VB_ASSIGN_OR_RETURN(auto cfg, newsletter::LoadConfig(app.db()));
            newsletter::Composer composer(app.db(), app.clock(), cfg, &app.services().meetings);
            mail::CurlSmtpTransport transport(cfg.mail.smtp);
            VB_ASSIGN_OR_RETURN(
                auto r, newsletter::SendTest(app.db(), app.clock(), composer, transport, month, ctx.viewer.member_id));
            return Response::JsonBody({{"sent_to", r.to}, {"message_id", r.message_id}, {"subject", r.subject}});
          });

  // Start (or resume) sending in the background of the server, and watch it.
  app.Add(Method::kPost, "/api/v1/newsletter/issues/:month/send", Access::kOrganizer,
          [&app](Ctx& ctx) -> Result<Response> {
            if (!Trim(ctx.req.body).empty()) {
              VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
              VB_RETURN_IF_ERROR(RejectUnknown(body, {}));
            }
            VB_ASSIGN_OR_RETURN(auto cfg, newsletter::LoadConfig(app.db()));
            newsletter::Composer composer(app.db(), app.clock(), cfg);
            VB_ASSIGN_OR_RETURN(
                auto p, newsletter::RequestSend(app.db(), app.clock(), composer, PathMonth(ctx), ctx.viewer.member_id));
            Response r = Response::JsonBody(ToJson(p), 202);
            r.headers.push_back({"Location", "/api/v1/newsletter/issues/" + p.month + "/send"});
            return r;
          });
  app.Add(Method::kGet, "/api/v1/newsletter/issues/:month/send", Access::kOrganizer,
          [&app](Ctx& ctx) -> Result<Response> {
            VB_ASSIGN_OR_RETURN(auto p, newsletter::GetIssueProgress(app.db(), app.clock(), PathMonth(ctx)));
            return Response::JsonBody(ToJson(p));
          });

  app.Add(Method::kGet, "/api/v1/newsletter/issues/:month", Access::kOrganizer, [&app](Ctx& ctx) -> Result<Response> {
    std::string month = ctx.req.path_params.count("month") ? ctx.req.path_params.at("month") : "";
    VB_ASSIGN_OR_RETURN(auto r, newsletter::IssueStatus(app.db(), month));
    return Response::JsonBody({{"month", month},
                               {"recipients", r.recipients},
                               {"sent", r.sent_total},
                               {"failed", r.failed},
                               {"skipped", r.skipped},
                               {"finished", r.finished}});
  });
  // ---- The leader's edition of a month: introduction, articles, events (edition.h) ----
  app.Add(Method::kGet, "/api/v1/newsletter/issues/:month/edition", Access::kOrganizer,
          [&app](Ctx& ctx) -> Result<Response> {
            const std::string month = PathMonth(ctx);
            VB_ASSIGN_OR_RETURN(auto saved, newsletter::LoadEdition(app.db(), month));
            VB_ASSIGN_OR_RETURN(auto candidates, newsletter::LoadCandidates(app.db(), app.clock()));
            if (saved) return Response::JsonBody(EditionJson(*saved, true, candidates));
            // Not saved yet: what the issue would carry today, limited to what can be chosen.
            newsletter::Edition e;
            e.month = month;
            VB_ASSIGN_OR_RETURN(auto cfg, newsletter::LoadConfig(app.db()));
            newsletter::Composer composer(app.db(), app.clock(), cfg);
            if (auto issue = composer.LoadIssue(month); issue.ok()) {
              for (const auto& a : issue->articles) e.article_ids.push_back(a.id);
              for (const auto& ev : issue->events)
                if (std::any_of(candidates.events.begin(), candidates.events.end(),
                                [&](const auto& c) { return c.id == ev.id; }))
                  e.event_ids.push_back(ev.id);
            } else if (issue.status().code() != Code::kConflict) {
              return issue.status();
            }
            return Response::JsonBody(EditionJson(e, false, candidates));
          });
  app.Add(Method::kPut, "/api/v1/newsletter/issues/:month/edition", Access::kOrganizer,
          [&app](Ctx& ctx) -> Result<Response> {
            VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
            VB_RETURN_IF_ERROR(RejectUnknown(body, {"intro_nl", "intro_en", "articles", "events"}));
            newsletter::Edition e;
            e.month = PathMonth(ctx);
            VB_ASSIGN_OR_RETURN(e.intro_nl, GetString(body, "intro_nl", false));
            VB_ASSIGN_OR_RETURN(e.intro_en, GetString(body, "intro_en", false));
            VB_ASSIGN_OR_RETURN(e.article_ids, GetIdList(body, "articles"));
            VB_ASSIGN_OR_RETURN(e.event_ids, GetIdList(body, "events"));
            VB_ASSIGN_OR_RETURN(auto saved, newsletter::SaveEdition(app.db(), app.clock(), e, ctx.viewer.member_id));
            VB_ASSIGN_OR_RETURN(auto candidates, newsletter::LoadCandidates(app.db(), app.clock()));
            return Response::JsonBody(EditionJson(saved, true, candidates));
          });

  // ---- Is mail set up, and what waits in the outbox (for the leader's pages) ----
  app.Add(Method::kGet, "/api/v1/mail/status", Access::kOrganizer, [&app](Ctx& ctx) -> Result<Response> {
    VB_RETURN_IF_ERROR(CheckQueryParams(ctx.req, {}));
    VB_ASSIGN_OR_RETURN(auto m, ReadMailState(app.db()));
    return Response::JsonBody({{"configured", m.configured},
                               {"missing", m.missing},
                               {"from_email", m.from_email},
                               {"failed", m.failed},
                               {"waiting",
                                {{"total", m.waiting},
                                 {"invitations", m.invitations},
                                 {"confirmations", m.confirmations},
                                 {"password_resets", m.password_resets},
                                 {"notifications", m.notifications}}}});
  });
}

}  // namespace verbinder::api
