// The outbox queue: validation (header injection refused, nothing queued) and
// transactional queueing (a rolled-back change leaves no mail behind).
#include <gtest/gtest.h>

#include <soci/soci.h>

#include "notify/outbox.h"
#include "storage/testing.h"

namespace verbinder::notify {
namespace {

class OutboxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = storage::testing::FreshDatabase(::testing::UnitTest::GetInstance()->current_test_info()->name());
  }
  Mail Good() {
    return Mail{.to_email = "anja@zorg.example",
                .to_name = "Anja de Vries",
                .subject = "Nieuw wachtwoord — klik",
                .text = "Hallo Anja,\nklik hier.",
                .html = std::nullopt,
                .kind = "password_reset"};
  }
  std::unique_ptr<storage::Database> db_;
};

TEST_F(OutboxTest, QueuesPendingMailWithAllFields) {
  soci::session sql(db_->pool());
  Mail m = Good();
  m.html = "<p>Hallo</p>";
  auto id = QueueMail(sql, m, 1000);
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  auto id2 = QueueMail(sql, Good(), 1001);
  ASSERT_TRUE(id2.ok());
  EXPECT_GT(*id2, *id);
  auto rows = ListOutbox(sql, "", 10);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].id, *id);
  EXPECT_EQ(rows[1].to_email, "anja@zorg.example");
  EXPECT_EQ(rows[1].to_name, "Anja de Vries");
  EXPECT_EQ(rows[1].subject, "Nieuw wachtwoord — klik");
  EXPECT_EQ(rows[1].text, "Hallo Anja,\nklik hier.");
  EXPECT_EQ(rows[1].html, "<p>Hallo</p>");
  EXPECT_EQ(rows[1].status, "pending");
  EXPECT_EQ(rows[1].kind, "password_reset");
  EXPECT_EQ(rows[1].created_at, 1000);
  EXPECT_EQ(rows[0].html, "");
  EXPECT_EQ(CountOutbox(sql).pending, 2);
  EXPECT_EQ(ListOutbox(sql, "sent", 10).size(), 0u);
  EXPECT_EQ(ListOutbox(sql, "pending", 1).size(), 1u);
}

TEST_F(OutboxTest, RefusesHeaderInjectionAndBadFieldsQueueingNothing) {
  soci::session sql(db_->pool());
  struct Case {
    std::function<void(Mail&)> change;
    std::string field;
  };
  std::vector<Case> cases = {
      {[](Mail& m) { m.subject = "Hi\r\nBcc: victim@x.example"; }, "subject"},
      {[](Mail& m) { m.subject = "Hi\nBcc: victim@x.example"; }, "subject"},
      {[](Mail& m) { m.subject = ""; }, "subject"},
      {[](Mail& m) { m.subject = std::string(301, 'a'); }, "subject"},
      {[](Mail& m) { m.subject = "bad \xC3"; }, "subject"},
      {[](Mail& m) { m.to_name = "Anja\r\nBcc: x@y.example"; }, "to_name"},
      {[](Mail& m) { m.to_email = "anja@zorg.example\r\nBcc: x@y.example"; }, "to_email"},
      {[](Mail& m) { m.to_email = "anja@zorg.example, x@y.example"; }, "to_email"},
      {[](Mail& m) { m.to_email = "Anja <anja@zorg.example>"; }, "to_email"},
      {[](Mail& m) { m.to_email = "geen-adres"; }, "to_email"},
      {[](Mail& m) { m.to_email = ""; }, "to_email"},
      {[](Mail& m) { m.text = ""; }, "text"},
      {[](Mail& m) { m.text = std::string("a\0b", 3); }, "text"},
      {[](Mail& m) { m.kind = "Password Reset"; }, "kind"},
      {[](Mail& m) { m.kind = ""; }, "kind"},
  };
  for (const auto& c : cases) {
    Mail m = Good();
    c.change(m);
    auto r = QueueMail(sql, m, 1000);
    ASSERT_FALSE(r.ok()) << c.field;
    EXPECT_EQ(r.status().code(), Code::kInvalidArgument) << c.field;
    EXPECT_EQ(r.status().field(), c.field) << r.status().ToString();
  }
  EXPECT_EQ(CountOutbox(sql).pending, 0);
}

TEST_F(OutboxTest, QueuedInsideTheCallersTransaction) {
  soci::session sql(db_->pool());
  {
    soci::transaction tx(sql);
    ASSERT_TRUE(QueueMail(sql, Good(), 1000).ok());
    tx.rollback();
  }
  EXPECT_EQ(CountOutbox(sql).pending, 0);
  {
    soci::transaction tx(sql);
    ASSERT_TRUE(QueueMail(sql, Good(), 1000).ok());
    tx.commit();
  }
  soci::session other(db_->pool());
  EXPECT_EQ(CountOutbox(other).pending, 1);
}

}  // namespace
}  // namespace verbinder::notify
