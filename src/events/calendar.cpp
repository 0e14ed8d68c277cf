#include "events/calendar.h"

#include <soci/soci.h>

#include "domain/accounts.h"
#include "domain/db_util.h"
#include "events/events.h"
#include "events/ical.h"
#include "storage/transaction.h"

namespace verbinder::events {
namespace {

using domain::WithSession;

std::string EventUrl(model::Id id) { return "/events/" + std::to_string(id); }

CalEntry EventEntry(const EventInfo& info) {
  CalEntry e;
  e.summary = info.event.title;
  e.description = info.event.description;
  if (info.event.price_cents > 0) {
    char price[32];
    std::snprintf(price, sizeof price, "%d.%02d", info.event.price_cents / 100, info.event.price_cents % 100);
    e.description += (e.description.empty() ? "" : "\n\n") + std::string("Price: EUR ") + price;
  }
  e.location = info.event.location;
  e.starts_at = info.event.starts_at;
  e.ends_at = info.event.ends_at;
  e.timezone = info.event.timezone;
  e.url = EventUrl(info.event.id);
  return e;
}

struct Person { std::string name, email; };

Person LoadPerson(soci::session& sql, model::Id id) {
  Person p;
  long long mid = id;
  sql << "SELECT name, email FROM members WHERE id = :id", soci::use(mid), soci::into(p.name), soci::into(p.email);
  return p;
}

// Meetings and visits of a member as calendar entries.
void AddMeetingsAndVisits(soci::session& sql, model::Id member, std::vector<CalEntry>& out) {
  const std::string me = std::to_string(member);
  {
    long long id = 0, a = 0, b = 0, s = 0, e = 0, ev = 0;
    int table = 0, rev = 0;
    std::string tz, loc, title, reason_a, reason_b;
    soci::statement st =
        (sql.prepare << "SELECT mt.id, mt.a, mt.b, rs.starts_at, rs.ends_at, mt.table_no, mt.revision, ev.id, ev.timezone, "
                        "ev.location, ev.title, mt.reason_a, mt.reason_b FROM meetings mt JOIN round_slots rs ON rs.id = "
                        "mt.slot_id JOIN rounds r ON r.id = mt.round_id JOIN events ev ON ev.id = r.event_id WHERE "
                        "mt.status = 'scheduled' AND (mt.a = " + me + " OR mt.b = " + me + ") ORDER BY rs.starts_at",
         soci::into(id), soci::into(a), soci::into(b), soci::into(s), soci::into(e), soci::into(table), soci::into(rev),
         soci::into(ev), soci::into(tz), soci::into(loc), soci::into(title), soci::into(reason_a), soci::into(reason_b));
    st.execute();
    std::vector<CalEntry> rows;
    std::vector<std::pair<long long, long long>> parties;
    while (st.fetch()) {
      CalEntry c;
      c.uid = "meeting-" + std::to_string(id) + "@verbinder";
      c.sequence = rev;
      c.starts_at = s;
      c.ends_at = e;
      c.timezone = tz;
      c.location = loc + (loc.empty() ? "" : ", ") + "table " + std::to_string(table);
      c.summary = title;  // completed below with the other person's name
      c.description = a == member ? reason_a : reason_b;
      c.url = EventUrl(ev) + "/schedule";
      rows.push_back(c);
      parties.push_back({a, b});
    }
    for (size_t i = 0; i < rows.size(); ++i) {
      Person pa = LoadPerson(sql, parties[i].first), pb = LoadPerson(sql, parties[i].second);
      const Person& other = parties[i].first == member ? pb : pa;
      rows[i].summary = "1:1 with " + other.name + " (" + rows[i].summary + ")";
      rows[i].attendees = {{pa.name, pa.email}, {pb.name, pb.email}};
      out.push_back(rows[i]);
    }
  }
  {
    long long id = 0, host = 0, visitor = 0, s = 0, e = 0;
    int rev = 0;
    std::string reason, status;
    soci::statement st = (sql.prepare << "SELECT id, host_id, visitor_id, starts_at, ends_at, revision, reason, status "
                                         "FROM visits WHERE status IN ('accepted', 'held') AND (host_id = " + me +
                                             " OR visitor_id = " + me + ") ORDER BY starts_at",
                          soci::into(id), soci::into(host), soci::into(visitor), soci::into(s), soci::into(e),
                          soci::into(rev), soci::into(reason), soci::into(status));
    st.execute();
    std::vector<std::tuple<long long, long long, long long, long long, long long, int, std::string>> rows;
    while (st.fetch()) rows.emplace_back(id, host, visitor, s, e, rev, reason);
    for (auto& [vid, h, v, vs, ve, vrev, vreason] : rows) {
      Person ph = LoadPerson(sql, h), pv = LoadPerson(sql, v);
      std::string location;
      long long hid = h;
      sql << "SELECT visit_location FROM members WHERE id = :id", soci::use(hid), soci::into(location);
      CalEntry c;
      c.uid = "visit-" + std::to_string(vid) + "@verbinder";
      c.sequence = vrev;
      c.summary = "Visit: " + pv.name + " at " + ph.name;
      c.description = vreason;
      c.location = location;
      c.starts_at = vs;
      c.ends_at = ve;
      c.organizer = {ph.name, ph.email};
      c.attendees = {{ph.name, ph.email}, {pv.name, pv.email}};
      out.push_back(c);
    }
  }
}

}  // namespace

Result<std::string> CalendarService::RegistrationInvite(const domain::Viewer& viewer, model::Id event_id,
                                                        model::Id member_id) {
  if (!viewer.authenticated()) return Unauthenticated("sign in first");
  return WithSession<std::string>(db_, [&](soci::session& sql) -> Result<std::string> {
    VB_ASSIGN_OR_RETURN(auto info, internal::LoadEvent(sql, event_id));
    const bool manage = viewer.IsOrganizer() ||
                        std::find(info.organizers.begin(), info.organizers.end(), viewer.member_id) != info.organizers.end();
    if (member_id != viewer.member_id && !manage) return PermissionDenied("only your own invite");
    long long ev = event_id, m = member_id;
    int rev = 0;
    std::string status;
    sql << "SELECT status, revision FROM registrations WHERE event_id = :e AND member_id = :m", soci::use(ev),
        soci::use(m), soci::into(status), soci::into(rev);
    if (!sql.got_data()) return NotFound("not registered for this event", "member_id");
    CalEntry e = EventEntry(info);
    e.uid = "registration-" + std::to_string(event_id) + "-" + std::to_string(member_id) + "@verbinder";
    e.sequence = info.revision + rev;
    e.status = status == "waitlisted" ? CalStatus::kTentative : CalStatus::kConfirmed;
    if (status == "waitlisted") e.summary += " (waitlist)";
    Person p = LoadPerson(sql, member_id);
    e.attendees = {{p.name, p.email}};
    if (!info.organizers.empty()) {
      Person o = LoadPerson(sql, info.organizers.front());
      e.organizer = {o.name, o.email};
    }
    return BuildCalendar(status == "cancelled" ? CalMethod::kCancel : CalMethod::kRequest, {e}, clock_.Now());
  });
}

Result<std::string> CalendarService::RotateFeedToken(const domain::Viewer& viewer) {
  if (!viewer.authenticated() || viewer.member_id <= 0) return Unauthenticated("sign in first");
  return WithSession<std::string>(db_, [&](soci::session& sql) -> Result<std::string> {
    std::string token = domain::RandomToken(), hash = domain::TokenHash(token);
    long long m = viewer.member_id, now = clock_.Now();
    storage::Transaction tr(sql);
    sql << "DELETE FROM calendar_tokens WHERE member_id = :m", soci::use(m);
    sql << "INSERT INTO calendar_tokens (member_id, token_hash, created_at) VALUES (:m, :h, :t)", soci::use(m),
        soci::use(hash), soci::use(now);
    tr.commit();
    return token;
  });
}

Result<std::string> CalendarService::PersonalFeed(const std::string& token) {
  if (token.size() != 64 || token.find_first_not_of("0123456789abcdef") != std::string::npos)
    return NotFound("no calendar feed for this token", "token");
  return WithSession<std::string>(db_, [&](soci::session& sql) -> Result<std::string> {
    std::string hash = domain::TokenHash(token);
    long long member = 0;
    sql << "SELECT member_id FROM calendar_tokens WHERE token_hash = :h", soci::use(hash), soci::into(member);
    if (!sql.got_data()) return NotFound("no calendar feed for this token", "token");
    std::vector<CalEntry> entries;
    std::vector<std::pair<long long, int>> regs;
    std::vector<std::string> statuses;
    {
      long long ev = 0;
      int rev = 0;
      std::string status;
      soci::statement st = (sql.prepare << "SELECT event_id, revision, status FROM registrations WHERE member_id = :m "
                                           "AND status IN ('registered', 'waitlisted') ORDER BY event_id",
                            soci::use(member), soci::into(ev), soci::into(rev), soci::into(status));
      st.execute();
      while (st.fetch()) { regs.push_back({ev, rev}); statuses.push_back(status); }
    }
    for (size_t i = 0; i < regs.size(); ++i) {
      VB_ASSIGN_OR_RETURN(auto info, internal::LoadEvent(sql, regs[i].first));
      CalEntry e = EventEntry(info);
      e.uid = "registration-" + std::to_string(regs[i].first) + "-" + std::to_string(member) + "@verbinder";
      e.sequence = info.revision + regs[i].second;
      e.status = statuses[i] == "waitlisted" ? CalStatus::kTentative : CalStatus::kConfirmed;
      entries.push_back(e);
    }
    AddMeetingsAndVisits(sql, member, entries);
    return BuildCalendar(CalMethod::kPublish, entries, clock_.Now(), "verbinder");
  });
}

Result<std::string> CalendarService::PublicFeed() {
  return WithSession<std::string>(db_, [&](soci::session& sql) -> Result<std::string> {
    std::vector<long long> ids;
    long long id = 0, now = clock_.Now();
    soci::statement st = (sql.prepare << "SELECT id FROM events WHERE is_public = 1 AND ends_at > :n ORDER BY starts_at, id",
                          soci::use(now), soci::into(id));
    st.execute();
    while (st.fetch()) ids.push_back(id);
    std::vector<CalEntry> entries;
    for (long long ev : ids) {
      VB_ASSIGN_OR_RETURN(auto info, internal::LoadEvent(sql, ev));
      CalEntry e = EventEntry(info);
      e.uid = "event-" + std::to_string(ev) + "@verbinder";
      e.sequence = info.revision;
      entries.push_back(e);
    }
    return BuildCalendar(CalMethod::kPublish, entries, clock_.Now(), "verbinder: upcoming events");
  });
}

}  // namespace verbinder::events
