// Deleting a member from the leader's members table (MemberService::Delete, as
// the composition root builds it) on a real database (SQLite file, or
// PostgreSQL with VERBINDER_TEST_BACKEND=postgres): every module's data goes
// through its MemberDataOwner, as in the account deletion.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "app_services/services.h"
#include "domain/bulk_load.h"
#include "storage/testing.h"

namespace verbinder::app_services {
namespace {

using domain::Viewer;
using model::Id;
using model::Role;

constexpr const char* kPassword = "een lang wachtwoord";

class MemberDeletionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = storage::testing::FreshDatabase(::testing::UnitTest::GetInstance()->current_test_info()->name(), 4);
    ASSERT_TRUE(domain::EnsureDefaultSectors(*db_).ok());
    services_ = std::make_unique<Services>(*db_, clock_);
    admin_ = Add("Ad Min", "admin@x.example", Role::kAdmin);
    leader_ = Add("Lotte Leider", "leider@x.example", Role::kOrganizer);
    anja_ = Add("Anja de Vries", "anja@x.example", Role::kMember);
    pieter_ = Add("Pieter Bakker", "pieter@x.example", Role::kMember);
  }

  Id Add(const std::string& name, const std::string& email, Role role) {
    model::Member m;
    m.name = name;
    m.email = email;
    m.sector = "care";
    auto r = services_->members.Create(Viewer::System(), m);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_TRUE(services_->accounts.CreateAccount(Viewer::System(), r->id, kPassword, role).ok());
    return r->id;
  }

  long long Count(const std::string& query) {
    soci::session sql(db_->pool());
    long long n = 0;
    sql << query, soci::into(n);
    return n;
  }

  FakeClock clock_{1'800'000'000};
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<Services> services_;
  Id admin_ = 0, leader_ = 0, anja_ = 0, pieter_ = 0;
};

// issue_18: MemberService::Delete went past the MemberDataOwner registry: the
// seat Anja held was not passed on to the waitlist, her answer was still
// counted, and her subscription and mails (kept by address) stayed behind.
TEST_F(MemberDeletionTest, Issue18TheMembersTableDeletesThroughEveryModuleOwner) {
  const Viewer admin{admin_, Role::kAdmin}, leader{leader_, Role::kOrganizer}, anja{anja_, Role::kMember},
      pieter{pieter_, Role::kMember};
  const std::string a = std::to_string(anja_);
  // events: Anja has the one seat of an event to come; Pieter waits for it.
  events::EventInfo info;
  info.event.title = "Netwerkborrel";
  info.event.kind = model::EventKind::kNetworkDrinks;
  info.event.starts_at = clock_.Now() + 7 * 86400;
  info.event.ends_at = info.event.starts_at + 7200;
  info.event.capacity = 1;
  auto ev = services_->events.Create(leader, info);
  ASSERT_TRUE(ev.ok()) << ev.status().ToString();
  const Id event = ev->event.id;
  auto seat = services_->events.Register(anja, event, anja_);
  ASSERT_TRUE(seat.ok()) << seat.status().ToString();
  ASSERT_EQ(seat->status, events::RegistrationStatus::kRegistered);
  auto waiting = services_->events.Register(pieter, event, pieter_);
  ASSERT_TRUE(waiting.ok()) << waiting.status().ToString();
  ASSERT_EQ(waiting->status, events::RegistrationStatus::kWaitlisted);
  // questions: an answer of hers to the leader's question.
  auto q = services_->questions.Ask(leader, {"Wie kent een goede roosteraar?", "Ons rooster loopt vast.", {}, {}});
  ASSERT_TRUE(q.ok()) << q.status().ToString();
  const std::string question = std::to_string(q->question.id);
  ASSERT_TRUE(services_->questions.AddAnswer(anja, q->question.id, "Ik!").ok());
  ASSERT_EQ(Count("SELECT answer_count FROM questions WHERE id = " + question), 1);
  // newsletter: her subscription; notify: a mail to her address.
  auto sub = services_->subscriptions.SubscribeMember(anja, "nl", {});
  ASSERT_TRUE(sub.ok()) << sub.status().ToString();
  ASSERT_TRUE(services_->accounts.RequestPasswordReset("anja@x.example", "127.0.0.1").ok());
  ASSERT_GT(Count("SELECT count(*) FROM subscribers WHERE email = 'anja@x.example'"), 0);
  ASSERT_GT(Count("SELECT count(*) FROM outbox WHERE to_email = 'anja@x.example'"), 0);

  EXPECT_EQ(services_->members.Delete(leader, anja_).code(), Code::kPermissionDenied);  // the table is the admin's
  ASSERT_TRUE(services_->members.Delete(admin, anja_).ok());

  for (const std::string& q : std::vector<std::string>{
           "SELECT count(*) FROM members WHERE id = " + a, "SELECT count(*) FROM accounts WHERE member_id = " + a,
           "SELECT count(*) FROM registrations WHERE member_id = " + a,
           "SELECT count(*) FROM question_answers WHERE author_id = " + a,
           "SELECT count(*) FROM subscribers WHERE member_id = " + a,
           std::string("SELECT count(*) FROM subscribers WHERE email = 'anja@x.example'"),
           "SELECT count(*) FROM event_notifications WHERE member_id = " + a,
           std::string("SELECT count(*) FROM outbox WHERE to_email = 'anja@x.example'"),
           std::string("SELECT count(*) FROM password_resets")})
    EXPECT_EQ(Count(q), 0) << q;
  // The leader's question counts her answer no more.
  EXPECT_EQ(Count("SELECT answer_count FROM questions WHERE id = " + question), 0);
  // Her seat went to Pieter, who was told.
  auto mine = services_->events.MyRegistration(pieter, event);
  ASSERT_TRUE(mine.ok()) << mine.status().ToString();
  EXPECT_EQ(mine->status, events::RegistrationStatus::kRegistered);
  EXPECT_EQ(Count("SELECT count(*) FROM event_notifications WHERE member_id = " + std::to_string(pieter_) +
                  " AND kind = 'waitlist_promoted'"),
            1);
}

}  // namespace
}  // namespace verbinder::app_services
