#include "events/calendar.h"

#include <cctype>

#include <soci/soci.h>

#include "domain/accounts.h"
#include "domain/db_util.h"
#include "events/events.h"
#include "events/ical.h"
#include "notify/notifications.h"
#include "storage/transaction.h"
#include "util/strings.h"

namespace verbinder::events {

namespace internal {

CalendarReader::CalendarReader(soci::session& sql, const domain::Viewer& viewer) : sql_(sql), viewer_(viewer) {
  if (viewer_.member_id <= 0) return;
  // The one rule for a member's language (mails and notifications use it too).
  dutch_ = notify::MemberLanguage(sql_, viewer_.member_id) == "nl";
}

CalendarReader CalendarReader::OfMember(soci::session& sql, model::Id member) {
  long long id = member;
  std::string role;
  soci::indicator ind = soci::i_null;
  sql << "SELECT role FROM accounts WHERE member_id = :id", soci::use(id), soci::into(role, ind);
  domain::Viewer v{member, model::Role::kMember};
  if (sql.got_data() && ind == soci::i_ok) v.role = model::ParseRole(role).value_or(model::Role::kMember);
  return CalendarReader(sql, v);
}

const CalendarReader::Known& CalendarReader::Load(model::Id member) {
  auto it = members_.find(member);
  if (it != members_.end()) return it->second;
  Known k;
  long long id = member;
  std::string visibility;
  sql_ << "SELECT name, email, visibility FROM members WHERE id = :id", soci::use(id), soci::into(k.name),
      soci::into(k.email), soci::into(visibility);
  if (sql_.got_data()) {
    k.exists = true;
    k.visibility = model::ParseVisibility(visibility).value_or(model::Visibility::kHidden);
  }
  return members_.emplace(member, std::move(k)).first->second;
}

bool CalendarReader::MaySee(model::Id member) {
  const Known& k = Load(member);
  return k.exists && viewer_.CanSee(member, k.visibility);
}

std::string CalendarReader::NameOf(model::Id member) {
  return MaySee(member) ? Load(member).name : T("een lid", "a member");
}

std::string CalendarReader::Redact(std::string text, model::Id member) {
  if (MaySee(member)) return text;
  const std::string& name = Load(member).name;
  if (name.empty()) return text;
  const std::string placeholder = NameOf(member);
  for (size_t at = text.find(name); at != std::string::npos; at = text.find(name, at + placeholder.size())) {
    std::string with = placeholder;
    // At the start of a sentence: "A member asked …", "Een lid …".
    const size_t before = at == 0 ? std::string::npos : text.find_last_not_of(' ', at - 1);
    if (before == std::string::npos || text[before] == '.' || text[before] == '\n')
      with[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(with[0])));
    text.replace(at, name.size(), with);
  }
  return text;
}

std::string CalendarReader::ProfileEmail(model::Id member) {
  if (!MaySee(member)) return "";
  if (member == viewer_.member_id || viewer_.IsOrganizer()) return Load(member).email;
  return "";
}

CalPerson CalendarReader::Attendee(model::Id member, const std::string& uid, const std::string& party,
                                   CalPartStat partstat) {
  CalPerson p;
  p.name = NameOf(member);
  p.partstat = partstat;
  p.role = CalRole::kReqParticipant;
  p.rsvp = false;
  if (member == viewer_.member_id) {
    p.email = Load(member).email;
  } else {
    // A name-based UUID (RFC 9562 version 8) from the thing and the party's
    // role in it — not from the member, so it cannot be traced to anyone.
    std::string h = domain::TokenHash("verbinder-attendee:" + uid + "#" + party).substr(0, 32);
    h[12] = '8';
    h[16] = "89ab"[std::stoi(h.substr(16, 1), nullptr, 16) & 3];
    p.uri = "urn:uuid:" + h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) + "-" +
            h.substr(20, 12);
  }
  return p;
}

CalPerson CalendarReader::Organizer(model::Id organizing_member) {
  if (sender_email_.empty()) {
    std::map<std::string, std::string> kv;
    {
      std::string k, v;
      soci::statement st = (sql_.prepare << "SELECT key, value FROM settings WHERE key IN ('mail.from_email', "
                                            "'newsletter.from_email', 'mail.from_name', 'newsletter.from_name', "
                                            "'mail.base_url', 'newsletter.base_url')",
                            soci::into(k), soci::into(v));
      st.execute();
      while (st.fetch()) kv[k] = Trim(v);
    }
    auto get = [&](const char* key, const char* fallback) {
      if (auto it = kv.find(key); it != kv.end() && !it->second.empty()) return it->second;
      if (auto it = kv.find(fallback); it != kv.end() && !it->second.empty()) return it->second;
      return std::string();
    };
    std::string from = get("mail.from_email", "newsletter.from_email");
    const std::string lower = AsciiLower(from);
    const bool placeholder = lower.size() >= 8 && lower.compare(lower.size() - 8, 8, ".invalid") == 0;
    if (!from.empty() && IsValidEmail(from) && !placeholder) {
      sender_email_ = from;
    } else {
      // noreply@<host of the public URL>; the mail config's default is localhost.
      std::string host = get("mail.base_url", "newsletter.base_url");
      if (auto scheme = host.find("://"); scheme != std::string::npos) host.erase(0, scheme + 3);
      host = host.substr(0, host.find_first_of("/?#"));
      if (auto at = host.rfind('@'); at != std::string::npos) host.erase(0, at + 1);
      if (!host.empty() && host.front() != '[') host = host.substr(0, host.find(':'));
      host = AsciiLower(host);
      if (host.empty() || !IsValidEmail("noreply@" + host)) host = "localhost";
      sender_email_ = "noreply@" + host;
    }
    sender_name_ = get("mail.from_name", "newsletter.from_name");
    if (sender_name_.empty()) sender_name_ = "verbinder";
  }
  CalPerson p;
  p.email = sender_email_;
  p.name = organizing_member > 0 && MaySee(organizing_member) ? Load(organizing_member).name : sender_name_;
  return p;
}

model::Id FirstOrganizer(soci::session& sql, model::Id event_id) {
  long long ev = event_id, first = 0;
  soci::indicator ind = soci::i_null;
  sql << "SELECT min(member_id) FROM event_organizers WHERE event_id = :e", soci::use(ev), soci::into(first, ind);
  return sql.got_data() && ind == soci::i_ok ? first : 0;
}

}  // namespace internal

namespace {

using domain::WithSession;
using internal::CalendarReader;

std::string EventUrl(model::Id id) {
  return "/events/" + std::to_string(id);
}

CalEntry EventEntry(const EventInfo& info, const CalendarReader& reader) {
  CalEntry e;
  e.summary = info.event.title;
  e.description = info.event.description;
  if (info.event.price_cents > 0) {
    char price[32];
    std::snprintf(price, sizeof price, "%d.%02d", info.event.price_cents / 100, info.event.price_cents % 100);
    e.description += (e.description.empty() ? "" : "\n\n") + reader.T("Prijs: EUR ", "Price: EUR ") + price;
  }
  e.location = info.event.location;
  e.starts_at = info.event.starts_at;
  e.ends_at = info.event.ends_at;
  e.timezone = info.event.timezone;
  e.url = EventUrl(info.event.id);
  return e;
}

// PARTSTAT of a registration's member.
CalPartStat RegistrationPartStat(const std::string& status) {
  if (status == "registered") return CalPartStat::kAccepted;
  if (status == "waitlisted") return CalPartStat::kNeedsAction;  // pending: no seat yet
  return CalPartStat::kDeclined;
}

// Meetings and visits of the feed's owner as calendar entries, as they may see them.
void AddMeetingsAndVisits(soci::session& sql, CalendarReader& reader, std::vector<CalEntry>& out) {
  const model::Id member = reader.viewer().member_id;
  const std::string me = std::to_string(member);
  {
    long long id = 0, a = 0, b = 0, s = 0, e = 0, ev = 0;
    int table = 0, rev = 0, ev_rev = 0;
    std::string tz, loc, title, reason_a, reason_b, reason_a_en, reason_b_en;
    soci::statement st =
        (sql.prepare << "SELECT mt.id, mt.a, mt.b, rs.starts_at, rs.ends_at, mt.table_no, mt.revision, ev.id, "
                        "ev.timezone, ev.location, ev.title, mt.reason_a, mt.reason_b, ev.revision, mt.reason_a_en, "
                        "mt.reason_b_en FROM meetings mt "
                        "JOIN round_slots rs ON rs.id = mt.slot_id JOIN rounds r ON r.id = mt.round_id JOIN events ev "
                        "ON ev.id = r.event_id WHERE mt.status = 'scheduled' AND (mt.a = " +
                            me + " OR mt.b = " + me + ") ORDER BY rs.starts_at",
         soci::into(id), soci::into(a), soci::into(b), soci::into(s), soci::into(e), soci::into(table), soci::into(rev),
         soci::into(ev), soci::into(tz), soci::into(loc), soci::into(title), soci::into(reason_a), soci::into(reason_b),
         soci::into(ev_rev), soci::into(reason_a_en), soci::into(reason_b_en));
    st.execute();
    std::vector<CalEntry> rows;
    std::vector<std::tuple<long long, long long, long long>> parties;  // a, b, event
    while (st.fetch()) {
      CalEntry c;
      c.uid = "meeting-" + std::to_string(id) + "@verbinder";
      c.sequence = rev + ev_rev;  // as MeetingService::MeetingInvite
      c.starts_at = s;
      c.ends_at = e;
      c.timezone = tz;
      c.location = loc + (loc.empty() ? "" : ", ") + reader.T("tafel ", "table ") + std::to_string(table);
      c.summary = title;  // completed below with the other person's name
      // The reason in the reader's language (reason_*_en since 0018; older meetings have one text).
      const std::string& nl_reason = a == member ? reason_a : reason_b;
      const std::string& en_reason = a == member ? reason_a_en : reason_b_en;
      c.description =
          reader.Redact(reader.T(nl_reason, en_reason.empty() ? nl_reason : en_reason), a == member ? b : a);
      c.url = EventUrl(ev) + "/schedule";
      rows.push_back(c);
      parties.emplace_back(a, b, ev);
    }
    std::map<long long, model::Id> organizer_of;
    for (size_t i = 0; i < rows.size(); ++i) {
      auto [pa, pb, pev] = parties[i];
      rows[i].summary =
          reader.T("1:1 met ", "1:1 with ") + reader.NameOf(pa == member ? pb : pa) + " (" + rows[i].summary + ")";
      rows[i].attendees = {reader.Attendee(pa, rows[i].uid, "a", CalPartStat::kAccepted),
                           reader.Attendee(pb, rows[i].uid, "b", CalPartStat::kAccepted)};
      if (!organizer_of.count(pev)) organizer_of[pev] = internal::FirstOrganizer(sql, pev);
      rows[i].organizer = reader.Organizer(organizer_of[pev]);
      out.push_back(rows[i]);
    }
  }
  {
    long long id = 0, host = 0, visitor = 0, s = 0, e = 0;
    int rev = 0;
    std::string reason, status;
    soci::statement st = (sql.prepare << "SELECT id, host_id, visitor_id, starts_at, ends_at, revision, reason, status "
                                         "FROM visits WHERE status IN ('accepted', 'held') AND (host_id = " +
                                             me + " OR visitor_id = " + me + ") ORDER BY starts_at",
                          soci::into(id), soci::into(host), soci::into(visitor), soci::into(s), soci::into(e),
                          soci::into(rev), soci::into(reason), soci::into(status));
    st.execute();
    std::vector<std::tuple<long long, long long, long long, long long, long long, int, std::string>> rows;
    while (st.fetch()) rows.emplace_back(id, host, visitor, s, e, rev, reason);
    for (auto& [vid, h, v, vs, ve, vrev, vreason] : rows) {
      std::string location;
      long long hid = h;
      sql << "SELECT visit_location FROM members WHERE id = :id", soci::use(hid), soci::into(location);
      CalEntry c;
      c.uid = "visit-" + std::to_string(vid) + "@verbinder";
      c.sequence = vrev;
      c.summary = reader.T("Bezoek: " + reader.NameOf(v) + " bij " + reader.NameOf(h),
                           "Visit: " + reader.NameOf(v) + " at " + reader.NameOf(h));
      c.description = vreason;
      c.location = location;
      c.starts_at = vs;
      c.ends_at = ve;
      c.organizer = reader.Organizer(h);
      c.attendees = {reader.Attendee(h, c.uid, "host", CalPartStat::kAccepted),
                     reader.Attendee(v, c.uid, "visitor", CalPartStat::kAccepted)};
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
    const bool manage = viewer.IsOrganizer() || std::find(info.organizers.begin(), info.organizers.end(),
                                                          viewer.member_id) != info.organizers.end();
    if (member_id != viewer.member_id && !manage)
      return PermissionDenied("only your own invite").WithReason("calendar.own_only");
    long long ev = event_id, m = member_id;
    int rev = 0;
    std::string status;
    sql << "SELECT status, revision FROM registrations WHERE event_id = :e AND member_id = :m", soci::use(ev),
        soci::use(m), soci::into(status), soci::into(rev);
    if (!sql.got_data())
      return NotFound("not registered for this event", "member_id").WithReason("event.not_registered");
    CalendarReader reader(sql, viewer);
    CalEntry e = EventEntry(info, reader);
    e.uid = "registration-" + std::to_string(event_id) + "-" + std::to_string(member_id) + "@verbinder";
    e.sequence = info.revision + rev;  // both only grow; a cancellation bumps rev
    e.status = status == "waitlisted" ? CalStatus::kTentative : CalStatus::kConfirmed;
    if (status == "waitlisted") e.summary += reader.T(" (wachtlijst)", " (waitlist)");
    CalPerson attendee = reader.Attendee(member_id, e.uid, "attendee", RegistrationPartStat(status));
    if (attendee.email.empty()) {
      // Someone else's invite, made by an organizer: their address only as the profile shows it.
      attendee.email = reader.ProfileEmail(member_id);
      if (!attendee.email.empty()) attendee.uri.clear();
    }
    e.attendees = {attendee};
    e.organizer = reader.Organizer(info.organizers.empty() ? 0 : info.organizers.front());
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
    return NotFound("no calendar feed for this token", "token").WithReason("calendar.unknown_feed");
  return WithSession<std::string>(db_, [&](soci::session& sql) -> Result<std::string> {
    std::string hash = domain::TokenHash(token);
    long long member = 0;
    sql << "SELECT member_id FROM calendar_tokens WHERE token_hash = :h", soci::use(hash), soci::into(member);
    if (!sql.got_data())
      return NotFound("no calendar feed for this token", "token").WithReason("calendar.unknown_feed");
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
      while (st.fetch()) {
        regs.push_back({ev, rev});
        statuses.push_back(status);
      }
    }
    CalendarReader reader = CalendarReader::OfMember(sql, member);
    for (size_t i = 0; i < regs.size(); ++i) {
      VB_ASSIGN_OR_RETURN(auto info, internal::LoadEvent(sql, regs[i].first));
      CalEntry e = EventEntry(info, reader);
      e.uid = "registration-" + std::to_string(regs[i].first) + "-" + std::to_string(member) + "@verbinder";
      e.sequence = info.revision + regs[i].second;
      e.status = statuses[i] == "waitlisted" ? CalStatus::kTentative : CalStatus::kConfirmed;
      e.organizer = reader.Organizer(info.organizers.empty() ? 0 : info.organizers.front());
      e.attendees = {reader.Attendee(member, e.uid, "attendee", RegistrationPartStat(statuses[i]))};
      entries.push_back(e);
    }
    AddMeetingsAndVisits(sql, reader, entries);
    return BuildCalendar(CalMethod::kPublish, entries, clock_.Now(), "verbinder");
  });
}

Result<std::string> CalendarService::PublicFeed() {
  return WithSession<std::string>(db_, [&](soci::session& sql) -> Result<std::string> {
    std::vector<long long> ids;
    long long id = 0, now = clock_.Now();
    soci::statement st =
        (sql.prepare << "SELECT id FROM events WHERE is_public = 1 AND ends_at > :n ORDER BY starts_at, id",
         soci::use(now), soci::into(id));
    st.execute();
    while (st.fetch()) ids.push_back(id);
    std::vector<CalEntry> entries;
    CalendarReader reader(sql, domain::Viewer{});  // anonymous: no member's name, no address
    for (long long ev : ids) {
      VB_ASSIGN_OR_RETURN(auto info, internal::LoadEvent(sql, ev));
      CalEntry e = EventEntry(info, reader);
      e.uid = "event-" + std::to_string(ev) + "@verbinder";
      e.sequence = info.revision;
      e.organizer = reader.Organizer(0);
      entries.push_back(e);
    }
    return BuildCalendar(CalMethod::kPublish, entries, clock_.Now(), "verbinder: upcoming events");
  });
}

}  // namespace verbinder::events
