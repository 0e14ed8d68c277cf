// Meeting requests, suggestions, personal schedules, feedback and meeting
// invites. Rounds and the auto-scheduler live in rounds.cpp.
#include <algorithm>
#include <map>
#include <mutex>
#include <set>
#include <unordered_map>

#include "domain/db_util.h"
#include "domain/member_ref.h"
#include "domain/network.h"
#include "domain/validation.h"
#include "events/calendar.h"
#include "events/ical.h"
#include "events/meetings.h"
#include "events/meetings_internal.h"
#include "events/reason_params.h"
#include "notify/notifications.h"
#include "util/strings.h"
#include "storage/transaction.h"

namespace verbinder::events {
namespace {

using domain::Viewer;
using domain::WithSession;

std::optional<RequestStatus> ParseRequestStatus(const std::string& s) {
  for (auto st : {RequestStatus::kPending, RequestStatus::kAccepted, RequestStatus::kDeclined,
                  RequestStatus::kCancelled, RequestStatus::kExpired})
    if (ToString(st) == s) return st;
  return std::nullopt;
}

std::vector<MeetingRequest> QueryRequests(soci::session& sql, const std::string& where) {
  std::vector<MeetingRequest> out;
  long long id = 0, ev = 0, from = 0, to = 0, exp = 0, created = 0, updated = 0;
  int both = 0;
  std::string fname, tname, msg, status;
  soci::statement st =
      (sql.prepare << "SELECT q.id, q.event_id, q.from_member, q.to_member, mf.name, mt.name, q.message, "
                      "q.status, q.both_asked, q.expires_at, q.created_at, q.updated_at FROM meeting_requests q JOIN "
                      "members mf ON mf.id = q.from_member JOIN members mt ON mt.id = q.to_member " +
                          where,
       soci::into(id), soci::into(ev), soci::into(from), soci::into(to), soci::into(fname), soci::into(tname),
       soci::into(msg), soci::into(status), soci::into(both), soci::into(exp), soci::into(created),
       soci::into(updated));
  st.execute();
  while (st.fetch()) {
    out.push_back({id, ev, from, to, fname, tname, msg, ParseRequestStatus(status).value_or(RequestStatus::kCancelled),
                   both != 0, exp, created, updated});
  }
  return out;
}

// The one projection (domain/member_ref.h): a member the viewer may not see
// keeps no id and no name in what is returned to them.
void Project(soci::session& sql, const Viewer& viewer, std::vector<MeetingRequest>& rs) {
  std::vector<domain::RefSlot> slots;
  for (auto& r : rs) {
    slots.push_back({&r.from, &r.from_name});
    slots.push_back({&r.to, &r.to_name});
  }
  domain::ProjectRefs(sql, viewer, slots);
}
// The live meeting requests (accepted, or pending and not expired: an ignored
// one is no longer asked) at events `event_ids` between `me` and any of
// `others`, either way, newest first. Both lists are comma-separated ids.
std::vector<MeetingRequest> LiveRequests(soci::session& sql, const std::string& event_ids, Id me,
                                         const std::string& others, UnixTime now) {
  const std::string m = std::to_string(me);
  return QueryRequests(sql, "WHERE q.event_id IN (" + event_ids + ") AND ((q.from_member = " + m +
                                " AND q.to_member IN (" + others + ")) OR (q.to_member = " + m +
                                " AND q.from_member IN (" + others +
                                "))) AND (q.status = 'accepted' OR (q.status = 'pending' AND q.expires_at > " +
                                std::to_string(now) + ")) ORDER BY q.updated_at DESC, q.id DESC");
}
// `lang`: the language the reasons are in (empty: the viewer's).
void Project(soci::session& sql, const Viewer& viewer, std::vector<ScheduledMeeting>& ms, std::string lang = "") {
  std::vector<domain::RefSlot> slots;
  std::vector<std::pair<std::string, std::string>> names;  // as loaded, to mask in `why`
  for (auto& m : ms) {
    names.push_back({m.a_name, m.b_name});
    slots.push_back({&m.a, &m.a_name});
    slots.push_back({&m.b, &m.b_name});
  }
  domain::ProjectRefs(sql, viewer, slots);
  // The stored reason may name the requester ("Henk asked to meet you."): mask a
  // party the viewer may not see (English and Dutch reasons alike).
  for (size_t i = 0; i < ms.size(); ++i) {
    auto& m = ms[i];
    for (const auto& [id, name] : {std::pair{m.a, names[i].first}, std::pair{m.b, names[i].second}}) {
      if (id != 0 || name.empty() || m.why.find(name) == std::string::npos) continue;
      if (lang.empty()) lang = viewer.member_id > 0 ? notify::MemberLanguage(sql, viewer.member_id) : "nl";
      m.why = notify::MaskName({m.why, m.why}, name).In(lang);
    }
  }
}

std::vector<ScheduledMeeting> QueryMeetings(soci::session& sql, const std::string& where) {
  std::vector<ScheduledMeeting> out;
  long long id = 0, round = 0, slot = 0, s = 0, e = 0, a = 0, b = 0;
  int table = 0, requested = 0, ha = -1, hb = -1;
  std::string an, bn, ra, rb, ra_en, rb_en, status;
  // One query, feedback included (no round trip per meeting).
  soci::statement st =
      (sql.prepare
           << "SELECT mt.id, mt.round_id, COALESCE(mt.slot_id, 0), COALESCE(rs.starts_at, 0), "
              "COALESCE(rs.ends_at, 0), mt.table_no, mt.a, mt.b, ma.name, mb.name, mt.reason_a, mt.reason_b, "
              "mt.reason_a_en, mt.reason_b_en, "
              "CASE WHEN mt.request_id IS NULL THEN 0 ELSE 1 END, mt.status, "
              "COALESCE((SELECT f.happened FROM meeting_feedback f WHERE f.meeting_id = mt.id AND f.member_id = "
              "mt.a), -1), COALESCE((SELECT f.happened FROM meeting_feedback f WHERE f.meeting_id = mt.id AND "
              "f.member_id = mt.b), -1) FROM meetings mt LEFT JOIN "
              "round_slots rs ON rs.id = mt.slot_id JOIN members ma ON ma.id = mt.a JOIN members mb ON "
              "mb.id = mt.b " +
                  where,
       soci::into(id), soci::into(round), soci::into(slot), soci::into(s), soci::into(e), soci::into(table),
       soci::into(a), soci::into(b), soci::into(an), soci::into(bn), soci::into(ra), soci::into(rb), soci::into(ra_en),
       soci::into(rb_en), soci::into(requested), soci::into(status), soci::into(ha), soci::into(hb));
  st.execute();
  while (st.fetch()) {
    ScheduledMeeting m;
    m.id = id;
    m.round_id = round;
    m.slot_id = slot;
    m.starts_at = s;
    m.ends_at = e;
    m.table = table;
    m.a = a;
    m.b = b;
    m.a_name = an;
    m.b_name = bn;
    m.requested = requested != 0;
    m.status = status;
    m.happened_a = ha;
    m.happened_b = hb;
    // Before 0018 a meeting has one text per side (no English column): shown in either language.
    m.why = ra;
    m.why.append(1, '\x1f').append(rb).append(1, '\x1f');
    m.why.append(ra_en.empty() ? ra : ra_en).append(1, '\x1f').append(rb_en.empty() ? rb : rb_en);  // split by caller
    out.push_back(std::move(m));
  }
  return out;
}

// QueryMeetings packs "reason_a \x1f reason_b \x1f reason_a_en \x1f reason_b_en"
// into why; pick one side's in `lang` ("en", else Dutch).
std::string ReasonFor(const ScheduledMeeting& m, Id member, const std::string& lang) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t sep = m.why.find('\x1f'); sep != std::string::npos; sep = m.why.find('\x1f', start)) {
    parts.push_back(m.why.substr(start, sep - start));
    start = sep + 1;
  }
  parts.push_back(m.why.substr(start));
  if (parts.size() < 4) return parts.front();
  return parts[(lang == "en" ? 2 : 0) + (member == m.b ? 1 : 0)];
}

// The language a schedule's reasons are shown in: `lang` when given, else the viewer's.
std::string ReasonLanguage(soci::session& sql, const Viewer& viewer, const std::string& lang) {
  if (!lang.empty()) return lang == "en" ? "en" : "nl";
  return viewer.member_id > 0 ? notify::MemberLanguage(sql, viewer.member_id) : "nl";
}

}  // namespace

std::string_view ToString(RequestStatus s) {
  switch (s) {
    case RequestStatus::kPending:
      return "pending";
    case RequestStatus::kAccepted:
      return "accepted";
    case RequestStatus::kDeclined:
      return "declined";
    case RequestStatus::kCancelled:
      return "cancelled";
    case RequestStatus::kExpired:
      return "expired";
  }
  return "cancelled";
}

namespace internal {

bool IsRegisteredIn(soci::session& sql, Id event_id, Id member_id) {
  long long n = 0, e = event_id, m = member_id;
  sql << "SELECT count(*) FROM registrations WHERE event_id = :e AND member_id = :m AND status = 'registered'",
      soci::use(e), soci::use(m), soci::into(n);
  return n > 0;
}

void ExpireRequests(soci::session& sql, Id event_id, UnixTime now) {
  long long e = event_id, t = now;
  sql << "UPDATE meeting_requests SET status = 'expired', updated_at = :t WHERE event_id = :e AND status = 'pending' "
         "AND expires_at <= :t2",
      soci::use(t), soci::use(e), soci::use(t);
}

// The last suggestion run per event and the fingerprint of its inputs,
// bounded: past the attendee budget the least recently used runs are dropped
// (a run keeps the best 50 per attendee with their explanations, ~25 KB per
// attendee), so a long-running server does not keep every event it ever
// showed. The run just stored always stays.
struct SuggestCache {
  struct Entry {
    std::string fingerprint;
    std::shared_ptr<const SuggestView> view;
    std::shared_ptr<const matching::SuggestResult> result;
    uint64_t used = 0;  // `clock` at the last hit or store
  };
  std::mutex mu;
  std::map<std::pair<Id, std::string>, Entry> by_event;  // (event, explanation language)
  uint64_t clock = 0;
  size_t max_attendees = kMaxCachedSuggestionAttendees;

  // Under `mu`.
  void Store(const std::pair<Id, std::string>& key, Entry e) {
    e.used = ++clock;
    by_event[key] = std::move(e);
    for (;;) {
      size_t total = 0;
      auto oldest = by_event.end();
      for (auto it = by_event.begin(); it != by_event.end(); ++it) {
        total += it->second.view->ids.size();
        if (it->first != key && (oldest == by_event.end() || it->second.used < oldest->second.used)) oldest = it;
      }
      if (total <= max_attendees || oldest == by_event.end()) return;
      by_event.erase(oldest);
    }
  }
};

namespace {

// Cheap aggregates that change whenever an input of the event's suggestions
// changes: who is registered, members' profiles and consent, open challenges,
// the ledger (ties) and the open meeting requests.
std::string SuggestFingerprint(soci::session& sql, Id event_id) {
  const std::string ev = std::to_string(event_id);
  std::string fp;
  auto add = [&](const std::string& q) {
    long long a = 0, b = 0, c = 0;
    soci::indicator ia = soci::i_ok, ib = soci::i_ok, ic = soci::i_ok;
    sql << q, soci::into(a, ia), soci::into(b, ib), soci::into(c, ic);
    fp += std::to_string(ia == soci::i_ok ? a : 0) + "," + std::to_string(ib == soci::i_ok ? b : 0) + "," +
          std::to_string(ic == soci::i_ok ? c : 0) + ";";
  };
  add("SELECT count(*), max(updated_at), sum(member_id) FROM registrations WHERE event_id = " + ev +
      " AND status = 'registered'");
  add("SELECT max(updated_at), sum(CASE WHEN consent_matchmaking = 1 THEN id ELSE 0 END), sum(CASE WHEN visibility = "
      "'members' THEN id ELSE 0 END + length(expertise_text) + length(expertise_tags) + length(languages)) FROM "
      "members");
  add("SELECT count(*), max(updated_at), sum(CASE WHEN status = 'open' THEN id ELSE 0 END + length(title) + "
      "length(text)) FROM challenges");
  add("SELECT count(*), max(id), 0 FROM interactions");
  add("SELECT count(*), sum(length(key) + length(label_nl) + length(label_en)), 0 FROM sectors");
  add("SELECT count(*), max(updated_at), sum(id) FROM meeting_requests WHERE event_id = " + ev +
      " AND status IN ('pending', 'accepted')");
  // The useful meetings the engine learns from (LoadConfirmedMeetings).
  add("SELECT count(*), max(created_at), sum(usefulness + happened + meeting_id + member_id + "
      "COALESCE(helped_challenge, -1)) FROM meeting_feedback");
  // The learned links the leader switched off (a short list): as they are.
  for (const auto& l : LoadSwitchedOff(sql)) fp += l.challenge_concept + "|" + l.expertise_concept + ";";
  return fp;
}

}  // namespace

}  // namespace internal

MeetingService::MeetingService(storage::Database& db, const Clock& clock)
    : db_(db), clock_(clock), suggest_cache_(std::make_unique<internal::SuggestCache>()) {}
MeetingService::~MeetingService() = default;

MeetingService::CachedSuggestions MeetingService::SuggestionCache() const {
  std::lock_guard<std::mutex> lock(suggest_cache_->mu);
  CachedSuggestions c;
  for (const auto& [key, e] : suggest_cache_->by_event) {
    c.runs.push_back(key);
    c.attendees += e.view->ids.size();
  }
  return c;
}

void MeetingService::LimitSuggestionCache(size_t max_attendees) {
  std::lock_guard<std::mutex> lock(suggest_cache_->mu);
  suggest_cache_->max_attendees = max_attendees;
}

Result<MeetingRequest> MeetingService::Request(const Viewer& viewer, Id event_id, Id to, const std::string& message) {
  if (!viewer.authenticated() || viewer.member_id <= 0) return Unauthenticated("sign in first");
  if (to <= 0) return InvalidArgument("must be a positive member id", "to").WithReason("meeting.pick_member");
  if (to == viewer.member_id)
    return InvalidArgument("you cannot request a meeting with yourself", "to").WithReason("meeting.self");
  VB_RETURN_IF_ERROR(domain::CheckText("message", message, 0, 500, true));
  return WithSession<MeetingRequest>(db_, [&](soci::session& sql) -> Result<MeetingRequest> {
    storage::Transaction tr(sql);
    internal::LockEvent(sql, event_id);
    VB_ASSIGN_OR_RETURN(auto info, internal::LoadEvent(sql, event_id));
    const UnixTime now = clock_.Now();
    if (now >= info.event.ends_at) return Conflict("the event has ended", "event_id").WithReason("event.ended");
    internal::ExpireRequests(sql, event_id, now);
    if (!internal::IsRegisteredIn(sql, event_id, viewer.member_id))
      return Conflict("you are not registered for this event", "event_id").WithReason("event.not_registered");
    long long n = domain::CountOf(
        sql, "SELECT count(*) FROM members m WHERE m.id = " + std::to_string(to) + " AND " + viewer.VisibleSql("m"),
        {});
    if (!n) return NotFound("no member with id " + std::to_string(to), "to").WithReason("meeting.member_not_found");
    if (!internal::IsRegisteredIn(sql, event_id, to))
      return Conflict(internal::MemberName(sql, to) + " is not attending this event", "to")
          .WithReason("meeting.not_attending", {{"name", internal::NameParam(sql, viewer, to)}});
    const std::string me = std::to_string(viewer.member_id), other = std::to_string(to), ev = std::to_string(event_id);
    auto mine = QueryRequests(sql, "WHERE q.event_id = " + ev + " AND q.from_member = " + me +
                                       " AND q.to_member = " + other + " AND q.status IN ('pending', 'accepted')");
    if (!mine.empty())
      return Conflict(
                 "you already asked " + mine.front().to_name + " (" + std::string(ToString(mine.front().status)) + ")",
                 "to")
          .WithReason(
              mine.front().status == RequestStatus::kAccepted ? "meeting.already_agreed" : "meeting.already_asked",
              {{"name", internal::NameParam(sql, viewer, to)}});
    // They asked me already: interest is mutual, so accept theirs.
    auto theirs = QueryRequests(sql, "WHERE q.event_id = " + ev + " AND q.from_member = " + other +
                                         " AND q.to_member = " + me + " AND q.status IN ('pending', 'accepted')");
    long long t = now;
    if (!theirs.empty()) {
      MeetingRequest r = theirs.front();
      if (r.status == RequestStatus::kPending) {
        // Both asked: the badge "you both asked" is true (both_asked, 0017).
        long long rid = r.id;
        sql << "UPDATE meeting_requests SET status = 'accepted', both_asked = 1, updated_at = :t WHERE id = :id",
            soci::use(t), soci::use(rid);
        notify::Notify(sql, to, "meeting_accepted",
                       {r.to_name + " wants to meet you too: your request is accepted.",
                        r.to_name + " wil jou ook spreken: je verzoek is geaccepteerd."},
                       "meeting_request:" + std::to_string(r.id), now, r.to);
        r.status = RequestStatus::kAccepted;
        r.updated_at = now;
        r.mutual = true;
      }
      // Theirs was accepted already: I answered it before, so this is no second ask.
      tr.commit();
      std::vector<MeetingRequest> out{r};
      Project(sql, viewer, out);
      return out.front();
    }
    long long exp = std::min<long long>(now + info.request_ttl, info.event.ends_at), e = event_id,
              from = viewer.member_id, tom = to;
    sql << "INSERT INTO meeting_requests (event_id, from_member, to_member, message, status, expires_at, created_at, "
           "updated_at) VALUES (:e, :f, :t, :m, 'pending', :x, :c, :u)",
        soci::use(e), soci::use(from), soci::use(tom), soci::use(message), soci::use(exp), soci::use(t), soci::use(t);
    auto rows = QueryRequests(sql, "WHERE q.event_id = " + ev + " AND q.from_member = " + me +
                                       " AND q.to_member = " + other + " AND q.status = 'pending'");
    if (rows.empty()) return Internal("request vanished");
    notify::Notify(sql, to, "meeting_request",
                   {rows.front().from_name + " would like to meet you at " + info.event.title,
                    rows.front().from_name + " wil je graag spreken op " + info.event.title},
                   "meeting_request:" + std::to_string(rows.front().id), now, viewer.member_id);
    tr.commit();
    return rows.front();
  });
}

namespace {
// The Dutch of an answered or cancelled meeting request's notification.
std::string MeetingAnswerNl(const std::string& kind, const std::string& name) {
  if (kind == "meeting_accepted") return name + " heeft je afspraakverzoek geaccepteerd.";
  if (kind == "meeting_declined") return name + " heeft je afspraakverzoek afgewezen.";
  return name + " heeft de afspraak afgezegd.";
}
}  // namespace

Result<MeetingRequest> MeetingService::Respond(const Viewer& viewer, Id request_id, RequestAction action) {
  if (!viewer.authenticated()) return Unauthenticated("sign in first");
  return WithSession<MeetingRequest>(db_, [&](soci::session& sql) -> Result<MeetingRequest> {
    auto rows = QueryRequests(sql, "WHERE q.id = " + std::to_string(request_id));
    if (rows.empty() || (rows[0].from != viewer.member_id && rows[0].to != viewer.member_id))
      return NotFound("no meeting request with id " + std::to_string(request_id), "id")
          .WithReason("meeting.request_not_found");
    storage::Transaction tr(sql);
    internal::LockEvent(sql, rows[0].event_id);  // first write, then re-read under the lock
    const UnixTime now = clock_.Now();
    internal::ExpireRequests(sql, rows[0].event_id, now);
    MeetingRequest r = QueryRequests(sql, "WHERE q.id = " + std::to_string(request_id)).front();
    std::string to_status;
    Id tell = 0;
    std::string kind, text;
    if (action == RequestAction::kAccept || action == RequestAction::kDecline) {
      if (r.to != viewer.member_id)
        return PermissionDenied("only " + r.to_name + " can answer this request")
            .WithReason("meeting.only_recipient_answers", {{"name", internal::NameParam(sql, viewer, r.to)}});
      if (r.status == RequestStatus::kExpired)
        return Conflict("the request expired without an answer", "status").WithReason("meeting.request_expired");
      if (r.status != RequestStatus::kPending)
        return Conflict("the request is " + std::string(ToString(r.status)) + ", not pending", "status")
            .WithReason("meeting.request_answered", {{"status", std::string(ToString(r.status))}});
      if (action == RequestAction::kAccept && !internal::IsRegisteredIn(sql, r.event_id, r.from))
        return Conflict(r.from_name + " is no longer attending", "status")
            .WithReason("meeting.no_longer_attending", {{"name", internal::NameParam(sql, viewer, r.from)}});
      to_status = action == RequestAction::kAccept ? "accepted" : "declined";
      tell = r.from;
      kind = action == RequestAction::kAccept ? "meeting_accepted" : "meeting_declined";
      text = r.to_name + (action == RequestAction::kAccept ? " accepted" : " declined") + " your meeting request.";
    } else {
      const bool sender_pending = r.status == RequestStatus::kPending && r.from == viewer.member_id;
      if (!sender_pending && r.status != RequestStatus::kAccepted)
        return Conflict(r.status == RequestStatus::kPending ? "only the sender can withdraw a pending request"
                                                            : "the request is " + std::string(ToString(r.status)),
                        "status")
            .WithReason(
                r.status == RequestStatus::kPending ? "meeting.only_sender_withdraws" : "meeting.request_closed",
                {{"status", std::string(ToString(r.status))}});
      to_status = "cancelled";
      tell = viewer.member_id == r.from ? r.to : r.from;
      kind = "meeting_cancelled";
      text = (viewer.member_id == r.from ? r.from_name : r.to_name) + " cancelled the meeting.";
    }
    long long t = now, id = r.id;
    soci::statement st = (sql.prepare << "UPDATE meeting_requests SET status = :s, updated_at = :t WHERE id = :id",
                          soci::use(to_status), soci::use(t), soci::use(id));
    st.execute(true);
    std::string nl =
        MeetingAnswerNl(kind, kind == "meeting_cancelled" && viewer.member_id == r.from ? r.from_name : r.to_name);
    if (to_status == "cancelled") {
      // Its scheduled meeting goes too (the invite turns into METHOD:CANCEL by
      // the revision); the other's time slot is free again (issue #16).
      soci::statement cm = (sql.prepare << "UPDATE meetings SET status = 'cancelled', revision = revision + 1, "
                                           "updated_at = :t WHERE request_id = :id AND status = 'scheduled'",
                            soci::use(t), soci::use(id));
      cm.execute(true);
      if (cm.get_affected_rows() > 0) {
        text += " The time slot is free again.";
        nl += " Het tijdslot is weer vrij.";
      }
    }
    notify::Notify(sql, tell, kind, {text, nl}, "meeting_request:" + std::to_string(r.id), now, viewer.member_id);
    std::vector<MeetingRequest> out = QueryRequests(sql, "WHERE q.id = " + std::to_string(request_id));
    tr.commit();
    Project(sql, viewer, out);
    return out.front();
  });
}

Result<std::vector<MeetingRequest>> MeetingService::Requests(const Viewer& viewer, Id event_id) {
  if (!viewer.authenticated()) return Unauthenticated("sign in first");
  return WithSession<std::vector<MeetingRequest>>(db_, [&](soci::session& sql) -> Result<std::vector<MeetingRequest>> {
    VB_ASSIGN_OR_RETURN(auto info, internal::LoadEvent(sql, event_id));
    (void)info;
    internal::ExpireRequests(sql, event_id, clock_.Now());
    const std::string me = std::to_string(viewer.member_id);
    auto rows = QueryRequests(sql, "WHERE q.event_id = " + std::to_string(event_id) + " AND (q.from_member = " + me +
                                       " OR q.to_member = " + me + ") ORDER BY q.updated_at DESC, q.id DESC");
    std::set<std::pair<Id, Id>> asked;
    for (const auto& r : rows)
      if (r.status == RequestStatus::kPending || r.status == RequestStatus::kAccepted) asked.insert({r.from, r.to});
    // Mutual only when both asked (issue #17: an accepted request is not 'you both
    // asked'): the second ask that accepted the first (both_asked), or two live rows.
    for (auto& r : rows) r.mutual = r.mutual || asked.count({r.to, r.from}) > 0;
    Project(sql, viewer, rows);
    return rows;
  });
}

Result<std::vector<SharedEvent>> MeetingService::SharedEvents(const Viewer& viewer, Id other) {
  if (!viewer.authenticated() || viewer.member_id <= 0) return Unauthenticated("sign in first");
  if (other <= 0) return InvalidArgument("must be a positive member id", "id");
  if (other == viewer.member_id)
    return InvalidArgument("events you share with yourself are your own events", "id").WithReason("meeting.self");
  return WithSession<std::vector<SharedEvent>>(db_, [&](soci::session& sql) -> Result<std::vector<SharedEvent>> {
    const std::string me = std::to_string(viewer.member_id), them = std::to_string(other);
    if (!domain::CountOf(sql, "SELECT count(*) FROM members m WHERE m.id = " + them + " AND " + viewer.VisibleSql("m"),
                         {}))
      return NotFound("no member with id " + them, "id");
    long long now = clock_.Now();
    std::vector<SharedEvent> out;
    {
      long long id = 0, starts = 0, ends = 0;
      std::string title, location;
      const std::string q =
          "SELECT e.id, e.title, e.starts_at, e.ends_at, e.location FROM events e JOIN registrations a ON "
          "a.event_id = e.id AND a.status = 'registered' AND a.member_id = " +
          me + " JOIN registrations b ON b.event_id = e.id AND b.status = 'registered' AND b.member_id = " + them +
          " WHERE e.ends_at > :now ORDER BY e.starts_at, e.id LIMIT 20";
      soci::statement st = (sql.prepare << q, soci::use(now), soci::into(id), soci::into(title), soci::into(starts),
                            soci::into(ends), soci::into(location));
      st.execute();
      while (st.fetch()) out.push_back({id, title, starts, ends, location, std::nullopt});
    }
    if (out.empty()) return out;
    // The live request between the two at each (an expired one is no longer asked).
    std::string ids;
    for (const auto& e : out) ids += (ids.empty() ? "" : ",") + std::to_string(e.event_id);
    auto rows = LiveRequests(sql, ids, viewer.member_id, them, now);
    Project(sql, viewer, rows);
    for (auto& e : out)
      for (const auto& r : rows)
        if (r.event_id == e.event_id && !e.request) e.request = r;
    return out;
  });
}

Result<std::vector<FellowAttendee>> MeetingService::AttendeesAmong(const Viewer& viewer, Id event_id,
                                                                   const std::vector<Id>& members) {
  if (!viewer.authenticated() || viewer.member_id <= 0) return Unauthenticated("sign in first");
  return WithSession<std::vector<FellowAttendee>>(db_, [&](soci::session& sql) -> Result<std::vector<FellowAttendee>> {
    VB_ASSIGN_OR_RETURN(auto info, internal::LoadEvent(sql, event_id, false));
    (void)info;
    if (!internal::IsRegisteredIn(sql, event_id, viewer.member_id))
      return PermissionDenied("only registered attendees see who else comes").WithReason("event.attendees_only");
    std::vector<FellowAttendee> out;
    if (members.empty()) return out;
    std::string ids;
    for (Id m : members)
      if (m > 0 && m != viewer.member_id) ids += (ids.empty() ? "" : ",") + std::to_string(m);
    if (ids.empty()) return out;
    const std::string ev = std::to_string(event_id);
    {
      long long id = 0;
      std::string name;
      const std::string q =
          "SELECT m.id, m.name FROM registrations r JOIN members m ON m.id = r.member_id WHERE "
          "r.event_id = " +
          ev + " AND r.status = 'registered' AND m.id IN (" + ids + ") AND " + viewer.VisibleSql("m") +
          " ORDER BY m.id";
      soci::statement st = (sql.prepare << q, soci::into(id), soci::into(name));
      st.execute();
      while (st.fetch()) out.push_back({id, name, std::nullopt});
    }
    if (out.empty()) return out;
    // In the caller's order (e.g. the strongest tie first).
    std::unordered_map<Id, size_t> rank;
    for (size_t i = 0; i < members.size(); ++i) rank.emplace(members[i], i);
    std::stable_sort(out.begin(), out.end(), [&](const FellowAttendee& x, const FellowAttendee& y) {
      return rank.at(x.member_id) < rank.at(y.member_id);
    });
    auto rows = LiveRequests(sql, ev, viewer.member_id, ids, clock_.Now());
    Project(sql, viewer, rows);
    for (auto& a : out)
      for (const auto& r : rows)
        if ((r.from == a.member_id || r.to == a.member_id) && !a.request) a.request = r;
    return out;
  });
}

std::vector<AttendeeSuggestion> EventSuggestions::For(Id member_id, int top_k) const {
  std::vector<AttendeeSuggestion> out;
  auto it = view_->index.find(member_id);
  if (it == view_->index.end()) return out;  // hidden profile or no consent: not a candidate, no list
  for (const auto& s : result_->suggestions[it->second]) {
    if (static_cast<int>(out.size()) >= top_k) break;
    const auto& a = view_->input.attendees[s.other];
    out.push_back({view_->ids[s.other], view_->names[s.other], a.sector, a.organization, s.score, s.explanation});
  }
  return out;
}

Result<std::shared_ptr<const EventSuggestions>> MeetingService::SuggestionsOfEvent(Id event_id,
                                                                                   const std::string& lang) {
  return LoadRun(event_id, lang, 0);
}

Result<std::shared_ptr<const EventSuggestions>> MeetingService::LoadRun(Id event_id, const std::string& lang,
                                                                        Id attendee) {
  if (!lang.empty() && lang != "nl" && lang != "en") return InvalidArgument("must be nl or en", "lang");
  constexpr int kCachedTopK = 50;  // the largest limit; smaller ones take a prefix
  struct Loaded {
    std::string fingerprint;
    std::shared_ptr<const internal::SuggestView> view;
    std::shared_ptr<const matching::SuggestResult> result;
  };
  auto loaded = WithSession<Loaded>(db_, [&](soci::session& sql) -> Result<Loaded> {
    VB_ASSIGN_OR_RETURN(auto info, internal::LoadEvent(sql, event_id, false));
    (void)info;
    if (attendee != 0 && !internal::IsRegisteredIn(sql, event_id, attendee))
      return PermissionDenied("only registered attendees see whom to meet")
          .WithReason("meeting.suggestions_attendees_only");
    Loaded l;
    l.fingerprint = internal::SuggestFingerprint(sql, event_id);
    {
      std::lock_guard<std::mutex> lock(suggest_cache_->mu);
      auto it = suggest_cache_->by_event.find({event_id, lang});
      if (it != suggest_cache_->by_event.end() && it->second.fingerprint == l.fingerprint) {
        it->second.used = ++suggest_cache_->clock;
        l.view = it->second.view;
        l.result = it->second.result;
        return l;
      }
    }
    l.view = std::make_shared<const internal::SuggestView>(internal::LoadSuggestView(sql, event_id, false));
    return l;
  });
  if (!loaded) return loaded.status();
  if (!loaded->result) {
    VB_ASSIGN_OR_RETURN(
        auto computed,
        matching::Suggest(loaded->view->input, matching::SuggestOptions{.top_k = kCachedTopK, .language = lang}));
    loaded->result = std::make_shared<const matching::SuggestResult>(std::move(computed));
    std::lock_guard<std::mutex> lock(suggest_cache_->mu);
    suggest_cache_->Store({event_id, lang}, {loaded->fingerprint, loaded->view, loaded->result});
  }
  auto all = std::make_shared<EventSuggestions>();
  all->view_ = std::move(loaded->view);
  all->result_ = std::move(loaded->result);
  return std::shared_ptr<const EventSuggestions>(std::move(all));
}

Result<std::vector<AttendeeSuggestion>> MeetingService::Suggestions(const Viewer& viewer, Id event_id, int top_k,
                                                                    const std::string& lang) {
  if (!viewer.authenticated()) return Unauthenticated("sign in first");
  if (top_k < 1 || top_k > 50) return InvalidArgument("must be between 1 and 50", "limit");
  VB_ASSIGN_OR_RETURN(auto all, LoadRun(event_id, lang, viewer.member_id));
  std::vector<AttendeeSuggestion> out = all->For(viewer.member_id, top_k);
  if (out.empty()) return out;
  // The one projection (domain/member_ref.h). The engine's candidates show
  // their profile to all members, so today it removes no one; it keeps that
  // so should the candidate rule ever change.
  return WithSession<std::vector<AttendeeSuggestion>>(
      db_, [&](soci::session& sql) -> Result<std::vector<AttendeeSuggestion>> {
        std::vector<domain::RefSlot> slots;
        slots.reserve(out.size());
        for (auto& s : out) slots.push_back({&s.member_id, &s.name});
        domain::ProjectRefs(sql, viewer, slots);
        std::erase_if(out, [](const AttendeeSuggestion& s) { return s.member_id == 0; });
        return out;
      });
}

Result<std::vector<ScheduledMeeting>> MeetingService::MySchedule(const Viewer& viewer, Id event_id,
                                                                 const std::string& lang) {
  if (!viewer.authenticated()) return Unauthenticated("sign in first");
  return WithSession<std::vector<ScheduledMeeting>>(
      db_, [&](soci::session& sql) -> Result<std::vector<ScheduledMeeting>> {
        VB_ASSIGN_OR_RETURN(auto info, internal::LoadEvent(sql, event_id));
        (void)info;
        const std::string me = std::to_string(viewer.member_id);
        auto rows =
            QueryMeetings(sql, "JOIN rounds r ON r.id = mt.round_id WHERE r.event_id = " + std::to_string(event_id) +
                                   " AND mt.status = 'scheduled' AND (mt.a = " + me + " OR mt.b = " + me +
                                   ") ORDER BY rs.starts_at, mt.id");
        const std::string l = ReasonLanguage(sql, viewer, lang);
        for (auto& m : rows) m.why = ReasonFor(m, viewer.member_id, l);
        Project(sql, viewer, rows, l);
        return rows;
      });
}

Result<std::vector<PersonSchedule>> MeetingService::AllSchedules(const Viewer& viewer, Id event_id,
                                                                 const std::string& lang) {
  if (!viewer.authenticated()) return Unauthenticated("sign in first");
  return WithSession<std::vector<PersonSchedule>>(db_, [&](soci::session& sql) -> Result<std::vector<PersonSchedule>> {
    VB_ASSIGN_OR_RETURN(auto info, internal::LoadEvent(sql, event_id));
    if (!EventService(db_, clock_).CanManage(viewer, info))
      return PermissionDenied("only the event's organizers print every schedule").WithReason("event.organizers_only");
    auto rows =
        QueryMeetings(sql, "JOIN rounds r ON r.id = mt.round_id WHERE r.event_id = " + std::to_string(event_id) +
                               " AND mt.status = 'scheduled' ORDER BY rs.starts_at, mt.table_no, mt.id");
    // Members hidden from the viewer get no sheet and no name on others' sheets.
    std::set<Id> visible;
    {
      long long id = 0;
      soci::statement st =
          (sql.prepare << "SELECT m.id FROM members m JOIN registrations r ON r.member_id = m.id WHERE "
                          "r.event_id = " +
                              std::to_string(event_id) + " AND " + viewer.VisibleSql("m"),
           soci::into(id));
      st.execute();
      while (st.fetch()) visible.insert(id);
    }
    const std::string l = ReasonLanguage(sql, viewer, lang);
    std::map<Id, PersonSchedule> by_member;
    for (const auto& m : rows) {
      for (auto [who, name] : {std::pair<Id, const std::string*>{m.a, &m.a_name}, {m.b, &m.b_name}}) {
        if (!visible.count(who)) continue;  // no sheet; Project() below removes them from others' sheets
        auto& p = by_member[who];
        p.member_id = who;
        p.name = *name;
        ScheduledMeeting copy = m;
        copy.why = ReasonFor(m, who, l);
        p.meetings.push_back(std::move(copy));
      }
    }
    std::vector<PersonSchedule> out;
    for (auto& [id, p] : by_member) {
      Project(sql, viewer, p.meetings, l);
      out.push_back(std::move(p));
    }
    std::sort(out.begin(), out.end(), [](const PersonSchedule& x, const PersonSchedule& y) {
      return x.name != y.name ? x.name < y.name : x.member_id < y.member_id;
    });
    return out;
  });
}

Result<std::vector<ScheduledMeeting>> MeetingService::RoundMeetings(const Viewer& viewer, Id round_id,
                                                                    const std::string& lang) {
  if (!viewer.authenticated()) return Unauthenticated("sign in first");
  return WithSession<std::vector<ScheduledMeeting>>(
      db_, [&](soci::session& sql) -> Result<std::vector<ScheduledMeeting>> {
        VB_ASSIGN_OR_RETURN(auto round, internal::LoadRound(sql, round_id));
        VB_ASSIGN_OR_RETURN(auto info, internal::LoadEvent(sql, round.event_id));
        EventService events(db_, clock_);
        if (!events.CanManage(viewer, info))
          return PermissionDenied("only the event's organizers see all meetings").WithReason("event.organizers_only");
        auto rows = QueryMeetings(
            sql, "WHERE mt.round_id = " + std::to_string(round_id) + " ORDER BY rs.starts_at, mt.table_no, mt.id");
        const std::string l = ReasonLanguage(sql, viewer, lang);
        for (auto& m : rows) m.why = ReasonFor(m, m.a, l);
        Project(sql, viewer, rows, l);
        return rows;
      });
}

Status MeetingService::Feedback(const Viewer& viewer, Id meeting_id, bool happened, int usefulness,
                                const std::string& note, std::optional<Id> helped_challenge) {
  if (!viewer.authenticated()) return Unauthenticated("sign in first");
  if (usefulness < 0 || usefulness > 5)
    return InvalidArgument("must be between 1 and 5 (or 0 for no rating)", "usefulness")
        .WithReason("meeting.usefulness_range");
  if (!happened && usefulness > 0)
    return InvalidArgument("rate only a meeting that happened", "usefulness").WithReason("meeting.rate_only_held");
  VB_RETURN_IF_ERROR(domain::CheckText("note", note, 0, 1000, true));
  if (helped_challenge && !happened)
    return InvalidArgument("say which challenge it helped with only for a meeting that happened", "challenge_id")
        .WithReason("meeting.helped_only_held");
  auto not_yours = [] {
    return InvalidArgument("must be one of your challenges, or 0 for none of them", "challenge_id")
        .WithReason("meeting.helped_not_yours");
  };
  if (helped_challenge && *helped_challenge < 0) return not_yours();
  auto r = WithSession<bool>(db_, [&](soci::session& sql) -> Result<bool> {
    auto first = QueryMeetings(sql, "WHERE mt.id = " + std::to_string(meeting_id));
    if (first.empty() || (first[0].a != viewer.member_id && first[0].b != viewer.member_id))
      return NotFound("no meeting with id " + std::to_string(meeting_id), "id").WithReason("meeting.not_found");
    if (helped_challenge && *helped_challenge > 0) {
      long long c = *helped_challenge, me = viewer.member_id, n = 0;
      sql << "SELECT count(*) FROM challenges WHERE id = :c AND member_id = :me", soci::use(c), soci::use(me),
          soci::into(n);
      if (n == 0) return not_yours();
    }
    VB_ASSIGN_OR_RETURN(Id event_id, internal::EventOfRound(sql, first[0].round_id));
    storage::Transaction tr(sql);
    internal::LockEvent(sql, event_id);
    auto rows = QueryMeetings(sql, "WHERE mt.id = " + std::to_string(meeting_id));
    const auto& m = rows[0];
    if (m.status != "scheduled")
      return Conflict("the meeting was " + m.status, "status").WithReason("meeting.cancelled");
    const UnixTime now = clock_.Now();
    if (m.starts_at == 0 || now < m.starts_at)
      return Conflict("the meeting has not started yet", "happened").WithReason("meeting.not_started");
    long long mid = meeting_id, me = viewer.member_id, t = now;
    int h = happened ? 1 : 0;
    sql << "DELETE FROM meeting_feedback WHERE meeting_id = :m AND member_id = :me", soci::use(mid), soci::use(me);
    long long helped = helped_challenge.value_or(0);
    soci::indicator helped_ind = helped_challenge ? soci::i_ok : soci::i_null;
    sql << "INSERT INTO meeting_feedback (meeting_id, member_id, happened, usefulness, note, created_at, "
           "helped_challenge) VALUES (:m, :me, :h, :u, :n, :t, :c)",
        soci::use(mid), soci::use(me), soci::use(h), soci::use(usefulness), soci::use(note), soci::use(t),
        soci::use(helped, helped_ind);
    if (happened) {
      soci::statement st =
          (sql.prepare << "UPDATE meetings SET held_recorded = 1 WHERE id = :m AND held_recorded = 0", soci::use(mid));
      st.execute(true);
      if (st.get_affected_rows() == 1) {
        long long ev = 0, rid = m.round_id;
        sql << "SELECT event_id FROM rounds WHERE id = :r", soci::use(rid), soci::into(ev);
        model::Interaction in{
            0, m.a, m.b, model::InteractionKind::kMeetingHeld, now, "meeting:" + std::to_string(meeting_id), ev};
        domain::AppendInteraction(sql, in);
      }
    }
    tr.commit();
    return true;
  });
  return r.ok() ? Status::Ok() : r.status();
}

Result<std::string> MeetingService::MeetingInvite(const Viewer& viewer, Id meeting_id) {
  if (!viewer.authenticated()) return Unauthenticated("sign in first");
  return WithSession<std::string>(db_, [&](soci::session& sql) -> Result<std::string> {
    auto rows = QueryMeetings(sql, "WHERE mt.id = " + std::to_string(meeting_id));
    if (rows.empty() || (rows[0].a != viewer.member_id && rows[0].b != viewer.member_id))
      return NotFound("no meeting with id " + std::to_string(meeting_id), "id").WithReason("meeting.not_found");
    const auto& m = rows[0];
    VB_ASSIGN_OR_RETURN(auto round, internal::LoadRound(sql, m.round_id));
    VB_ASSIGN_OR_RETURN(auto info, internal::LoadEvent(sql, round.event_id));
    int rev = 0;
    long long mid = m.id;
    sql << "SELECT revision FROM meetings WHERE id = :m", soci::use(mid), soci::into(rev);
    // Issue #15: the partner's address never, their name only if the viewer may see them.
    internal::CalendarReader reader(sql, viewer);
    CalEntry e;
    e.uid = "meeting-" + std::to_string(m.id) + "@verbinder";
    e.sequence = rev + info.revision;  // the meeting's changes and the event's (its place, its zone)
    const Id other = viewer.member_id == m.a ? m.b : m.a;
    e.summary = reader.T("1:1 met ", "1:1 with ") + reader.NameOf(other) + " (" + info.event.title + ")";
    e.description =
        reader.Redact(ReasonFor(m, viewer.member_id, reader.T("nl", "en")), other);  // reasons name the requester
    e.location = info.event.location + (info.event.location.empty() ? "" : ", ") + reader.T("tafel ", "table ") +
                 std::to_string(m.table);
    e.starts_at = m.starts_at;
    e.ends_at = m.ends_at;
    e.timezone = info.event.timezone;
    e.organizer = reader.Organizer(info.organizers.empty() ? 0 : info.organizers.front());
    // A party no longer registered (cancelled their registration) declined the meeting.
    auto partstat = [&](Id who) {
      return internal::IsRegisteredIn(sql, info.event.id, who) ? CalPartStat::kAccepted : CalPartStat::kDeclined;
    };
    e.attendees = {reader.Attendee(m.a, e.uid, "a", partstat(m.a)), reader.Attendee(m.b, e.uid, "b", partstat(m.b))};
    const bool cancelled = m.status != "scheduled" || m.starts_at == 0;
    if (m.starts_at == 0) {
      e.starts_at = info.event.starts_at;
      e.ends_at = info.event.starts_at + 900;
    }
    return BuildCalendar(cancelled ? CalMethod::kCancel : CalMethod::kRequest, {e}, clock_.Now());
  });
}

}  // namespace verbinder::events
