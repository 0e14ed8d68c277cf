// Presence is not a tie (issue #14): check-in records attendance only; a tie at
// an event becomes real on evidence about the pair — a confirmed encounter
// ("we spraken elkaar"), a shared small table — never on being in the same hall.
// Also: the migration that turns the old pairwise check-in rows into attendance.
#include <set>

#include <soci/soci.h>

#include "events/encounters.h"
#include "events/seating.h"
#include "events/test_util.h"
#include "notify/notifications.h"
#include "storage/testing.h"

namespace verbinder::events {
namespace {

using domain::Viewer;
using testing::kHour;
using testing::kNow;
constexpr int64_t kDay = 24 * kHour;

class EncountersTest : public testing::EventsFixture {
 protected:
  void SetUp() override {
    EventsFixture::SetUp();
    enc_ = std::make_unique<EncounterService>(*db_, clock_);
    anja_ = Make("Anja Kamphuis", "care", "Noaberzorg");
    pieter_ = Make("Pieter Lammerink", "industry", "TPO Almelo");
    willem_ = Make("Willem Hofstede", "industry", "Hofstede Logistiek");
    // The borrel runs now (started an hour ago).
    ev_ = NewEvent(0, kNow - kHour);
    for (const auto& m : {anja_, pieter_, willem_}) {
      auto r = events_->Register(As(m), ev_.event.id, m.id);
      ASSERT_TRUE(r.ok()) << r.status().ToString();
    }
  }
  int64_t LedgerRows(std::optional<model::InteractionKind> kind = std::nullopt) {
    auto page = network_->Ledger(Viewer::System(), {.kind = kind, .limit = 500});
    EXPECT_TRUE(page.ok());
    return page.ok() ? page->total : -1;
  }
  bool RealTie(const model::Member& a, const model::Member& b) {
    auto ties = network_->TiesOf(As(a), a.id);
    EXPECT_TRUE(ties.ok());
    for (const auto& t : *ties)
      if ((t.a == b.id || t.b == b.id) && t.real) return true;
    return false;
  }
  std::vector<notify::Notification> NotesOf(const model::Member& m) {
    notify::NotificationService svc(*db_, clock_);
    auto page = svc.List(As(m), false, 100, 0);
    EXPECT_TRUE(page.ok());
    return page.ok() ? page->items : std::vector<notify::Notification>{};
  }
  std::string CodeOf(const model::Member& m) {
    auto c = enc_->ConnectCode(As(m));
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    return c.ok() ? *c : "";
  }

  std::unique_ptr<EncounterService> enc_;
  model::Member anja_, pieter_, willem_;
  EventInfo ev_;
};

TEST_F(EncountersTest, CheckInIsAttendanceOnlyNeverATie) {
  // Fifty people checked in: still no row in the ledger, nobody tied to anybody.
  std::vector<model::Member> crowd;
  for (int i = 0; i < 47; ++i) {
    auto m = Make("Gast " + std::to_string(i), i % 2 ? "care" : "industry", "Org " + std::to_string(i));
    ASSERT_TRUE(events_->Register(As(m), ev_.event.id, m.id).ok());
    crowd.push_back(m);
  }
  crowd.push_back(anja_);
  crowd.push_back(pieter_);
  crowd.push_back(willem_);
  auto regs = events_->Registrations(leader_, ev_.event.id, std::nullopt, "", 500, 0);
  ASSERT_TRUE(regs.ok());
  for (const auto& r : regs->items) ASSERT_TRUE(events_->CheckInRegistration(leader_, ev_.event.id, r.id).ok());
  EXPECT_EQ(LedgerRows(), 0);
  EXPECT_FALSE(RealTie(anja_, pieter_));
  auto ties = network_->TiesOf(As(anja_), anja_.id);
  ASSERT_TRUE(ties.ok());
  EXPECT_TRUE(ties->empty());
}

TEST_F(EncountersTest, ScanIsPendingUntilTheOtherConfirmsThenOneRealTieAndANextStep) {
  auto code = CodeOf(pieter_);
  ASSERT_EQ(code.size(), 8u);
  EXPECT_EQ(CodeOf(pieter_), code);  // stable
  EXPECT_NE(CodeOf(anja_), code);
  // Scanned from the QR code's URL, with lower case: the same code.
  auto e = enc_->Claim(As(anja_), ev_.event.id, {.code = "https://verbinder.example/connect/" + code});
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_EQ(e->status, EncounterStatus::kPending);
  EXPECT_TRUE(e->mine);
  EXPECT_EQ(e->other.member_id, pieter_.id);
  EXPECT_EQ(e->via, "code");
  EXPECT_EQ(e->expires_at, kNow + kClaimTtl);
  // A claim is not a tie.
  EXPECT_EQ(LedgerRows(), 0);
  EXPECT_FALSE(RealTie(anja_, pieter_));
  // Idempotent: scanning again changes nothing.
  auto again = enc_->Claim(As(anja_), ev_.event.id, {.code = code});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->id, e->id);
  // Pieter is asked, by name.
  auto notes = NotesOf(pieter_);
  ASSERT_FALSE(notes.empty());
  EXPECT_EQ(notes.front().kind, "encounter_claim");
  EXPECT_NE(notes.front().text.nl.find("Anja Kamphuis zegt dat jullie elkaar spraken"), std::string::npos);
  EXPECT_EQ(notes.front().ref, "encounters:" + std::to_string(ev_.event.id));
  auto asked = enc_->ToConfirm(As(pieter_));
  ASSERT_TRUE(asked.ok());
  ASSERT_EQ(asked->size(), 1u);
  EXPECT_FALSE(asked->front().mine);
  EXPECT_EQ(asked->front().other.member_id, anja_.id);
  // Only Pieter can confirm.
  EXPECT_EQ(enc_->Confirm(As(willem_), e->id).status().code(), Code::kNotFound);
  EXPECT_EQ(enc_->Confirm(As(anja_), e->id).status().code(), Code::kNotFound);
  auto c = enc_->Confirm(As(pieter_), e->id);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->status, EncounterStatus::kConfirmed);
  EXPECT_EQ(LedgerRows(model::InteractionKind::kMetAtEvent), 1);
  EXPECT_TRUE(RealTie(anja_, pieter_));
  EXPECT_TRUE(RealTie(pieter_, anja_));
  auto ledger = network_->Ledger(Viewer::System(), {});
  ASSERT_TRUE(ledger.ok());
  EXPECT_EQ(ledger->items.front().source, "encounter:" + std::to_string(e->id));
  EXPECT_EQ(ledger->items.front().event_id, ev_.event.id);
  // Both get a next step.
  EXPECT_EQ(NotesOf(anja_).front().kind, "tie_real");
  EXPECT_EQ(NotesOf(pieter_).front().kind, "tie_real");
  // Both sides see it, once.
  for (const auto& who : {anja_, pieter_}) {
    auto o = enc_->Overview(As(who), ev_.event.id);
    ASSERT_TRUE(o.ok());
    ASSERT_EQ(o->mine.size(), 1u) << who.name;
    EXPECT_EQ(o->mine[0].status, EncounterStatus::kConfirmed);
    EXPECT_EQ(o->mine[0].mine, who.id == anja_.id);
    EXPECT_EQ(o->mine[0].other.member_id, who.id == anja_.id ? pieter_.id : anja_.id);
  }
  // Confirming twice writes nothing more; a confirmed encounter cannot be withdrawn.
  EXPECT_TRUE(enc_->Confirm(As(pieter_), e->id).ok());
  EXPECT_EQ(LedgerRows(), 1);
  EXPECT_EQ(enc_->Withdraw(As(anja_), e->id).status().code(), Code::kConflict);
}

TEST_F(EncountersTest, ScanningBackMakesItMutual) {
  auto a = enc_->Claim(As(anja_), ev_.event.id, {.code = CodeOf(pieter_)});
  ASSERT_TRUE(a.ok());
  auto b = enc_->Claim(As(pieter_), ev_.event.id, {.code = CodeOf(anja_)});
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  EXPECT_EQ(b->status, EncounterStatus::kConfirmed);
  EXPECT_EQ(b->other.member_id, anja_.id);
  EXPECT_EQ(LedgerRows(model::InteractionKind::kMetAtEvent), 1);
  EXPECT_TRUE(RealTie(anja_, pieter_));
  for (const auto& who : {anja_, pieter_}) {
    auto o = enc_->Overview(As(who), ev_.event.id);
    ASSERT_TRUE(o.ok());
    ASSERT_EQ(o->mine.size(), 1u) << who.name;  // one encounter: Pieter's scan confirmed Anja's claim
    EXPECT_EQ(o->mine.front().mine, who.id == anja_.id);
    EXPECT_EQ(o->mine.front().status, EncounterStatus::kConfirmed);
    EXPECT_TRUE(o->to_confirm.empty());
  }
}

TEST_F(EncountersTest, AnUnconfirmedClaimExpiresAfterFourteenDays) {
  auto e = enc_->Claim(As(anja_), ev_.event.id, {.member_id = willem_.id});
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_EQ(e->via, "list");
  clock_.Advance(kClaimTtl - 1);
  EXPECT_EQ(enc_->ToConfirm(As(willem_))->size(), 1u);
  clock_.Advance(2);
  EXPECT_TRUE(enc_->ToConfirm(As(willem_))->empty());
  auto o = enc_->Overview(As(anja_), ev_.event.id);
  ASSERT_TRUE(o.ok());
  ASSERT_EQ(o->mine.size(), 1u);
  EXPECT_EQ(o->mine.front().status, EncounterStatus::kExpired);
  EXPECT_EQ(enc_->Confirm(As(willem_), e->id).status().code(), Code::kConflict);
  EXPECT_EQ(LedgerRows(), 0);
  EXPECT_FALSE(RealTie(anja_, willem_));
  // The claimant can clear it.
  auto w = enc_->Withdraw(As(anja_), e->id);
  ASSERT_TRUE(w.ok()) << w.status().ToString();
  EXPECT_EQ(w->status, EncounterStatus::kWithdrawn);
}

TEST_F(EncountersTest, DeclinedAndWithdrawnClaimsLeaveNoTie) {
  auto e = enc_->Claim(As(anja_), ev_.event.id, {.member_id = willem_.id});
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(enc_->Decline(As(anja_), e->id).status().code(), Code::kNotFound);  // not hers to decline
  auto d = enc_->Decline(As(willem_), e->id);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->status, EncounterStatus::kDeclined);
  EXPECT_EQ(enc_->Claim(As(anja_), ev_.event.id, {.member_id = willem_.id}).status().code(), Code::kConflict);
  auto p = enc_->Claim(As(anja_), ev_.event.id, {.member_id = pieter_.id});
  ASSERT_TRUE(p.ok());
  ASSERT_TRUE(enc_->Withdraw(As(anja_), p->id).ok());
  EXPECT_EQ(enc_->Confirm(As(pieter_), p->id).status().code(), Code::kConflict);
  EXPECT_EQ(LedgerRows(), 0);
}

TEST_F(EncountersTest, BadInputIsRefusedWithTheField) {
  auto field = [](const Result<Encounter>& r) { return r.ok() ? std::string("ok") : r.status().field(); };
  EXPECT_EQ(field(enc_->Claim(As(anja_), ev_.event.id, {})), "code");
  EXPECT_EQ(field(enc_->Claim(As(anja_), ev_.event.id, {.code = "ABC"})), "code");
  EXPECT_EQ(field(enc_->Claim(As(anja_), ev_.event.id, {.code = "22222222"})), "code");  // well-formed, unknown
  EXPECT_EQ(field(enc_->Claim(As(anja_), ev_.event.id, {.code = CodeOf(anja_)})), "code");
  EXPECT_EQ(field(enc_->Claim(As(anja_), ev_.event.id, {.code = CodeOf(pieter_), .member_id = pieter_.id})),
            "member_id");
  EXPECT_EQ(field(enc_->Claim(As(anja_), ev_.event.id, {.member_id = anja_.id})), "member_id");
  EXPECT_EQ(field(enc_->Claim(As(anja_), ev_.event.id, {.member_id = pieter_.id, .via = "telepathy"})), "via");
  EXPECT_EQ(enc_->Claim(As(anja_), 999999, {.member_id = pieter_.id}).status().code(), Code::kNotFound);
  EXPECT_EQ(LedgerRows(), 0);
}

TEST_F(EncountersTest, OnlyAttendeesWithinTheWindow) {
  auto outsider = Make("Olga Buiten", "education", "ROC");
  // Not registered: she cannot claim, and she cannot be claimed.
  EXPECT_EQ(enc_->Claim(As(outsider), ev_.event.id, {.member_id = anja_.id}).status().code(), Code::kConflict);
  EXPECT_EQ(enc_->Claim(As(anja_), ev_.event.id, {.member_id = outsider.id}).status().code(), Code::kNotFound);
  EXPECT_EQ(enc_->Claim(As(anja_), ev_.event.id, {.code = CodeOf(outsider)}).status().code(), Code::kNotFound);
  // A future event opens 2 hours before its start.
  auto later = NewEvent(0, kNow + 3 * kHour);
  ASSERT_TRUE(events_->Register(As(anja_), later.event.id, anja_.id).ok());
  ASSERT_TRUE(events_->Register(As(pieter_), later.event.id, pieter_.id).ok());
  EXPECT_EQ(enc_->Claim(As(anja_), later.event.id, {.member_id = pieter_.id}).status().code(), Code::kConflict);
  clock_.Advance(kHour + 1);
  EXPECT_TRUE(enc_->Claim(As(anja_), later.event.id, {.member_id = pieter_.id}).ok());
  // ... and closes 14 days after its end.
  clock_.Set(ev_.event.ends_at + kClaimClosesAfterEnd + 1);
  EXPECT_EQ(enc_->Claim(As(anja_), ev_.event.id, {.member_id = willem_.id}).status().code(), Code::kConflict);
}

TEST_F(EncountersTest, AHiddenMemberCannotBeDiscoveredByScanningOrClaiming) {
  auto hidden = Make("Wouter van Zuilen", "government", "Gemeente Hengelo", model::Visibility::kHidden);
  ASSERT_TRUE(events_->Register(As(hidden), ev_.event.id, hidden.id).ok());
  // Picking by id answers exactly as for an id that does not exist.
  auto by_id = enc_->Claim(As(anja_), ev_.event.id, {.member_id = hidden.id});
  auto nobody = enc_->Claim(As(anja_), ev_.event.id, {.member_id = 987654});
  ASSERT_FALSE(by_id.ok());
  EXPECT_EQ(by_id.status().code(), nobody.status().code());
  EXPECT_EQ(by_id.status().message(), nobody.status().message());
  // Looking the code up tells her nothing either.
  auto owner = enc_->CodeOwner(As(anja_), CodeOf(hidden));
  ASSERT_TRUE(owner.ok());
  EXPECT_EQ(owner->member_id, 0);
  EXPECT_TRUE(owner->name.empty());
  EXPECT_EQ(enc_->CodeOwner(As(anja_), CodeOf(pieter_))->name, "Pieter Lammerink");
  EXPECT_EQ(enc_->CodeOwner(As(anja_), "22222222").status().code(), Code::kNotFound);
  EXPECT_EQ(enc_->CodeOwner(As(anja_), "x").status().field(), "code");
  // Scanning the code he showed her: recorded, but she never learns who it is.
  auto scanned = enc_->Claim(As(anja_), ev_.event.id, {.code = CodeOf(hidden)});
  ASSERT_TRUE(scanned.ok()) << scanned.status().ToString();
  EXPECT_EQ(scanned->other.member_id, 0);
  EXPECT_TRUE(scanned->other.name.empty());
  auto o = enc_->Overview(As(anja_), ev_.event.id);
  ASSERT_TRUE(o.ok());
  for (const auto& e : o->mine) EXPECT_EQ(e.other.member_id, 0);
  for (const auto& c : o->candidates) EXPECT_NE(c.person.member_id, hidden.id);
  // He sees her and can confirm; the tie is in the ledger, still not shown to her.
  auto asked = enc_->ToConfirm(As(hidden));
  ASSERT_TRUE(asked.ok());
  ASSERT_EQ(asked->size(), 1u);
  EXPECT_EQ(asked->front().other.member_id, anja_.id);
  ASSERT_TRUE(enc_->Confirm(As(hidden), asked->front().id).ok());
  for (const auto& n : NotesOf(anja_)) EXPECT_EQ(n.text.nl.find("Wouter"), std::string::npos) << n.text.nl;
  auto ties = network_->TiesOf(As(anja_), anja_.id);
  ASSERT_TRUE(ties.ok());
  for (const auto& t : *ties) EXPECT_NE(t.a == hidden.id ? t.a : t.b, hidden.id);
}

TEST_F(EncountersTest, OverviewListsTablematesAndMeetingsToTick) {
  SeatingService seating(*db_, clock_);
  auto s = seating.Create(leader_, ev_.event.id, {.title = "Borrel", .tables = 1, .table_size = 6, .rounds = 1});
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  ASSERT_TRUE(seating.Run(leader_, s->id).ok());
  auto o = enc_->Overview(As(anja_), ev_.event.id);
  ASSERT_TRUE(o.ok()) << o.status().ToString();
  EXPECT_TRUE(o->registered);
  EXPECT_TRUE(o->open);
  std::set<model::Id> ids;
  for (const auto& c : o->candidates) {
    ids.insert(c.person.member_id);
    EXPECT_EQ(c.state, "none");
    EXPECT_NE(std::find(c.reasons.begin(), c.reasons.end(), "table"), c.reasons.end());
  }
  EXPECT_EQ(ids, (std::set<model::Id>{pieter_.id, willem_.id}));
  ASSERT_TRUE(enc_->Claim(As(anja_), ev_.event.id, {.member_id = pieter_.id, .via = "followup"}).ok());
  o = enc_->Overview(As(anja_), ev_.event.id);
  for (const auto& c : o->candidates) EXPECT_EQ(c.state, c.person.member_id == pieter_.id ? "claimed" : "none");
  o = enc_->Overview(As(pieter_), ev_.event.id);
  for (const auto& c : o->candidates)
    if (c.person.member_id == anja_.id) EXPECT_EQ(c.state, "asked");
}

TEST_F(EncountersTest, TheDayAfterSmallTablesOfCheckedInPeopleCountAndEveryoneIsAsked) {
  // Nine more guests; tables of 6 (evidence) in one seating, a hall of 12 in another (not).
  std::vector<model::Member> all = {anja_, pieter_, willem_};
  for (int i = 0; i < 9; ++i) {
    auto m = Make("Gast " + std::to_string(i), i % 2 ? "care" : "industry", "Org " + std::to_string(i));
    ASSERT_TRUE(events_->Register(As(m), ev_.event.id, m.id).ok());
    all.push_back(m);
  }
  SeatingService seating(*db_, clock_);
  auto small = seating.Create(leader_, ev_.event.id, {.title = "Tafels", .tables = 2, .table_size = 6, .rounds = 1});
  auto big = seating.Create(leader_, ev_.event.id, {.title = "Zaal", .tables = 1, .table_size = 12, .rounds = 1});
  ASSERT_TRUE(small.ok() && big.ok());
  auto plan = seating.Run(leader_, small->id);
  ASSERT_TRUE(seating.Run(leader_, big->id).ok());
  ASSERT_TRUE(plan.ok());
  // Everyone but the last guest is checked in.
  auto regs = events_->Registrations(leader_, ev_.event.id, std::nullopt, "", 500, 0);
  ASSERT_TRUE(regs.ok());
  std::set<model::Id> in;
  for (const auto& r : regs->items) {
    if (r.member_id == all.back().id) continue;
    ASSERT_TRUE(events_->CheckInRegistration(leader_, ev_.event.id, r.id).ok());
    in.insert(r.member_id);
  }
  // Expected: pairs at the same small table, both checked in.
  std::set<std::pair<model::Id, model::Id>> expected;
  for (const auto& t : plan->tables) {
    std::vector<model::Id> ids;
    for (const auto& p : t.people)
      if (in.count(p.member_id)) ids.push_back(p.member_id);
    for (size_t i = 0; i < ids.size(); ++i)
      for (size_t j = i + 1; j < ids.size(); ++j) expected.insert({std::min(ids[i], ids[j]), std::max(ids[i], ids[j])});
  }
  ASSERT_FALSE(expected.empty());
  FollowUpService follow(*db_, clock_);
  auto early = follow.Sweep();
  ASSERT_TRUE(early.ok());
  EXPECT_EQ(early->events, 0);  // not yet: the event is still on
  clock_.Set(ev_.event.ends_at + kFollowUpDelay);
  auto r = follow.Sweep();
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->events, 1);
  EXPECT_EQ(r->table_pairs, static_cast<int>(expected.size()));
  EXPECT_EQ(r->notified, static_cast<int>(in.size()));
  auto ledger = network_->Ledger(Viewer::System(), {.limit = 500});
  ASSERT_TRUE(ledger.ok());
  std::set<std::pair<model::Id, model::Id>> got;
  for (const auto& i : ledger->items) {
    EXPECT_EQ(i.kind, model::InteractionKind::kMetAtEvent);
    EXPECT_EQ(i.at, ev_.event.ends_at);
    EXPECT_EQ(i.source.rfind("table:" + std::to_string(small->id) + ":", 0), 0u) << i.source;
    got.insert(std::pair<model::Id, model::Id>{i.a, i.b});
  }
  EXPECT_EQ(got, expected);
  EXPECT_EQ(NotesOf(anja_).front().kind, "who_did_you_meet");
  for (const auto& n : NotesOf(all.back())) EXPECT_NE(n.kind, "who_did_you_meet");  // never came
  // Once per event, however many servers sweep.
  auto again = follow.Sweep();
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->events, 0);
}

// issue_14: a database made by the previous release (schema 0010) has pairwise
// check-in rows; the migration removes exactly those and keeps every other row.
TEST(EncounterMigrationTest, Issue14PairwiseCheckInRowsBecomeAttendance) {
  auto url = storage::testing::FreshDatabaseUrl("issue_14_migration");
  auto db = storage::Database::Open(url, 2);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  ASSERT_TRUE((*db)->Migrate(10).ok());
  ASSERT_EQ(*(*db)->SchemaVersion(), 10);
  {
    soci::session sql((*db)->pool());
    for (int i = 1; i <= 4; ++i)
      sql << "INSERT INTO members (name, email, created_at, updated_at) VALUES ('M" << i << "', 'm" << i
          << "@x.example', 1, 1)";
    sql << "INSERT INTO events (title, kind, starts_at, ends_at, created_at) VALUES ('E', 'congress', 1000, 9000, 1)";
    long long ev = 0;
    sql << "SELECT max(id) FROM events", soci::into(ev);
    // Members 1..3 checked in at 1100, 1200, 1300; member 4 registered, never came.
    for (int i = 1; i <= 4; ++i)
      sql << "INSERT INTO registrations (event_id, member_id, status, created_at, checked_in_at) VALUES (" << ev << ", "
          << i << ", 'registered', 1, " << (i < 4 ? 1000 + 100 * i : 0) << ")";
    const std::string e = std::to_string(ev);
    // What the old check-in wrote: each arrival with everyone already inside.
    sql << "INSERT INTO interactions (a, b, kind, at, source, event_id) VALUES (1, 2, 'met_at_event', 1200, 'event:" +
               e + "', " + e + ")";
    sql << "INSERT INTO interactions (a, b, kind, at, source, event_id) VALUES (1, 3, 'met_at_event', 1300, 'event:" +
               e + "', " + e + ")";
    sql << "INSERT INTO interactions (a, b, kind, at, source, event_id) VALUES (2, 3, 'met_at_event', 1300, 'event:" +
               e + "', " + e + ")";
    // Evidence that stays: a meeting, a shared table, a demo-style borrel row at another time, online contact.
    sql << "INSERT INTO interactions (a, b, kind, at, source, event_id) VALUES (1, 2, 'meeting_held', 1500, "
           "'meeting', " +
               e + ")";
    sql << "INSERT INTO interactions (a, b, kind, at, source, event_id) VALUES (2, 3, 'met_at_event', 9000, "
           "'table:1:1:2:6', " +
               e + ")";
    sql << "INSERT INTO interactions (a, b, kind, at, source, event_id) VALUES (1, 4, 'met_at_event', 8000, 'event:" +
               e + "', " + e + ")";
    sql << "INSERT INTO interactions (a, b, kind, at, source) VALUES (3, 4, 'connected', 500, 'connection:1')";
  }
  ASSERT_TRUE((*db)->Migrate().ok());
  EXPECT_GE(*(*db)->SchemaVersion(), 11);
  soci::session sql((*db)->pool());
  std::vector<std::string> rows;
  {
    long long a = 0, b = 0, at = 0;
    std::string kind, source;
    soci::statement st = (sql.prepare << "SELECT a, b, kind, at, source FROM interactions ORDER BY id", soci::into(a),
                          soci::into(b), soci::into(kind), soci::into(at), soci::into(source));
    st.execute();
    while (st.fetch()) {
      std::string row = std::to_string(a);
      row += '-';
      row += std::to_string(b);
      row += ' ';
      row += kind;
      row += ' ';
      row += std::to_string(at);
      row += ' ';
      row += source;
      rows.push_back(std::move(row));
    }
  }
  std::vector<std::string> want = {"1-2 meeting_held 1500 meeting", "2-3 met_at_event 9000 table:1:1:2:6",
                                   "1-4 met_at_event 8000 event:1", "3-4 connected 500 connection:1"};
  EXPECT_EQ(rows, want);
  // Attendance is untouched.
  long long attended = 0;
  sql << "SELECT count(*) FROM registrations WHERE checked_in_at > 0", soci::into(attended);
  EXPECT_EQ(attended, 3);
}

}  // namespace
}  // namespace verbinder::events
