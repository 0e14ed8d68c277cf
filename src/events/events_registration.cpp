// Registration, the waitlist (promotion in queue order), cancellation with
// everything it ends, and check-in: the registration half of EventService
// (events.h); the event itself is in events.cpp.
#include "events/events.h"

#include <set>
#include <tuple>

#include <soci/soci.h>

#include "domain/accounts.h"
#include "domain/db_util.h"
#include "domain/validation.h"
#include "events/cancel_internal.h"
#include "events/reason_params.h"
#include "events/registration_internal.h"
#include "notify/notifications.h"
#include "util/strings.h"
#include "storage/transaction.h"

namespace verbinder::events {
namespace {

using domain::Page;
using domain::Viewer;
using domain::WithSession;

std::optional<RegistrationStatus> ParseRegistrationStatus(const std::string& s) {
  for (auto st : {RegistrationStatus::kRegistered, RegistrationStatus::kWaitlisted, RegistrationStatus::kCancelled})
    if (ToString(st) == s) return st;
  return std::nullopt;
}

}  // namespace

std::string internal::NewCheckinCode() {
  // 48 random bits as "VB-XXXX-XXXX-XXXX": short enough to type, QR-ready.
  std::string hex = AsciiLower(domain::RandomToken().substr(0, 12));
  for (auto& c : hex) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return "VB-" + hex.substr(0, 4) + "-" + hex.substr(4, 4) + "-" + hex.substr(8, 4);
}

namespace {
using internal::NewCheckinCode;

std::string NormalizeCode(const std::string& code) {
  std::string t = Trim(code);
  for (auto& c : t) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return t;
}

// Reads registrations with the common column list; `tail` starts with FROM.
std::vector<Registration> QueryRegistrations(soci::session& sql, const std::string& tail,
                                             const std::vector<std::string>& params) {
  std::vector<Registration> out;
  long long id = 0, ev = 0, mem = 0, checked = 0, created = 0, updated = 0;
  int revision = 0, opt_out = 0;
  std::string status, code, name;
  soci::indicator code_ind = soci::i_null;
  domain::DynStatement st(sql,
                          "SELECT r.id, r.event_id, r.member_id, m.name, r.status, r.checkin_code, r.checked_in_at, "
                          "r.rounds_opt_out, r.revision, r.created_at, r.updated_at " +
                              tail,
                          params);
  st.Into(id);
  st.Into(ev);
  st.Into(mem);
  st.Into(name);
  st.Into(status);
  st.Into(code, code_ind);
  st.Into(checked);
  st.Into(opt_out);
  st.Into(revision);
  st.Into(created);
  st.Into(updated);
  if (st.Execute()) {
    do {
      Registration r;
      r.id = id;
      r.event_id = ev;
      r.member_id = mem;
      r.member_name = name;
      r.status = ParseRegistrationStatus(status).value_or(RegistrationStatus::kCancelled);
      r.checkin_code = code_ind == soci::i_ok ? code : "";
      r.checked_in_at = checked;
      r.rounds_opt_out = opt_out != 0;
      r.revision = revision;
      r.created_at = created;
      r.updated_at = updated;
      out.push_back(std::move(r));
    } while (st.Fetch());
  }
  return out;
}

std::optional<Registration> LoadRegistration(soci::session& sql, Id event_id, Id member_id) {
  auto rows = QueryRegistrations(sql,
                                 "FROM registrations r JOIN members m ON m.id = r.member_id WHERE r.event_id = " +
                                     std::to_string(event_id) + " AND r.member_id = " + std::to_string(member_id),
                                 {});
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

int WaitlistPosition(soci::session& sql, const Registration& r) {
  if (r.status != RegistrationStatus::kWaitlisted) return 0;
  long long seq = 0, created = 0, id = r.id, ev = r.event_id, n = 0;
  sql << "SELECT seq, created_at FROM registrations WHERE id = :id", soci::use(id), soci::into(seq),
      soci::into(created);
  sql << "SELECT count(*) FROM registrations WHERE event_id = :e AND status = 'waitlisted' AND "
         "(seq < :s OR (seq = :s2 AND (created_at < :c OR (created_at = :c2 AND id <= :id))))",
      soci::use(ev), soci::use(seq), soci::use(seq), soci::use(created), soci::use(created), soci::use(id),
      soci::into(n);
  return static_cast<int>(n);
}

Status CheckMemberVisible(soci::session& sql, const Viewer& viewer, Id member_id, const std::string& field) {
  long long n = 0;
  std::vector<std::string> params;
  n = domain::CountOf(
      sql,
      "SELECT count(*) FROM members m WHERE m.id = " + std::to_string(member_id) + " AND " + viewer.VisibleSql("m"),
      params);
  if (!n) return NotFound("no member with id " + std::to_string(member_id), field).WithReason("event.member_not_found");
  return Status::Ok();
}

}  // namespace

long long internal::CountStatus(soci::session& sql, Id event_id, const char* status) {
  long long n = 0, ev = event_id;
  std::string s = status;
  sql << "SELECT count(*) FROM registrations WHERE event_id = :e AND status = :s", soci::use(ev), soci::use(s),
      soci::into(n);
  return n;
}

// Promotes from the waitlist while seats are free, in queue order; notifies.
void internal::PromoteWaitlist(soci::session& sql, const EventInfo& info, UnixTime now) {
  const Id ev = info.event.id;
  while (true) {
    if (info.event.capacity > 0 && CountStatus(sql, ev, "registered") >= info.event.capacity) return;
    long long id = 0, member = 0, eid = ev;
    soci::indicator ind = soci::i_null;
    sql << "SELECT id, member_id FROM registrations WHERE event_id = :e AND status = 'waitlisted' "
           "ORDER BY seq, created_at, id LIMIT 1",
        soci::use(eid), soci::into(id, ind), soci::into(member);
    if (!sql.got_data() || ind != soci::i_ok) return;
    long long t = now;
    sql << "UPDATE registrations SET status = 'registered', revision = revision + 1, updated_at = :t WHERE id = :id",
        soci::use(t), soci::use(id);
    notify::Notify(sql, member, "waitlist_promoted",
                   {"A seat came free: you are now registered for \"" + info.event.title + "\".",
                    "Er is een plaats vrijgekomen: je bent nu ingeschreven voor \"" + info.event.title + "\"."},
                   "event:" + std::to_string(ev), now);
  }
}

std::string_view ToString(RegistrationStatus s) {
  switch (s) {
    case RegistrationStatus::kRegistered:
      return "registered";
    case RegistrationStatus::kWaitlisted:
      return "waitlisted";
    case RegistrationStatus::kCancelled:
      return "cancelled";
  }
  return "cancelled";
}

Result<bool> EventService::IsRegistered(Id event_id, Id member_id) {
  return WithSession<bool>(db_, [&](soci::session& sql) -> Result<bool> {
    long long n = 0, e = event_id, m = member_id;
    sql << "SELECT count(*) FROM registrations WHERE event_id = :e AND member_id = :m AND status = 'registered'",
        soci::use(e), soci::use(m), soci::into(n);
    return n > 0;
  });
}

Result<Registration> EventService::Register(const Viewer& viewer, Id event_id, Id member_id) {
  if (!viewer.authenticated()) return Unauthenticated("sign in first");
  if (member_id <= 0)
    return InvalidArgument("must be a positive member id", "member_id").WithReason("event.pick_member");
  return WithSession<Registration>(db_, [&](soci::session& sql) -> Result<Registration> {
    storage::Transaction tr(sql);
    internal::LockEvent(sql, event_id);
    VB_ASSIGN_OR_RETURN(auto info, internal::LoadEvent(sql, event_id));
    if (member_id != viewer.member_id && !CanManage(viewer, info))
      return PermissionDenied("you may register only yourself").WithReason("event.register_self_only");
    VB_RETURN_IF_ERROR(CheckMemberVisible(sql, viewer, member_id, "member_id"));
    const UnixTime now = clock_.Now();
    if (now >= info.event.ends_at) return Conflict("the event has ended", "event_id").WithReason("event.ended");
    if (info.event.registration_deadline > 0 && now > info.event.registration_deadline)
      return Conflict("registration closed at the deadline", "registration_deadline")
          .WithReason("event.registration_closed");
    auto existing = LoadRegistration(sql, event_id, member_id);
    if (existing && existing->status == RegistrationStatus::kRegistered)
      return Conflict("already registered for this event", "member_id").WithReason("event.already_registered");
    if (existing && existing->status == RegistrationStatus::kWaitlisted)
      return Conflict("already on the waitlist of this event", "member_id").WithReason("event.already_waitlisted");
    const bool full = info.event.capacity > 0 && info.registered >= info.event.capacity;
    std::string status = full ? "waitlisted" : "registered";
    long long seq = 0, ev = event_id, m = member_id, t = now;
    soci::indicator ind = soci::i_null;
    sql << "SELECT max(seq) FROM registrations WHERE event_id = :e", soci::use(ev), soci::into(seq, ind);
    seq = (ind == soci::i_ok ? seq : 0) + 1;
    std::string code = NewCheckinCode();
    if (existing) {
      long long existing_id = existing->id;
      if (!existing->checkin_code.empty()) code = existing->checkin_code;
      sql << "UPDATE registrations SET status = :s, seq = :q, revision = revision + 1, checkin_code = :c, "
             "created_at = :t, updated_at = :u WHERE id = :id",
          soci::use(status), soci::use(seq), soci::use(code), soci::use(t), soci::use(t), soci::use(existing_id);
    } else {
      sql << "INSERT INTO registrations (event_id, member_id, status, created_at, seq, revision, checkin_code, "
             "updated_at) VALUES (:e, :m, :s, :t, :q, 0, :c, :u)",
          soci::use(ev), soci::use(m), soci::use(status), soci::use(t), soci::use(seq), soci::use(code), soci::use(t);
    }
    auto reg = LoadRegistration(sql, event_id, member_id);
    if (!reg) return Internal("registration vanished");
    reg->waitlist_position = WaitlistPosition(sql, *reg);
    tr.commit();
    return *reg;
  });
}

Result<Registration> EventService::Cancel(const Viewer& viewer, Id event_id, Id member_id) {
  if (!viewer.authenticated()) return Unauthenticated("sign in first");
  return WithSession<Registration>(db_, [&](soci::session& sql) -> Result<Registration> {
    storage::Transaction tr(sql);
    VB_ASSIGN_OR_RETURN(auto out, internal::CancelRegistration(sql, viewer, event_id, member_id, clock_.Now()));
    tr.commit();
    return out;
  });
}

Result<Registration> internal::CancelRegistration(soci::session& sql, const Viewer& viewer, Id event_id, Id member_id,
                                                  UnixTime now) {
  {
    internal::LockEvent(sql, event_id);
    VB_ASSIGN_OR_RETURN(auto info, internal::LoadEvent(sql, event_id));
    if (member_id != viewer.member_id && !MayManage(viewer, info))
      return PermissionDenied("you may cancel only your own registration").WithReason("event.cancel_own_only");
    auto reg = LoadRegistration(sql, event_id, member_id);
    if (!reg) return NotFound("not registered for this event", "member_id").WithReason("event.not_registered");
    if (reg->status == RegistrationStatus::kCancelled)
      return Conflict("the registration is already cancelled", "status").WithReason("event.already_cancelled");
    if (reg->checked_in_at > 0)
      return Conflict("already checked in; the registration cannot be cancelled", "status")
          .WithReason("event.checked_in_cannot_cancel");
    long long t = now, id = reg->id;
    sql << "UPDATE registrations SET status = 'cancelled', revision = revision + 1, updated_at = :t WHERE id = :id",
        soci::use(t), soci::use(id);
    // Issue #16: everything of a member who no longer comes ends here, and
    // everyone it involved is told (named through about_member, so a hidden or
    // later deleted member reads as "een lid"). Seats at the group tables go;
    // tablemates keep their table and are not told (nothing of theirs changed).
    const std::string who = internal::MemberName(sql, member_id);
    long long ev = event_id, m = member_id;
    std::set<long long> told;  // one notification per other person
    // Scheduled 1:1 meetings are cancelled (their invites turn into
    // METHOD:CANCEL by the revision); the partner's slot is free again, for a
    // request of their own or the organizers' next schedule run.
    {
      std::vector<std::pair<long long, long long>> gone;  // (meeting, other)
      long long mid = 0, a = 0, b = 0;
      soci::statement st = (sql.prepare << "SELECT mt.id, mt.a, mt.b FROM meetings mt JOIN rounds r ON r.id = "
                                           "mt.round_id WHERE r.event_id = :e AND mt.status = 'scheduled' AND "
                                           "(mt.a = :m OR mt.b = :m2) ORDER BY mt.id",
                            soci::use(ev), soci::use(m), soci::use(m), soci::into(mid), soci::into(a), soci::into(b));
      st.execute();
      while (st.fetch()) gone.push_back({mid, a == m ? b : a});
      for (const auto& [meeting, other] : gone) {
        long long id_m = meeting;
        sql << "UPDATE meetings SET status = 'cancelled', revision = revision + 1, updated_at = :u WHERE id = :id",
            soci::use(t), soci::use(id_m);
        notify::Notify(sql, other, "meeting_cancelled",
                       {who + " cancelled their registration for " + info.event.title +
                            ": your meeting is cancelled and its time slot is free again.",
                        who + " heeft zich afgemeld voor " + info.event.title +
                            ": jullie gesprek vervalt en het tijdslot is weer vrij."},
                       "meeting:" + std::to_string(meeting), now, member_id);
        told.insert(other);
      }
    }
    // Open meeting requests to and from them lapse; the other side is told
    // (unless a cancelled meeting above already told them).
    {
      std::vector<std::tuple<long long, long long, std::string>> lapsed;  // (request, other, status)
      long long rid = 0, from = 0, to = 0;
      std::string status;
      soci::statement st = (sql.prepare << "SELECT id, from_member, to_member, status FROM meeting_requests WHERE "
                                           "event_id = :e AND status IN ('pending', 'accepted') AND (from_member = :m "
                                           "OR to_member = :m2) ORDER BY id",
                            soci::use(ev), soci::use(m), soci::use(m), soci::into(rid), soci::into(from),
                            soci::into(to), soci::into(status));
      st.execute();
      while (st.fetch()) lapsed.emplace_back(rid, from == m ? to : from, status);
      sql << "UPDATE meeting_requests SET status = 'cancelled', updated_at = :t WHERE event_id = :e AND status IN "
             "('pending', 'accepted') AND (from_member = :m OR to_member = :m2)",
          soci::use(t), soci::use(ev), soci::use(m), soci::use(m);
      for (const auto& [request, other, st_] : lapsed) {
        if (!told.insert(other).second) continue;
        const bool agreed = st_ == "accepted";
        notify::Notify(sql, other, "meeting_cancelled",
                       {who + " cancelled their registration for " + info.event.title + ": " +
                            (agreed ? "your agreed meeting lapses." : "the meeting request lapses."),
                        who + " heeft zich afgemeld voor " + info.event.title + ": " +
                            (agreed ? "jullie afgesproken gesprek vervalt." : "het verzoek om af te spreken vervalt.")},
                       "meeting_request:" + std::to_string(request), now, member_id);
      }
    }
    // Places at the group tables of this event.
    sql << "DELETE FROM seating_places WHERE member_id = :m AND seating_id IN (SELECT id FROM seatings WHERE "
           "event_id = :e)",
        soci::use(m), soci::use(ev);
    // An organizer who takes someone off the list (or the waitlist) tells them;
    // the system (an account being deleted) does not.
    if (viewer.member_id > 0 && viewer.member_id != member_id)
      notify::Notify(sql, member_id, "registration_cancelled",
                     {"The organizers cancelled your registration for " + info.event.title + ".",
                      "De organisatie heeft je inschrijving voor " + info.event.title + " geannuleerd."},
                     "event:" + std::to_string(event_id), now);
    if (reg->status == RegistrationStatus::kRegistered) internal::PromoteWaitlist(sql, info, now);
    return *LoadRegistration(sql, event_id, member_id);
  }
}

Result<Registration> EventService::MyRegistration(const Viewer& viewer, Id event_id) {
  if (!viewer.authenticated()) return Unauthenticated("sign in first");
  return WithSession<Registration>(db_, [&](soci::session& sql) -> Result<Registration> {
    VB_ASSIGN_OR_RETURN(auto info, internal::LoadEvent(sql, event_id));
    (void)info;
    auto reg = LoadRegistration(sql, event_id, viewer.member_id);
    if (!reg) return NotFound("you are not registered for this event", "event_id").WithReason("event.not_registered");
    reg->waitlist_position = WaitlistPosition(sql, *reg);
    return *reg;
  });
}

Result<Registration> EventService::SetRoundsOptOut(const Viewer& viewer, Id event_id, bool opt_out) {
  if (!viewer.authenticated()) return Unauthenticated("sign in first");
  return WithSession<Registration>(db_, [&](soci::session& sql) -> Result<Registration> {
    storage::Transaction tr(sql);
    internal::LockEvent(sql, event_id);
    auto reg = LoadRegistration(sql, event_id, viewer.member_id);
    if (!reg || reg->status == RegistrationStatus::kCancelled)
      return NotFound("you are not registered for this event", "event_id").WithReason("event.not_registered");
    long long id = reg->id, t = clock_.Now();
    int v = opt_out ? 1 : 0;
    sql << "UPDATE registrations SET rounds_opt_out = :v, updated_at = :t WHERE id = :id", soci::use(v), soci::use(t),
        soci::use(id);
    auto out = LoadRegistration(sql, event_id, viewer.member_id);
    tr.commit();
    return *out;
  });
}

Result<Page<Registration>> EventService::Registrations(const Viewer& viewer, Id event_id,
                                                       std::optional<RegistrationStatus> status,
                                                       const std::string& name_query, int limit, int offset) {
  if (!viewer.authenticated()) return Unauthenticated("sign in first");
  if (limit < 1 || limit > domain::kMaxPageSize) return InvalidArgument("must be between 1 and 500", "limit");
  if (offset < 0) return InvalidArgument("must not be negative", "offset");
  VB_RETURN_IF_ERROR(domain::CheckText("q", name_query, 0, domain::kMaxShort));
  return WithSession<Page<Registration>>(db_, [&](soci::session& sql) -> Result<Page<Registration>> {
    VB_ASSIGN_OR_RETURN(auto info, internal::LoadEvent(sql, event_id));
    const bool manage = CanManage(viewer, info);
    std::vector<std::string> params;
    std::string where =
        " FROM registrations r JOIN members m ON m.id = r.member_id WHERE r.event_id = " + std::to_string(event_id);
    if (!manage) {
      auto mine = LoadRegistration(sql, event_id, viewer.member_id);
      if (!mine || mine->status != RegistrationStatus::kRegistered)
        return PermissionDenied("only registered attendees see who else comes").WithReason("event.attendees_only");
      if (status && *status != RegistrationStatus::kRegistered)
        return PermissionDenied("attendees see only registered attendees")
            .WithReason("event.attendees_registered_only");
      status = RegistrationStatus::kRegistered;
    }
    // Hidden profiles stay hidden, also from organizers (admins see all);
    // check-in by code still works for everyone.
    where += " AND " + viewer.VisibleSql("m");
    if (status) where += " AND r.status = " + domain::Bind(params, std::string(ToString(*status)));
    if (!name_query.empty())
      where += " AND lower(m.name) LIKE " + domain::Bind(params, "%" + AsciiLower(name_query) + "%");
    Page<Registration> page;
    page.limit = limit;
    page.offset = offset;
    page.total = domain::CountOf(sql, "SELECT count(*)" + where, params);
    page.items = QueryRegistrations(sql,
                                    where +
                                        " ORDER BY CASE r.status WHEN 'registered' THEN 0 WHEN 'waitlisted' "
                                        "THEN 1 ELSE 2 END, r.seq, r.created_at, r.id LIMIT " +
                                        std::to_string(limit) + " OFFSET " + std::to_string(offset),
                                    params);
    for (auto& r : page.items) {
      if (!manage) r.checkin_code.clear();
      if (r.status == RegistrationStatus::kWaitlisted) r.waitlist_position = WaitlistPosition(sql, r);
    }
    return page;
  });
}

Result<Registration> EventService::CheckIn(const Viewer& viewer, Id event_id, const std::string& code) {
  if (Trim(code).empty()) return InvalidArgument("is required", "code").WithReason("checkin.code_required");
  VB_RETURN_IF_ERROR(domain::CheckText("code", code, 1, 64));
  return DoCheckIn(viewer, event_id, NormalizeCode(code), 0);
}

Result<Registration> EventService::CheckInRegistration(const Viewer& viewer, Id event_id, Id registration_id) {
  if (registration_id <= 0)
    return InvalidArgument("must be a positive id", "registration_id").WithReason("checkin.pick_registration");
  return DoCheckIn(viewer, event_id, "", registration_id);
}

Result<Registration> EventService::DoCheckIn(const Viewer& viewer, Id event_id, const std::string& code, Id reg_id) {
  if (!viewer.authenticated()) return Unauthenticated("sign in first");
  return WithSession<Registration>(db_, [&](soci::session& sql) -> Result<Registration> {
    storage::Transaction tr(sql);
    internal::LockEvent(sql, event_id);  // serialises check-ins, so nobody misses anybody
    // Without the seat counts: a check-in at a congress of 2,000 need not count them (bench/events/checkin.sh).
    VB_ASSIGN_OR_RETURN(auto info, internal::LoadEvent(sql, event_id, /*counts=*/false));
    if (!CanManage(viewer, info))
      return PermissionDenied("only the event's organizers check people in").WithReason("event.organizers_only");
    std::vector<std::string> params;
    std::string where =
        "FROM registrations r JOIN members m ON m.id = r.member_id WHERE r.event_id = " + std::to_string(event_id) +
        " AND ";
    where += reg_id ? "r.id = " + std::to_string(reg_id) : "r.checkin_code = " + domain::Bind(params, code);
    auto rows = QueryRegistrations(sql, where, params);
    if (rows.empty())
      return NotFound(reg_id ? "no such registration for this event" : "unknown check-in code",
                      reg_id ? "registration_id" : "code")
          .WithReason("checkin.unknown_code");
    Registration reg = rows.front();
    if (reg.status == RegistrationStatus::kWaitlisted)
      return Conflict(reg.member_name + " is on the waitlist, not registered", "code")
          .WithReason("checkin.waitlisted", {{"name", internal::NameParam(sql, viewer, reg.member_id)}});
    if (reg.status == RegistrationStatus::kCancelled)
      return Conflict(reg.member_name + " cancelled the registration", "code")
          .WithReason("checkin.cancelled", {{"name", internal::NameParam(sql, viewer, reg.member_id)}});
    if (reg.checked_in_at > 0)
      return Conflict(reg.member_name + " is already checked in", "code")
          .WithReason("checkin.already_in", {{"name", internal::NameParam(sql, viewer, reg.member_id)}});
    const UnixTime now = clock_.Now();
    long long t = now, id = reg.id;
    sql << "UPDATE registrations SET checked_in_at = :t, updated_at = :u WHERE id = :id", soci::use(t), soci::use(t),
        soci::use(id);
    // Presence is not a tie: the check-in is attendance only (this row). Ties
    // at the event come from evidence about a pair (encounters.h).
    reg.checked_in_at = now;
    tr.commit();
    return reg;
  });
}

}  // namespace verbinder::events
