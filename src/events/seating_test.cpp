// Group tables, the yield report, the printable pages and the suggestion cache.
#include <map>
#include <set>

#include "events/encounters.h"
#include "events/printable.h"
#include "events/report.h"
#include "events/seating.h"
#include "events/test_util.h"

namespace verbinder::events {
namespace {

using testing::kHour;
using testing::kNow;

class SeatingTest : public testing::EventsFixture {
 protected:
  // n attendees over 4 sectors and n/2 organizations (pairs of colleagues), all registered.
  std::vector<model::Member> Crowd(const EventInfo& ev, int n) {
    const char* sectors[] = {"care", "industry", "education", "government"};
    std::vector<model::Member> out;
    for (int i = 0; i < n; ++i) {
      auto m = Make("Deelnemer " + std::to_string(i), sectors[i % 4], "Org " + std::to_string(i / 2));
      EXPECT_TRUE(events_->Register(As(m), ev.event.id, m.id).ok());
      out.push_back(m);
    }
    return out;
  }
  void SetUp() override {
    EventsFixture::SetUp();
    seating_ = std::make_unique<SeatingService>(*db_, clock_);
  }
  std::unique_ptr<SeatingService> seating_;
};

TEST_F(SeatingTest, SeatsEveryoneMixingSectorsWithoutRepeatsAndTellsThem) {
  auto ev = NewEvent(0);
  auto crowd = Crowd(ev, 24);
  auto s = seating_->Create(leader_, ev.event.id, {.title = "Borrel", .tables = 4, .table_size = 6, .rounds = 3});
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(seating_->Create(As(crowd[0]), ev.event.id, {.title = "X", .tables = 4, .table_size = 6, .rounds = 1})
                .status()
                .code(),
            Code::kPermissionDenied);
  EXPECT_EQ(seating_->Run(As(crowd[0]), s->id).status().code(), Code::kPermissionDenied);
  auto plan = seating_->Run(leader_, s->id);
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  EXPECT_GT(plan->seating.seated_at, 0);
  EXPECT_EQ(plan->seating.unseated, 0);
  EXPECT_EQ(plan->seating.colleague_conflicts, 0);
  // Every attendee sits exactly once per round; no pair shares a table twice.
  std::map<int, std::set<model::Id>> per_round;
  std::map<std::pair<model::Id, model::Id>, int> together;
  for (const auto& t : plan->tables) {
    EXPECT_LE(static_cast<int>(t.people.size()), 6);
    std::set<std::string> sectors;
    for (const auto& p : t.people) {
      EXPECT_TRUE(per_round[t.round].insert(p.member_id).second);
      sectors.insert(p.sector);
      for (const auto& q : t.people)
        if (p.member_id < q.member_id) ++together[{p.member_id, q.member_id}];
    }
    EXPECT_GE(sectors.size(), 3u) << "round " << t.round << " table " << t.table;
  }
  ASSERT_EQ(per_round.size(), 3u);
  for (auto& [r, ids] : per_round) EXPECT_EQ(ids.size(), 24u);
  int repeats = 0;
  for (auto& [pair, n] : together) repeats += n - 1;
  EXPECT_EQ(repeats, plan->seating.repeats);
  // Each attendee's tables: one per round, tablemates named, and told.
  auto mine = seating_->MyTables(As(crowd[5]), ev.event.id);
  ASSERT_TRUE(mine.ok());
  ASSERT_EQ(mine->size(), 3u);
  for (int r = 0; r < 3; ++r) {
    EXPECT_EQ((*mine)[r].round, r + 1);
    EXPECT_GE((*mine)[r].tablemates.size(), 4u);
    for (const auto& p : (*mine)[r].tablemates) EXPECT_NE(p.member_id, crowd[5].id);
  }
  auto notes = events_->Notifications(As(crowd[5]), 10, 0);
  ASSERT_TRUE(notes.ok());
  ASSERT_FALSE(notes->items.empty());
  EXPECT_EQ(notes->items[0].kind, "tables_assigned");
  // Re-running replaces the plan (no duplicate places).
  auto again = seating_->Run(leader_, s->id);
  ASSERT_TRUE(again.ok());
  size_t seated = 0;
  for (const auto& t : again->tables) seated += t.people.size();
  EXPECT_EQ(seated, 72u);
}

TEST_F(SeatingTest, RejectsBadInputAndHidesHiddenTablemates) {
  auto ev = NewEvent(0);
  EXPECT_EQ(
      seating_->Create(leader_, ev.event.id, {.title = "", .tables = 2, .table_size = 4, .rounds = 1}).status().field(),
      "title");
  EXPECT_EQ(seating_->Create(leader_, ev.event.id, {.title = "B", .tables = 0, .table_size = 4, .rounds = 1})
                .status()
                .field(),
            "tables");
  EXPECT_EQ(seating_->Create(leader_, ev.event.id, {.title = "B", .tables = 2, .table_size = 1, .rounds = 1})
                .status()
                .field(),
            "table_size");
  EXPECT_EQ(seating_->Create(leader_, ev.event.id, {.title = "B", .tables = 2, .table_size = 4, .rounds = 13})
                .status()
                .field(),
            "rounds");
  EXPECT_EQ(
      seating_->Create(leader_, 999999, {.title = "B", .tables = 2, .table_size = 4, .rounds = 1}).status().code(),
      Code::kNotFound);
  auto s = seating_->Create(leader_, ev.event.id, {.title = "B", .tables = 1, .table_size = 4, .rounds = 1});
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(seating_->Run(leader_, s->id).status().code(), Code::kConflict);  // nobody registered yet
  auto a = Make("Anja", "care", "Noaber"), b = Make("Pieter", "industry", "TPO");
  auto hidden = Make("Verborgen", "education", "ROC", model::Visibility::kHidden);
  for (const auto& m : {a, b, hidden}) ASSERT_TRUE(events_->Register(As(m), ev.event.id, m.id).ok());
  ASSERT_TRUE(seating_->Run(leader_, s->id).ok());
  auto mine = seating_->MyTables(As(a), ev.event.id);
  ASSERT_TRUE(mine.ok());
  ASSERT_EQ(mine->size(), 1u);
  ASSERT_EQ((*mine)[0].tablemates.size(), 1u);
  EXPECT_EQ((*mine)[0].tablemates[0].name, "Pieter");
  EXPECT_EQ((*mine)[0].hidden, 1);  // counted, not named
  auto plan = seating_->Plan(leader_, s->id);
  ASSERT_TRUE(plan.ok());
  ASSERT_EQ(plan->tables.size(), 1u);
  EXPECT_EQ(plan->tables[0].hidden, 1);  // hidden from organizers too (admins only)
  EXPECT_EQ(seating_->Plan(As(a), s->id).status().code(), Code::kPermissionDenied);
}

TEST_F(SeatingTest, YieldReportCountsAttendanceMeetingsUsefulnessAndNewTies) {
  auto ev = NewEvent(3);
  auto a = Make("Anja", "care", "Noaber"), b = Make("Pieter", "industry", "TPO"), c = Make("Carla", "education", "ROC");
  auto w = Make("Wim", "care", "Wacht");
  std::map<model::Id, std::string> code;
  for (const auto& m : {a, b, c, w}) code[m.id] = events_->Register(As(m), ev.event.id, m.id)->checkin_code;
  auto req = meetings_->Request(As(a), ev.event.id, b.id, "Even praten?");
  ASSERT_TRUE(req.ok());
  ASSERT_TRUE(meetings_->Respond(As(b), req->id, RequestAction::kAccept).ok());
  Round round;
  round.title = "Rondes";
  round.tables = 2;
  round.max_meetings = 2;
  round.slots = {{0, ev.event.starts_at + kHour, ev.event.starts_at + kHour + 1200},
                 {0, ev.event.starts_at + 2 * kHour, ev.event.starts_at + 2 * kHour + 1200}};
  auto r = meetings_->CreateRound(leader_, ev.event.id, round);
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(meetings_->AutoSchedule(leader_, r->id).ok());
  auto all = meetings_->RoundMeetings(leader_, r->id);
  ASSERT_TRUE(all.ok());
  ASSERT_FALSE(all->empty());
  clock_.Set(ev.event.starts_at + 600);
  ASSERT_TRUE(events_->CheckIn(leader_, ev.event.id, code[a.id]).ok());
  ASSERT_TRUE(events_->CheckIn(leader_, ev.event.id, code[b.id]).ok());
  // Being checked in together is no tie; saying "we spraken elkaar" on both sides is.
  EncounterService encounters(*db_, clock_);
  auto claim = encounters.Claim(As(a), ev.event.id, {.member_id = b.id});
  ASSERT_TRUE(claim.ok()) << claim.status().ToString();
  ASSERT_TRUE(encounters.Confirm(As(b), claim->id).ok());
  clock_.Set(ev.event.starts_at + 3 * kHour);
  const ScheduledMeeting* ab = nullptr;
  for (const auto& m : *all)
    if ((m.a == a.id && m.b == b.id) || (m.a == b.id && m.b == a.id)) ab = &m;
  ASSERT_NE(ab, nullptr);
  ASSERT_TRUE(meetings_->Feedback(As(a), ab->id, true, 4, "Nuttig").ok());
  ASSERT_TRUE(meetings_->Feedback(As(b), ab->id, true, 5, "").ok());

  ReportService reports(*db_, clock_);
  EXPECT_EQ(reports.Yield(As(a), ev.event.id).status().code(), Code::kPermissionDenied);
  auto y = reports.Yield(leader_, ev.event.id);
  ASSERT_TRUE(y.ok()) << y.status().ToString();
  EXPECT_EQ(y->registered, 3);
  EXPECT_EQ(y->waitlisted, 1);
  EXPECT_EQ(y->checked_in, 2);
  EXPECT_EQ(y->no_shows, 1);
  ASSERT_EQ(y->no_show_list.size(), 1u);
  EXPECT_EQ(y->no_show_list[0].name, "Carla");
  EXPECT_EQ(y->meetings_scheduled, static_cast<int>(all->size()));
  EXPECT_EQ(y->meetings_held, 1);
  EXPECT_EQ(y->meetings_without_feedback, static_cast<int>(all->size()) - 1);
  EXPECT_EQ(y->feedback_count, 2);
  EXPECT_EQ(y->rated, 2);
  EXPECT_DOUBLE_EQ(y->mean_usefulness, 4.5);
  EXPECT_EQ(y->usefulness[3], 1);
  EXPECT_EQ(y->usefulness[4], 1);
  EXPECT_EQ(y->new_ties_from_meetings, 1);
  EXPECT_EQ(y->new_ties_met_at_event, 1);
}

TEST_F(SeatingTest, PrintablePagesEscapeEverythingAndShowAmsterdamTimes) {
  EventInfo info;
  info.event.title = "<script>alert(1)</script> & co";
  info.event.location = "Hengelo \"De Waag\"";
  info.event.starts_at = 1794740400;  // 2026-11-15 12:00 Amsterdam (CET)
  ScheduledMeeting m;
  m.id = 1;
  m.a = 10;
  m.b = 11;
  m.a_name = "Anja";
  m.b_name = "<b>Pieter</b>";
  m.starts_at = 1794740400 + 1800;
  m.ends_at = m.starts_at + 1200;
  m.table = 7;
  m.why = "Jullie <i>delen</i> lean & logistiek";
  m.status = "scheduled";
  MyTable t{1, "Borrel <1>", 1, 3, {{12, "Carla & Co", "care", ""}}, 1};
  std::string html = PersonalScheduleHtml(info, 10, "Anja", {m}, {t}, "nl");
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_EQ(html.find("<b>Pieter"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"), std::string::npos);
  EXPECT_NE(html.find("&lt;b&gt;Pieter&lt;/b&gt;"), std::string::npos);
  EXPECT_NE(html.find("Jullie &lt;i&gt;delen&lt;/i&gt; lean &amp; logistiek"), std::string::npos);
  EXPECT_NE(html.find("12:30&ndash;12:50"), std::string::npos);  // Amsterdam, not UTC (11:30)
  EXPECT_NE(html.find("zo 15 nov 2026 12:00"), std::string::npos);
  EXPECT_NE(html.find("Borrel &lt;1&gt; 1"), std::string::npos);
  EXPECT_NE(html.find("Carla &amp; Co, +1"), std::string::npos);
  EXPECT_NE(html.find("<html lang=\"nl\">"), std::string::npos);
  std::string en = PersonalScheduleHtml(info, 10, "Anja", {m}, {}, "en");
  EXPECT_NE(en.find("Schedule of Anja"), std::string::npos);
  EXPECT_NE(en.find("Sun 15 Nov 2026 12:00"), std::string::npos);
  // Summer time: 2026-06-18 10:00 Amsterdam = 08:00 UTC.
  EXPECT_EQ(AmsterdamClock(1781769600), "10:00");
  std::string sheets = TableSheetsHtml(info, {m}, {}, "en");
  EXPECT_NE(sheets.find("Table 7"), std::string::npos);
  EXPECT_NE(sheets.find("Anja &amp; &lt;b&gt;Pieter&lt;/b&gt;"), std::string::npos);
  std::string all = AllSchedulesHtml(info, {{10, "Anja", {m}}, {11, "<b>Pieter</b>", {m}}}, "nl");
  EXPECT_EQ(all.find("<b>"), std::string::npos);
  EXPECT_NE(all.find("class=\"sheet\""), std::string::npos);
}

TEST_F(SeatingTest, SuggestionsFollowChangesThroughTheCache) {
  auto ev = NewEvent(0);
  auto a =
      Make("Anja", "care", "Noaber", model::Visibility::kMembers, {}, "Our waiting lists keep growing: lead times");
  auto b = Make("Pieter", "industry", "TPO", model::Visibility::kMembers, {"lean", "lead times"});
  for (const auto& m : {a, b}) ASSERT_TRUE(events_->Register(As(m), ev.event.id, m.id).ok());
  auto first = meetings_->Suggestions(As(a), ev.event.id, 5);
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->size(), 1u);
  EXPECT_EQ((*first)[0].member_id, b.id);
  // A newcomer with matching expertise appears at once (the cache notices the registration).
  auto c = Make("Carla", "education", "ROC", model::Visibility::kMembers, {"lead times", "waiting lists"});
  ASSERT_TRUE(events_->Register(As(c), ev.event.id, c.id).ok());
  auto second = meetings_->Suggestions(As(a), ev.event.id, 5);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->size(), 2u);
  // Cancelling removes them again, in the same second.
  ASSERT_TRUE(events_->Cancel(As(b), ev.event.id, b.id).ok());
  auto third = meetings_->Suggestions(As(a), ev.event.id, 5);
  ASSERT_TRUE(third.ok());
  ASSERT_EQ(third->size(), 1u);
  EXPECT_EQ((*third)[0].member_id, c.id);
  // The limit takes a prefix of the same ranking.
  auto one = meetings_->Suggestions(As(a), ev.event.id, 1);
  ASSERT_TRUE(one.ok());
  ASSERT_EQ(one->size(), 1u);
}

}  // namespace
}  // namespace verbinder::events
