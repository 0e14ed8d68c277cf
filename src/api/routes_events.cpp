// Routes of the events area: events and registration, check-in, iCalendar
// invites and feeds, whom to meet, meeting requests, networking rounds and
// schedules, feedback, site visits and the notifications they produce. The
// handlers only parse input and map records to JSON; the events services
// (src/events/) enforce roles, visibility and every rule.
#include <functional>
#include <map>
#include <memory>

#include "api/app.h"
#include "domain/json_codec.h"
#include "domain/members.h"
#include "domain/network.h"
#include "events/calendar.h"
#include "events/encounters.h"
#include "events/events.h"
#include "events/events_json.h"
#include "events/meetings.h"
#include "events/printable.h"
#include "events/report.h"
#include "events/seating.h"
#include "events/visits.h"
#include "notify/notifications.h"
#include "util/strings.h"

namespace verbinder::api {
namespace {

using events::ToJson;

// The events module's services, borrowed from the composition root.
struct EventsApi {
  explicit EventsApi(app_services::Services& s)
      : events(s.events),
        calendar(s.calendar),
        meetings(s.meetings),
        visits(s.visits),
        seating(s.seating),
        reports(s.reports),
        encounters(s.encounters),
        learned_links(s.learned_links),
        members(s.members),
        network(s.network),
        notifications(s.notifications) {}
  events::EventService& events;
  events::CalendarService& calendar;
  events::MeetingService& meetings;
  events::VisitService& visits;
  events::SeatingService& seating;
  events::ReportService& reports;
  events::EncounterService& encounters;
  events::LearnedLinkService& learned_links;
  domain::MemberService& members;
  domain::NetworkService& network;
  notify::NotificationService& notifications;
};

Response Ics(const std::string& text, const std::string& filename) {
  Response r = Response::Text(text, "text/calendar; charset=utf-8");
  r.headers.push_back({"Content-Disposition", "inline; filename=\"" + filename + "\""});
  return r;
}

Result<bool> QueryBool(const Request& req, const std::string& name) {
  std::string v = QueryString(req, name);
  if (v.empty() || v == "false") return false;
  if (v == "true") return true;
  return InvalidArgument("must be true or false", name).WithReason("field.not_a_boolean");
}

template <typename T>
Json Items(const std::vector<T>& xs) {
  Json items = Json::array();
  for (const auto& x : xs) items.push_back(ToJson(x));
  return {{"items", items}, {"total", items.size()}};
}

// ?lang=nl|en, else the viewer's own language (issue #17).
Result<std::string> RequestedLang(const Ctx& ctx, notify::NotificationService& ns) {
  std::string lang = QueryString(ctx.req, "lang");
  if (lang.empty()) return ns.Language(ctx.viewer);
  if (lang != "nl" && lang != "en")
    return InvalidArgument("must be nl or en", "lang").WithReason("field.invalid_choice");
  return lang;
}

// The printable pages: ?lang= only (RequestedLang).
Result<std::string> PrintLang(const Ctx& ctx, notify::NotificationService& ns) {
  VB_RETURN_IF_ERROR(CheckQueryParams(ctx.req, {"lang"}));
  return RequestedLang(ctx, ns);
}

Response Html(std::string html) {
  return Response::Text(std::move(html), "text/html; charset=utf-8");
}

void RegisterEventRoutes(App& app, const std::shared_ptr<EventsApi>& api) {
  app.Add(Method::kGet, "/api/v1/events", Access::kPublic, [api](Ctx& ctx) -> Result<Response> {
    VB_RETURN_IF_ERROR(CheckQueryParams(ctx.req, {"upcoming", "limit", "offset"}));
    events::EventFilter f;
    VB_ASSIGN_OR_RETURN(f.upcoming_only, QueryBool(ctx.req, "upcoming"));
    VB_ASSIGN_OR_RETURN(f.limit, QueryInt(ctx.req, "limit", domain::kDefaultPageSize, 1, domain::kMaxPageSize));
    VB_ASSIGN_OR_RETURN(f.offset, QueryInt(ctx.req, "offset", 0, 0, 1'000'000'000));
    VB_ASSIGN_OR_RETURN(auto page, api->events.List(ctx.viewer, f));
    return Response::JsonBody(domain::PageToJson(page, [](const events::EventInfo& e) { return ToJson(e); }));
  });

  app.Add(Method::kPost, "/api/v1/events", Access::kOrganizer, [api](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
    events::EventInfo info;
    VB_RETURN_IF_ERROR(events::EventFromJson(body, info));
    VB_ASSIGN_OR_RETURN(auto created, api->events.Create(ctx.viewer, info));
    Response r = Response::JsonBody(ToJson(created), 201);
    r.headers.push_back({"Location", "/api/v1/events/" + std::to_string(created.event.id)});
    return r;
  });

  app.Add(Method::kGet, "/api/v1/events/:id", Access::kPublic, [api](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_ASSIGN_OR_RETURN(auto e, api->events.Get(ctx.viewer, id));
    return Response::JsonBody(ToJson(e));
  });

  app.Add(Method::kPatch, "/api/v1/events/:id", Access::kMember, [api](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
    VB_ASSIGN_OR_RETURN(auto e, api->events.Get(ctx.viewer, id));
    VB_RETURN_IF_ERROR(events::EventFromJson(body, e));
    VB_ASSIGN_OR_RETURN(auto updated, api->events.Update(ctx.viewer, e));
    return Response::JsonBody(ToJson(updated));
  });

  app.Add(Method::kPost, "/api/v1/events/:id/registrations", Access::kMember, [api](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    int64_t member = ctx.viewer.member_id;
    if (!ctx.req.body.empty()) {
      VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
      VB_RETURN_IF_ERROR(domain::RejectUnknown(body, {"member_id"}));
      VB_ASSIGN_OR_RETURN(member, domain::GetInt(body, "member_id", false, ctx.viewer.member_id));
    }
    VB_ASSIGN_OR_RETURN(auto reg, api->events.Register(ctx.viewer, id, member));
    return Response::JsonBody(ToJson(reg), 201);
  });

  app.Add(Method::kGet, "/api/v1/events/:id/registrations", Access::kMember, [api](Ctx& ctx) -> Result<Response> {
    VB_RETURN_IF_ERROR(CheckQueryParams(ctx.req, {"status", "q", "limit", "offset"}));
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    std::optional<events::RegistrationStatus> status;
    std::string s = QueryString(ctx.req, "status");
    for (auto st : {events::RegistrationStatus::kRegistered, events::RegistrationStatus::kWaitlisted,
                    events::RegistrationStatus::kCancelled})
      if (s == events::ToString(st)) status = st;
    if (!s.empty() && !status)
      return InvalidArgument("must be registered, waitlisted or cancelled", "status")
          .WithReason("field.invalid_choice");
    VB_ASSIGN_OR_RETURN(int limit, QueryInt(ctx.req, "limit", domain::kDefaultPageSize, 1, domain::kMaxPageSize));
    VB_ASSIGN_OR_RETURN(int offset, QueryInt(ctx.req, "offset", 0, 0, 1'000'000'000));
    VB_ASSIGN_OR_RETURN(auto page,
                        api->events.Registrations(ctx.viewer, id, status, QueryString(ctx.req, "q"), limit, offset));
    return Response::JsonBody(domain::PageToJson(page, [](const events::Registration& r) { return ToJson(r); }));
  });

  app.Add(Method::kGet, "/api/v1/events/:id/registration", Access::kMember, [api](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_ASSIGN_OR_RETURN(auto reg, api->events.MyRegistration(ctx.viewer, id));
    return Response::JsonBody(ToJson(reg));
  });

  app.Add(Method::kPatch, "/api/v1/events/:id/registration", Access::kMember, [api](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
    VB_RETURN_IF_ERROR(domain::RejectUnknown(body, {"rounds_opt_out"}));
    VB_ASSIGN_OR_RETURN(bool opt_out, events::GetBool(body, "rounds_opt_out", true));
    VB_ASSIGN_OR_RETURN(auto reg, api->events.SetRoundsOptOut(ctx.viewer, id, opt_out));
    return Response::JsonBody(ToJson(reg));
  });

  app.Add(Method::kDelete, "/api/v1/events/:id/registration", Access::kMember, [api](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_ASSIGN_OR_RETURN(auto reg, api->events.Cancel(ctx.viewer, id, ctx.viewer.member_id));
    return Response::JsonBody(ToJson(reg));
  });

  app.Add(Method::kPost, "/api/v1/events/:id/registrations/:member_id/cancel", Access::kMember,
          [api](Ctx& ctx) -> Result<Response> {
            VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
            VB_ASSIGN_OR_RETURN(int64_t member, PathId(ctx, "member_id"));
            VB_ASSIGN_OR_RETURN(auto reg, api->events.Cancel(ctx.viewer, id, member));
            return Response::JsonBody(ToJson(reg));
          });

  app.Add(Method::kGet, "/api/v1/events/:id/registration.ics", Access::kMember, [api](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_ASSIGN_OR_RETURN(auto ics, api->calendar.RegistrationInvite(ctx.viewer, id, ctx.viewer.member_id));
    return Ics(ics, "event-" + std::to_string(id) + ".ics");
  });

  app.Add(Method::kPost, "/api/v1/events/:id/checkin", Access::kMember, [api](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
    VB_RETURN_IF_ERROR(domain::RejectUnknown(body, {"code", "registration_id"}));
    if (body.contains("code") == body.contains("registration_id"))
      return InvalidArgument("send either code or registration_id", "code").WithReason("checkin.code_required");
    Result<events::Registration> reg = Status(Code::kInternal, "unset");
    if (body.contains("code")) {
      VB_ASSIGN_OR_RETURN(std::string code, domain::GetString(body, "code", true));
      reg = api->events.CheckIn(ctx.viewer, id, code);
    } else {
      VB_ASSIGN_OR_RETURN(int64_t rid, domain::GetInt(body, "registration_id", true));
      reg = api->events.CheckInRegistration(ctx.viewer, id, rid);
    }
    if (!reg) return reg.status();
    return Response::JsonBody(ToJson(*reg));
  });

  // A printable door list: names and check-in codes (organizers).
  app.Add(Method::kGet, "/api/v1/events/:id/checkin-sheet", Access::kMember, [api](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(std::string lang, PrintLang(ctx, api->notifications));
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_ASSIGN_OR_RETURN(auto e, api->events.Get(ctx.viewer, id));
    if (!api->events.CanManage(ctx.viewer, e))
      return PermissionDenied("only the event's organizers print the door list").WithReason("event.organizers_only");
    std::vector<events::Registration> registered;
    for (int offset = 0;; offset += domain::kMaxPageSize) {
      VB_ASSIGN_OR_RETURN(auto page, api->events.Registrations(ctx.viewer, id, events::RegistrationStatus::kRegistered,
                                                               "", domain::kMaxPageSize, offset));
      registered.insert(registered.end(), page.items.begin(), page.items.end());
      if (offset + domain::kMaxPageSize >= page.total) break;
    }
    return Html(events::DoorListHtml(e, registered, lang));
  });
}

void RegisterCalendarRoutes(App& app, const std::shared_ptr<EventsApi>& api) {
  app.Add(Method::kGet, "/api/v1/calendar/public.ics", Access::kPublic, [api](Ctx&) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(auto ics, api->calendar.PublicFeed());
    return Ics(ics, "verbinder.ics");
  });
  app.Add(Method::kPost, "/api/v1/calendar/token", Access::kMember, [api](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(auto token, api->calendar.RotateFeedToken(ctx.viewer));
    return Response::JsonBody({{"token", token}, {"url", "/api/v1/calendar/feed/" + token}}, 201);
  });
  app.Add(Method::kGet, "/api/v1/calendar/feed/:token", Access::kPublic, [api](Ctx& ctx) -> Result<Response> {
    auto it = ctx.req.path_params.find("token");
    VB_ASSIGN_OR_RETURN(auto ics, api->calendar.PersonalFeed(it == ctx.req.path_params.end() ? "" : it->second));
    return Ics(ics, "verbinder-personal.ics");
  });
}

void RegisterMeetingRoutes(App& app, const std::shared_ptr<EventsApi>& api) {
  app.Add(Method::kGet, "/api/v1/events/:id/suggestions", Access::kMember, [api](Ctx& ctx) -> Result<Response> {
    // ?lang=nl|en: the UI's language words the reasons (default: the member's first language).
    VB_RETURN_IF_ERROR(CheckQueryParams(ctx.req, {"limit", "lang"}));
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_ASSIGN_OR_RETURN(int limit, QueryInt(ctx.req, "limit", 10, 1, 50));
    VB_ASSIGN_OR_RETURN(auto s, api->meetings.Suggestions(ctx.viewer, id, limit, QueryString(ctx.req, "lang")));
    return Response::JsonBody(Items(s));
  });
  app.Add(Method::kPost, "/api/v1/events/:id/meeting-requests", Access::kMember, [api](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
    VB_RETURN_IF_ERROR(domain::RejectUnknown(body, {"to", "message"}));
    VB_ASSIGN_OR_RETURN(int64_t to, domain::GetInt(body, "to", true));
    VB_ASSIGN_OR_RETURN(std::string message, domain::GetString(body, "message", false));
    VB_ASSIGN_OR_RETURN(auto r, api->meetings.Request(ctx.viewer, id, to, message));
    return Response::JsonBody(ToJson(r), 201);
  });
  // Where an online contact can become a meeting: the events both are registered for.
  app.Add(Method::kGet, "/api/v1/members/:id/shared-events", Access::kMember, [api](Ctx& ctx) -> Result<Response> {
    VB_RETURN_IF_ERROR(CheckQueryParams(ctx.req, {}));
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_ASSIGN_OR_RETURN(auto rows, api->meetings.SharedEvents(ctx.viewer, id));
    return Response::JsonBody(Items(rows));
  });
  // My online-only ties who come to this event too: where "we only know each other online" can end.
  // Online-only is the ledger's one tie rule (domain::NetworkService::TiesOf, model::DeriveTies); strongest first.
  app.Add(Method::kGet, "/api/v1/events/:id/online-ties", Access::kMember, [api](Ctx& ctx) -> Result<Response> {
    VB_RETURN_IF_ERROR(CheckQueryParams(ctx.req, {}));
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_ASSIGN_OR_RETURN(auto ties, api->network.TiesOf(ctx.viewer, ctx.viewer.member_id));
    std::vector<model::Id> online;
    std::map<model::Id, const model::Tie*> tie_with;
    for (const auto& t : ties) {
      if (t.real) continue;
      online.push_back(t.a == ctx.viewer.member_id ? t.b : t.a);
      tie_with[online.back()] = &t;
    }
    VB_ASSIGN_OR_RETURN(auto rows, api->meetings.AttendeesAmong(ctx.viewer, id, online));
    // How we know each other (the tie's strongest kind, connected or answered) and since when.
    Json out = Items(rows);
    for (auto& j : out["items"]) {
      const model::Tie& t = *tie_with.at(j["member_id"].get<model::Id>());
      j["known_by"] = std::string(model::ToString(t.strongest));
      j["known_since"] = t.first_at;
    }
    return Response::JsonBody(out);
  });
  app.Add(Method::kGet, "/api/v1/events/:id/meeting-requests", Access::kMember, [api](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_ASSIGN_OR_RETURN(auto rows, api->meetings.Requests(ctx.viewer, id));
    return Response::JsonBody(Items(rows));
  });
  for (auto [name, action] : {std::pair<const char*, events::RequestAction>{"accept", events::RequestAction::kAccept},
                              {"decline", events::RequestAction::kDecline},
                              {"cancel", events::RequestAction::kCancel}}) {
    app.Add(Method::kPost, std::string("/api/v1/meeting-requests/:id/") + name, Access::kMember,
            [api, action = action](Ctx& ctx) -> Result<Response> {
              VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
              VB_ASSIGN_OR_RETURN(auto r, api->meetings.Respond(ctx.viewer, id, action));
              return Response::JsonBody(ToJson(r));
            });
  }
  app.Add(Method::kPost, "/api/v1/events/:id/rounds", Access::kMember, [api](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
    events::Round r;
    VB_RETURN_IF_ERROR(events::RoundFromJson(body, r));
    VB_ASSIGN_OR_RETURN(auto created, api->meetings.CreateRound(ctx.viewer, id, r));
    return Response::JsonBody(ToJson(created), 201);
  });
  app.Add(Method::kGet, "/api/v1/events/:id/rounds", Access::kMember, [api](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_ASSIGN_OR_RETURN(auto rounds, api->meetings.Rounds(ctx.viewer, id));
    return Response::JsonBody(Items(rounds));
  });
  app.Add(Method::kPost, "/api/v1/rounds/:id/schedule", Access::kMember, [api](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_ASSIGN_OR_RETURN(auto run, api->meetings.AutoSchedule(ctx.viewer, id));
    return Response::JsonBody(ToJson(run));
  });
  app.Add(Method::kGet, "/api/v1/rounds/:id/meetings", Access::kMember, [api](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_ASSIGN_OR_RETURN(auto rows, api->meetings.RoundMeetings(ctx.viewer, id));
    return Response::JsonBody(Items(rows));
  });
  app.Add(Method::kGet, "/api/v1/rounds/:id/availability", Access::kMember, [api](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_ASSIGN_OR_RETURN(auto ids, api->meetings.Unavailable(ctx.viewer, id));
    return Response::JsonBody({{"unavailable_slot_ids", ids}});
  });
  app.Add(Method::kPut, "/api/v1/rounds/:id/availability", Access::kMember, [api](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
    VB_RETURN_IF_ERROR(domain::RejectUnknown(body, {"unavailable_slot_ids"}));
    VB_ASSIGN_OR_RETURN(auto ids, events::GetIntArray(body, "unavailable_slot_ids", true));
    VB_RETURN_IF_ERROR(api->meetings.SetUnavailable(ctx.viewer, id, ids));
    return Response::JsonBody({{"unavailable_slot_ids", ids}});
  });
  app.Add(Method::kPost, "/api/v1/rounds/:id/slots", Access::kMember, [api](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
    VB_RETURN_IF_ERROR(domain::RejectUnknown(body, {"starts_at", "ends_at"}));
    VB_ASSIGN_OR_RETURN(int64_t s, domain::GetInt(body, "starts_at", true));
    VB_ASSIGN_OR_RETURN(int64_t e, domain::GetInt(body, "ends_at", true));
    VB_ASSIGN_OR_RETURN(auto round, api->meetings.AddSlot(ctx.viewer, id, s, e));
    return Response::JsonBody(ToJson(round), 201);
  });
  app.Add(Method::kPatch, "/api/v1/rounds/:id/slots/:slot_id", Access::kMember, [api](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_ASSIGN_OR_RETURN(int64_t slot, PathId(ctx, "slot_id"));
    VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
    VB_RETURN_IF_ERROR(domain::RejectUnknown(body, {"starts_at", "ends_at"}));
    VB_ASSIGN_OR_RETURN(int64_t s, domain::GetInt(body, "starts_at", true));
    VB_ASSIGN_OR_RETURN(int64_t e, domain::GetInt(body, "ends_at", true));
    VB_ASSIGN_OR_RETURN(auto round, api->meetings.MoveSlot(ctx.viewer, id, slot, s, e));
    return Response::JsonBody(ToJson(round));
  });
  app.Add(Method::kDelete, "/api/v1/rounds/:id/slots/:slot_id", Access::kMember, [api](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_ASSIGN_OR_RETURN(int64_t slot, PathId(ctx, "slot_id"));
    VB_ASSIGN_OR_RETURN(auto run, api->meetings.RemoveSlot(ctx.viewer, id, slot));
    return Response::JsonBody(ToJson(run));
  });
  app.Add(Method::kGet, "/api/v1/events/:id/schedule", Access::kMember, [api](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    // The reasons in ?lang= (nl|en), else the viewer's language (issue #17).
    VB_ASSIGN_OR_RETURN(std::string lang, PrintLang(ctx, api->notifications));
    VB_ASSIGN_OR_RETURN(auto rows, api->meetings.MySchedule(ctx.viewer, id, lang));
    return Response::JsonBody(Items(rows));
  });
  app.Add(Method::kPost, "/api/v1/meetings/:id/feedback", Access::kMember, [api](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
    VB_RETURN_IF_ERROR(domain::RejectUnknown(body, {"happened", "usefulness", "note", "challenge_id"}));
    VB_ASSIGN_OR_RETURN(bool happened, events::GetBool(body, "happened", true));
    VB_ASSIGN_OR_RETURN(int64_t useful, domain::GetInt(body, "usefulness", false, 0));
    VB_ASSIGN_OR_RETURN(std::string note, domain::GetString(body, "note", false));
    if (useful < 0 || useful > 5)
      return InvalidArgument("must be between 1 and 5 (or 0 for no rating)", "usefulness")
          .WithReason("meeting.usefulness_range");
    // Which of my challenges it helped with (0: none); absent or null: not said.
    std::optional<int64_t> helped;
    if (body.contains("challenge_id") && !body["challenge_id"].is_null()) {
      VB_ASSIGN_OR_RETURN(helped, domain::GetInt(body, "challenge_id", true));
    }
    VB_RETURN_IF_ERROR(api->meetings.Feedback(ctx.viewer, id, happened, static_cast<int>(useful), note, helped));
    return Response::NoContent();
  });
}

// Group tables, the yield report and the printable schedules and sheets.
void RegisterSeatingRoutes(App& app, const std::shared_ptr<EventsApi>& api) {
  app.Add(Method::kPost, "/api/v1/events/:id/seatings", Access::kMember, [api](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
    events::Seating s;
    VB_RETURN_IF_ERROR(events::SeatingFromJson(body, s));
    VB_ASSIGN_OR_RETURN(auto created, api->seating.Create(ctx.viewer, id, s));
    return Response::JsonBody(ToJson(created), 201);
  });
  app.Add(Method::kGet, "/api/v1/events/:id/seatings", Access::kMember, [api](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_ASSIGN_OR_RETURN(auto rows, api->seating.List(ctx.viewer, id));
    return Response::JsonBody(Items(rows));
  });
  app.Add(Method::kPost, "/api/v1/seatings/:id/run", Access::kMember, [api](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_ASSIGN_OR_RETURN(auto plan, api->seating.Run(ctx.viewer, id));
    return Response::JsonBody(ToJson(plan));
  });
  app.Add(Method::kGet, "/api/v1/seatings/:id", Access::kMember, [api](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_ASSIGN_OR_RETURN(auto plan, api->seating.Plan(ctx.viewer, id));
    return Response::JsonBody(ToJson(plan));
  });
  app.Add(Method::kGet, "/api/v1/events/:id/my-tables", Access::kMember, [api](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_ASSIGN_OR_RETURN(auto rows, api->seating.MyTables(ctx.viewer, id));
    return Response::JsonBody(Items(rows));
  });
  app.Add(Method::kGet, "/api/v1/events/:id/report", Access::kMember, [api](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_ASSIGN_OR_RETURN(auto y, api->reports.Yield(ctx.viewer, id));
    return Response::JsonBody(ToJson(y));
  });
  // Printable pages (HTML, every user text escaped).
  app.Add(Method::kGet, "/api/v1/events/:id/schedule/print", Access::kMember, [api](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(std::string lang, PrintLang(ctx, api->notifications));
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_ASSIGN_OR_RETURN(auto e, api->events.Get(ctx.viewer, id));
    VB_ASSIGN_OR_RETURN(auto reg, api->events.MyRegistration(ctx.viewer, id));
    VB_ASSIGN_OR_RETURN(auto meetings, api->meetings.MySchedule(ctx.viewer, id, lang));
    VB_ASSIGN_OR_RETURN(auto tables, api->seating.MyTables(ctx.viewer, id));
    return Html(events::PersonalScheduleHtml(e, ctx.viewer.member_id, reg.member_name, meetings, tables, lang));
  });
  app.Add(Method::kGet, "/api/v1/events/:id/schedules/print", Access::kMember, [api](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(std::string lang, PrintLang(ctx, api->notifications));
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_ASSIGN_OR_RETURN(auto e, api->events.Get(ctx.viewer, id));
    VB_ASSIGN_OR_RETURN(auto people, api->meetings.AllSchedules(ctx.viewer, id, lang));
    return Html(events::AllSchedulesHtml(e, people, lang));
  });
  app.Add(Method::kGet, "/api/v1/events/:id/tables/print", Access::kMember, [api](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(std::string lang, PrintLang(ctx, api->notifications));
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_ASSIGN_OR_RETURN(auto e, api->events.Get(ctx.viewer, id));
    if (!api->events.CanManage(ctx.viewer, e))
      return PermissionDenied("only the event's organizers print table sheets").WithReason("event.organizers_only");
    std::vector<events::ScheduledMeeting> meetings;
    VB_ASSIGN_OR_RETURN(auto rounds, api->meetings.Rounds(ctx.viewer, id));
    for (const auto& r : rounds) {
      VB_ASSIGN_OR_RETURN(auto rows, api->meetings.RoundMeetings(ctx.viewer, r.id));
      meetings.insert(meetings.end(), rows.begin(), rows.end());
    }
    std::vector<events::SeatingPlan> plans;
    VB_ASSIGN_OR_RETURN(auto seatings, api->seating.List(ctx.viewer, id));
    for (const auto& s : seatings) {
      VB_ASSIGN_OR_RETURN(auto plan, api->seating.Plan(ctx.viewer, s.id));
      plans.push_back(std::move(plan));
    }
    // Sector labels in the page's language, never the raw keys ("care").
    std::map<std::string, std::string> sector_labels;
    VB_ASSIGN_OR_RETURN(auto sectors, api->members.Sectors());
    for (const auto& sc : sectors) sector_labels[sc.key] = lang == "en" ? sc.label_en : sc.label_nl;
    return Html(events::TableSheetsHtml(e, meetings, plans, lang, sector_labels));
  });
}

void RegisterVisitRoutes(App& app, const std::shared_ptr<EventsApi>& api) {
  app.Add(Method::kPost, "/api/v1/visits", Access::kMember, [api](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
    VB_RETURN_IF_ERROR(domain::RejectUnknown(body, {"host_id", "reason", "proposed", "duration"}));
    VB_ASSIGN_OR_RETURN(int64_t host, domain::GetInt(body, "host_id", true));
    VB_ASSIGN_OR_RETURN(std::string reason, domain::GetString(body, "reason", true));
    VB_ASSIGN_OR_RETURN(auto proposed, events::GetIntArray(body, "proposed", true));
    VB_ASSIGN_OR_RETURN(int64_t duration, domain::GetInt(body, "duration", false, 5400));
    VB_ASSIGN_OR_RETURN(auto v, api->visits.Request(ctx.viewer, host, reason, proposed, duration));
    return Response::JsonBody(ToJson(v), 201);
  });
  app.Add(Method::kGet, "/api/v1/visits", Access::kMember, [api](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(auto rows, api->visits.Mine(ctx.viewer));
    return Response::JsonBody(Items(rows));
  });
  app.Add(Method::kGet, "/api/v1/visits/:id", Access::kMember, [api](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_ASSIGN_OR_RETURN(auto v, api->visits.Get(ctx.viewer, id));
    return Response::JsonBody(ToJson(v));
  });
  app.Add(Method::kPost, "/api/v1/visits/:id/accept", Access::kMember, [api](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
    VB_RETURN_IF_ERROR(domain::RejectUnknown(body, {"starts_at"}));
    VB_ASSIGN_OR_RETURN(int64_t s, domain::GetInt(body, "starts_at", true));
    VB_ASSIGN_OR_RETURN(auto v, api->visits.Accept(ctx.viewer, id, s));
    return Response::JsonBody(ToJson(v));
  });
  // The visit actions that need nothing but the id.
  struct VisitAction {
    const char* name;
    Result<events::Visit> (events::VisitService::*fn)(const domain::Viewer&, model::Id);
  };
  for (VisitAction a :
       {VisitAction{"decline", &events::VisitService::Decline}, VisitAction{"cancel", &events::VisitService::Cancel}}) {
    app.Add(Method::kPost, std::string("/api/v1/visits/:id/") + a.name, Access::kMember,
            [api, a](Ctx& ctx) -> Result<Response> {
              VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
              VB_ASSIGN_OR_RETURN(auto v, (api->visits.*a.fn)(ctx.viewer, id));
              return Response::JsonBody(ToJson(v));
            });
  }
  app.Add(Method::kPost, "/api/v1/visits/:id/confirm", Access::kMember, [api](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
    VB_RETURN_IF_ERROR(domain::RejectUnknown(body, {"happened"}));
    VB_ASSIGN_OR_RETURN(bool happened, events::GetBool(body, "happened", true));
    VB_ASSIGN_OR_RETURN(auto v, api->visits.Confirm(ctx.viewer, id, happened));
    return Response::JsonBody(ToJson(v));
  });
}

// "We spraken elkaar": connect codes and encounters (presence is not a tie).
void RegisterEncounterRoutes(App& app, const std::shared_ptr<EventsApi>& api) {
  app.Add(Method::kGet, "/api/v1/me/connect-code", Access::kMember, [api](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(auto code, api->encounters.ConnectCode(ctx.viewer));
    return Response::JsonBody({{"code", code}, {"path", "/connect/" + code}});
  });

  app.Add(Method::kGet, "/api/v1/connect-codes/:code", Access::kMember, [api](Ctx& ctx) -> Result<Response> {
    VB_RETURN_IF_ERROR(CheckQueryParams(ctx.req, {}));
    const auto it = ctx.req.path_params.find("code");
    const std::string code = it == ctx.req.path_params.end() ? "" : it->second;
    VB_ASSIGN_OR_RETURN(auto person, api->encounters.CodeOwner(ctx.viewer, code));
    return Response::JsonBody({{"code", code}, {"person", ToJson(person)}});
  });

  app.Add(Method::kGet, "/api/v1/events/:id/encounters", Access::kMember, [api](Ctx& ctx) -> Result<Response> {
    VB_RETURN_IF_ERROR(CheckQueryParams(ctx.req, {}));
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_ASSIGN_OR_RETURN(auto o, api->encounters.Overview(ctx.viewer, id));
    return Response::JsonBody(ToJson(o));
  });

  app.Add(Method::kPost, "/api/v1/events/:id/encounters", Access::kMember, [api](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
    VB_ASSIGN_OR_RETURN(auto in, events::ClaimFromJson(body));
    VB_ASSIGN_OR_RETURN(auto e, api->encounters.Claim(ctx.viewer, id, in));
    return Response::JsonBody(ToJson(e));
  });

  app.Add(Method::kGet, "/api/v1/encounters/to-confirm", Access::kMember, [api](Ctx& ctx) -> Result<Response> {
    VB_RETURN_IF_ERROR(CheckQueryParams(ctx.req, {}));
    VB_ASSIGN_OR_RETURN(auto xs, api->encounters.ToConfirm(ctx.viewer));
    return Response::JsonBody(Items(xs));
  });

  app.Add(Method::kPost, "/api/v1/encounters/:id/confirm", Access::kMember, [api](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_ASSIGN_OR_RETURN(auto e, api->encounters.Confirm(ctx.viewer, id));
    return Response::JsonBody(ToJson(e));
  });

  app.Add(Method::kPost, "/api/v1/encounters/:id/decline", Access::kMember, [api](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_ASSIGN_OR_RETURN(auto e, api->encounters.Decline(ctx.viewer, id));
    return Response::JsonBody(ToJson(e));
  });

  app.Add(Method::kDelete, "/api/v1/encounters/:id", Access::kMember, [api](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
    VB_ASSIGN_OR_RETURN(auto e, api->encounters.Withdraw(ctx.viewer, id));
    return Response::JsonBody(ToJson(e));
  });
}

// What the suggestions learned from useful meetings (organizers): the list and the switch.
void RegisterLearnedLinkRoutes(App& app, const std::shared_ptr<EventsApi>& api) {
  app.Add(Method::kGet, "/api/v1/matchmaking/learned-links", Access::kOrganizer, [api](Ctx& ctx) -> Result<Response> {
    VB_RETURN_IF_ERROR(CheckQueryParams(ctx.req, {"lang", "q", "limit"}));
    VB_ASSIGN_OR_RETURN(std::string lang, RequestedLang(ctx, api->notifications));
    VB_ASSIGN_OR_RETURN(int limit, QueryInt(ctx.req, "limit", events::LearnedLinkService::kDefaultLimit, 1,
                                            events::LearnedLinkService::kMaxLimit));
    VB_ASSIGN_OR_RETURN(auto page, api->learned_links.List(ctx.viewer, lang, QueryString(ctx.req, "q"), limit));
    return Response::JsonBody(ToJson(page));
  });
  app.Add(Method::kPut, "/api/v1/matchmaking/learned-links", Access::kOrganizer, [api](Ctx& ctx) -> Result<Response> {
    VB_ASSIGN_OR_RETURN(Json body, ParseJsonBody(ctx.req));
    VB_RETURN_IF_ERROR(domain::RejectUnknown(body, {"challenge_concept", "expertise_concept", "on"}));
    VB_ASSIGN_OR_RETURN(std::string c, domain::GetString(body, "challenge_concept", true));
    VB_ASSIGN_OR_RETURN(std::string e, domain::GetString(body, "expertise_concept", true));
    VB_ASSIGN_OR_RETURN(bool on, events::GetBool(body, "on", true));
    VB_RETURN_IF_ERROR(api->learned_links.Switch(ctx.viewer, c, e, on));
    return Response::NoContent();
  });
}

}  // namespace

void RegisterEventsRoutes(App& app) {
  auto api = std::make_shared<EventsApi>(app.services());
  RegisterEventRoutes(app, api);
  RegisterCalendarRoutes(app, api);
  RegisterMeetingRoutes(app, api);
  RegisterVisitRoutes(app, api);
  RegisterSeatingRoutes(app, api);
  RegisterEncounterRoutes(app, api);
  RegisterLearnedLinkRoutes(app, api);

  // One participant's iCalendar invite for a meeting or a visit.
  struct Invite {
    const char* prefix;  // "meeting" -> /api/v1/meetings/:id/invite.ics, file meeting-<id>.ics
    std::function<Result<std::string>(EventsApi&, const domain::Viewer&, model::Id)> fn;
  };
  for (const Invite& inv :
       {Invite{"meeting",
               [](EventsApi&a, const domain::Viewer&v, model::Id id) { return a.meetings.MeetingInvite(v, id); }},
        Invite{"visit", [](EventsApi&a, const domain::Viewer&v, model::Id id) { return a.visits.Invite(v, id); }}}) {
    app.Add(Method::kGet, std::string("/api/v1/") + inv.prefix + "s/:id/invite.ics", Access::kMember,
            [api, inv](Ctx& ctx) -> Result<Response> {
              VB_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
              VB_ASSIGN_OR_RETURN(auto ics, inv.fn(*api, ctx.viewer, id));
              return Ics(ics, std::string(inv.prefix) + "-" + std::to_string(id) + ".ics");
            });
  }
}

}  // namespace verbinder::api
