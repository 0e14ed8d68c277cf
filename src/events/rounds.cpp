// Networking rounds: slots × tables, attendees' availability, adding, moving
// and removing slots, and the auto-scheduler: the round read into the engine's
// instance (round_schedule.h), matching::Schedule (whose spread pass gives as
// many participants as possible a meeting, then verifies), and the write step.
#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "domain/db_util.h"
#include "domain/validation.h"
#include "events/meetings.h"
#include "events/meetings_internal.h"
#include "events/round_schedule.h"
#include "matching/schedule.h"
#include "notify/notifications.h"
#include "util/strings.h"
#include "storage/transaction.h"

namespace verbinder::events {
namespace {

// A meeting notification naming the other member, in English and Dutch.
notify::Text MeetingText(const std::string& other, const char* en, const char* nl) {
  return {"Your meeting with " + other + en, "Je afspraak met " + other + nl};
}

using domain::Viewer;
using domain::WithSession;

constexpr int kMaxSlots = 50;
constexpr int kMaxTables = 1000;
constexpr int kMaxPerPerson = 50;

Status ValidateSlots(const std::vector<Slot>& slots, const EventInfo& info, const std::string& prefix) {
  for (size_t i = 0; i < slots.size(); ++i) {
    const auto& s = slots[i];
    const std::string f = prefix + "[" + std::to_string(i) + "].";
    if (s.starts_at < info.event.starts_at || s.starts_at >= info.event.ends_at)
      return InvalidArgument("must lie within the event", f + "starts_at").WithReason("round.slot_outside_event");
    if (s.ends_at <= s.starts_at)
      return InvalidArgument("must be after starts_at", f + "ends_at").WithReason("round.slot_ends_before_start");
    if (s.ends_at > info.event.ends_at)
      return InvalidArgument("must lie within the event", f + "ends_at").WithReason("round.slot_outside_event");
    for (size_t j = 0; j < i; ++j)
      if (s.starts_at < slots[j].ends_at && slots[j].starts_at < s.ends_at)
        return InvalidArgument("overlaps " + prefix + "[" + std::to_string(j) + "]", f + "starts_at")
            .WithReason("round.slot_overlap");
  }
  return Status::Ok();
}

// One slot given on its own (add, move): fields named as in the request body.
// `others` are the round's other slots, which it must not overlap.
Status ValidateOneSlot(const Slot& s, const EventInfo& info, const std::vector<Slot>& others) {
  if (s.starts_at < info.event.starts_at || s.starts_at >= info.event.ends_at)
    return InvalidArgument("must lie within the event", "starts_at").WithReason("round.slot_outside_event");
  if (s.ends_at <= s.starts_at)
    return InvalidArgument("must be after starts_at", "ends_at").WithReason("round.slot_ends_before_start");
  if (s.ends_at > info.event.ends_at)
    return InvalidArgument("must lie within the event", "ends_at").WithReason("round.slot_outside_event");
  for (const auto& o : others)
    if (o.id != s.id && o.starts_at < s.ends_at && s.starts_at < o.ends_at)
      return InvalidArgument("overlaps slot " + std::to_string(o.id), "starts_at").WithReason("round.slot_overlap");
  return Status::Ok();
}

Result<EventInfo> ManagedEvent(soci::session& sql, const Viewer& viewer, Id event_id, storage::Database& db,
                               const Clock& clock) {
  VB_ASSIGN_OR_RETURN(auto info, internal::LoadEvent(sql, event_id));
  EventService events(db, clock);
  if (!events.CanManage(viewer, info))
    return PermissionDenied("only the event's organizers manage rounds").WithReason("event.organizers_only");
  return info;
}

// The engine's table k in a slot is the k-th table the kept meetings left free.
int PhysicalTable(const RoundSchedule& in, const matching::Meeting& m) {
  return in.free_tables[m.slot][m.table - 1];
}

// The write step: re-placed and new meetings, cancelled displaced ones that
// found no place, and everyone told (each naming the other).
ScheduleRun WriteSchedule(soci::session& sql, const Round& round, const EventInfo& info, const RoundSchedule& in,
                          const matching::ScheduleResult& res, UnixTime now) {
  ScheduleRun run;
  run.participants = static_cast<int>(in.people.size());
  run.kept = in.kept;
  run.objective = res.objective;
  run.upper_bound = res.upper_bound;
  run.optimal = res.optimal;
  run.bound_method = res.stats.bound_method;
  run.passes = res.stats.passes;
  for (const auto& u : res.must_unscheduled) run.unscheduled_requests.push_back(u.reason);
  auto name = [&](Id who) {
    auto it = in.names.find(who);
    return it == in.names.end() ? std::string() : it->second;
  };
  std::set<long long> replaced;
  std::map<Id, int> new_count;
  long long t = now, round_id = round.id;
  for (const auto& m : res.meetings) {
    const matching::CandidatePair& pair = in.instance.pairs[m.pair_index];
    const RoundCandidate& c = in.candidates[m.pair_index];
    Id lo = in.people[pair.a], hi = in.people[pair.b];
    int table = PhysicalTable(in, m);
    long long slot_id = round.slots[m.slot].id, a = lo, b = hi;
    if (c.meeting_id) {
      long long mid = c.meeting_id;
      sql << "UPDATE meetings SET slot_id = :s, table_no = :t, status = 'scheduled', revision = revision + 1, "
             "updated_at = :u WHERE id = :id",
          soci::use(slot_id), soci::use(table), soci::use(t), soci::use(mid);
      replaced.insert(mid);
      ++run.rescheduled;
      for (Id who : {lo, hi})
        notify::Notify(sql, who, "meeting_rescheduled",
                       MeetingText(name(who == lo ? hi : lo), " moved to another time or table.",
                                   " is verplaatst naar een andere tijd of tafel."),
                       "meeting:" + std::to_string(mid), now, who == lo ? hi : lo);
    } else {
      long long req = c.request_id;
      soci::indicator req_ind = req ? soci::i_ok : soci::i_null;
      // Each reason in Dutch (reason_a/b) and English (reason_a_en/b_en, migration 0018).
      const notify::Text both{"Suggested for you both.", "Voor jullie allebei voorgesteld."};
      auto pick = [&](const notify::Text& r) { return r.nl.empty() || r.en.empty() ? both : r; };
      const notify::Text ra = pick(c.reason_lo), rb = pick(c.reason_hi);
      sql << "INSERT INTO meetings (round_id, slot_id, table_no, a, b, request_id, reason_a, reason_b, reason_a_en, "
             "reason_b_en, status, revision, held_recorded, created_at, updated_at) VALUES (:r, :s, :t, :a, :b, :q, "
             ":ra, :rb, :rae, :rbe, 'scheduled', 0, 0, :c, :u)",
          soci::use(round_id), soci::use(slot_id), soci::use(table), soci::use(a), soci::use(b),
          soci::use(req, req_ind), soci::use(ra.nl), soci::use(rb.nl), soci::use(ra.en), soci::use(rb.en), soci::use(t),
          soci::use(t);
      ++run.added;
      ++new_count[lo];
      ++new_count[hi];
    }
  }
  for (const auto& d : in.displaced) {
    if (replaced.count(d.id)) continue;
    long long mid = d.id;
    sql << "UPDATE meetings SET status = 'cancelled', revision = revision + 1, updated_at = :u WHERE id = :id",
        soci::use(t), soci::use(mid);
    ++run.cancelled;
    for (Id who : {d.a, d.b})
      notify::Notify(sql, who, "meeting_cancelled",
                     MeetingText(name(who == d.a ? d.b : d.a), " could not be kept in the new schedule.",
                                 " past niet meer in het nieuwe schema en vervalt."),
                     "meeting:" + std::to_string(mid), now, who == d.a ? d.b : d.a);
  }
  const std::string ev = std::to_string(info.event.id);
  for (const auto& [who, n] : new_count)
    notify::Notify(sql, who, "schedule_ready",
                   {"Your schedule for " + info.event.title + " has " + std::to_string(n) + " new meeting" +
                        (n == 1 ? "" : "s") + ".",
                    "Je schema voor " + info.event.title + " heeft " + std::to_string(n) + " nieuwe " +
                        (n == 1 ? "afspraak" : "afspraken") + "."},
                   "event:" + ev, now);
  sql << "UPDATE rounds SET scheduled_at = :t WHERE id = :id", soci::use(t), soci::use(round_id);
  return run;
}

// The scheduler over an open transaction (the event row is locked): read the
// round into the engine's instance, run the engine (its passes end with
// spreading and the verify step), write the result.
Result<ScheduleRun> RunSchedule(soci::session& sql, const Round& round, const EventInfo& info, UnixTime now) {
  internal::ExpireRequests(sql, info.event.id, now);
  VB_ASSIGN_OR_RETURN(RoundSchedule input, internal::ReadRoundSchedule(sql, round, info.event.id));
  VB_ASSIGN_OR_RETURN(matching::ScheduleResult result, matching::Schedule(input.instance, matching::ScheduleOptions{}));
  return WriteSchedule(sql, round, info, input, result, now);
}

// The scheduled meetings of a round or of one slot (`column` = "round_id" or
// "slot_id") moved in time: revision + 1 (their invites follow) and both people
// told, each naming the other.
void TellMeetingsMoved(soci::session& sql, const char* column, long long id, const char* en, const char* nl,
                       UnixTime t) {
  std::vector<std::tuple<long long, long long, long long>> affected;
  {
    long long mid = 0, a = 0, b = 0;
    soci::statement st = (sql.prepare << std::string("SELECT id, a, b FROM meetings WHERE ") + column +
                                             " = :x AND status = 'scheduled' ORDER BY id",
                          soci::use(id), soci::into(mid), soci::into(a), soci::into(b));
    st.execute();
    while (st.fetch()) affected.emplace_back(mid, a, b);
  }
  long long tt = t;
  sql << std::string("UPDATE meetings SET revision = revision + 1, updated_at = :t WHERE ") + column +
             " = :x AND status = 'scheduled'",
      soci::use(tt), soci::use(id);
  for (auto& [mid, a, b] : affected)
    for (long long who : {a, b})
      notify::Notify(sql, who, "meeting_moved", MeetingText(internal::MemberName(sql, who == a ? b : a), en, nl),
                     "meeting:" + std::to_string(mid), t, who == a ? b : a);
}

}  // namespace

namespace internal {

Result<Id> EventOfRound(soci::session& sql, Id round_id) {
  long long id = round_id, ev = 0;
  sql << "SELECT event_id FROM rounds WHERE id = :id", soci::use(id), soci::into(ev);
  if (!sql.got_data())
    return NotFound("no round with id " + std::to_string(round_id), "round_id").WithReason("round.not_found");
  return static_cast<Id>(ev);
}

Result<Round> LoadRound(soci::session& sql, Id round_id) {
  Round r;
  long long id = round_id, ev = 0, sched = 0;
  sql << "SELECT event_id, title, tables_count, max_meetings, scheduled_at FROM rounds WHERE id = :id", soci::use(id),
      soci::into(ev), soci::into(r.title), soci::into(r.tables), soci::into(r.max_meetings), soci::into(sched);
  if (!sql.got_data())
    return NotFound("no round with id " + std::to_string(round_id), "round_id").WithReason("round.not_found");
  r.id = round_id;
  r.event_id = ev;
  r.scheduled_at = sched;
  long long sid = 0, s = 0, e = 0;
  soci::statement st = (sql.prepare << "SELECT id, starts_at, ends_at FROM round_slots WHERE round_id = :r "
                                       "ORDER BY starts_at, id",
                        soci::use(id), soci::into(sid), soci::into(s), soci::into(e));
  st.execute();
  while (st.fetch()) r.slots.push_back({sid, s, e});
  return r;
}

Status FitRoundsToEvent(soci::session& sql, const EventInfo& before, const EventInfo& after, UnixTime now) {
  const auto& b = before.event;
  const auto& e = after.event;
  if (b.starts_at == e.starts_at && b.ends_at == e.ends_at) return Status::Ok();
  long long ev = e.id, t = now, end = e.ends_at;
  // A request cannot stay pending past the event.
  sql << "UPDATE meeting_requests SET expires_at = :x, updated_at = :t WHERE event_id = :e AND status = 'pending' AND "
         "expires_at > :x2",
      soci::use(end), soci::use(t), soci::use(ev), soci::use(end);
  std::vector<long long> round_ids;
  {
    long long id = 0;
    soci::statement st =
        (sql.prepare << "SELECT id FROM rounds WHERE event_id = :e ORDER BY id", soci::use(ev), soci::into(id));
    st.execute();
    while (st.fetch()) round_ids.push_back(id);
  }
  const long long delta = e.starts_at - b.starts_at;
  const bool moved = delta != 0 && e.ends_at - e.starts_at == b.ends_at - b.starts_at;
  for (long long rid : round_ids) {
    if (moved) {
      // The whole event moved: its slots and meetings move along (both told).
      sql << "UPDATE round_slots SET starts_at = starts_at + :d, ends_at = ends_at + :d2 WHERE round_id = :r",
          soci::use(delta), soci::use(delta), soci::use(rid);
      TellMeetingsMoved(sql, "round_id", rid, " moved with the event to a new time.",
                        " is met het evenement verplaatst naar een nieuwe tijd.", now);
      continue;
    }
    // Shortened (or stretched): slots no longer within the event go, as by
    // RemoveSlot, and the scheduler re-places their meetings or cancels them.
    VB_ASSIGN_OR_RETURN(auto round, LoadRound(sql, rid));
    bool displaced = false, removed = false;
    for (const auto& s : round.slots) {
      if (s.starts_at >= e.starts_at && s.ends_at <= e.ends_at) continue;
      long long sid = s.id;
      soci::statement st = (sql.prepare << "UPDATE meetings SET status = 'displaced' WHERE slot_id = :s AND status = "
                                           "'scheduled'",
                            soci::use(sid));
      st.execute(true);
      displaced = displaced || st.get_affected_rows() > 0;
      sql << "UPDATE meetings SET slot_id = NULL WHERE slot_id = :s", soci::use(sid);
      sql << "DELETE FROM slot_unavailability WHERE slot_id = :s", soci::use(sid);
      sql << "DELETE FROM round_slots WHERE id = :s", soci::use(sid);
      removed = true;
    }
    if (!removed || !displaced) continue;  // nothing placed there: no run the organizers did not ask for
    VB_ASSIGN_OR_RETURN(auto now_round, LoadRound(sql, rid));
    VB_ASSIGN_OR_RETURN(auto run, RunSchedule(sql, now_round, after, now));
    (void)run;
  }
  return Status::Ok();
}

}  // namespace internal

Result<Round> MeetingService::CreateRound(const Viewer& viewer, Id event_id, Round round) {
  if (!viewer.authenticated()) return Unauthenticated("sign in first");
  round.title = Trim(round.title);
  VB_RETURN_IF_ERROR(domain::CheckText("title", round.title, 1, domain::kMaxShort));
  if (round.tables < 1 || round.tables > kMaxTables)
    return InvalidArgument("must be between 1 and 1000", "tables").WithReason("round.tables_range", {{"max", "1000"}});
  if (round.max_meetings < 1 || round.max_meetings > kMaxPerPerson)
    return InvalidArgument("must be between 1 and 50", "max_meetings")
        .WithReason("round.max_meetings_range", {{"max", "50"}});
  if (round.slots.empty())
    return InvalidArgument("a round needs at least one slot", "slots").WithReason("round.needs_slot");
  if (round.slots.size() > kMaxSlots)
    return InvalidArgument("at most 50 slots", "slots").WithReason("round.too_many_slots", {{"max", "50"}});
  return WithSession<Round>(db_, [&](soci::session& sql) -> Result<Round> {
    storage::Transaction tr(sql);
    internal::LockEvent(sql, event_id);
    VB_ASSIGN_OR_RETURN(auto info, ManagedEvent(sql, viewer, event_id, db_, clock_));
    VB_RETURN_IF_ERROR(ValidateSlots(round.slots, info, "slots"));
    long long ev = event_id, t = clock_.Now();
    sql << "INSERT INTO rounds (event_id, title, tables_count, max_meetings, scheduled_at, created_at) "
           "VALUES (:e, :t, :n, :m, 0, :c)",
        soci::use(ev), soci::use(round.title), soci::use(round.tables), soci::use(round.max_meetings), soci::use(t);
    long long id = 0;
    sql << "SELECT max(id) FROM rounds WHERE event_id = :e", soci::use(ev), soci::into(id);
    for (const auto& s : round.slots) {
      long long a = s.starts_at, b = s.ends_at;
      sql << "INSERT INTO round_slots (round_id, starts_at, ends_at) VALUES (:r, :s, :e)", soci::use(id), soci::use(a),
          soci::use(b);
    }
    VB_ASSIGN_OR_RETURN(auto stored, internal::LoadRound(sql, id));
    tr.commit();
    return stored;
  });
}

Result<Round> MeetingService::GetRound(const Viewer& viewer, Id round_id) {
  if (!viewer.authenticated()) return Unauthenticated("sign in first");
  return WithSession<Round>(db_,
                            [&](soci::session& sql) -> Result<Round> { return internal::LoadRound(sql, round_id); });
}

Result<std::vector<Round>> MeetingService::Rounds(const Viewer& viewer, Id event_id) {
  if (!viewer.authenticated()) return Unauthenticated("sign in first");
  return WithSession<std::vector<Round>>(db_, [&](soci::session& sql) -> Result<std::vector<Round>> {
    VB_ASSIGN_OR_RETURN(auto info, internal::LoadEvent(sql, event_id));
    (void)info;
    std::vector<long long> ids;
    long long id = 0, ev = event_id;
    soci::statement st =
        (sql.prepare << "SELECT id FROM rounds WHERE event_id = :e ORDER BY id", soci::use(ev), soci::into(id));
    st.execute();
    while (st.fetch()) ids.push_back(id);
    std::vector<Round> out;
    for (long long r : ids) {
      VB_ASSIGN_OR_RETURN(auto round, internal::LoadRound(sql, r));
      out.push_back(std::move(round));
    }
    return out;
  });
}

Result<Round> MeetingService::MoveSlot(const Viewer& viewer, Id round_id, Id slot_id, UnixTime starts_at,
                                       UnixTime ends_at) {
  if (!viewer.authenticated()) return Unauthenticated("sign in first");
  return WithSession<Round>(db_, [&](soci::session& sql) -> Result<Round> {
    VB_ASSIGN_OR_RETURN(Id event_id, internal::EventOfRound(sql, round_id));
    storage::Transaction tr(sql);
    internal::LockEvent(sql, event_id);  // first: a write lock before any read
    VB_ASSIGN_OR_RETURN(auto round, internal::LoadRound(sql, round_id));
    VB_ASSIGN_OR_RETURN(auto info, ManagedEvent(sql, viewer, round.event_id, db_, clock_));
    auto it = std::find_if(round.slots.begin(), round.slots.end(), [&](const Slot& s) { return s.id == slot_id; });
    if (it == round.slots.end())
      return NotFound("no slot with id " + std::to_string(slot_id) + " in this round", "slot_id")
          .WithReason("round.slot_not_found");
    VB_RETURN_IF_ERROR(ValidateOneSlot(Slot{slot_id, starts_at, ends_at}, info, round.slots));
    long long sid = slot_id, s = starts_at, e = ends_at, t = clock_.Now();
    sql << "UPDATE round_slots SET starts_at = :s, ends_at = :e WHERE id = :id", soci::use(s), soci::use(e),
        soci::use(sid);
    TellMeetingsMoved(sql, "slot_id", sid, " moved to a new time.", " is verplaatst naar een nieuwe tijd.", t);
    VB_ASSIGN_OR_RETURN(auto stored, internal::LoadRound(sql, round_id));
    tr.commit();
    return stored;
  });
}

Result<Round> MeetingService::AddSlot(const Viewer& viewer, Id round_id, UnixTime starts_at, UnixTime ends_at) {
  if (!viewer.authenticated()) return Unauthenticated("sign in first");
  return WithSession<Round>(db_, [&](soci::session& sql) -> Result<Round> {
    VB_ASSIGN_OR_RETURN(Id event_id, internal::EventOfRound(sql, round_id));
    storage::Transaction tr(sql);
    internal::LockEvent(sql, event_id);  // first: a write lock before any read
    VB_ASSIGN_OR_RETURN(auto round, internal::LoadRound(sql, round_id));
    VB_ASSIGN_OR_RETURN(auto info, ManagedEvent(sql, viewer, round.event_id, db_, clock_));
    if (round.slots.size() >= kMaxSlots)
      return Conflict("a round has at most 50 slots", "starts_at").WithReason("round.too_many_slots", {{"max", "50"}});
    VB_RETURN_IF_ERROR(ValidateOneSlot(Slot{0, starts_at, ends_at}, info, round.slots));
    long long r = round_id, s = starts_at, e = ends_at;
    sql << "INSERT INTO round_slots (round_id, starts_at, ends_at) VALUES (:r, :s, :e)", soci::use(r), soci::use(s),
        soci::use(e);
    VB_ASSIGN_OR_RETURN(auto stored, internal::LoadRound(sql, round_id));
    tr.commit();
    return stored;
  });
}

Result<ScheduleRun> MeetingService::RemoveSlot(const Viewer& viewer, Id round_id, Id slot_id) {
  if (!viewer.authenticated()) return Unauthenticated("sign in first");
  return WithSession<ScheduleRun>(db_, [&](soci::session& sql) -> Result<ScheduleRun> {
    VB_ASSIGN_OR_RETURN(Id event_id, internal::EventOfRound(sql, round_id));
    storage::Transaction tr(sql);
    internal::LockEvent(sql, event_id);  // first: a write lock before any read
    VB_ASSIGN_OR_RETURN(auto round, internal::LoadRound(sql, round_id));
    VB_ASSIGN_OR_RETURN(auto info, ManagedEvent(sql, viewer, round.event_id, db_, clock_));
    if (std::none_of(round.slots.begin(), round.slots.end(), [&](const Slot& s) { return s.id == slot_id; }))
      return NotFound("no slot with id " + std::to_string(slot_id) + " in this round", "slot_id")
          .WithReason("round.slot_not_found");
    if (round.slots.size() == 1)
      return Conflict("a round keeps at least one slot", "slot_id").WithReason("round.keeps_one_slot");
    long long sid = slot_id;
    sql << "UPDATE meetings SET status = 'displaced' WHERE slot_id = :s AND status = 'scheduled'", soci::use(sid);
    sql << "UPDATE meetings SET slot_id = NULL WHERE slot_id = :s", soci::use(sid);
    sql << "DELETE FROM slot_unavailability WHERE slot_id = :s", soci::use(sid);
    sql << "DELETE FROM round_slots WHERE id = :s", soci::use(sid);
    VB_ASSIGN_OR_RETURN(auto now_round, internal::LoadRound(sql, round_id));
    VB_ASSIGN_OR_RETURN(auto run, RunSchedule(sql, now_round, info, clock_.Now()));
    tr.commit();
    return run;
  });
}

Status MeetingService::SetUnavailable(const Viewer& viewer, Id round_id, const std::vector<Id>& slot_ids) {
  if (!viewer.authenticated()) return Unauthenticated("sign in first");
  auto r = WithSession<bool>(db_, [&](soci::session& sql) -> Result<bool> {
    VB_ASSIGN_OR_RETURN(Id event_id, internal::EventOfRound(sql, round_id));
    storage::Transaction tr(sql);
    internal::LockEvent(sql, event_id);
    VB_ASSIGN_OR_RETURN(auto round, internal::LoadRound(sql, round_id));
    if (!internal::IsRegisteredIn(sql, round.event_id, viewer.member_id))
      return PermissionDenied("only registered attendees mark their availability").WithReason("round.attendees_only");
    std::set<Id> seen;
    for (size_t i = 0; i < slot_ids.size(); ++i) {
      if (std::none_of(round.slots.begin(), round.slots.end(), [&](const Slot& s) { return s.id == slot_ids[i]; }))
        return InvalidArgument("no slot with id " + std::to_string(slot_ids[i]) + " in this round",
                               "slot_ids[" + std::to_string(i) + "]")
            .WithReason("round.slot_not_found");
      if (!seen.insert(slot_ids[i]).second)
        return InvalidArgument("lists a slot twice", "slot_ids[" + std::to_string(i) + "]")
            .WithReason("round.slot_twice");
    }
    long long me = viewer.member_id;
    for (const auto& s : round.slots) {
      long long sid = s.id;
      sql << "DELETE FROM slot_unavailability WHERE slot_id = :s AND member_id = :m", soci::use(sid), soci::use(me);
    }
    for (Id s : seen) {
      long long sid = s;
      sql << "INSERT INTO slot_unavailability (slot_id, member_id) VALUES (:s, :m)", soci::use(sid), soci::use(me);
    }
    tr.commit();
    return true;
  });
  return r.ok() ? Status::Ok() : r.status();
}

Result<std::vector<Id>> MeetingService::Unavailable(const Viewer& viewer, Id round_id) {
  if (!viewer.authenticated()) return Unauthenticated("sign in first");
  return WithSession<std::vector<Id>>(db_, [&](soci::session& sql) -> Result<std::vector<Id>> {
    VB_ASSIGN_OR_RETURN(auto round, internal::LoadRound(sql, round_id));
    (void)round;
    std::vector<Id> out;
    long long sid = 0, me = viewer.member_id, r = round_id;
    soci::statement st = (sql.prepare << "SELECT u.slot_id FROM slot_unavailability u JOIN round_slots s ON s.id = "
                                         "u.slot_id WHERE s.round_id = :r AND u.member_id = :m ORDER BY u.slot_id",
                          soci::use(r), soci::use(me), soci::into(sid));
    st.execute();
    while (st.fetch()) out.push_back(sid);
    return out;
  });
}

Result<ScheduleRun> MeetingService::AutoSchedule(const Viewer& viewer, Id round_id) {
  if (!viewer.authenticated()) return Unauthenticated("sign in first");
  return WithSession<ScheduleRun>(db_, [&](soci::session& sql) -> Result<ScheduleRun> {
    VB_ASSIGN_OR_RETURN(Id event_id, internal::EventOfRound(sql, round_id));
    storage::Transaction tr(sql);
    internal::LockEvent(sql, event_id);  // first: a write lock before any read
    VB_ASSIGN_OR_RETURN(auto round, internal::LoadRound(sql, round_id));
    VB_ASSIGN_OR_RETURN(auto info, ManagedEvent(sql, viewer, round.event_id, db_, clock_));
    VB_ASSIGN_OR_RETURN(auto run, RunSchedule(sql, round, info, clock_.Now()));
    tr.commit();
    return run;
  });
}

}  // namespace verbinder::events
