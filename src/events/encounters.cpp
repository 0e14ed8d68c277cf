#include "events/encounters.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <thread>

#include <soci/soci.h>
#include <spdlog/spdlog.h>

#include "domain/accounts.h"
#include "domain/db_util.h"
#include "domain/member_ref.h"
#include "domain/network.h"
#include "domain/validation.h"
#include "events/events.h"
#include "events/meetings.h"
#include "notify/notifications.h"
#include "util/strings.h"
#include "storage/transaction.h"

namespace verbinder::events {
namespace {

using domain::Viewer;
using domain::WithSession;

// Crockford-like alphabet without 0/O, 1/I/L, U: easy to read aloud and type.
constexpr std::string_view kCodeAlphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr size_t kCodeLength = 8;

std::string NewConnectCode() {
  std::string hex = domain::RandomToken();  // random hex, at least 32 characters
  std::string code;
  for (size_t i = 0; code.size() < kCodeLength && i + 1 < hex.size(); i += 2) {
    int byte = std::stoi(hex.substr(i, 2), nullptr, 16);
    code.push_back(kCodeAlphabet[static_cast<size_t>(byte) % kCodeAlphabet.size()]);
  }
  return code;
}

// Accepts "K7M2-Q9XP", "k7m2 q9xp" and the QR code's URL ".../connect/K7M2Q9XP".
std::optional<std::string> NormalizeConnectCode(const std::string& raw) {
  std::string s = Trim(raw);
  if (auto slash = s.find_last_of('/'); slash != std::string::npos) s = s.substr(slash + 1);
  if (auto q = s.find_first_of("?#"); q != std::string::npos) s = s.substr(0, q);
  std::string out;
  for (char c : s) {
    if (c == '-' || c == ' ') continue;
    char u = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (kCodeAlphabet.find(u) == std::string_view::npos) return std::nullopt;
    out.push_back(u);
  }
  if (out.size() != kCodeLength) return std::nullopt;
  return out;
}

std::optional<EncounterStatus> ParseStatus(const std::string& s) {
  for (auto st : {EncounterStatus::kPending, EncounterStatus::kConfirmed, EncounterStatus::kDeclined,
                  EncounterStatus::kWithdrawn, EncounterStatus::kExpired})
    if (ToString(st) == s) return st;
  return std::nullopt;
}

// `id` as `viewer` may see them; member_id 0 and no name when hidden from them.
PersonRef Person(soci::session& sql, const Viewer& viewer, Id id) {
  PersonRef p;
  long long mid = id;
  std::string name, org, sector;
  int hosts = 0;
  soci::indicator org_ind = soci::i_null, sector_ind = soci::i_null;
  sql << "SELECT m.name, o.name, m.sector, m.hosts_visits FROM members m LEFT JOIN organizations o ON o.id = "
         "m.organization_id WHERE m.id = :id AND " +
             viewer.VisibleSql("m"),
      soci::use(mid), soci::into(name), soci::into(org, org_ind), soci::into(sector, sector_ind), soci::into(hosts);
  if (!sql.got_data()) return p;
  p.member_id = id;
  p.name = name;
  if (org_ind == soci::i_ok) p.organization = org;
  if (sector_ind == soci::i_ok) p.sector = sector;
  p.hosts_visits = hosts != 0;
  return p;
}

struct Row {
  Id id = 0, event_id = 0, claimant = 0, other = 0;
  std::string title, via, status;
  UnixTime created_at = 0, expires_at = 0, resolved_at = 0;
};

const char* kRowColumns =
    "SELECT e.id, e.event_id, ev.title, e.claimant, e.other, e.via, e.status, e.created_at, e.expires_at, "
    "e.resolved_at FROM encounters e JOIN events ev ON ev.id = e.event_id ";

std::vector<Row> QueryRows(soci::session& sql, const std::string& where_order) {
  std::vector<Row> out;
  Row r;
  long long id = 0, ev = 0, cl = 0, ot = 0, c = 0, x = 0, rs = 0;
  soci::statement st = (sql.prepare << std::string(kRowColumns) + where_order, soci::into(id), soci::into(ev),
                        soci::into(r.title), soci::into(cl), soci::into(ot), soci::into(r.via), soci::into(r.status),
                        soci::into(c), soci::into(x), soci::into(rs));
  st.execute();
  while (st.fetch()) {
    r.id = id;
    r.event_id = ev;
    r.claimant = cl;
    r.other = ot;
    r.created_at = c;
    r.expires_at = x;
    r.resolved_at = rs;
    out.push_back(r);
  }
  return out;
}

std::optional<Row> LoadRow(soci::session& sql, Id id) {
  auto rows = QueryRows(sql, "WHERE e.id = " + std::to_string(id));
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

EncounterStatus StatusOf(const Row& r, UnixTime now) {
  auto s = ParseStatus(r.status).value_or(EncounterStatus::kWithdrawn);
  if (s == EncounterStatus::kPending && r.expires_at <= now) return EncounterStatus::kExpired;
  return s;
}

Encounter View(soci::session& sql, const Viewer& viewer, const Row& r, UnixTime now) {
  Encounter e;
  e.id = r.id;
  e.event_id = r.event_id;
  e.event_title = r.title;
  e.mine = r.claimant == viewer.member_id;
  e.other = Person(sql, viewer, e.mine ? r.other : r.claimant);
  e.via = r.via;
  e.status = StatusOf(r, now);
  e.created_at = r.created_at;
  e.expires_at = r.expires_at;
  e.resolved_at = r.resolved_at;
  return e;
}

bool IsRegistered(soci::session& sql, Id event_id, Id member_id) {
  long long e = event_id, m = member_id, n = 0;
  sql << "SELECT count(*) FROM registrations WHERE event_id = :e AND member_id = :m AND status = 'registered'",
      soci::use(e), soci::use(m), soci::into(n);
  return n > 0;
}

bool MetAtEvent(soci::session& sql, Id event_id, Id x, Id y) {
  long long a = std::min(x, y), b = std::max(x, y), e = event_id, n = 0;
  sql << "SELECT count(*) FROM interactions WHERE a = :a AND b = :b AND kind = 'met_at_event' AND event_id = :e",
      soci::use(a), soci::use(b), soci::use(e), soci::into(n);
  return n > 0;
}

// The time a tie made real at an event is dated: now while it runs, else its end.
UnixTime EvidenceTime(const EventInfo& info, UnixTime now) {
  return info.event.ends_at > 0 ? std::min(now, info.event.ends_at) : now;
}

// Both members get a next step: "kom eens kijken?" when the other hosts visits,
// else "plan een vervolg". Names only where the reader may see the other.
void NotifyTieReal(soci::session& sql, const EventInfo& info, Id x, Id y, UnixTime now) {
  for (auto [me, them] : {std::pair{x, y}, std::pair{y, x}}) {
    PersonRef p = Person(sql, domain::ViewerOfMember(sql, me), them);
    const std::string& ev = info.event.title;
    if (p.member_id == 0) {
      notify::Notify(sql, me, "tie_real",
                     {"You and a member met at " + ev + ": your tie is real.",
                      "Jij en een lid spraken elkaar op " + ev + ": jullie verbinding is echt."},
                     "event:" + std::to_string(info.event.id), now);
    } else if (p.hosts_visits) {
      notify::Notify(sql, me, "tie_real",
                     {"You and " + p.name + " met at " + ev + ". Would you like to come and have a look at " + p.name +
                          "'s workplace?",
                      "Jij en " + p.name + " spraken elkaar op " + ev + ". Kom eens kijken bij " + p.name + "?"},
                     "visit_new:" + std::to_string(them), now, them);
    } else {
      notify::Notify(sql, me, "tie_real",
                     {"You and " + p.name + " met at " + ev + ". Plan a follow-up?",
                      "Jij en " + p.name + " spraken elkaar op " + ev + ". Plan een vervolg?"},
                     "member:" + std::to_string(them), now, them);
    }
  }
}

// Makes the pair's tie at this event real (once) and marks both directions'
// pending claims confirmed. Inside the caller's transaction, event row locked.
void ConfirmPair(soci::session& sql, const EventInfo& info, Id claimant, Id other, UnixTime now) {
  long long ev = info.event.id, c = claimant, o = other, t = now;
  // Two point lookups on the (event_id, claimant, other) key: an OR of both
  // directions made SQLite scan every encounter of the event (177 us at 2,000).
  long long first = 0, x = 0, y = 0;
  soci::indicator ind = soci::i_null, ix = soci::i_null, iy = soci::i_null;
  sql << "SELECT id FROM encounters WHERE event_id = :e AND claimant = :c AND other = :o", soci::use(ev), soci::use(c),
      soci::use(o), soci::into(x, ix);
  if (!sql.got_data()) ix = soci::i_null;
  sql << "SELECT id FROM encounters WHERE event_id = :e AND claimant = :o AND other = :c", soci::use(ev), soci::use(o),
      soci::use(c), soci::into(y, iy);
  if (!sql.got_data()) iy = soci::i_null;
  if (ix == soci::i_ok || iy == soci::i_ok) {
    ind = soci::i_ok;
    first = ix == soci::i_ok && iy == soci::i_ok ? std::min(x, y) : (ix == soci::i_ok ? x : y);
  }
  for (long long id : {ix == soci::i_ok ? x : 0LL, iy == soci::i_ok ? y : 0LL})
    if (id)
      sql << "UPDATE encounters SET status = 'confirmed', resolved_at = :t WHERE id = :id AND status = 'pending'",
          soci::use(t), soci::use(id);
  if (MetAtEvent(sql, info.event.id, claimant, other)) return;
  model::Interaction in{0,
                        std::min(claimant, other),
                        std::max(claimant, other),
                        model::InteractionKind::kMetAtEvent,
                        EvidenceTime(info, now),
                        "encounter:" + std::to_string(ind == soci::i_ok ? first : 0),
                        info.event.id};
  domain::AppendInteraction(sql, in);
  NotifyTieReal(sql, info, claimant, other, now);
}

Status CheckWindow(const EventInfo& info, UnixTime now) {
  const auto& e = info.event;
  if (now < e.starts_at - kClaimOpensBeforeStart)
    return Conflict("you can say whom you spoke with from 2 hours before the event starts", "event_id")
        .WithReason("encounter.too_early", {{"hours", "2"}});
  if (now > std::max(e.ends_at, e.starts_at) + kClaimClosesAfterEnd)
    return Conflict("this event ended more than 14 days ago", "event_id")
        .WithReason("encounter.too_late", {{"days", "14"}});
  return Status::Ok();
}

}  // namespace

std::string_view ToString(EncounterStatus s) {
  switch (s) {
    case EncounterStatus::kPending:
      return "pending";
    case EncounterStatus::kConfirmed:
      return "confirmed";
    case EncounterStatus::kDeclined:
      return "declined";
    case EncounterStatus::kWithdrawn:
      return "withdrawn";
    case EncounterStatus::kExpired:
      return "expired";
  }
  return "withdrawn";
}

Result<std::string> EncounterService::ConnectCode(const Viewer& viewer) {
  if (!viewer.authenticated() || viewer.member_id <= 0) return Unauthenticated("sign in first");
  return WithSession<std::string>(db_, [&](soci::session& sql) -> Result<std::string> {
    long long me = viewer.member_id;
    std::string code;
    sql << "SELECT code FROM connect_codes WHERE member_id = :m", soci::use(me), soci::into(code);
    if (sql.got_data()) return code;
    long long t = clock_.Now();
    for (int attempt = 0; attempt < 8; ++attempt) {
      code = NewConnectCode();
      long long taken = 0;
      sql << "SELECT count(*) FROM connect_codes WHERE code = :c", soci::use(code), soci::into(taken);
      if (taken) continue;
      try {
        sql << "INSERT INTO connect_codes (member_id, code, created_at) VALUES (:m, :c, :t)", soci::use(me),
            soci::use(code), soci::use(t);
        return code;
      } catch (const std::exception&) {
        // Another request made this member's code (or took the code) meanwhile.
        std::string existing;
        sql << "SELECT code FROM connect_codes WHERE member_id = :m", soci::use(me), soci::into(existing);
        if (sql.got_data()) return existing;
      }
    }
    return Internal("could not make a connect code");
  });
}

Result<PersonRef> EncounterService::CodeOwner(const Viewer& viewer, const std::string& raw) {
  if (!viewer.authenticated() || viewer.member_id <= 0) return Unauthenticated("sign in first");
  VB_RETURN_IF_ERROR(domain::CheckText("code", raw, 1, 300));
  auto code = NormalizeConnectCode(raw);
  if (!code)
    return InvalidArgument("is not a connect code (8 letters and digits)", "code").WithReason("encounter.bad_code");
  return WithSession<PersonRef>(db_, [&](soci::session& sql) -> Result<PersonRef> {
    long long o = 0;
    sql << "SELECT member_id FROM connect_codes WHERE code = :c", soci::use(*code), soci::into(o);
    if (!sql.got_data()) return NotFound("unknown connect code", "code").WithReason("encounter.unknown_code");
    return Person(sql, viewer, o);  // member_id 0 when hidden from the viewer
  });
}

Result<Encounter> EncounterService::Claim(const Viewer& viewer, Id event_id, const ClaimInput& in) {
  if (!viewer.authenticated() || viewer.member_id <= 0) return Unauthenticated("sign in first");
  const bool by_code = !Trim(in.code).empty();
  if (by_code && in.member_id != 0)
    return InvalidArgument("give either code or member_id, not both", "member_id")
        .WithReason("encounter.code_or_member");
  if (!by_code && in.member_id == 0)
    return InvalidArgument("give the other's connect code or member_id", "code").WithReason("encounter.code_or_member");
  if (!by_code && in.member_id < 0)
    return InvalidArgument("must be a positive member id", "member_id").WithReason("encounter.pick_member");
  std::string via = in.via.empty() ? (by_code ? "code" : "list") : in.via;
  if (via != "code" && via != "list" && via != "followup")
    return InvalidArgument("must be code, list or followup", "via").WithReason("encounter.bad_via");
  std::string code;
  if (by_code) {
    VB_RETURN_IF_ERROR(domain::CheckText("code", in.code, 1, 300));
    auto c = NormalizeConnectCode(in.code);
    if (!c)
      return InvalidArgument("is not a connect code (8 letters and digits)", "code").WithReason("encounter.bad_code");
    code = *c;
  }
  const UnixTime now = clock_.Now();
  return WithSession<Encounter>(db_, [&](soci::session& sql) -> Result<Encounter> {
    storage::Transaction tr(sql);
    internal::LockEvent(sql, event_id);
    VB_ASSIGN_OR_RETURN(auto info, internal::LoadEvent(sql, event_id, /*counts=*/false));
    VB_RETURN_IF_ERROR(CheckWindow(info, now));
    const Id me = viewer.member_id;
    if (!IsRegistered(sql, event_id, me))
      return Conflict("you are not registered for this event", "event_id").WithReason("event.not_registered");
    Id other = in.member_id;
    if (by_code) {
      long long o = 0;
      sql << "SELECT member_id FROM connect_codes WHERE code = :c", soci::use(code), soci::into(o);
      if (!sql.got_data()) return NotFound("unknown connect code", "code").WithReason("encounter.unknown_code");
      other = o;
      if (other == me) return InvalidArgument("this is your own connect code", "code").WithReason("encounter.own_code");
      if (!IsRegistered(sql, event_id, other))
        return NotFound("this member is not registered for this event", "code")
            .WithReason("encounter.code_not_attending");
    } else {
      if (other == me)
        return InvalidArgument("you cannot say you spoke with yourself", "member_id").WithReason("encounter.self");
      // Picking by id: only people the viewer may see, so a hidden member's id
      // answers exactly as an unknown one.
      if (Person(sql, viewer, other).member_id == 0 || !IsRegistered(sql, event_id, other))
        return NotFound("no attendee of this event with this id", "member_id").WithReason("encounter.not_attendee");
    }
    long long ev = event_id, m = me, o = other, t = now, x = now + kClaimTtl;
    // They said it first: confirming theirs makes it mutual.
    for (const Row& r : QueryRows(sql, "WHERE e.event_id = " + std::to_string(event_id) + " AND e.claimant = " +
                                           std::to_string(other) + " AND e.other = " + std::to_string(me))) {
      if (StatusOf(r, now) == EncounterStatus::kPending) {
        ConfirmPair(sql, info, other, me, now);
        auto row = LoadRow(sql, r.id);
        tr.commit();
        return View(sql, viewer, *row, now);
      }
    }
    auto mine =
        QueryRows(sql, "WHERE e.event_id = " + std::to_string(event_id) + " AND e.claimant = " + std::to_string(me) +
                           " AND e.other = " + std::to_string(other));
    const bool already_met = MetAtEvent(sql, event_id, me, other);
    if (!mine.empty()) {
      const Row& r = mine.front();
      EncounterStatus s = StatusOf(r, now);
      if (s == EncounterStatus::kPending || s == EncounterStatus::kConfirmed) return View(sql, viewer, r, now);
      if (s == EncounterStatus::kDeclined)
        return Conflict("the other member said you did not speak at this event", by_code ? "code" : "member_id")
            .WithReason("encounter.declined_by_other");
      long long id = r.id;
      std::string status = already_met ? "confirmed" : "pending";
      long long resolved = already_met ? now : 0;
      sql << "UPDATE encounters SET status = :s, via = :v, created_at = :t, expires_at = :x, resolved_at = :r "
             "WHERE id = :id",
          soci::use(status), soci::use(via), soci::use(t), soci::use(x), soci::use(resolved), soci::use(id);
    } else {
      std::string status = already_met ? "confirmed" : "pending";
      long long resolved = already_met ? now : 0;
      sql << "INSERT INTO encounters (event_id, claimant, other, via, status, created_at, expires_at, resolved_at) "
             "VALUES (:e, :c, :o, :v, :s, :t, :x, :r)",
          soci::use(ev), soci::use(m), soci::use(o), soci::use(via), soci::use(status), soci::use(t), soci::use(x),
          soci::use(resolved);
    }
    auto rows =
        QueryRows(sql, "WHERE e.event_id = " + std::to_string(event_id) + " AND e.claimant = " + std::to_string(me) +
                           " AND e.other = " + std::to_string(other));
    if (!already_met) {
      // Named as the claimant; notify masks the name (in the mail and at every read)
      // when the reader may not see them (about_member).
      const std::string who = internal::MemberName(sql, me);
      notify::Notify(sql, other, "encounter_claim",
                     {who + " says you spoke at " + info.event.title + ". Did you?",
                      who + " zegt dat jullie elkaar spraken op " + info.event.title + ". Klopt dat?"},
                     "encounters:" + std::to_string(event_id), now, me);
    }
    tr.commit();
    return View(sql, viewer, rows.front(), now);
  });
}

Result<Encounter> EncounterService::Confirm(const Viewer& viewer, Id encounter_id) {
  if (!viewer.authenticated() || viewer.member_id <= 0) return Unauthenticated("sign in first");
  const UnixTime now = clock_.Now();
  return WithSession<Encounter>(db_, [&](soci::session& sql) -> Result<Encounter> {
    auto peek = LoadRow(sql, encounter_id);
    if (!peek || peek->other != viewer.member_id)
      return NotFound("no such claim about you", "id").WithReason("encounter.not_found");
    storage::Transaction tr(sql);
    internal::LockEvent(sql, peek->event_id);
    auto r = LoadRow(sql, encounter_id);
    if (!r) return NotFound("no such claim about you", "id").WithReason("encounter.not_found");
    EncounterStatus s = StatusOf(*r, now);
    if (s == EncounterStatus::kConfirmed) return View(sql, viewer, *r, now);
    if (s == EncounterStatus::kExpired)
      return Conflict("this claim expired (after 14 days)", "id").WithReason("encounter.expired", {{"days", "14"}});
    if (s != EncounterStatus::kPending)
      return Conflict("this claim was withdrawn or declined", "id").WithReason("encounter.closed");
    VB_ASSIGN_OR_RETURN(auto info, internal::LoadEvent(sql, r->event_id, /*counts=*/false));
    ConfirmPair(sql, info, r->claimant, r->other, now);
    r = LoadRow(sql, encounter_id);
    tr.commit();
    return View(sql, viewer, *r, now);
  });
}

namespace {
// Decline (by the other side) and withdraw (by the claimant): pending → `to`.
Result<Encounter> Resolve(storage::Database& db, const Clock& clock, const Viewer& viewer, Id encounter_id,
                          bool by_claimant, const std::string& to) {
  if (!viewer.authenticated() || viewer.member_id <= 0) return Unauthenticated("sign in first");
  const UnixTime now = clock.Now();
  return WithSession<Encounter>(db, [&](soci::session& sql) -> Result<Encounter> {
    auto peek = LoadRow(sql, encounter_id);
    if (!peek || (by_claimant ? peek->claimant : peek->other) != viewer.member_id)
      return NotFound(by_claimant ? "no such claim of yours" : "no such claim about you", "id")
          .WithReason("encounter.not_found");
    storage::Transaction tr(sql);
    internal::LockEvent(sql, peek->event_id);
    auto r = LoadRow(sql, encounter_id);
    if (!r) return NotFound("no such claim", "id").WithReason("encounter.not_found");
    EncounterStatus s = StatusOf(*r, now);
    if (s == EncounterStatus::kConfirmed)
      return Conflict("this encounter is confirmed: the tie is real", "id").WithReason("encounter.confirmed");
    if (ToString(s) == to) return View(sql, viewer, *r, now);
    if (s != EncounterStatus::kPending && !(by_claimant && s == EncounterStatus::kExpired))
      return Conflict("this claim is no longer pending", "id").WithReason("encounter.closed");
    long long id = encounter_id, t = now;
    sql << "UPDATE encounters SET status = :s, resolved_at = :t WHERE id = :id", soci::use(to), soci::use(t),
        soci::use(id);
    r = LoadRow(sql, encounter_id);
    tr.commit();
    return View(sql, viewer, *r, now);
  });
}
}  // namespace

Result<Encounter> EncounterService::Decline(const Viewer& viewer, Id encounter_id) {
  return Resolve(db_, clock_, viewer, encounter_id, false, "declined");
}

Result<Encounter> EncounterService::Withdraw(const Viewer& viewer, Id encounter_id) {
  return Resolve(db_, clock_, viewer, encounter_id, true, "withdrawn");
}

Result<EncounterOverview> EncounterService::Overview(const Viewer& viewer, Id event_id) {
  if (!viewer.authenticated() || viewer.member_id <= 0) return Unauthenticated("sign in first");
  const UnixTime now = clock_.Now();
  std::vector<AttendeeSuggestion> suggested;
  {
    // Whom to meet, as suggested before the event (best effort: the member may
    // have opted out of matchmaking, the event may have no suggestions).
    MeetingService meetings(db_, clock_);
    if (auto s = meetings.Suggestions(viewer, event_id, 5); s.ok()) suggested = std::move(*s);
  }
  return WithSession<EncounterOverview>(db_, [&](soci::session& sql) -> Result<EncounterOverview> {
    VB_ASSIGN_OR_RETURN(auto info, internal::LoadEvent(sql, event_id, /*counts=*/false));
    EncounterOverview o;
    o.event_id = event_id;
    o.event_title = info.event.title;
    o.opens_at = info.event.starts_at - kClaimOpensBeforeStart;
    o.closes_at = std::max(info.event.ends_at, info.event.starts_at) + kClaimClosesAfterEnd;
    o.open = now >= o.opens_at && now <= o.closes_at;
    const Id me = viewer.member_id;
    o.registered = IsRegistered(sql, event_id, me);
    const std::string ev = std::to_string(event_id), mes = std::to_string(me);
    std::map<Id, EncounterCandidate> cands;
    std::vector<Id> order;
    // Mine: the claims I made, and the claims about me that became real
    // (confirmed by me, or mutual), so both sides see the encounter. A mutual pair
    // has a row each way: it is listed once, as the claim I made.
    const auto rows = QueryRows(sql, "WHERE e.event_id = " + ev + " AND (e.claimant = " + mes +
                                         " OR (e.other = " + mes + " AND e.status = 'confirmed')) ORDER BY e.id DESC");
    std::set<Id> claimed_by_me;
    for (const Row& r : rows)
      if (r.claimant == me) claimed_by_me.insert(r.other);
    for (const Row& r : rows)
      if (r.claimant == me || !claimed_by_me.count(r.claimant)) o.mine.push_back(View(sql, viewer, r, now));
    std::string to_confirm = "WHERE e.event_id = " + ev;
    to_confirm.append(" AND e.other = ").append(mes).append(" AND e.status = 'pending' AND e.expires_at > ");
    to_confirm.append(std::to_string(now)).append(" ORDER BY e.id DESC");
    for (const Row& r : QueryRows(sql, to_confirm)) o.to_confirm.push_back(View(sql, viewer, r, now));
    if (!o.registered) return o;
    auto add = [&](Id id, const std::string& reason) {
      if (id == me) return;
      auto it = cands.find(id);
      if (it == cands.end()) {
        PersonRef p = Person(sql, viewer, id);
        if (p.member_id == 0 || !IsRegistered(sql, event_id, id)) return;
        it = cands.emplace(id, EncounterCandidate{p, {}, "none", 0}).first;
        order.push_back(id);
      }
      auto& rs = it->second.reasons;
      if (std::find(rs.begin(), rs.end(), reason) == rs.end()) rs.push_back(reason);
    };
    {
      long long other = 0;
      soci::statement st = (sql.prepare << "SELECT DISTINCT p2.member_id FROM seating_places p1 JOIN seatings s ON "
                                           "s.id = p1.seating_id AND s.event_id = " +
                                               ev +
                                               " JOIN seating_places p2 ON p2.seating_id = p1.seating_id AND "
                                               "p2.round_no = p1.round_no AND p2.table_no = p1.table_no WHERE "
                                               "p1.member_id = " +
                                               mes + " ORDER BY p2.member_id",
                            soci::into(other));
      st.execute();
      std::vector<Id> ids;
      while (st.fetch()) ids.push_back(other);
      for (Id id : ids) add(id, "table");
    }
    {
      long long a = 0, b = 0;
      soci::statement st = (sql.prepare << "SELECT mt.a, mt.b FROM meetings mt JOIN rounds r ON r.id = mt.round_id "
                                           "WHERE r.event_id = " +
                                               ev + " AND mt.status <> 'cancelled' AND (mt.a = " + mes +
                                               " OR mt.b = " + mes + ") ORDER BY mt.id",
                            soci::into(a), soci::into(b));
      st.execute();
      std::vector<Id> ids;
      while (st.fetch()) ids.push_back(a == me ? b : a);
      for (Id id : ids) add(id, "meeting");
    }
    for (const auto& s : suggested) add(s.member_id, "suggested");
    // Everyone already in an encounter with the viewer at this event.
    for (const auto& e : o.mine)
      if (e.other.member_id) add(e.other.member_id, "claimed");
    for (const auto& e : o.to_confirm)
      if (e.other.member_id) add(e.other.member_id, "claimed");
    for (Id id : order) {
      auto& c = cands[id];
      auto& rs = c.reasons;
      rs.erase(std::remove(rs.begin(), rs.end(), "claimed"), rs.end());
      for (const auto& e : o.mine)
        if (e.other.member_id == id &&
            (e.status == EncounterStatus::kConfirmed || (e.mine && e.status == EncounterStatus::kPending))) {
          c.state = e.status == EncounterStatus::kConfirmed ? "confirmed" : "claimed";
          c.encounter_id = e.id;
        }
      for (const auto& e : o.to_confirm)
        if (e.other.member_id == id && c.state == "none") {
          c.state = "asked";
          c.encounter_id = e.id;
        }
      if (c.state == "none" && MetAtEvent(sql, event_id, me, id)) c.state = "confirmed";
      o.candidates.push_back(c);
    }
    return o;
  });
}

Result<std::vector<Encounter>> EncounterService::ToConfirm(const Viewer& viewer) {
  if (!viewer.authenticated() || viewer.member_id <= 0) return Unauthenticated("sign in first");
  const UnixTime now = clock_.Now();
  return WithSession<std::vector<Encounter>>(db_, [&](soci::session& sql) -> Result<std::vector<Encounter>> {
    std::vector<Encounter> out;
    for (const Row& r : QueryRows(sql, "WHERE e.other = " + std::to_string(viewer.member_id) +
                                           " AND e.status = 'pending' AND e.expires_at > " + std::to_string(now) +
                                           " ORDER BY e.id DESC LIMIT 50"))
      out.push_back(View(sql, viewer, r, now));
    return out;
  });
}

Result<FollowUpStats> FollowUpService::Sweep() {
  const UnixTime now = clock_.Now();
  return WithSession<FollowUpStats>(db_, [&](soci::session& sql) -> Result<FollowUpStats> {
    FollowUpStats stats;
    std::vector<Id> due;
    {
      long long id = 0, upto = now - kFollowUpDelay, since = now - kClaimClosesAfterEnd;
      soci::statement st = (sql.prepare << "SELECT id FROM events WHERE ends_at <= :u AND ends_at > :s AND id NOT IN "
                                           "(SELECT event_id FROM event_followups) ORDER BY id",
                            soci::use(upto), soci::use(since), soci::into(id));
      st.execute();
      while (st.fetch()) due.push_back(id);
    }
    for (Id event_id : due) {
      storage::Transaction tr(sql);
      internal::LockEvent(sql, event_id);
      long long ev = event_id, done = 0, t = now;
      sql << "SELECT count(*) FROM event_followups WHERE event_id = :e", soci::use(ev), soci::into(done);
      if (done) continue;  // another server did it first (the transaction rolls back)
      VB_ASSIGN_OR_RETURN(auto info, internal::LoadEvent(sql, event_id, /*counts=*/false));
      sql << "INSERT INTO event_followups (event_id, done_at) VALUES (:e, :t)", soci::use(ev), soci::use(t);
      // Shared small tables of checked-in attendees: evidence, once per pair.
      std::set<std::pair<Id, Id>> pairs;
      std::map<std::pair<Id, Id>, std::string> source;
      {
        long long sid = 0, size = 0, round = 0, table = 0, x = 0, y = 0, max_size = kMaxEvidenceTableSize;
        soci::statement st =
            (sql.prepare << "SELECT s.id, s.table_size, p1.round_no, p1.table_no, p1.member_id, p2.member_id "
                            "FROM seatings s JOIN seating_places p1 ON p1.seating_id = s.id "
                            "JOIN seating_places p2 ON p2.seating_id = s.id AND p2.round_no = p1.round_no AND "
                            "p2.table_no = p1.table_no AND p2.member_id > p1.member_id "
                            "JOIN registrations r1 ON r1.event_id = s.event_id AND r1.member_id = p1.member_id "
                            "JOIN registrations r2 ON r2.event_id = s.event_id AND r2.member_id = p2.member_id "
                            "WHERE s.event_id = :e AND s.seated_at > 0 AND s.table_size <= :max "
                            "AND r1.status = 'registered' AND r1.checked_in_at > 0 "
                            "AND r2.status = 'registered' AND r2.checked_in_at > 0 "
                            "ORDER BY s.id, p1.round_no, p1.table_no",
             soci::use(ev), soci::use(max_size), soci::into(sid), soci::into(size), soci::into(round),
             soci::into(table), soci::into(x), soci::into(y));
        st.execute();
        while (st.fetch()) {
          auto key = std::pair<Id, Id>{x, y};
          if (pairs.insert(key).second)
            source[key] = "table:" + std::to_string(sid) + ":" + std::to_string(round) + ":" + std::to_string(table) +
                          ":" + std::to_string(size);
        }
      }
      long long table_pairs = 0;
      for (const auto& [a, b] : pairs) {
        if (MetAtEvent(sql, event_id, a, b)) continue;
        model::Interaction in{
            0, a, b, model::InteractionKind::kMetAtEvent, EvidenceTime(info, now), source[{a, b}], event_id};
        domain::AppendInteraction(sql, in);
        ++table_pairs;
      }
      stats.table_pairs += static_cast<int>(table_pairs);
      // "Wie sprak je?" to every checked-in attendee.
      std::vector<Id> attendees;
      {
        long long m = 0;
        soci::statement st = (sql.prepare << "SELECT member_id FROM registrations WHERE event_id = :e AND status = "
                                             "'registered' AND checked_in_at > 0 ORDER BY member_id",
                              soci::use(ev), soci::into(m));
        st.execute();
        while (st.fetch()) attendees.push_back(m);
      }
      const std::string& title = info.event.title;
      for (Id m : attendees) {
        notify::Notify(
            sql, m, "who_did_you_meet",
            {"Whom did you really speak with at " + title + "? Tick them: when they tick you too, your tie is real.",
             "Wie sprak je echt op " + title +
                 "? Vink ze aan: vinkt de ander jou ook aan, dan is jullie "
                 "verbinding echt."},
            "encounters:" + std::to_string(event_id), now);
        ++stats.notified;
      }
      long long nn = static_cast<long long>(attendees.size());
      sql << "UPDATE event_followups SET table_pairs = :p, notified = :n WHERE event_id = :e", soci::use(table_pairs),
          soci::use(nn), soci::use(ev);
      tr.commit();
      ++stats.events;
    }
    return stats;
  });
}

void RunFollowUpLoop(storage::Database& db, const Clock& clock, const std::atomic<bool>& stop, int interval_s) {
  FollowUpService svc(db, clock);
  while (!stop.load()) {
    auto r = svc.Sweep();
    if (!r.ok())
      spdlog::warn("follow-up sweep: {}", r.status().message());
    else if (r->events > 0)
      spdlog::info("follow-up: {} events, {} shared-table ties, {} attendees asked", r->events, r->table_pairs,
                   r->notified);
    for (int i = 0; i < interval_s * 10 && !stop.load(); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

}  // namespace verbinder::events
