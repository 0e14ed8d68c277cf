// The composition root's wiring across modules (services.h) on a real
// database (SQLite file, or PostgreSQL with VERBINDER_TEST_BACKEND=postgres):
// services that need another service borrow the root's instance instead of
// building their own.
#include "app_services/services.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "domain/bulk_load.h"
#include "oidc/id_token.h"
#include "storage/testing.h"

namespace verbinder::app_services {
namespace {

using domain::Viewer;

class ServicesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = storage::testing::FreshDatabase(::testing::UnitTest::GetInstance()->current_test_info()->name());
    ASSERT_TRUE(domain::EnsureDefaultSectors(*db_).ok());
    services_ = std::make_unique<Services>(*db_, clock_);
  }

  Result<oidc::Outcome> OidcSignIn(const std::string& sub, const std::string& email) {
    oidc::IdClaims c;
    c.sub = sub;
    c.email = email;
    c.email_verified = true;
    c.name = "Nieuw Lid";
    auto start = services_->oidc_sign_in.Begin("linkedin", 0, "nl");
    if (!start) return start.status();
    auto login = services_->oidc_sign_in.Consume(start->state);
    if (!login) return login.status();
    return services_->oidc_sign_in.Complete("linkedin", c, true, *login);
  }

  FakeClock clock_{1'800'000'000};
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<Services> services_;
};

// The OIDC sign-in built an AccountService of its own, without the root's
// wiring (no outbox mailer, no member-data owners): two account services with
// possibly different settings. It now borrows the root's.
TEST_F(ServicesTest, OidcSignInBorrowsTheRootsAccountService) {
  EXPECT_EQ(&services_->oidc_sign_in.account_service(), &services_->accounts);

  // First sign-in of an unknown address, sign-up open: a member, and a
  // session the root's account service knows.
  auto first = OidcSignIn("sub-new", "nieuw@x.example");
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_TRUE(first->created);
  auto session = services_->accounts.FindSession(first->session.token);
  ASSERT_TRUE(session.ok()) << session.status().ToString();
  EXPECT_EQ(session->member_id, first->member_id);

  // The admin closes sign-up through the root's account service: the OIDC
  // sign-in of the next unknown address is refused, and nobody is made.
  ASSERT_TRUE(services_->accounts.SetSignupMode(Viewer{1, model::Role::kAdmin}, "invitation").ok());
  auto refused = OidcSignIn("sub-other", "ander@x.example");
  EXPECT_EQ(refused.status().code(), Code::kPermissionDenied);
  EXPECT_EQ(refused.status().reason(), "account.signup_invitation_only");
}

}  // namespace
}  // namespace verbinder::app_services
