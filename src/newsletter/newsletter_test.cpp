// The newsletter library against a real database (SQLite file, or PostgreSQL
// with VERBINDER_TEST_BACKEND=postgres): Markdown sanitising, signed tokens,
// and articles with the leader's approval. The other parts have their own
// files: newsletter_subscribe_test.cpp (double opt-in, unsubscribe, the
// profile's choice), newsletter_compose_test.cpp (the per-subscriber issue),
// newsletter_send_test.cpp (the resumable send job, bounces, the test to myself).
#include <gtest/gtest.h>

#include <soci/soci.h>

#include <sys/wait.h>

#include <filesystem>
#include <fstream>

#include "demo/generator.h"
#include "domain/bulk_load.h"
#include "demo/demo.h"
#include "newsletter/bounces.h"
#include "newsletter/demo_newsletter.h"
#include "markdown/markdown.h"
#include "newsletter/topics.h"
#include "notify/outbox.h"
#include "newsletter/sender.h"
#include "newsletter/newsletter_db_test.h"
#include "newsletter/test_support.h"
#include "newsletter/tokens.h"
#include "storage/testing.h"
#include "util/strings.h"

namespace verbinder::newsletter {
namespace {

using testing::kNow;

TEST(TokenTest, SignedExpiringAndBoundToPurpose) {
  const std::string key(32, 'k');
  std::string t = SignToken(key, TokenPurpose::kConfirm, 42, kNow + 100);
  EXPECT_EQ(*VerifyToken(key, TokenPurpose::kConfirm, t, kNow), 42);
  EXPECT_EQ(VerifyToken(key, TokenPurpose::kConfirm, t, kNow + 101).status().message(),
            "this link has expired; subscribe again");
  EXPECT_EQ(VerifyToken(key, TokenPurpose::kUnsubscribe, t, kNow).status().field(), "token");
  std::string forged = t;
  forged.back() = forged.back() == '0' ? '1' : '0';
  EXPECT_FALSE(VerifyToken(key, TokenPurpose::kConfirm, forged, kNow).ok());
  std::string other_id = "c.43" + t.substr(4);
  EXPECT_FALSE(VerifyToken(key, TokenPurpose::kConfirm, other_id, kNow).ok());
  EXPECT_FALSE(VerifyToken(std::string(32, 'x'), TokenPurpose::kConfirm, t, kNow).ok());
  for (const char* junk : {"", "c", "c.1.2", "c.x.1.ab", "c.1.2.3.4", "u.-1.0.00"})
    EXPECT_EQ(VerifyToken(key, TokenPurpose::kConfirm, junk, kNow).status().field(), "token") << junk;
  std::string u = SignToken(key, TokenPurpose::kUnsubscribe, 7, kNeverExpires);
  EXPECT_EQ(*VerifyToken(key, TokenPurpose::kUnsubscribe, u, kNow + 10 * 365 * 86400), 7);
}

class NewsletterDbTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = storage::testing::FreshDatabase(::testing::UnitTest::GetInstance()->current_test_info()->name());
    seed_ = testing::Seed(*db_, clock_);
  }
  domain::Viewer Leader() const { return {seed_.leader, model::Role::kOrganizer}; }
  domain::Viewer AsMember(model::Id id) const { return {id, model::Role::kMember}; }

  FakeClock clock_{kNow};
  std::unique_ptr<storage::Database> db_;
  testing::Seeded seed_;
};

TEST_F(NewsletterDbTest, MembersSubmitLeaderApprovesPublicSeesPublished) {
  ArticleService svc(*db_, clock_);
  Article a;
  a.title = "Roosters zonder gedoe";
  a.body_md = "Tekst <script>alert(1)</script> [x](javascript:alert(2))";
  a.status = ArticleStatus::kPublished;
  EXPECT_EQ(svc.Create(AsMember(seed_.anja), a).status().code(), Code::kPermissionDenied);
  a.status = ArticleStatus::kSubmitted;
  auto created = svc.Create(AsMember(seed_.anja), a);
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  EXPECT_TRUE(markdown::LooksSafeHtml(created->body_html)) << created->body_html;
  EXPECT_EQ(created->author_name, "Anja Kamphuis");
  // Not visible to the public or other members until approved.
  EXPECT_EQ(svc.Get({}, created->id).status().code(), Code::kNotFound);
  EXPECT_EQ(svc.Get(AsMember(seed_.pieter), created->id).status().code(), Code::kNotFound);
  EXPECT_TRUE(svc.Get(AsMember(seed_.anja), created->id).ok());
  EXPECT_EQ(svc.Publish(AsMember(seed_.anja), created->id, 0).status().code(), Code::kPermissionDenied);
  auto pub = svc.Publish(Leader(), created->id, 0);
  ASSERT_TRUE(pub.ok());
  EXPECT_EQ(pub->status, ArticleStatus::kPublished);
  EXPECT_EQ(pub->published_at, kNow);
  EXPECT_EQ(svc.Publish(Leader(), created->id, 0).status().code(), Code::kConflict);
  auto pub_view = svc.Get({}, created->id);
  ASSERT_TRUE(pub_view.ok());
  EXPECT_EQ(pub_view->author_name, "") << "anonymous readers do not see member names";
  // The author may no longer edit it; the leader may.
  Article edit = *pub;
  edit.title = "Nieuwe titel";
  EXPECT_EQ(svc.Update(AsMember(seed_.anja), edit).status().code(), Code::kPermissionDenied);
  EXPECT_TRUE(svc.Update(Leader(), edit).ok());
  ArticleFilter f;
  f.q = "nieuwe";
  auto found = svc.List({}, f);
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found->total, 1);
  EXPECT_EQ(found->items[0].id, created->id);
}

TEST_F(NewsletterDbTest, ArticleValidationNamesTheField) {
  ArticleService svc(*db_, clock_);
  struct Case {
    Article a;
    std::string field;
  };
  Article ok;
  ok.title = "T";
  ok.body_md = "b";
  std::vector<Case> cases;
  Article x = ok;
  x.title = " ";
  cases.push_back({x, "title"});
  x = ok;
  x.body_md = "";
  cases.push_back({x, "body"});
  x = ok;
  x.language = "de";
  cases.push_back({x, "language"});
  x = ok;
  x.tags = {"ok", ""};
  cases.push_back({x, "tags[1]"});
  x = ok;
  x.tags = {"a,b"};
  cases.push_back({x, "tags[0]"});
  x = ok;
  x.title = "a\x01";
  cases.push_back({x, "title"});
  x = ok;
  x.summary = std::string(600, 's');
  cases.push_back({x, "summary"});
  for (auto& c : cases) {
    auto r = svc.Create(Leader(), c.a);
    ASSERT_FALSE(r.ok()) << c.field;
    EXPECT_EQ(r.status().field(), c.field);
  }
  auto list = svc.List(Leader(), {});
  EXPECT_EQ(list->total, 2) << "nothing half-written";
  EXPECT_EQ(svc.Create({}, ok).status().code(), Code::kUnauthenticated);
}

// `newsletter articles add --author-email`: the author's member id and role,
// from the service (not SQL in the command).
TEST_F(NewsletterDbTest, AuthorByEmailGivesTheMembersIdAndRole) {
  ArticleService svc(*db_, clock_);
  const domain::Viewer system = domain::Viewer::System();
  auto leader = svc.AuthorByEmail(system, " Leider@Netwerk.EXAMPLE ");
  ASSERT_TRUE(leader.ok()) << leader.status().ToString();
  EXPECT_EQ(leader->member_id, seed_.leader);
  EXPECT_EQ(leader->role, model::Role::kOrganizer);
  auto anja = svc.AuthorByEmail(Leader(), "anja@zorg.example");  // no account: writes as a member
  ASSERT_TRUE(anja.ok()) << anja.status().ToString();
  EXPECT_EQ(anja->member_id, seed_.anja);
  EXPECT_EQ(anja->role, model::Role::kMember);
  // An organizer whose account is disabled writes as a member only.
  domain::AccountService accounts(*db_, clock_);
  ASSERT_TRUE(accounts.CreateAccount(system, seed_.emma, "een lang wachtwoord", model::Role::kOrganizer).ok());
  EXPECT_EQ(svc.AuthorByEmail(system, "emma@school.example")->role, model::Role::kOrganizer);
  {
    soci::session sql(db_->pool());
    long long emma = seed_.emma;
    sql << "UPDATE accounts SET disabled = 1 WHERE member_id = :m", soci::use(emma);
  }
  EXPECT_EQ(svc.AuthorByEmail(system, "emma@school.example")->role, model::Role::kMember);

  auto nobody = svc.AuthorByEmail(system, "niemand@x.example");
  EXPECT_EQ(nobody.status().code(), Code::kNotFound);
  EXPECT_EQ(nobody.status().field(), "email");
  EXPECT_EQ(svc.AuthorByEmail(system, "  ").status().code(), Code::kInvalidArgument);
  EXPECT_EQ(svc.AuthorByEmail(AsMember(seed_.anja), "leider@netwerk.example").status().code(), Code::kPermissionDenied);
  EXPECT_EQ(svc.AuthorByEmail({}, "leider@netwerk.example").status().code(), Code::kPermissionDenied);

  // The article is the author's: an organizer publishes directly, a member submits.
  Article a;
  a.title = "Lean in de wijkzorg";
  a.body_md = "Tekst.";
  a.status = ArticleStatus::kPublished;
  auto mine = svc.Create(*leader, a);
  ASSERT_TRUE(mine.ok()) << mine.status().ToString();
  EXPECT_EQ(mine->author_id, seed_.leader);
  EXPECT_EQ(svc.Create(*anja, a).status().code(), Code::kPermissionDenied);
}

}  // namespace
}  // namespace verbinder::newsletter
