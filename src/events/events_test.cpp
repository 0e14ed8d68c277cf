// Events, registration, waitlist, check-in and iCalendar against a real
// database (SQLite file; PostgreSQL with VERBINDER_TEST_BACKEND=postgres).
#include <atomic>
#include <thread>

#include "events/ical.h"
#include "events/test_util.h"

namespace verbinder::events {
namespace {

using domain::Viewer;
using testing::kHour;
using testing::kNow;

class EventsTest : public testing::EventsFixture {};

TEST_F(EventsTest, CreateValidatesEveryFieldAndWritesNothingOnError) {
  struct Case {
    std::function<void(EventInfo&)> edit;
    std::string field;
  };
  std::vector<Case> cases = {
      {[](EventInfo& e) { e.event.title = " "; }, "title"},
      {[](EventInfo& e) { e.event.ends_at = e.event.starts_at - 1; }, "ends_at"},
      {[](EventInfo& e) { e.event.starts_at = 0; }, "starts_at"},
      {[](EventInfo& e) { e.event.timezone = "Europe/Atlantis"; }, "timezone"},
      {[](EventInfo& e) { e.event.capacity = -1; }, "capacity"},
      {[](EventInfo& e) { e.event.registration_deadline = e.event.ends_at + 1; }, "registration_deadline"},
      {[](EventInfo& e) { e.request_ttl = 10; }, "request_ttl"},
      {[](EventInfo& e) {
         e.programme = {{0, "Talk", "", e.event.starts_at, e.event.ends_at + 60, "Zaal 1"}};
       },
       "programme[0].ends_at"},
      {[](EventInfo& e) {
         e.programme = {{0, "A", "", e.event.starts_at, e.event.starts_at + kHour, "Zaal 1"},
                        {0, "B", "", e.event.starts_at + 1800, e.event.starts_at + 2 * kHour, "Zaal 1"}};
       },
       "programme[1].starts_at"},
      {[](EventInfo& e) { e.organizers = {999999}; }, "organizers[0]"},
  };
  for (const auto& c : cases) {
    EventInfo e;
    e.event.title = "Inspiratiesessie";
    e.event.starts_at = kNow + 86400;
    e.event.ends_at = kNow + 86400 + 2 * kHour;
    c.edit(e);
    auto r = events_->Create(leader_, e);
    ASSERT_FALSE(r.ok()) << c.field;
    EXPECT_EQ(r.status().field(), c.field) << r.status().ToString();
    EXPECT_NE(r.status().code(), Code::kInternal);
  }
  auto anja = Make("Anja Kamphuis", "care", "Thuiszorg De Noaber");
  EventInfo ok;
  ok.event.title = "Mine";
  ok.event.starts_at = kNow + 86400;
  ok.event.ends_at = kNow + 90000;
  EXPECT_EQ(events_->Create(As(anja), ok).status().code(), Code::kPermissionDenied);
  auto page = events_->List(leader_, {});
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 0);
  // Overlapping items in different rooms are fine; programme comes back sorted.
  ok.programme = {{0, "B", "", ok.event.starts_at + 1800, ok.event.starts_at + 3000, "Zaal 2"},
                  {0, "A", "", ok.event.starts_at, ok.event.starts_at + 2400, "Zaal 1"}};
  auto created = events_->Create(leader_, ok);
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  ASSERT_EQ(created->programme.size(), 2u);
  EXPECT_EQ(created->programme[0].title, "A");
  EXPECT_EQ(created->event.timezone, "Europe/Amsterdam");
}

TEST_F(EventsTest, WaitlistIsFirstComeFirstServedAndCancellationPromotes) {
  auto ev = NewEvent(2);
  std::vector<model::Member> m;
  m.reserve(5);
  for (int i = 0; i < 5; ++i) m.push_back(Make("Lid " + std::to_string(i), "care", "Org " + std::to_string(i)));
  std::vector<Registration> regs;
  for (int i = 0; i < 4; ++i) {
    auto r = events_->Register(As(m[i]), ev.event.id, m[i].id);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    regs.push_back(*r);
    clock_.Advance(1);
  }
  EXPECT_EQ(regs[0].status, RegistrationStatus::kRegistered);
  EXPECT_EQ(regs[1].status, RegistrationStatus::kRegistered);
  EXPECT_EQ(regs[2].status, RegistrationStatus::kWaitlisted);
  EXPECT_EQ(regs[2].waitlist_position, 1);
  EXPECT_EQ(regs[3].waitlist_position, 2);
  EXPECT_FALSE(regs[0].checkin_code.empty());

  auto twice = events_->Register(As(m[0]), ev.event.id, m[0].id);
  EXPECT_EQ(twice.status().code(), Code::kConflict);
  EXPECT_EQ(twice.status().field(), "member_id");
  auto waiting_twice = events_->Register(As(m[2]), ev.event.id, m[2].id);
  EXPECT_EQ(waiting_twice.status().code(), Code::kConflict);
  EXPECT_EQ(events_->Register(As(m[0]), ev.event.id, m[1].id).status().code(), Code::kPermissionDenied);

  // A registered member cancels: the first on the waitlist moves up and is told.
  auto c = events_->Cancel(As(m[0]), ev.event.id, m[0].id);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->status, RegistrationStatus::kCancelled);
  auto promoted = events_->MyRegistration(As(m[2]), ev.event.id);
  ASSERT_TRUE(promoted.ok());
  EXPECT_EQ(promoted->status, RegistrationStatus::kRegistered);
  EXPECT_EQ(events_->MyRegistration(As(m[3]), ev.event.id)->waitlist_position, 1);
  auto notes = events_->Notifications(As(m[2]), 10, 0);
  ASSERT_TRUE(notes.ok());
  ASSERT_EQ(notes->items.size(), 1u);
  EXPECT_EQ(notes->items[0].kind, "waitlist_promoted");
  EXPECT_EQ(events_->Cancel(As(m[0]), ev.event.id, m[0].id).status().code(), Code::kConflict);

  // Re-registering after cancelling joins the end of the queue.
  auto again = events_->Register(As(m[0]), ev.event.id, m[0].id);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->status, RegistrationStatus::kWaitlisted);
  EXPECT_EQ(again->waitlist_position, 2);
  EXPECT_EQ(again->checkin_code, regs[0].checkin_code);  // codes stay stable

  // A waitlisted member cancelling frees no seat: nobody is promoted.
  ASSERT_TRUE(events_->Cancel(As(m[3]), ev.event.id, m[3].id).ok());
  EXPECT_EQ(events_->MyRegistration(As(m[0]), ev.event.id)->waitlist_position, 1);
  auto info = events_->Get(leader_, ev.event.id);
  EXPECT_EQ(info->registered, 2);
  EXPECT_EQ(info->waitlisted, 1);
}

TEST_F(EventsTest, Issue4ConcurrentRegistrationsForLastSeatsNeverOverbook) {
  auto ev = NewEvent(10);
  constexpr int kMembers = 60, kThreads = 10;
  std::vector<model::Member> m;
  m.reserve(kMembers);
  for (int i = 0; i < kMembers; ++i)
    m.push_back(Make("Gast " + std::to_string(i), "industry", "Fabriek " + std::to_string(i)));
  std::atomic<int> next{0}, errors{0}, registered{0}, waitlisted{0};
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int i = next++; i < kMembers; i = next++) {
        auto r = events_->Register(As(m[i]), ev.event.id, m[i].id);
        if (!r.ok()) {
          ++errors;
          ADD_FAILURE() << r.status().ToString();
          continue;
        }
        (r->status == RegistrationStatus::kRegistered ? registered : waitlisted)++;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(errors.load(), 0);
  EXPECT_EQ(registered.load(), 10);
  EXPECT_EQ(waitlisted.load(), kMembers - 10);
  auto info = events_->Get(leader_, ev.event.id);
  EXPECT_EQ(info->registered, 10);
  EXPECT_EQ(info->waitlisted, kMembers - 10);
  // Waitlist positions are exactly 1..50 (a queue, no ties).
  auto page = events_->Registrations(leader_, ev.event.id, RegistrationStatus::kWaitlisted, "", 500, 0);
  ASSERT_TRUE(page.ok());
  std::set<int> positions;
  for (const auto& r : page->items) positions.insert(r.waitlist_position);
  EXPECT_EQ(positions.size(), static_cast<size_t>(kMembers - 10));
  EXPECT_EQ(*positions.begin(), 1);
  EXPECT_EQ(*positions.rbegin(), kMembers - 10);

  // Concurrent cancellations promote exactly as many as cancel.
  std::vector<model::Member> cancelling;
  auto seated = events_->Registrations(leader_, ev.event.id, RegistrationStatus::kRegistered, "", 500, 0);
  ASSERT_TRUE(seated.ok()) << seated.status().ToString();
  for (const auto& r : seated->items)
    for (const auto& x : m)
      if (x.id == r.member_id) cancelling.push_back(x);
  ASSERT_EQ(cancelling.size(), 10u);
  threads.clear();
  for (int t = 0; t < 5; ++t)
    threads.emplace_back([&, t] {
      auto c = events_->Cancel(As(cancelling[t]), ev.event.id, cancelling[t].id);
      EXPECT_TRUE(c.ok()) << c.status().ToString();
      if (c.ok()) EXPECT_EQ(c->status, RegistrationStatus::kCancelled);
    });
  for (auto& t : threads) t.join();
  info = events_->Get(leader_, ev.event.id);
  EXPECT_EQ(info->registered, 10);
  EXPECT_EQ(info->waitlisted, kMembers - 15);
}

TEST_F(EventsTest, DeadlineEndAndCapacityRules) {
  auto ev = NewEvent(2);
  auto a = Make("A", "care", "Oa"), b = Make("B", "care", "Ob"), c = Make("C", "care", "Oc");
  ASSERT_TRUE(events_->Register(As(a), ev.event.id, a.id).ok());
  ASSERT_TRUE(events_->Register(As(b), ev.event.id, b.id).ok());
  ASSERT_TRUE(events_->Register(As(c), ev.event.id, c.id).ok());  // waitlisted
  EventInfo smaller = ev;
  smaller.event.capacity = 1;
  auto r = events_->Update(leader_, smaller);
  EXPECT_EQ(r.status().code(), Code::kConflict);
  EXPECT_EQ(r.status().field(), "capacity");
  EventInfo bigger = ev;
  bigger.event.capacity = 3;
  bigger.event.registration_deadline = kNow + 3600;
  auto u = events_->Update(leader_, bigger);
  ASSERT_TRUE(u.ok()) << u.status().ToString();
  EXPECT_EQ(u->registered, 3);  // more seats promote the waitlist
  EXPECT_EQ(u->revision, ev.revision + 1);
  auto d = Make("D", "care", "Od");
  clock_.Advance(3601);
  auto late = events_->Register(As(d), ev.event.id, d.id);
  EXPECT_EQ(late.status().code(), Code::kConflict);
  EXPECT_EQ(late.status().field(), "registration_deadline");
  EXPECT_EQ(events_->Register(As(d), 999999, d.id).status().code(), Code::kNotFound);
}

// Presence is not a tie (issue #14): check-in records attendance and writes nothing to the ledger.
TEST_F(EventsTest, CheckInRecordsAttendanceOnly) {
  auto ev = NewEvent(3);
  auto a = Make("Anja", "care", "Noaber"), b = Make("Pieter", "industry", "TPO"), c = Make("Carla", "education", "ROC");
  auto w = Make("Wim", "care", "Wacht");
  std::map<model::Id, std::string> code;
  for (const auto& m : {a, b, c, w}) code[m.id] = events_->Register(As(m), ev.event.id, m.id)->checkin_code;
  clock_.Set(ev.event.starts_at + 600);
  EXPECT_EQ(events_->CheckIn(As(a), ev.event.id, code[a.id]).status().code(), Code::kPermissionDenied);
  ASSERT_TRUE(events_->CheckIn(leader_, ev.event.id, code[a.id]).ok());
  // Codes are case-insensitive and trimmed (typed from a printout).
  std::string typed = code[b.id];
  for (auto& ch : typed) ch = static_cast<char>(std::tolower(ch));
  ASSERT_TRUE(events_->CheckIn(leader_, ev.event.id, "  " + typed + " ").ok());
  auto again = events_->CheckIn(leader_, ev.event.id, code[a.id]);
  EXPECT_EQ(again.status().code(), Code::kConflict);
  EXPECT_EQ(events_->CheckIn(leader_, ev.event.id, "VB-0000-0000-0000").status().code(), Code::kNotFound);
  EXPECT_EQ(events_->CheckIn(leader_, ev.event.id, "").status().field(), "code");
  EXPECT_EQ(events_->CheckIn(leader_, ev.event.id, code[w.id]).status().code(), Code::kConflict);  // waitlisted
  // Name search for the organizer, then check-in by registration id.
  auto found = events_->Registrations(leader_, ev.event.id, std::nullopt, "carl", 10, 0);
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found->items.size(), 1u);
  ASSERT_TRUE(events_->CheckInRegistration(leader_, ev.event.id, found->items[0].id).ok());

  auto ledger = network_->Ledger(Viewer::System(), {});
  ASSERT_TRUE(ledger.ok());
  EXPECT_EQ(ledger->total, 0);
  auto regs = events_->Registrations(leader_, ev.event.id, std::nullopt, "", 50, 0);
  ASSERT_TRUE(regs.ok());
  int inside = 0;
  for (const auto& r : regs->items) inside += r.checked_in_at > 0;
  EXPECT_EQ(inside, 3);
  EXPECT_EQ(events_->Cancel(As(a), ev.event.id, a.id).status().code(), Code::kConflict);  // already inside
}

TEST_F(EventsTest, AttendeeListRespectsVisibilityAndHidesCodes) {
  auto ev = NewEvent(0);
  auto a = Make("Anja", "care", "Noaber"), h = Make("Henk Verborgen", "industry", "Stil", model::Visibility::kHidden);
  auto o = Make("Olga Organisatoren", "finance", "Bank", model::Visibility::kOrganizers);
  auto outsider = Make("Buiten", "care", "Elders");
  for (const auto& m : {a, h, o}) ASSERT_TRUE(events_->Register(As(m), ev.event.id, m.id).ok());
  auto seen = events_->Registrations(As(a), ev.event.id, std::nullopt, "", 50, 0);
  ASSERT_TRUE(seen.ok()) << seen.status().ToString();
  ASSERT_EQ(seen->items.size(), 1u);  // only herself: the others are hidden from members
  EXPECT_EQ(seen->items[0].member_id, a.id);
  EXPECT_TRUE(seen->items[0].checkin_code.empty());
  EXPECT_EQ(seen->total, 1);
  EXPECT_EQ(events_->Registrations(As(outsider), ev.event.id, std::nullopt, "", 50, 0).status().code(),
            Code::kPermissionDenied);
  auto all = events_->Registrations(leader_, ev.event.id, std::nullopt, "", 50, 0);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->total, 2);  // the organizer sees members and organizers-only, not hidden
  for (const auto& r : all->items) EXPECT_FALSE(r.checkin_code.empty());
  EXPECT_EQ(events_->Registrations(Viewer::System(), ev.event.id, std::nullopt, "", 50, 0)->total, 3);
}

TEST_F(EventsTest, InvitesAreValidICalendarWithStableUidAndGrowingSequence) {
  auto ev = NewEvent(1);
  ev.programme = {{0, "Opening", "", ev.event.starts_at, ev.event.starts_at + kHour, "Grote zaal"}};
  ev.event.description = std::string(300, 'x') + " — lange beschrijving met ünïcödé; komma's, en \"quotes\"";
  auto a = Make("Anja Kamphuis", "care", "Noaber"), b = Make("Pieter Lammerink", "industry", "TPO");
  ASSERT_TRUE(events_->Register(As(a), ev.event.id, a.id).ok());
  ASSERT_TRUE(events_->Register(As(b), ev.event.id, b.id).ok());  // waitlisted
  auto first = calendar_->RegistrationInvite(As(a), ev.event.id, a.id);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  auto waiting = calendar_->RegistrationInvite(As(b), ev.event.id, b.id);
  ASSERT_TRUE(waiting.ok());
  EXPECT_EQ(calendar_->RegistrationInvite(As(b), ev.event.id, a.id).status().code(), Code::kPermissionDenied);
  auto updated = events_->Update(leader_, ev);
  ASSERT_TRUE(updated.ok()) << updated.status().ToString();
  auto second = calendar_->RegistrationInvite(As(a), ev.event.id, a.id);
  ASSERT_TRUE(events_->Cancel(As(a), ev.event.id, a.id).ok());
  auto cancelled = calendar_->RegistrationInvite(As(a), ev.event.id, a.id);
  ASSERT_TRUE(cancelled.ok());
  auto promoted = calendar_->RegistrationInvite(As(b), ev.event.id, b.id);

  auto docs = ParseIcs({*first, *second, *cancelled, *waiting, *promoted});
  ASSERT_EQ(docs.size(), 5u);
  const std::string uid = "registration-" + std::to_string(ev.event.id) + "-" + std::to_string(a.id) + "@verbinder";
  for (int i : {0, 1, 2}) {
    const auto& d = docs[i];
    EXPECT_EQ(d["version"], "2.0");
    EXPECT_EQ(d["timezones"], nlohmann::json::array({"Europe/Amsterdam"}));
    ASSERT_EQ(d["events"].size(), 1u);
    const auto& e = d["events"][0];
    EXPECT_EQ(e["uid"], uid);
    EXPECT_EQ(e["tzid"], "Europe/Amsterdam");
    EXPECT_EQ(e["start"], ev.event.starts_at);  // the wall-clock time + VTIMEZONE resolve to the same instant
    EXPECT_EQ(e["end"], ev.event.ends_at);
    EXPECT_TRUE(e["dtstamp"].get<bool>());
    EXPECT_EQ(e["location"], "Hengelo, De Waag");
    if (i > 0)
      EXPECT_NE(e["description"].get<std::string>().find("ünïcödé; komma's, en \"quotes\""), std::string::npos);
    EXPECT_NE(e["attendees"][0].get<std::string>().find("mailto:anja.kamphuis@x.example"), std::string::npos);
  }
  EXPECT_EQ(docs[0]["method"], "REQUEST");
  EXPECT_EQ(docs[0]["events"][0]["status"], "CONFIRMED");
  EXPECT_EQ(docs[1]["method"], "REQUEST");
  EXPECT_EQ(docs[2]["method"], "CANCEL");
  EXPECT_EQ(docs[2]["events"][0]["status"], "CANCELLED");
  const int s0 = docs[0]["events"][0]["sequence"], s1 = docs[1]["events"][0]["sequence"],
            s2 = docs[2]["events"][0]["sequence"];
  EXPECT_LT(s0, s1);
  EXPECT_LT(s1, s2);
  EXPECT_EQ(docs[3]["events"][0]["status"], "TENTATIVE");  // on the waitlist
  EXPECT_EQ(docs[4]["events"][0]["status"], "CONFIRMED");  // promoted
  EXPECT_GT(docs[4]["events"][0]["sequence"].get<int>(), docs[3]["events"][0]["sequence"].get<int>());
  EXPECT_EQ(docs[4]["events"][0]["uid"], docs[3]["events"][0]["uid"]);
}

TEST_F(EventsTest, FeedsNeedTheCurrentTokenAndListOnlyPublicUpcomingEvents) {
  auto open = NewEvent(0);
  EventInfo closed;
  closed.event.title = "Besloten sessie";
  closed.event.starts_at = kNow + 86400;
  closed.event.ends_at = kNow + 90000;
  closed.is_public = false;
  ASSERT_TRUE(events_->Create(leader_, closed).ok());
  EventInfo past;
  past.event.title = "Vorig jaar";
  past.event.starts_at = kNow - 400 * 86400;
  past.event.ends_at = past.event.starts_at + 3600;
  ASSERT_TRUE(events_->Create(leader_, past).ok());
  auto feed = calendar_->PublicFeed();
  ASSERT_TRUE(feed.ok());
  auto a = Make("Anja", "care", "Noaber");
  ASSERT_TRUE(events_->Register(As(a), open.event.id, a.id).ok());
  auto token = calendar_->RotateFeedToken(As(a));
  ASSERT_TRUE(token.ok());
  auto mine = calendar_->PersonalFeed(*token);
  ASSERT_TRUE(mine.ok()) << mine.status().ToString();
  auto docs = ParseIcs({*feed, *mine});
  EXPECT_EQ(docs[0]["method"], "PUBLISH");
  ASSERT_EQ(docs[0]["events"].size(), 1u);
  EXPECT_EQ(docs[0]["events"][0]["summary"], open.event.title);
  ASSERT_EQ(docs[1]["events"].size(), 1u);
  EXPECT_EQ(calendar_->PersonalFeed(std::string(64, 'a')).status().code(), Code::kNotFound);
  EXPECT_EQ(calendar_->PersonalFeed("../etc/passwd").status().code(), Code::kNotFound);
  auto rotated = calendar_->RotateFeedToken(As(a));
  ASSERT_TRUE(rotated.ok());
  EXPECT_EQ(calendar_->PersonalFeed(*token).status().code(), Code::kNotFound);  // the old one stops working
  EXPECT_TRUE(calendar_->PersonalFeed(*rotated).ok());
}

TEST(ICalTest, KnownTimezonesAndFoldingOfLongLines) {
  EXPECT_TRUE(IsKnownTimezone("Europe/Amsterdam"));
  EXPECT_TRUE(IsKnownTimezone("America/New_York"));
  EXPECT_FALSE(IsKnownTimezone("Mars/Olympus"));
  EXPECT_FALSE(IsKnownTimezone(""));
  CalEntry e;
  e.uid = "x@verbinder";
  e.summary = std::string(200, 'y');
  e.starts_at = kNow;
  e.ends_at = kNow + 3600;
  std::string ics = BuildCalendar(CalMethod::kPublish, {e}, kNow);
  size_t start = 0;
  while (start < ics.size()) {
    size_t end = ics.find("\r\n", start);
    ASSERT_NE(end, std::string::npos);
    EXPECT_LE(end - start, 75u);
    start = end + 2;
  }
  EXPECT_NE(ics.find("TZID:Europe/Amsterdam\r\n"), std::string::npos);
  EXPECT_NE(ics.find("DTSTART;TZID=Europe/Amsterdam:20261201T100000\r\n"), std::string::npos) << ics;
}

}  // namespace
}  // namespace verbinder::events
