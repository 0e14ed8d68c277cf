#include "events/visits.h"

#include <algorithm>

#include <soci/soci.h>

#include "domain/db_util.h"
#include "domain/member_ref.h"
#include "domain/network.h"
#include "domain/validation.h"
#include "events/calendar.h"
#include "events/cancel_internal.h"
#include "events/events.h"
#include "events/ical.h"
#include "events/reason_params.h"
#include "notify/notifications.h"
#include "util/strings.h"
#include "storage/transaction.h"

namespace verbinder::events {
namespace {

using domain::Viewer;
using domain::WithSession;

constexpr size_t kMaxProposed = 5;

std::optional<VisitStatus> ParseVisitStatus(const std::string& s) {
  for (auto st : {VisitStatus::kRequested, VisitStatus::kAccepted, VisitStatus::kDeclined, VisitStatus::kCancelled,
                  VisitStatus::kHeld, VisitStatus::kNotHeld})
    if (ToString(st) == s) return st;
  return std::nullopt;
}

// proposed column: "start1,start2,...;duration"
std::string EncodeProposed(const std::vector<model::UnixTime>& p, int64_t duration) {
  std::vector<std::string> parts;
  parts.reserve(p.size());
  for (auto t : p) parts.push_back(std::to_string(t));
  return Join(parts, ",") + ";" + std::to_string(duration);
}

void DecodeProposed(const std::string& s, Visit& v) {
  auto semi = s.find(';');
  for (const auto& p : Split(s.substr(0, semi), ','))
    if (!p.empty()) v.proposed.push_back(std::stoll(p));
  if (semi != std::string::npos) v.duration = std::stoll(s.substr(semi + 1));
}

std::optional<Visit> LoadVisit(soci::session& sql, model::Id id) {
  Visit v;
  long long vid = id, host = 0, visitor = 0, s = 0, e = 0, c = 0, u = 0;
  std::string proposed, status;
  sql << "SELECT v.host_id, v.visitor_id, hm.name, vm.name, hm.visit_location, v.reason, v.proposed, v.status, "
         "v.starts_at, v.ends_at, v.host_confirmed, v.visitor_confirmed, v.revision, v.created_at, v.updated_at "
         "FROM visits v JOIN members hm ON hm.id = v.host_id JOIN members vm ON vm.id = v.visitor_id WHERE v.id = :id",
      soci::use(vid), soci::into(host), soci::into(visitor), soci::into(v.host_name), soci::into(v.visitor_name),
      soci::into(v.location), soci::into(v.reason), soci::into(proposed), soci::into(status), soci::into(s),
      soci::into(e), soci::into(v.host_confirmed), soci::into(v.visitor_confirmed), soci::into(v.revision),
      soci::into(c), soci::into(u);
  if (!sql.got_data()) return std::nullopt;
  v.id = id;
  v.host_id = host;
  v.visitor_id = visitor;
  v.status = ParseVisitStatus(status).value_or(VisitStatus::kCancelled);
  v.starts_at = s;
  v.ends_at = e;
  v.created_at = c;
  v.updated_at = u;
  DecodeProposed(proposed, v);
  return v;
}

// The one projection (domain/member_ref.h): the other party of a visit, when
// hidden from the viewer, keeps no id and no name.
Visit Projected(soci::session& sql, const Viewer& viewer, Visit v) {
  domain::ProjectRefs(sql, viewer, {{&v.host_id, &v.host_name}, {&v.visitor_id, &v.visitor_name}});
  return v;
}

}  // namespace

std::string_view ToString(VisitStatus s) {
  switch (s) {
    case VisitStatus::kRequested:
      return "requested";
    case VisitStatus::kAccepted:
      return "accepted";
    case VisitStatus::kDeclined:
      return "declined";
    case VisitStatus::kCancelled:
      return "cancelled";
    case VisitStatus::kHeld:
      return "held";
    case VisitStatus::kNotHeld:
      return "not_held";
  }
  return "cancelled";
}

Result<Visit> VisitService::Request(const Viewer& viewer, model::Id host_id, const std::string& reason,
                                    std::vector<model::UnixTime> proposed, int64_t duration) {
  if (!viewer.authenticated() || viewer.member_id <= 0) return Unauthenticated("sign in first");
  if (host_id <= 0) return InvalidArgument("must be a positive member id", "host_id").WithReason("visit.pick_host");
  if (host_id == viewer.member_id)
    return InvalidArgument("you cannot visit yourself", "host_id").WithReason("visit.self");
  std::string r = Trim(reason);
  VB_RETURN_IF_ERROR(domain::CheckText("reason", r, 1, 2000, true));
  if (duration < 900 || duration > 12 * 3600)
    return InvalidArgument("must be between 900 and 43200 seconds", "duration")
        .WithReason("visit.duration_range", {{"min_minutes", "15"}, {"max_hours", "12"}});
  if (proposed.empty())
    return InvalidArgument("propose at least one date", "proposed").WithReason("visit.propose_date");
  if (proposed.size() > kMaxProposed)
    return InvalidArgument("propose at most 5 dates", "proposed").WithReason("visit.too_many_dates", {{"max", "5"}});
  const model::UnixTime now = clock_.Now();
  for (size_t i = 0; i < proposed.size(); ++i) {
    VB_RETURN_IF_ERROR(domain::CheckUnixTime("proposed[" + std::to_string(i) + "]", proposed[i]));
    if (proposed[i] <= now)
      return InvalidArgument("must be in the future", "proposed[" + std::to_string(i) + "]")
          .WithReason("visit.date_in_past");
    for (size_t j = 0; j < i; ++j)
      if (proposed[j] == proposed[i])
        return InvalidArgument("proposed twice", "proposed[" + std::to_string(i) + "]").WithReason("visit.date_twice");
  }
  return WithSession<Visit>(db_, [&](soci::session& sql) -> Result<Visit> {
    long long n = domain::CountOf(
        sql,
        "SELECT count(*) FROM members m WHERE m.id = " + std::to_string(host_id) + " AND " + viewer.VisibleSql("m"),
        {});
    if (!n)
      return NotFound("no member with id " + std::to_string(host_id), "host_id").WithReason("visit.host_not_found");
    long long hid = host_id;
    int hosts = 0;
    sql << "SELECT hosts_visits FROM members WHERE id = :id", soci::use(hid), soci::into(hosts);
    if (!hosts)
      return Conflict(internal::MemberName(sql, host_id) + " does not host visits", "host_id")
          .WithReason("visit.not_hosting", {{"name", internal::NameParam(sql, viewer, host_id)}});
    long long me = viewer.member_id, t = now;
    std::string enc = EncodeProposed(proposed, duration);
    storage::Transaction tr(sql);
    long long open = 0;
    sql << "SELECT count(*) FROM visits WHERE host_id = :h AND visitor_id = :v AND status IN ('requested', 'accepted')",
        soci::use(hid), soci::use(me), soci::into(open);
    if (open)
      return Conflict("you already have an open visit request with this host", "host_id")
          .WithReason("visit.already_open", {{"name", internal::NameParam(sql, viewer, host_id)}});
    sql << "INSERT INTO visits (host_id, visitor_id, reason, proposed, status, created_at, updated_at) "
           "VALUES (:h, :v, :r, :p, 'requested', :c, :u)",
        soci::use(hid), soci::use(me), soci::use(r), soci::use(enc), soci::use(t), soci::use(t);
    long long id = 0;
    sql << "SELECT max(id) FROM visits WHERE host_id = :h AND visitor_id = :v", soci::use(hid), soci::use(me),
        soci::into(id);
    const std::string visitor = internal::MemberName(sql, me);
    notify::Notify(sql, host_id, "visit_request",
                   {visitor + " would like to come and have a look.", visitor + " wil graag bij je komen kijken."},
                   "visit:" + std::to_string(id), now, me);
    auto v = LoadVisit(sql, id);
    tr.commit();
    return Projected(sql, viewer, *v);
  });
}

namespace {
// The Dutch of a visit answer's notification (the English is built beside it).
std::string VisitTextNl(const std::string& kind, const std::string& name) {
  if (kind == "visit_accepted") return name + " heeft je bezoek geaccepteerd.";
  if (kind == "visit_declined") return name + " heeft je bezoekverzoek afgewezen.";
  return name + " heeft het bezoek afgezegd.";
}
}  // namespace

Result<Visit> VisitService::Transition(const Viewer& viewer, model::Id visit_id, const std::string& action,
                                       model::UnixTime starts_at, bool happened) {
  if (!viewer.authenticated()) return Unauthenticated("sign in first");
  return WithSession<Visit>(db_, [&](soci::session& sql) -> Result<Visit> {
    storage::Transaction tr(sql);
    VB_ASSIGN_OR_RETURN(Visit out,
                        internal::TransitionVisit(sql, viewer, visit_id, action, starts_at, happened, clock_.Now()));
    tr.commit();
    return Projected(sql, viewer, out);
  });
}

Result<Visit> internal::TransitionVisit(soci::session& sql, const Viewer& viewer, model::Id visit_id,
                                        const std::string& action, model::UnixTime starts_at, bool happened,
                                        model::UnixTime now) {
  {
    auto v = LoadVisit(sql, visit_id);
    if (!v || (v->host_id != viewer.member_id && v->visitor_id != viewer.member_id))
      return NotFound("no visit with id " + std::to_string(visit_id), "id").WithReason("visit.not_found");
    const bool host = v->host_id == viewer.member_id;
    const std::string from(ToString(v->status));
    std::string to = from;
    long long s = v->starts_at, e = v->ends_at;
    int hc = v->host_confirmed, vc = v->visitor_confirmed;
    Id tell = host ? v->visitor_id : v->host_id;
    std::string kind, text;
    const std::string me = host ? v->host_name : v->visitor_name;
    if (action == "accept" || action == "decline") {
      if (!host) return PermissionDenied("only the host answers a visit request").WithReason("visit.only_host_answers");
      if (v->status != VisitStatus::kRequested)
        return Conflict("the visit is " + from + ", not requested", "status")
            .WithReason("visit.already_answered", {{"status", from}});
      if (action == "accept") {
        if (std::find(v->proposed.begin(), v->proposed.end(), starts_at) == v->proposed.end())
          return InvalidArgument("must be one of the proposed dates", "starts_at")
              .WithReason("visit.not_proposed_date");
        if (starts_at <= now)
          return Conflict("that date has passed; ask for new dates", "starts_at").WithReason("visit.date_passed");
        s = starts_at;
        e = starts_at + v->duration;
        to = "accepted";
        kind = "visit_accepted";
        text = me + " accepted your visit.";
      } else {
        to = "declined";
        kind = "visit_declined";
        text = me + " declined your visit request.";
      }
    } else if (action == "cancel") {
      if (v->status != VisitStatus::kRequested && v->status != VisitStatus::kAccepted)
        return Conflict("the visit is " + from, "status").WithReason("visit.closed", {{"status", from}});
      if (v->status == VisitStatus::kAccepted && now >= v->starts_at)
        return Conflict("the visit has started; confirm whether it happened instead", "status")
            .WithReason("visit.started");
      to = "cancelled";
      kind = "visit_cancelled";
      text = me + " cancelled the visit.";
    } else {  // confirm
      if (v->status != VisitStatus::kAccepted && v->status != VisitStatus::kHeld && v->status != VisitStatus::kNotHeld)
        return Conflict("the visit is " + from + "; only an agreed visit can be confirmed", "status")
            .WithReason("visit.not_agreed", {{"status", from}});
      if (now < v->starts_at)
        return Conflict("the visit has not started yet", "happened").WithReason("visit.not_started");
      (host ? hc : vc) = happened ? 1 : -1;
      // Held as soon as one says it happened; not held when nobody says so.
      to = (hc == 1 || vc == 1) ? "held" : "not_held";
    }
    long long id = visit_id, t = now;
    int bump = action == "confirm" ? 0 : 1;
    soci::statement st =
        (sql.prepare << "UPDATE visits SET status = :to, starts_at = :s, ends_at = :e, host_confirmed = :hc, "
                        "visitor_confirmed = :vc, revision = revision + :rv, updated_at = :u WHERE id = :id "
                        "AND status = :from AND host_confirmed = :ohc AND visitor_confirmed = :ovc",
         soci::use(to), soci::use(s), soci::use(e), soci::use(hc), soci::use(vc), soci::use(bump), soci::use(t),
         soci::use(id), soci::use(from), soci::use(v->host_confirmed), soci::use(v->visitor_confirmed));
    st.execute(true);
    if (st.get_affected_rows() != 1)
      return Conflict("the visit changed meanwhile; reload", "status").WithReason("visit.changed");
    if (to == "held" && from != "held") {
      model::Interaction in{0,
                            v->host_id,
                            v->visitor_id,
                            model::InteractionKind::kVisitHeld,
                            v->starts_at,
                            "visit:" + std::to_string(visit_id),
                            0};
      domain::AppendInteraction(sql, in);
    }
    if (!kind.empty())
      notify::Notify(sql, tell, kind, {text, VisitTextNl(kind, me)}, "visit:" + std::to_string(visit_id), now,
                     viewer.member_id);
    return *LoadVisit(sql, visit_id);
  }
}

Result<Visit> VisitService::Accept(const Viewer& viewer, model::Id id, model::UnixTime starts_at) {
  return Transition(viewer, id, "accept", starts_at, false);
}
Result<Visit> VisitService::Decline(const Viewer& viewer, model::Id id) {
  return Transition(viewer, id, "decline", 0, false);
}
Result<Visit> VisitService::Cancel(const Viewer& viewer, model::Id id) {
  return Transition(viewer, id, "cancel", 0, false);
}
Result<Visit> VisitService::Confirm(const Viewer& viewer, model::Id id, bool happened) {
  return Transition(viewer, id, "confirm", 0, happened);
}

Result<Visit> VisitService::Get(const Viewer& viewer, model::Id visit_id) {
  if (!viewer.authenticated()) return Unauthenticated("sign in first");
  return WithSession<Visit>(db_, [&](soci::session& sql) -> Result<Visit> {
    auto v = LoadVisit(sql, visit_id);
    if (!v || (v->host_id != viewer.member_id && v->visitor_id != viewer.member_id && !viewer.IsAdmin()))
      return NotFound("no visit with id " + std::to_string(visit_id), "id").WithReason("visit.not_found");
    return Projected(sql, viewer, *v);
  });
}

Result<std::vector<Visit>> VisitService::Mine(const Viewer& viewer) {
  if (!viewer.authenticated()) return Unauthenticated("sign in first");
  return WithSession<std::vector<Visit>>(db_, [&](soci::session& sql) -> Result<std::vector<Visit>> {
    std::vector<long long> ids;
    long long id = 0, me = viewer.member_id;
    soci::statement st = (sql.prepare << "SELECT id FROM visits WHERE host_id = :a OR visitor_id = :b "
                                         "ORDER BY updated_at DESC, id DESC LIMIT 500",
                          soci::use(me), soci::use(me), soci::into(id));
    st.execute();
    while (st.fetch()) ids.push_back(id);
    std::vector<Visit> out;
    out.reserve(ids.size());
    for (long long v : ids) out.push_back(Projected(sql, viewer, *LoadVisit(sql, v)));
    return out;
  });
}

Result<std::string> VisitService::Invite(const Viewer& viewer, model::Id visit_id) {
  VB_ASSIGN_OR_RETURN(auto v, Get(viewer, visit_id));
  if (v.starts_at == 0) return Conflict("the visit has no agreed date yet", "status").WithReason("visit.no_date");
  return WithSession<std::string>(db_, [&](soci::session& sql) -> Result<std::string> {
    // Issue #15: the other's address never, their name only if the viewer may see them.
    internal::CalendarReader reader(sql, viewer);
    CalEntry e;
    e.uid = "visit-" + std::to_string(v.id) + "@verbinder";
    e.sequence = v.revision;  // accept and cancel bump it
    e.summary = reader.T("Bezoek: " + reader.NameOf(v.visitor_id) + " bij " + reader.NameOf(v.host_id),
                         "Visit: " + reader.NameOf(v.visitor_id) + " at " + reader.NameOf(v.host_id));
    e.description = v.reason;
    e.location = v.location;
    e.starts_at = v.starts_at;
    e.ends_at = v.ends_at;
    // The host organises the visit; the address is the network's sender, never the host's own.
    e.organizer = reader.Organizer(v.host_id);
    e.attendees = {reader.Attendee(v.host_id, e.uid, "host", CalPartStat::kAccepted),
                   reader.Attendee(v.visitor_id, e.uid, "visitor", CalPartStat::kAccepted)};
    const bool cancelled = v.status == VisitStatus::kCancelled || v.status == VisitStatus::kDeclined;
    return BuildCalendar(cancelled ? CalMethod::kCancel : CalMethod::kRequest, {e}, clock_.Now());
  });
}

}  // namespace verbinder::events
