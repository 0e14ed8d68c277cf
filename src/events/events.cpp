// Events themselves: validation, loading, create/update/get/list and the
// member's event notifications. Registration, the waitlist and check-in live
// in events_registration.cpp.
#include "events/events.h"

#include <algorithm>

#include <soci/soci.h>

#include "domain/db_util.h"
#include "domain/validation.h"
#include "events/cancel_internal.h"
#include "events/ical.h"
#include "events/meetings_internal.h"
#include "events/registration_internal.h"
#include "util/strings.h"
#include "storage/transaction.h"

namespace verbinder::events {
namespace {

using domain::Page;
using domain::Viewer;
using domain::WithSession;

constexpr int64_t kMaxEventSeconds = 14 * 86400;
constexpr size_t kMaxProgramme = 200;
constexpr size_t kMaxOrganizers = 20;

void SaveChildren(soci::session& sql, EventInfo& info) {
  long long ev = info.event.id;
  sql << "DELETE FROM event_organizers WHERE event_id = :e", soci::use(ev);
  for (Id o : info.organizers) {
    long long m = o;
    sql << "INSERT INTO event_organizers (event_id, member_id) VALUES (:e, :m)", soci::use(ev), soci::use(m);
  }
  sql << "DELETE FROM programme_items WHERE event_id = :e", soci::use(ev);
  for (auto& p : info.programme) {
    long long s = p.starts_at, e = p.ends_at;
    sql << "INSERT INTO programme_items (event_id, title, description, starts_at, ends_at, room) "
           "VALUES (:ev, :t, :d, :s, :e, :r)",
        soci::use(ev), soci::use(p.title), soci::use(p.description), soci::use(s), soci::use(e), soci::use(p.room);
    long long id = 0;
    sql << "SELECT max(id) FROM programme_items WHERE event_id = :e", soci::use(ev), soci::into(id);
    p.id = id;
  }
}

Status CheckOrganizersExist(soci::session& sql, const EventInfo& info) {
  for (size_t i = 0; i < info.organizers.size(); ++i) {
    long long n = 0, id = info.organizers[i];
    sql << "SELECT count(*) FROM members WHERE id = :id", soci::use(id), soci::into(n);
    if (!n)
      return NotFound("no member with id " + std::to_string(id), "organizers[" + std::to_string(i) + "]")
          .WithReason("event.organizer_not_found");
  }
  return Status::Ok();
}

}  // namespace

Status ValidateEvent(EventInfo& info) {
  auto& e = info.event;
  e.title = Trim(e.title);
  e.location = Trim(e.location);
  VB_RETURN_IF_ERROR(domain::CheckText("title", e.title, 1, domain::kMaxShort));
  VB_RETURN_IF_ERROR(domain::CheckText("description", e.description, 0, 20000, true));
  VB_RETURN_IF_ERROR(domain::CheckText("location", e.location, 0, domain::kMaxShort));
  VB_RETURN_IF_ERROR(domain::CheckUnixTime("starts_at", e.starts_at));
  VB_RETURN_IF_ERROR(domain::CheckUnixTime("ends_at", e.ends_at));
  if (e.registration_deadline != 0)
    VB_RETURN_IF_ERROR(domain::CheckUnixTime("registration_deadline", e.registration_deadline));
  if (e.starts_at <= 0) return InvalidArgument("is required (Unix seconds)", "starts_at").WithReason("field.required");
  if (e.ends_at <= e.starts_at)
    return InvalidArgument("must be after starts_at", "ends_at").WithReason("event.ends_before_start");
  if (e.ends_at - e.starts_at > kMaxEventSeconds)
    return InvalidArgument("an event lasts at most 14 days", "ends_at").WithReason("event.too_long", {{"days", "14"}});
  if (e.timezone.empty()) e.timezone = "Europe/Amsterdam";
  if (!IsKnownTimezone(e.timezone))
    return InvalidArgument("unknown time zone '" + e.timezone + "'", "timezone").WithReason("event.unknown_timezone");
  if (e.capacity < 0 || e.capacity > 1'000'000)
    return InvalidArgument("must be between 0 (unlimited) and 1000000", "capacity")
        .WithReason("event.capacity_range", {{"max", "1000000"}});
  if (e.price_cents < 0 || e.price_cents > 100'000'000)
    return InvalidArgument("must be between 0 (free) and 100000000", "price_cents")
        .WithReason("event.price_range", {{"max", "1000000"}});
  if (e.registration_deadline < 0)
    return InvalidArgument("must not be negative", "registration_deadline").WithReason("event.deadline_invalid");
  if (e.registration_deadline > e.ends_at)
    return InvalidArgument("must not be after ends_at", "registration_deadline").WithReason("event.deadline_after_end");
  if (info.request_ttl < 300 || info.request_ttl > 30 * 86400)
    return InvalidArgument("must be between 300 and 2592000 seconds", "request_ttl")
        .WithReason("event.request_ttl_range");
  if (info.organizers.size() > kMaxOrganizers)
    return InvalidArgument("at most 20 organizers", "organizers")
        .WithReason("event.too_many_organizers", {{"max", "20"}});
  std::sort(info.organizers.begin(), info.organizers.end());
  if (std::adjacent_find(info.organizers.begin(), info.organizers.end()) != info.organizers.end())
    return InvalidArgument("lists a member twice", "organizers").WithReason("event.organizer_twice");
  if (info.programme.size() > kMaxProgramme)
    return InvalidArgument("at most 200 items", "programme").WithReason("event.programme_too_long", {{"max", "200"}});
  for (size_t i = 0; i < info.programme.size(); ++i) {
    auto& p = info.programme[i];
    const std::string f = "programme[" + std::to_string(i) + "].";
    p.title = Trim(p.title);
    p.room = Trim(p.room);
    VB_RETURN_IF_ERROR(domain::CheckText(f + "title", p.title, 1, domain::kMaxShort));
    VB_RETURN_IF_ERROR(domain::CheckText(f + "description", p.description, 0, domain::kMaxText, true));
    VB_RETURN_IF_ERROR(domain::CheckText(f + "room", p.room, 0, domain::kMaxShort));
    if (p.starts_at < e.starts_at || p.starts_at >= e.ends_at)
      return InvalidArgument("must lie within the event", f + "starts_at").WithReason("event.programme_outside_event");
    if (p.ends_at <= p.starts_at)
      return InvalidArgument("must be after starts_at", f + "ends_at").WithReason("event.programme_ends_before_start");
    if (p.ends_at > e.ends_at)
      return InvalidArgument("must lie within the event", f + "ends_at").WithReason("event.programme_outside_event");
    for (size_t j = 0; j < i; ++j) {
      const auto& q = info.programme[j];
      if (!p.room.empty() && p.room == q.room && p.starts_at < q.ends_at && q.starts_at < p.ends_at)
        return InvalidArgument("overlaps programme[" + std::to_string(j) + "] in room '" + p.room + "'",
                               f + "starts_at")
            .WithReason("event.programme_overlap", {{"room", p.room}});
    }
  }
  return Status::Ok();
}

namespace internal {

void LockEvent(soci::session& sql, Id event_id) {
  long long id = event_id;
  sql << "UPDATE events SET revision = revision WHERE id = :id", soci::use(id);
}

std::string MemberName(soci::session& sql, Id member_id) {
  long long id = member_id;
  std::string name;
  sql << "SELECT name FROM members WHERE id = :id", soci::use(id), soci::into(name);
  return name;
}

Result<EventInfo> LoadEvent(soci::session& sql, Id event_id, bool counts) {
  EventInfo info;
  auto& e = info.event;
  long long id = event_id, s = 0, en = 0, dl = 0, ttl = 0;
  int cap = 0, price = 0, pub = 1, rev = 0;
  std::string kind;
  sql << "SELECT title, kind, description, starts_at, ends_at, timezone, location, capacity, price_cents, "
         "registration_deadline, is_public, request_ttl, revision FROM events WHERE id = :id",
      soci::use(id), soci::into(e.title), soci::into(kind), soci::into(e.description), soci::into(s), soci::into(en),
      soci::into(e.timezone), soci::into(e.location), soci::into(cap), soci::into(price), soci::into(dl),
      soci::into(pub), soci::into(ttl), soci::into(rev);
  if (!sql.got_data())
    return NotFound("no event with id " + std::to_string(event_id), "event_id").WithReason("event.not_found");
  e.id = event_id;
  e.kind = model::ParseEventKind(kind).value_or(model::EventKind::kInspirationSession);
  e.starts_at = s;
  e.ends_at = en;
  e.capacity = cap;
  e.price_cents = price;
  e.registration_deadline = dl;
  info.is_public = pub != 0;
  info.request_ttl = ttl;
  info.revision = rev;
  {
    long long m = 0;
    soci::statement st =
        (sql.prepare << "SELECT member_id FROM event_organizers WHERE event_id = :e ORDER BY member_id", soci::use(id),
         soci::into(m));
    st.execute();
    while (st.fetch()) info.organizers.push_back(m);
  }
  {
    long long pid = 0, ps = 0, pe = 0;
    std::string t, d, room;
    soci::statement st = (sql.prepare << "SELECT id, title, description, starts_at, ends_at, room FROM programme_items "
                                         "WHERE event_id = :e ORDER BY starts_at, id",
                          soci::use(id), soci::into(pid), soci::into(t), soci::into(d), soci::into(ps), soci::into(pe),
                          soci::into(room));
    st.execute();
    while (st.fetch()) info.programme.push_back({pid, t, d, ps, pe, room});
  }
  if (!counts) return info;
  info.registered = static_cast<int>(internal::CountStatus(sql, event_id, "registered"));
  info.waitlisted = static_cast<int>(internal::CountStatus(sql, event_id, "waitlisted"));
  return info;
}

}  // namespace internal

bool EventService::CanManage(const Viewer& viewer, const EventInfo& info) const {
  return internal::MayManage(viewer, info);
}

bool internal::MayManage(const Viewer& viewer, const EventInfo& info) {
  if (viewer.IsOrganizer()) return true;
  return viewer.authenticated() &&
         std::find(info.organizers.begin(), info.organizers.end(), viewer.member_id) != info.organizers.end();
}

Result<EventInfo> EventService::Create(const Viewer& viewer, EventInfo info) {
  if (!viewer.IsOrganizer())
    return PermissionDenied("only organizers create events").WithReason("event.organizers_create_only");
  VB_RETURN_IF_ERROR(ValidateEvent(info));
  return WithSession<EventInfo>(db_, [&](soci::session& sql) -> Result<EventInfo> {
    VB_RETURN_IF_ERROR(CheckOrganizersExist(sql, info));
    storage::Transaction tr(sql);
    auto& e = info.event;
    long long s = e.starts_at, en = e.ends_at, dl = e.registration_deadline, ttl = info.request_ttl, now = clock_.Now();
    int cap = e.capacity, price = e.price_cents, pub = info.is_public ? 1 : 0;
    std::string kind(model::ToString(e.kind));
    sql << "INSERT INTO events (title, kind, description, starts_at, ends_at, timezone, location, capacity, "
           "price_cents, "
           "registration_deadline, is_public, request_ttl, revision, created_at, updated_at) "
           "VALUES (:ti, :k, :d, :s, :e, :tz, :l, :c, :p, :dl, :pub, :ttl, 0, :t, :u)",
        soci::use(e.title), soci::use(kind), soci::use(e.description), soci::use(s), soci::use(en),
        soci::use(e.timezone), soci::use(e.location), soci::use(cap), soci::use(price), soci::use(dl), soci::use(pub),
        soci::use(ttl), soci::use(now), soci::use(now);
    long long id = 0;
    sql << "SELECT max(id) FROM events", soci::into(id);
    e.id = id;
    SaveChildren(sql, info);
    VB_ASSIGN_OR_RETURN(auto stored, internal::LoadEvent(sql, id));
    tr.commit();
    return stored;
  });
}

Result<EventInfo> EventService::Update(const Viewer& viewer, EventInfo info) {
  if (!viewer.authenticated()) return Unauthenticated("sign in first");
  VB_RETURN_IF_ERROR(ValidateEvent(info));
  return WithSession<EventInfo>(db_, [&](soci::session& sql) -> Result<EventInfo> {
    storage::Transaction tr(sql);
    internal::LockEvent(sql, info.event.id);
    VB_ASSIGN_OR_RETURN(auto old, internal::LoadEvent(sql, info.event.id));
    if (!CanManage(viewer, old))
      return PermissionDenied("only the event's organizers may change it").WithReason("event.organizers_only");
    VB_RETURN_IF_ERROR(CheckOrganizersExist(sql, info));
    auto& e = info.event;
    if (e.capacity > 0 && e.capacity < old.registered)
      return Conflict("capacity " + std::to_string(e.capacity) + " is below the " + std::to_string(old.registered) +
                          " members already registered",
                      "capacity")
          .WithReason("event.capacity_below_registered",
                      {{"capacity", std::to_string(e.capacity)}, {"registered", std::to_string(old.registered)}});
    long long s = e.starts_at, en = e.ends_at, dl = e.registration_deadline, ttl = info.request_ttl, now = clock_.Now(),
              id = e.id;
    int cap = e.capacity, price = e.price_cents, pub = info.is_public ? 1 : 0;
    std::string kind(model::ToString(e.kind));
    sql << "UPDATE events SET title = :ti, kind = :k, description = :d, starts_at = :s, ends_at = :e, timezone = :tz, "
           "location = :l, capacity = :c, price_cents = :p, registration_deadline = :dl, is_public = :pub, "
           "request_ttl = :ttl, revision = revision + 1, updated_at = :u WHERE id = :id",
        soci::use(e.title), soci::use(kind), soci::use(e.description), soci::use(s), soci::use(en),
        soci::use(e.timezone), soci::use(e.location), soci::use(cap), soci::use(price), soci::use(dl), soci::use(pub),
        soci::use(ttl), soci::use(now), soci::use(id);
    SaveChildren(sql, info);
    // Issue #16: a shortened or moved event takes its rounds along (rounds.cpp).
    VB_RETURN_IF_ERROR(internal::FitRoundsToEvent(sql, old, info, now));
    internal::PromoteWaitlist(sql, info, clock_.Now());
    VB_ASSIGN_OR_RETURN(auto stored, internal::LoadEvent(sql, id));
    tr.commit();
    return stored;
  });
}

Result<EventInfo> EventService::Get(const Viewer& viewer, Id event_id) {
  return WithSession<EventInfo>(db_, [&](soci::session& sql) -> Result<EventInfo> {
    VB_ASSIGN_OR_RETURN(auto info, internal::LoadEvent(sql, event_id));
    // Anonymous callers see only public events (the public feed).
    if (!viewer.authenticated() && !info.is_public)
      return NotFound("no event with id " + std::to_string(event_id), "event_id").WithReason("event.not_found");
    return info;
  });
}

Result<Page<EventInfo>> EventService::List(const Viewer& viewer, const EventFilter& f) {
  if (f.limit < 1 || f.limit > domain::kMaxPageSize) return InvalidArgument("must be between 1 and 500", "limit");
  if (f.offset < 0) return InvalidArgument("must not be negative", "offset");
  return WithSession<Page<EventInfo>>(db_, [&](soci::session& sql) -> Result<Page<EventInfo>> {
    std::string where = " FROM events WHERE 1=1";
    if (f.upcoming_only) where += " AND ends_at > " + std::to_string(clock_.Now());
    if (f.public_only || !viewer.authenticated()) where += " AND is_public = 1";
    Page<EventInfo> page;
    page.limit = f.limit;
    page.offset = f.offset;
    page.total = domain::CountOf(sql, "SELECT count(*)" + where, {});
    std::vector<Id> ids;
    {
      long long id = 0;
      soci::statement st = (sql.prepare << "SELECT id" + where + " ORDER BY starts_at, id LIMIT " +
                                               std::to_string(f.limit) + " OFFSET " + std::to_string(f.offset),
                            soci::into(id));
      st.execute();
      while (st.fetch()) ids.push_back(id);
    }
    for (Id id : ids) {
      VB_ASSIGN_OR_RETURN(auto info, internal::LoadEvent(sql, id));
      page.items.push_back(std::move(info));
    }
    return page;
  });
}

Result<Page<Notification>> EventService::Notifications(const Viewer& viewer, int limit, int offset) {
  if (!viewer.authenticated()) return Unauthenticated("sign in first");
  if (limit < 1 || limit > domain::kMaxPageSize) return InvalidArgument("must be between 1 and 500", "limit");
  if (offset < 0) return InvalidArgument("must not be negative", "offset");
  return WithSession<Page<Notification>>(db_, [&](soci::session& sql) -> Result<Page<Notification>> {
    Page<Notification> page;
    page.limit = limit;
    page.offset = offset;
    const std::string me = std::to_string(viewer.member_id);
    page.total = domain::CountOf(sql, "SELECT count(*) FROM event_notifications WHERE member_id = " + me, {});
    long long id = 0, created = 0, read = 0;
    std::string kind, text, ref;
    soci::statement st =
        (sql.prepare << "SELECT id, kind, text, ref, created_at, read_at FROM event_notifications "
                        "WHERE member_id = " +
                            me + " ORDER BY id DESC LIMIT " + std::to_string(limit) + " OFFSET " +
                            std::to_string(offset),
         soci::into(id), soci::into(kind), soci::into(text), soci::into(ref), soci::into(created), soci::into(read));
    st.execute();
    while (st.fetch()) page.items.push_back({id, viewer.member_id, kind, text, ref, created, read});
    return page;
  });
}

}  // namespace verbinder::events
