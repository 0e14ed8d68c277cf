// Issue #16 part 3: every lifecycle ends cleanly. One test per row of the table
// in docs/architecture.md ("Every lifecycle ends cleanly"): set up the state,
// perform the transition, then assert that no orphan remains (a scheduled
// meeting with someone not registered or outside the event, an open request
// with someone who left, a seat of a cancelled registration, an invite still
// REQUEST) and that the right people got the right kind of notification.
// Members here do not consent to matchmaking, so the scheduler places exactly
// the accepted requests each test makes.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "domain/accounts.h"
#include "events/member_data.h"
#include "events/seating.h"
#include "events/test_util.h"
#include "notify/member_data.h"
#include "notify/notifications.h"

namespace verbinder::events {
namespace {

using domain::Viewer;
using testing::kHour;
using testing::kNow;

struct Note {
  std::string kind;
  std::string ref;
  long long about = 0;
};

struct Invite {
  std::string method;
  int sequence = 0;
  long long start = 0;
  std::string text;
};

class LifecycleTest : public testing::EventsFixture {
 protected:
  // A member without matchmaking consent (no suggested meetings).
  model::Member Person(const std::string& name, const std::string& sector = "care") {
    auto m = Make(name, sector, name + " BV");
    m.consent_matchmaking = false;
    auto r = members_->Update(Viewer::System(), m);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : m;
  }

  // An event a week from now, 08:00 long; requests stay pending until its end.
  EventInfo Event(int capacity = 0) {
    EventInfo info;
    info.event.title = "Netwerkborrel";
    info.event.kind = model::EventKind::kNetworkDrinks;
    info.event.starts_at = kNow + 7 * 24 * kHour;
    info.event.ends_at = info.event.starts_at + 8 * kHour;
    info.event.location = "Hengelo, De Waag";
    info.event.capacity = capacity;
    info.request_ttl = 30 * 86400;
    auto r = events_->Create(leader_, info);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : info;
  }

  void RegisterAll(const EventInfo& ev, const std::vector<model::Member>& who) {
    for (const auto& m : who) ASSERT_TRUE(events_->Register(As(m), ev.event.id, m.id).ok()) << m.name;
  }

  // `from` asks `to`, who accepts.
  model::Id Agree(const EventInfo& ev, const model::Member& from, const model::Member& to) {
    auto r = meetings_->Request(As(from), ev.event.id, to.id, "");
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    if (!r.ok()) return 0;
    EXPECT_TRUE(meetings_->Respond(As(to), r->id, RequestAction::kAccept).ok());
    return r->id;
  }

  // A round whose slots start `offsets` hours into the event, 15 minutes each.
  Round MakeRound(const EventInfo& ev, const std::vector<int>& offsets, int tables, int max_meetings) {
    Round r;
    r.title = "Borrel";
    r.tables = tables;
    r.max_meetings = max_meetings;
    for (int h : offsets) r.slots.push_back({0, ev.event.starts_at + h * kHour, ev.event.starts_at + h * kHour + 900});
    auto created = meetings_->CreateRound(leader_, ev.event.id, r);
    EXPECT_TRUE(created.ok()) << created.status().ToString();
    return created.ok() ? *created : r;
  }

  // The meeting (any status) between two members in a round; 0 when none.
  ScheduledMeeting MeetingOf(const Round& round, const model::Member& x, const model::Member& y) {
    auto all = meetings_->RoundMeetings(leader_, round.id);
    EXPECT_TRUE(all.ok()) << all.status().ToString();
    if (!all.ok()) return {};
    for (const auto& m : *all)
      if ((m.a == x.id && m.b == y.id) || (m.a == y.id && m.b == x.id)) return m;
    return {};
  }

  Invite Parse(const Result<std::string>& ics) {
    EXPECT_TRUE(ics.ok()) << ics.status().ToString();
    if (!ics.ok()) return {};
    auto j = ParseIcs({*ics});
    Invite out;
    out.method = j[0]["method"];
    out.sequence = j[0]["events"][0]["sequence"];
    out.start = j[0]["events"][0]["start"];
    out.text = j[0]["text"];
    return out;
  }

  long long Mark() {
    soci::session sql(db_->pool());
    long long id = 0;
    soci::indicator ind = soci::i_null;
    sql << "SELECT max(id) FROM event_notifications", soci::into(id, ind);
    return ind == soci::i_ok ? id : 0;
  }

  // The notifications `member` got after `mark`, oldest first.
  std::vector<Note> NotesSince(const model::Member& member, long long mark) {
    soci::session sql(db_->pool());
    std::vector<Note> out;
    long long about = 0, m = member.id;
    std::string kind, ref;
    soci::statement st = (sql.prepare << "SELECT kind, ref, about_member FROM event_notifications WHERE member_id = :m "
                                         "AND id > :k ORDER BY id",
                          soci::use(m), soci::use(mark), soci::into(kind), soci::into(ref), soci::into(about));
    st.execute();
    while (st.fetch()) out.push_back({kind, ref, about});
    return out;
  }

  // Whatever should not outlive a lifecycle of the event, one line each.
  std::vector<std::string> Orphans(model::Id event_id) {
    soci::session sql(db_->pool());
    const std::string ev = std::to_string(event_id);
    const std::string reg =
        "SELECT 1 FROM registrations g WHERE g.event_id = " + ev + " AND g.status = 'registered' AND g.member_id = ";
    std::vector<std::string> out;
    auto collect = [&](const std::string& what, const std::string& q) {
      long long id = 0;
      soci::statement st = (sql.prepare << q, soci::into(id));
      st.execute();
      while (st.fetch()) out.push_back(what + " " + std::to_string(id));
    };
    collect("scheduled meeting with someone not registered:",
            "SELECT mt.id FROM meetings mt JOIN rounds r ON r.id = mt.round_id WHERE r.event_id = " + ev +
                " AND mt.status = 'scheduled' AND (NOT EXISTS (" + reg + "mt.a) OR NOT EXISTS (" + reg + "mt.b))");
    collect("scheduled meeting outside the event or without a slot:",
            "SELECT mt.id FROM meetings mt JOIN rounds r ON r.id = mt.round_id JOIN events e ON e.id = r.event_id "
            "LEFT JOIN round_slots s ON s.id = mt.slot_id WHERE r.event_id = " +
                ev +
                " AND mt.status <> 'cancelled' "
                "AND (s.id IS NULL OR s.starts_at < e.starts_at OR s.ends_at > e.ends_at)");
    collect("slot outside the event:",
            "SELECT s.id FROM round_slots s JOIN rounds r ON r.id = s.round_id JOIN events e ON e.id = r.event_id "
            "WHERE r.event_id = " +
                ev + " AND (s.starts_at < e.starts_at OR s.ends_at > e.ends_at)");
    collect("open request with someone who left:", "SELECT q.id FROM meeting_requests q WHERE q.event_id = " + ev +
                                                       " AND q.status IN ('pending', 'accepted') "
                                                       "AND (NOT EXISTS (" +
                                                       reg + "q.from_member) OR NOT EXISTS (" + reg + "q.to_member))");
    collect("pending request outliving the event:",
            "SELECT q.id FROM meeting_requests q JOIN events e ON e.id = q.event_id WHERE q.event_id = " + ev +
                " AND q.status = 'pending' AND q.expires_at > e.ends_at");
    collect("seat of someone not registered:",
            "SELECT p.member_id FROM seating_places p JOIN seatings s ON s.id = p.seating_id WHERE s.event_id = " + ev +
                " AND NOT EXISTS (" + reg + "p.member_id)");
    return out;
  }

  // The newest notification of `member` as they read it (masked where due).
  notify::Notification Latest(const model::Member& member) {
    notify::NotificationService svc(*db_, clock_);
    auto page = svc.List(As(member), false, 1, 0);
    EXPECT_TRUE(page.ok() && !page->items.empty()) << member.name;
    return page.ok() && !page->items.empty() ? page->items[0] : notify::Notification{};
  }

  static std::string Join(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += x + "\n";
    return s;
  }
};

// Row "registration cancelled": meetings cancelled (CANCEL, SEQUENCE+1), open
// requests to and from them lapse, their seats go, each other party is told
// once, the first on the waitlist is promoted, the freed slot can be filled.
TEST_F(LifecycleTest, Issue16RegistrationCancelledEndsMeetingsRequestsSeatsAndTellsEveryone) {
  auto ev = Event(/*capacity=*/5);
  auto anja = Person("Anja Kamphuis"), pieter = Person("Pieter Lammerink", "industry"),
       carla = Person("Carla Smit", "education"), dirk = Person("Dirk Jansen", "industry"), eva = Person("Eva Bos"),
       frank = Person("Frank Wachter");
  RegisterAll(ev, {anja, pieter, carla, dirk, eva, frank});  // frank waits
  ASSERT_EQ(events_->MyRegistration(As(frank), ev.event.id)->status, RegistrationStatus::kWaitlisted);
  Agree(ev, anja, pieter);
  Round round = MakeRound(ev, {4}, 1, 1);
  ASSERT_TRUE(meetings_->AutoSchedule(leader_, round.id).ok());
  const auto meeting = MeetingOf(round, anja, pieter);
  ASSERT_EQ(meeting.status, "scheduled");
  const model::Id eva_req = Agree(ev, eva, anja);  // accepted, no place left (one slot, one table)
  const model::Id carla_req = meetings_->Request(As(carla), ev.event.id, anja.id, "")->id;  // pending to anja
  const model::Id dirk_req = meetings_->Request(As(anja), ev.event.id, dirk.id, "")->id;    // pending from anja
  SeatingService seating(*db_, clock_);
  auto s = seating.Create(leader_, ev.event.id, {.title = "Tafels", .tables = 2, .table_size = 4, .rounds = 2});
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  ASSERT_TRUE(seating.Run(leader_, s->id).ok());
  ASSERT_FALSE(seating.MyTables(As(anja), ev.event.id)->empty());
  const Invite before = Parse(meetings_->MeetingInvite(As(pieter), meeting.id));
  const Invite reg_before = Parse(calendar_->RegistrationInvite(As(anja), ev.event.id, anja.id));
  ASSERT_EQ(before.method, "REQUEST");
  const long long mark = Mark();

  ASSERT_TRUE(events_->Cancel(As(anja), ev.event.id, anja.id).ok());

  EXPECT_EQ(Join(Orphans(ev.event.id)), "");
  const Invite after = Parse(meetings_->MeetingInvite(As(pieter), meeting.id));
  EXPECT_EQ(after.method, "CANCEL");
  EXPECT_EQ(after.sequence, before.sequence + 1);
  const Invite own = Parse(meetings_->MeetingInvite(As(anja), meeting.id));
  EXPECT_EQ(own.method, "CANCEL");
  const Invite reg_after = Parse(calendar_->RegistrationInvite(As(anja), ev.event.id, anja.id));
  EXPECT_EQ(reg_after.method, "CANCEL");
  EXPECT_EQ(reg_after.sequence, reg_before.sequence + 1);
  EXPECT_TRUE(seating.MyTables(As(anja), ev.event.id)->empty());
  auto plan = seating.Plan(leader_, s->id);
  ASSERT_TRUE(plan.ok());
  for (const auto& t : plan->tables)
    for (const auto& p : t.people) EXPECT_NE(p.member_id, anja.id) << "round " << t.round << " table " << t.table;
  // Who was told what.
  auto one = [&](const model::Member& m, const std::string& kind, const std::string& ref, long long about) {
    auto notes = NotesSince(m, mark);
    ASSERT_EQ(notes.size(), 1u) << m.name;
    EXPECT_EQ(notes[0].kind, kind) << m.name;
    EXPECT_EQ(notes[0].ref, ref) << m.name;
    EXPECT_EQ(notes[0].about, about) << m.name;
  };
  one(pieter, "meeting_cancelled", "meeting:" + std::to_string(meeting.id), anja.id);
  one(eva, "meeting_cancelled", "meeting_request:" + std::to_string(eva_req), anja.id);
  one(carla, "meeting_cancelled", "meeting_request:" + std::to_string(carla_req), anja.id);
  one(dirk, "meeting_cancelled", "meeting_request:" + std::to_string(dirk_req), anja.id);
  one(frank, "waitlist_promoted", "event:" + std::to_string(ev.event.id), 0);
  EXPECT_TRUE(NotesSince(anja, mark).empty());  // she did it herself
  auto carlas = meetings_->Requests(As(carla), ev.event.id);
  ASSERT_TRUE(carlas.ok());
  ASSERT_EQ(carlas->size(), 1u);
  for (const auto& q : *carlas) EXPECT_EQ(q.status, RequestStatus::kCancelled) << q.id;
  // Pieter reads that the slot is free; the next run fills it with his new request.
  EXPECT_NE(Latest(pieter).text.en.find("free again"), std::string::npos);
  Agree(ev, pieter, carla);
  ASSERT_TRUE(meetings_->AutoSchedule(leader_, round.id).ok());
  const auto refill = MeetingOf(round, pieter, carla);
  EXPECT_EQ(refill.status, "scheduled");
  EXPECT_EQ(refill.slot_id, meeting.slot_id);
  EXPECT_EQ(Join(Orphans(ev.event.id)), "");
}

// Row "removed from the waitlist": by an organizer → the member is told and
// their invite is cancelled; by themself → nobody is told; nobody is promoted.
TEST_F(LifecycleTest, Issue16RemovedFromTheWaitlistIsToldAndTheInviteCancelled) {
  auto ev = Event(/*capacity=*/1);
  auto anja = Person("Anja Kamphuis"), pieter = Person("Pieter Lammerink"), carla = Person("Carla Smit");
  RegisterAll(ev, {anja, pieter, carla});
  ASSERT_EQ(events_->MyRegistration(As(pieter), ev.event.id)->waitlist_position, 1);
  const Invite before = Parse(calendar_->RegistrationInvite(As(pieter), ev.event.id, pieter.id));
  ASSERT_EQ(before.method, "REQUEST");
  long long mark = Mark();
  ASSERT_TRUE(events_->Cancel(leader_, ev.event.id, pieter.id).ok());
  auto told = NotesSince(pieter, mark);
  ASSERT_EQ(told.size(), 1u);
  EXPECT_EQ(told[0].kind, "registration_cancelled");
  EXPECT_EQ(told[0].ref, "event:" + std::to_string(ev.event.id));
  const Invite after = Parse(calendar_->RegistrationInvite(As(pieter), ev.event.id, pieter.id));
  EXPECT_EQ(after.method, "CANCEL");
  EXPECT_EQ(after.sequence, before.sequence + 1);
  EXPECT_EQ(events_->MyRegistration(As(carla), ev.event.id)->waitlist_position, 1);
  EXPECT_TRUE(NotesSince(carla, mark).empty());  // the seat is still taken: no promotion
  EXPECT_TRUE(NotesSince(anja, mark).empty());
  mark = Mark();
  ASSERT_TRUE(events_->Cancel(As(carla), ev.event.id, carla.id).ok());
  EXPECT_TRUE(NotesSince(carla, mark).empty());
  EXPECT_EQ(Join(Orphans(ev.event.id)), "");
}

// Row "event shortened" (there is no cancelling an event): slots outside the
// new time go, their meetings are re-placed or cancelled (both told), pending
// requests expire at the new end. Row "event moved": slots and meetings move
// along (both told, SEQUENCE up, new start).
TEST_F(LifecycleTest, Issue16ShortenedOrMovedEventTakesItsRoundsAlong) {
  auto ev = Event();
  auto anja = Person("Anja Kamphuis"), pieter = Person("Pieter Lammerink"), carla = Person("Carla Smit"),
       dirk = Person("Dirk Jansen"), eva = Person("Eva Bos"), frank = Person("Frank Wachter");
  RegisterAll(ev, {anja, pieter, carla, dirk, eva, frank});
  Round round = MakeRound(ev, {1, 6, 7}, 2, 1);
  // Anja and Pieter can only in the second slot, Carla and Dirk only in the third (until they say otherwise).
  ASSERT_TRUE(meetings_->SetUnavailable(As(anja), round.id, {round.slots[0].id, round.slots[2].id}).ok());
  ASSERT_TRUE(meetings_->SetUnavailable(As(carla), round.id, {round.slots[0].id, round.slots[1].id}).ok());
  ASSERT_TRUE(meetings_->SetUnavailable(As(eva), round.id, {round.slots[1].id, round.slots[2].id}).ok());
  Agree(ev, anja, pieter);
  Agree(ev, carla, dirk);
  Agree(ev, eva, frank);
  ASSERT_TRUE(meetings_->AutoSchedule(leader_, round.id).ok());
  const auto ap = MeetingOf(round, anja, pieter), cd = MeetingOf(round, carla, dirk), ef = MeetingOf(round, eva, frank);
  ASSERT_EQ(ap.slot_id, round.slots[1].id);
  ASSERT_EQ(cd.slot_id, round.slots[2].id);
  ASSERT_EQ(ef.slot_id, round.slots[0].id);
  ASSERT_TRUE(meetings_->SetUnavailable(As(anja), round.id, {}).ok());  // now Anja could come to the first slot
  const model::Id pending = meetings_->Request(As(anja), ev.event.id, eva.id, "")->id;
  const Invite ap_before = Parse(meetings_->MeetingInvite(As(pieter), ap.id));
  const Invite cd_before = Parse(meetings_->MeetingInvite(As(dirk), cd.id));
  const Invite ef_before = Parse(meetings_->MeetingInvite(As(eva), ef.id));
  long long mark = Mark();

  EventInfo shorter = *events_->Get(leader_, ev.event.id);
  shorter.event.ends_at = shorter.event.starts_at + 3 * kHour;  // slots 2 and 3 fall out
  auto upd = events_->Update(leader_, shorter);
  ASSERT_TRUE(upd.ok()) << upd.status().ToString();

  EXPECT_EQ(Join(Orphans(ev.event.id)), "");
  ASSERT_EQ(meetings_->GetRound(leader_, round.id)->slots.size(), 1u);
  const auto ap_now = MeetingOf(round, anja, pieter), cd_now = MeetingOf(round, carla, dirk);
  EXPECT_EQ(ap_now.status, "scheduled");  // re-placed at the free table of the first slot
  EXPECT_EQ(ap_now.slot_id, round.slots[0].id);
  EXPECT_EQ(cd_now.status, "cancelled");  // Carla cannot come then
  const Invite ap_after = Parse(meetings_->MeetingInvite(As(pieter), ap.id));
  EXPECT_EQ(ap_after.method, "REQUEST");
  EXPECT_GT(ap_after.sequence, ap_before.sequence);
  EXPECT_EQ(ap_after.start, round.slots[0].starts_at);
  const Invite cd_after = Parse(meetings_->MeetingInvite(As(dirk), cd.id));
  EXPECT_EQ(cd_after.method, "CANCEL");
  EXPECT_GT(cd_after.sequence, cd_before.sequence);
  for (const auto* m : {&anja, &pieter}) {
    auto n = NotesSince(*m, mark);
    ASSERT_EQ(n.size(), 1u) << m->name;
    EXPECT_EQ(n[0].kind, "meeting_rescheduled");
    EXPECT_EQ(n[0].about, m->id == anja.id ? pieter.id : anja.id);
  }
  for (const auto* m : {&carla, &dirk}) {
    auto n = NotesSince(*m, mark);
    ASSERT_EQ(n.size(), 1u) << m->name;
    EXPECT_EQ(n[0].kind, "meeting_cancelled");
    EXPECT_EQ(n[0].ref, "meeting:" + std::to_string(cd.id));
  }
  EXPECT_TRUE(NotesSince(eva, mark).empty());  // her meeting stays where it was
  {
    soci::session sql(db_->pool());
    long long x = 0, id = pending;
    sql << "SELECT expires_at FROM meeting_requests WHERE id = :id", soci::use(id), soci::into(x);
    EXPECT_EQ(x, shorter.event.ends_at);
  }

  // Moved a day later, same length: every slot and meeting moves along.
  mark = Mark();
  EventInfo later = *events_->Get(leader_, ev.event.id);
  later.event.starts_at += 86400;
  later.event.ends_at += 86400;
  ASSERT_TRUE(events_->Update(leader_, later).ok());
  EXPECT_EQ(Join(Orphans(ev.event.id)), "");
  EXPECT_EQ(meetings_->GetRound(leader_, round.id)->slots[0].starts_at, round.slots[0].starts_at + 86400);
  const Invite moved = Parse(meetings_->MeetingInvite(As(eva), ef.id));
  EXPECT_EQ(moved.method, "REQUEST");
  EXPECT_EQ(moved.start, ef_before.start + 86400);
  EXPECT_GT(moved.sequence, ef_before.sequence);
  for (const auto* m : {&anja, &pieter, &eva, &frank}) {
    auto n = NotesSince(*m, mark);
    ASSERT_EQ(n.size(), 1u) << m->name;
    EXPECT_EQ(n[0].kind, "meeting_moved");
  }
  EXPECT_TRUE(NotesSince(carla, mark).empty());  // her meeting was cancelled already
}

// Row "round slot removed": its meetings are re-placed where possible, else
// cancelled; both people are told either way; the invites follow.
TEST_F(LifecycleTest, Issue16RemovedRoundSlotReplacesOrCancelsAndTellsBoth) {
  auto ev = Event();
  auto anja = Person("Anja Kamphuis"), pieter = Person("Pieter Lammerink"), carla = Person("Carla Smit"),
       dirk = Person("Dirk Jansen");
  RegisterAll(ev, {anja, pieter, carla, dirk});
  Round round = MakeRound(ev, {1, 2, 3}, 1, 1);
  ASSERT_TRUE(meetings_->SetUnavailable(As(carla), round.id, {round.slots[0].id, round.slots[2].id}).ok());
  ASSERT_TRUE(meetings_->SetUnavailable(As(anja), round.id, {round.slots[1].id, round.slots[2].id}).ok());
  Agree(ev, anja, pieter);
  Agree(ev, carla, dirk);
  ASSERT_TRUE(meetings_->AutoSchedule(leader_, round.id).ok());
  const auto ap = MeetingOf(round, anja, pieter), cd = MeetingOf(round, carla, dirk);
  ASSERT_EQ(ap.slot_id, round.slots[0].id);
  ASSERT_EQ(cd.slot_id, round.slots[1].id);
  ASSERT_TRUE(meetings_->SetUnavailable(As(anja), round.id, {}).ok());
  const Invite ap_before = Parse(meetings_->MeetingInvite(As(anja), ap.id));
  const Invite cd_before = Parse(meetings_->MeetingInvite(As(carla), cd.id));
  long long mark = Mark();
  // Anja and Pieter's slot goes: the third slot is free for them.
  auto run = meetings_->RemoveSlot(leader_, round.id, round.slots[0].id);
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  EXPECT_EQ(run->rescheduled, 1);
  EXPECT_EQ(MeetingOf(round, anja, pieter).slot_id, round.slots[2].id);
  const Invite ap_after = Parse(meetings_->MeetingInvite(As(anja), ap.id));
  EXPECT_EQ(ap_after.method, "REQUEST");
  EXPECT_EQ(ap_after.sequence, ap_before.sequence + 1);
  EXPECT_EQ(ap_after.start, round.slots[2].starts_at);
  for (const auto* m : {&anja, &pieter}) {
    auto n = NotesSince(*m, mark);
    ASSERT_EQ(n.size(), 1u) << m->name;
    EXPECT_EQ(n[0].kind, "meeting_rescheduled");
  }
  // Carla and Dirk's slot goes: Carla can come to no other slot.
  mark = Mark();
  run = meetings_->RemoveSlot(leader_, round.id, round.slots[1].id);
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  EXPECT_EQ(run->cancelled, 1);
  EXPECT_EQ(MeetingOf(round, carla, dirk).status, "cancelled");
  const Invite cd_after = Parse(meetings_->MeetingInvite(As(carla), cd.id));
  EXPECT_EQ(cd_after.method, "CANCEL");
  EXPECT_EQ(cd_after.sequence, cd_before.sequence + 1);
  for (const auto* m : {&carla, &dirk}) {
    auto n = NotesSince(*m, mark);
    ASSERT_EQ(n.size(), 1u) << m->name;
    EXPECT_EQ(n[0].kind, "meeting_cancelled");
    EXPECT_EQ(n[0].about, m->id == carla.id ? dirk.id : carla.id);
  }
  EXPECT_TRUE(NotesSince(anja, mark).empty());
  EXPECT_EQ(Join(Orphans(ev.event.id)), "");
}

// Row "profile hidden": hiding is not leaving. Meetings, requests, visits and
// seats stay; nobody is told (that would point at them); everyone else sees
// "een lid" / "a member" — in schedules, visits, invites and old notifications.
TEST_F(LifecycleTest, Issue16HiddenProfileKeepsEverythingAndNamesNoOne) {
  auto ev = Event();
  auto anja = Person("Anja Kamphuis"), pieter = Person("Pieter Lammerink"), carla = Person("Carla Smit");
  pieter.hosts_visits = true;
  pieter.visit_location = "Almelo, hal 3";
  pieter = *members_->Update(Viewer::System(), pieter);
  RegisterAll(ev, {anja, pieter, carla});
  Agree(ev, anja, pieter);
  Round round = MakeRound(ev, {2}, 1, 1);
  ASSERT_TRUE(meetings_->AutoSchedule(leader_, round.id).ok());
  const auto meeting = MeetingOf(round, anja, pieter);
  ASSERT_EQ(meeting.status, "scheduled");
  const model::Id pending = meetings_->Request(As(carla), ev.event.id, pieter.id, "")->id;
  auto visit = visits_->Request(As(anja), pieter.id, "Hoe doen jullie dat?", {kNow + 10 * 86400}, 3600);
  ASSERT_TRUE(visit.ok());
  ASSERT_TRUE(visits_->Accept(As(pieter), visit->id, kNow + 10 * 86400).ok());
  const Invite visit_before = Parse(visits_->Invite(As(anja), visit->id));
  ASSERT_NE(visit_before.text.find("Pieter"), std::string::npos);
  const long long mark = Mark();

  pieter.visibility = model::Visibility::kHidden;
  ASSERT_TRUE(members_->Update(As(pieter), pieter).ok());

  EXPECT_EQ(Join(Orphans(ev.event.id)), "");
  for (const auto* m : {&anja, &pieter, &carla}) EXPECT_TRUE(NotesSince(*m, mark).empty()) << m->name;
  auto mine = *meetings_->MySchedule(As(anja), ev.event.id);  // only scheduled meetings
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0].id, meeting.id);
  EXPECT_EQ(meetings_->MySchedule(As(pieter), ev.event.id)->size(), 1u);
  const bool anja_is_a = mine[0].a == anja.id;
  EXPECT_EQ(anja_is_a ? mine[0].b : mine[0].a, 0);
  EXPECT_EQ(anja_is_a ? mine[0].b_name : mine[0].a_name, "");
  auto reqs = *meetings_->Requests(As(carla), ev.event.id);
  ASSERT_EQ(reqs.size(), 1u);
  EXPECT_EQ(reqs[0].id, pending);
  EXPECT_EQ(reqs[0].status, RequestStatus::kPending);
  EXPECT_EQ(reqs[0].to, 0);
  auto v = *visits_->Get(As(anja), visit->id);
  EXPECT_EQ(v.status, VisitStatus::kAccepted);
  EXPECT_EQ(v.host_id, 0);
  EXPECT_EQ(v.host_name, "");
  const Invite visit_after = Parse(visits_->Invite(As(anja), visit->id));
  EXPECT_EQ(visit_after.method, "REQUEST");
  EXPECT_EQ(visit_after.text.find("Pieter"), std::string::npos);
  const Invite meeting_after = Parse(meetings_->MeetingInvite(As(anja), meeting.id));
  EXPECT_EQ(meeting_after.method, "REQUEST");
  EXPECT_EQ(meeting_after.text.find("Pieter"), std::string::npos);
  notify::NotificationService notes(*db_, clock_);
  auto page = notes.List(As(anja), false, 50, 0);
  ASSERT_TRUE(page.ok());
  bool saw_accept = false;
  for (const auto& n : page->items) {
    EXPECT_EQ(n.text.en.find("Pieter"), std::string::npos) << n.text.en;
    EXPECT_EQ(n.text.nl.find("Pieter"), std::string::npos) << n.text.nl;
    saw_accept = saw_accept || n.kind == "visit_accepted";
  }
  EXPECT_TRUE(saw_accept);
}

// Rows "visit declined" and "visit cancelled by either side": the other party
// is told; an agreed visit's invite becomes CANCEL with SEQUENCE+1.
TEST_F(LifecycleTest, Issue16VisitDeclinedOrCancelledByEitherSideTellsTheOther) {
  auto anja = Person("Anja Kamphuis"), pieter = Person("Pieter Lammerink");
  pieter.hosts_visits = true;
  pieter.visit_location = "Almelo, hal 3";
  pieter = *members_->Update(Viewer::System(), pieter);
  const int64_t day = kNow + 10 * 86400;
  auto told = [&](const model::Member& m, long long mark, const std::string& kind, model::Id visit, model::Id about) {
    auto n = NotesSince(m, mark);
    ASSERT_EQ(n.size(), 1u) << kind;
    EXPECT_EQ(n[0].kind, kind);
    EXPECT_EQ(n[0].ref, "visit:" + std::to_string(visit));
    EXPECT_EQ(n[0].about, about);
  };
  // Declined: no date was ever agreed, so there is no invite to cancel.
  auto v1 = *visits_->Request(As(anja), pieter.id, "Kijken", {day}, 3600);
  long long mark = Mark();
  ASSERT_TRUE(visits_->Decline(As(pieter), v1.id).ok());
  told(anja, mark, "visit_declined", v1.id, pieter.id);
  EXPECT_TRUE(NotesSince(pieter, mark).empty());
  EXPECT_EQ(visits_->Invite(As(anja), v1.id).status().code(), Code::kConflict);
  // Withdrawn by the visitor before an answer.
  auto v2 = *visits_->Request(As(anja), pieter.id, "Kijken", {day}, 3600);
  mark = Mark();
  ASSERT_TRUE(visits_->Cancel(As(anja), v2.id).ok());
  told(pieter, mark, "visit_cancelled", v2.id, anja.id);
  // Agreed, then cancelled by the visitor, then (another) by the host.
  for (bool by_host : {false, true}) {
    auto v = *visits_->Request(As(anja), pieter.id, "Kijken", {day}, 3600);
    ASSERT_TRUE(visits_->Accept(As(pieter), v.id, day).ok());
    const Invite before = Parse(visits_->Invite(As(anja), v.id));
    ASSERT_EQ(before.method, "REQUEST");
    mark = Mark();
    ASSERT_TRUE(visits_->Cancel(As(by_host ? pieter : anja), v.id).ok());
    told(by_host ? anja : pieter, mark, "visit_cancelled", v.id, by_host ? pieter.id : anja.id);
    EXPECT_TRUE(NotesSince(by_host ? pieter : anja, mark).empty());
    for (const auto* reader : {&anja, &pieter}) {
      const Invite after = Parse(visits_->Invite(As(*reader), v.id));
      EXPECT_EQ(after.method, "CANCEL") << reader->name;
      EXPECT_EQ(after.sequence, before.sequence + 1) << reader->name;
    }
  }
  soci::session sql(db_->pool());
  long long open = 0;
  sql << "SELECT count(*) FROM visits WHERE status IN ('requested', 'accepted')", soci::into(open);
  EXPECT_EQ(open, 0);
}

// Rows "request withdrawn", "request declined" and "cancelled after
// acceptance" (declining is for pending requests only): the other side is
// told; a scheduled meeting goes (CANCEL, SEQUENCE+1) and its slot is offered
// back — the partner reads that it is free, the next run can fill it.
TEST_F(LifecycleTest, Issue16MeetingRequestWithdrawnDeclinedOrCancelledAfterAcceptance) {
  auto ev = Event();
  auto anja = Person("Anja Kamphuis"), pieter = Person("Pieter Lammerink"), carla = Person("Carla Smit"),
       dirk = Person("Dirk Jansen"), eva = Person("Eva Bos");
  RegisterAll(ev, {anja, pieter, carla, dirk, eva});
  auto told = [&](const model::Member& m, long long mark, const std::string& kind, model::Id req, model::Id about) {
    auto n = NotesSince(m, mark);
    ASSERT_EQ(n.size(), 1u) << kind;
    EXPECT_EQ(n[0].kind, kind);
    EXPECT_EQ(n[0].ref, "meeting_request:" + std::to_string(req));
    EXPECT_EQ(n[0].about, about);
  };
  auto r1 = *meetings_->Request(As(anja), ev.event.id, pieter.id, "");
  long long mark = Mark();
  ASSERT_TRUE(meetings_->Respond(As(anja), r1.id, RequestAction::kCancel).ok());
  told(pieter, mark, "meeting_cancelled", r1.id, anja.id);
  auto r2 = *meetings_->Request(As(carla), ev.event.id, pieter.id, "");
  mark = Mark();
  ASSERT_TRUE(meetings_->Respond(As(pieter), r2.id, RequestAction::kDecline).ok());
  told(carla, mark, "meeting_declined", r2.id, pieter.id);
  // Accepted, scheduled, then cancelled by the one who was asked.
  const model::Id r3 = Agree(ev, anja, dirk);
  EXPECT_EQ(meetings_->Respond(As(dirk), r3, RequestAction::kDecline).status().code(), Code::kConflict);
  Round round = MakeRound(ev, {2}, 1, 1);
  ASSERT_TRUE(meetings_->AutoSchedule(leader_, round.id).ok());
  const auto meeting = MeetingOf(round, anja, dirk);
  ASSERT_EQ(meeting.status, "scheduled");
  const Invite before = Parse(meetings_->MeetingInvite(As(anja), meeting.id));
  mark = Mark();
  ASSERT_TRUE(meetings_->Respond(As(dirk), r3, RequestAction::kCancel).ok());
  told(anja, mark, "meeting_cancelled", r3, dirk.id);
  EXPECT_TRUE(NotesSince(dirk, mark).empty());
  EXPECT_EQ(MeetingOf(round, anja, dirk).status, "cancelled");
  for (const auto* reader : {&anja, &dirk}) {
    const Invite after = Parse(meetings_->MeetingInvite(As(*reader), meeting.id));
    EXPECT_EQ(after.method, "CANCEL");
    EXPECT_EQ(after.sequence, before.sequence + 1);
  }
  auto latest = Latest(anja);
  EXPECT_NE(latest.text.en.find("free again"), std::string::npos) << latest.text.en;
  EXPECT_NE(latest.text.nl.find("weer vrij"), std::string::npos) << latest.text.nl;
  Agree(ev, eva, anja);
  ASSERT_TRUE(meetings_->AutoSchedule(leader_, round.id).ok());
  EXPECT_EQ(MeetingOf(round, anja, eva).slot_id, meeting.slot_id);
  // Accepted but not scheduled, cancelled by the sender: no slot to offer.
  const model::Id r4 = Agree(ev, carla, pieter);
  mark = Mark();
  ASSERT_TRUE(meetings_->Respond(As(carla), r4, RequestAction::kCancel).ok());
  told(pieter, mark, "meeting_cancelled", r4, carla.id);
  EXPECT_EQ(Latest(pieter).text.en.find("free again"), std::string::npos);
  EXPECT_EQ(Join(Orphans(ev.event.id)), "");
}

// Row "account deleted": AccountService::DeleteMember runs every module's
// MemberDataOwner inside its one transaction; events' (events/member_data.cpp)
// first cancels every registration for an event still to come as the system —
// that is the "registration cancelled" row, without telling the member who
// leaves — then the member goes (what is left of theirs by ON DELETE CASCADE).
// Wired here as the server wires it (app_services/account_wiring.cpp), with a
// probe after events that sees the meeting cancelled inside the transaction
// (its invite is METHOD:CANCEL from then on); afterwards the partner's
// notification names "een lid" / "a member".
TEST_F(LifecycleTest, Issue16DeletedAccountLeavesNoOrphansAndIsNamedNoMore) {
  auto ev = Event(/*capacity=*/3);
  auto anja = Person("Anja Kamphuis"), pieter = Person("Pieter Lammerink"), carla = Person("Carla Smit"),
       dirk = Person("Dirk Jansen");
  RegisterAll(ev, {anja, pieter, carla, dirk});  // dirk waits
  Agree(ev, anja, pieter);
  Round round = MakeRound(ev, {2}, 1, 1);
  ASSERT_TRUE(meetings_->AutoSchedule(leader_, round.id).ok());
  const auto meeting = MeetingOf(round, anja, pieter);
  ASSERT_EQ(meeting.status, "scheduled");
  const model::Id pending = meetings_->Request(As(carla), ev.event.id, anja.id, "")->id;
  SeatingService seating(*db_, clock_);
  auto s = seating.Create(leader_, ev.event.id, {.title = "Tafels", .tables = 1, .table_size = 4, .rounds = 1});
  ASSERT_TRUE(seating.Run(leader_, s->id).ok());
  const long long mark = Mark();

  struct MeetingProbe : domain::MemberDataOwner {
    long long meeting = 0;
    std::string status;
    std::string Name() const override { return "probe"; }
    Status Erase(soci::session& sql, const domain::MemberRecord&, int64_t) override {
      sql << "SELECT status FROM meetings WHERE id = :id", soci::use(meeting), soci::into(status);
      return Status::Ok();
    }
    Result<std::vector<domain::ExportPart>> Export(soci::session&, const domain::MemberRecord&) override {
      return std::vector<domain::ExportPart>{};
    }
  };
  auto probe = std::make_shared<MeetingProbe>();
  probe->meeting = meeting.id;
  auto registry = std::make_shared<domain::MemberDataRegistry>();
  RegisterMemberData(*registry);
  registry->Register(probe);
  notify::RegisterMemberData(*registry);
  domain::AccountService accounts(*db_, clock_, {nullptr, registry});
  ASSERT_TRUE(accounts.DeleteMember(leader_, anja.id, "").ok());
  EXPECT_EQ(probe->status, "cancelled");

  EXPECT_EQ(Join(Orphans(ev.event.id)), "");
  auto p = NotesSince(pieter, mark);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].kind, "meeting_cancelled");
  auto c = NotesSince(carla, mark);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].ref, "meeting_request:" + std::to_string(pending));
  auto d = NotesSince(dirk, mark);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].kind, "waitlist_promoted");
  for (const auto* m : {&pieter, &carla}) {
    auto n = Latest(*m);
    EXPECT_EQ(n.text.en.find("Anja"), std::string::npos) << n.text.en;
    EXPECT_NE(n.text.en.find("A member"), std::string::npos) << n.text.en;
    EXPECT_NE(n.text.nl.find("Een lid"), std::string::npos) << n.text.nl;
  }
  EXPECT_TRUE(meetings_->MySchedule(As(pieter), ev.event.id)->empty());
  EXPECT_TRUE(meetings_->Requests(As(carla), ev.event.id)->empty());  // the request went with her
}

}  // namespace
}  // namespace verbinder::events
