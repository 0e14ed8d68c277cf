// The per-process caches of member profiles (member_cache.h) and sessions
// (accounts.h, kSessionCacheWindow) against a real database: a SQLite file by
// default, the PostgreSQL server when VERBINDER_TEST_BACKEND=postgres.
//
// Oracle: MemberService::Get (always read from the database) rendered with
// ToJson. After every kind of write the cached JSON must equal it, for every
// kind of viewer. A second storage::Database on the same database stands for
// another server process.
#include <gtest/gtest.h>

#include "domain/accounts.h"
#include "domain/bulk_load.h"
#include "domain/json_codec.h"
#include "domain/member_cache.h"
#include "domain/members.h"
#include "storage/testing.h"

namespace verbinder::domain {
namespace {

using model::Role;
using model::Visibility;

std::string TestName() {
  return ::testing::UnitTest::GetInstance()->current_test_info()->name();
}

class MemberCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = storage::testing::FreshDatabase(TestName());
    ASSERT_TRUE(EnsureDefaultSectors(*db_).ok());
    members_ = std::make_unique<MemberService>(*db_, clock_);
    accounts_ = std::make_unique<AccountService>(*db_, clock_);
  }

  model::Member Make(const std::string& name, const std::string& email, Visibility vis = Visibility::kMembers) {
    model::Member m;
    m.name = name;
    m.email = email;
    m.sector = "care";
    m.organization = name + " BV";
    m.visibility = vis;
    m.languages = {"nl"};
    m.bio = "Werkt aan wachtlijsten in de thuiszorg";
    auto r = members_->Create(Viewer::System(), m);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return *r;
  }

  // Another process on the same database.
  std::unique_ptr<storage::Database> OpenSecond() {
    auto db = storage::Database::Open(storage::testing::SameDatabaseUrl(TestName()), 2);
    EXPECT_TRUE(db.ok()) << db.status().ToString();
    return std::move(*db);
  }

  // GetJson (cached) against Get + ToJson (the database) for this viewer.
  void ExpectFresh(MemberService& svc, const Viewer& viewer, model::Id id, const std::string& when) {
    auto cached = svc.GetJson(viewer, id);
    auto truth = members_->Get(viewer, id);
    ASSERT_EQ(cached.ok(), truth.ok()) << when << ": viewer " << viewer.member_id << ", member " << id << ": "
                                       << (cached.ok() ? *cached : cached.status().ToString());
    if (!truth.ok()) {
      EXPECT_EQ(cached.status().code(), Code::kNotFound) << when;
      return;
    }
    EXPECT_EQ(Json::parse(*cached), ToJson(*truth, viewer)) << when << ": viewer " << viewer.member_id;
  }

  FakeClock clock_{1'780'000'000};
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<MemberService> members_;
  std::unique_ptr<AccountService> accounts_;
};

TEST_F(MemberCacheTest, CachedProfilesEqualTheDatabaseAfterEveryKindOfWrite) {
  auto anja = Make("Anja de Vries", "anja@x.example");
  auto pieter = Make("Pieter Bakker", "pieter@x.example");
  auto org = Make("Olga Organisator", "olga@x.example");
  ASSERT_TRUE(accounts_->CreateAccount(Viewer::System(), anja.id, "een lang wachtwoord", Role::kMember).ok());
  const std::vector<Viewer> viewers = {
      {anja.id, Role::kMember}, {pieter.id, Role::kMember}, {org.id, Role::kOrganizer}, {org.id, Role::kAdmin}, {}};
  // A second service instance on the same database shares the cache: a write
  // through members_ must show through `other` at once.
  MemberService other(*db_, clock_);
  auto check = [&](const std::string& when) {
    for (const auto& v : viewers) {
      ExpectFresh(*members_, v, anja.id, when);
      ExpectFresh(other, v, anja.id, when);
    }
  };
  auto write = [&](const std::string& when, auto&& fn) {
    check("before " + when);  // fills the cache with the old state
    fn();
    clock_.Advance(1);
    check("after " + when);
  };
  const Viewer self{anja.id, Role::kMember}, organizer{org.id, Role::kOrganizer};

  write("update", [&] {
    anja.title = "Teamleider wijkverpleging";
    anja.bio = "Nieuw: \"roosters\" en \xc3\xa9\xc3\xa9n team";
    ASSERT_TRUE(members_->Update(self, anja).ok());
  });
  for (auto vis : {Visibility::kOrganizers, Visibility::kHidden, Visibility::kMembers})
    write("visibility " + std::string(model::ToString(vis)), [&] {
      anja.visibility = vis;
      auto r = members_->Update(self, anja);
      ASSERT_TRUE(r.ok()) << r.status().ToString();
    });
  model::Challenge c;
  write("add challenge", [&] {
    c.title = "Personeelsverloop";
    c.text = "Hoe houden jullie jonge collega's vast?";
    auto r = members_->AddChallenge(self, anja.id, c);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    c = *r;
  });
  write("solve challenge", [&] {
    c.status = model::ChallengeStatus::kSolved;
    ASSERT_TRUE(members_->UpdateChallenge(organizer, c).ok());
  });
  write("delete challenge", [&] { ASSERT_TRUE(members_->DeleteChallenge(self, c.id).ok()); });

  // A word search renders its page from the same cache.
  MemberFilter f;
  f.q = "wachtlijsten";
  for (const auto& v : viewers) {
    auto page = members_->List(v, f);
    auto json = members_->ListJson(v, f);
    ASSERT_EQ(page.ok(), json.ok());
    if (!page.ok()) continue;
    EXPECT_EQ(Json::parse(*json), PageToJson(*page, [&](const model::Member& m) { return ToJson(m, v); }))
        << "viewer " << v.member_id;
  }

  write("delete the account and member",
        [&] { ASSERT_TRUE(accounts_->DeleteMember(self, anja.id, "een lang wachtwoord").ok()); });
  EXPECT_EQ(members_->GetJson(organizer, anja.id).status().code(), Code::kNotFound);
  write("delete through MemberService", [&] { ASSERT_TRUE(members_->Delete(Viewer::System(), pieter.id).ok()); });
  EXPECT_EQ(members_->GetJson(organizer, pieter.id).status().code(), Code::kNotFound);
}

TEST_F(MemberCacheTest, AnotherProcessSeesAChangeWithinTheWindow) {
  auto anja = Make("Anja de Vries", "anja@x.example");
  auto pieter = Make("Pieter Bakker", "pieter@x.example");
  auto db2 = OpenSecond();
  MemberService there(*db2, clock_);
  const Viewer pv{pieter.id, Role::kMember};
  ASSERT_TRUE(there.GetJson(pv, anja.id).ok());  // cached over there

  anja.title = "Teamleider";
  ASSERT_TRUE(members_->Update(Viewer::System(), anja).ok());
  EXPECT_NE(Json::parse(*there.GetJson(pv, anja.id))["title"], "Teamleider");  // within the window: as cached
  clock_.AdvanceSteady(MemberCache::kWindow);  // the other process reads the change log again
  auto seen = there.GetJson(pv, anja.id);
  ASSERT_TRUE(seen.ok());
  EXPECT_EQ(Json::parse(*seen)["title"], "Teamleider");

  anja.visibility = Visibility::kHidden;
  ASSERT_TRUE(members_->Update(Viewer::System(), anja).ok());
  clock_.AdvanceSteady(MemberCache::kWindow);  // the other process reads the change log again
  EXPECT_EQ(there.GetJson(pv, anja.id).status().code(), Code::kNotFound);
  EXPECT_TRUE(there.GetJson({anja.id, Role::kMember}, anja.id).ok());  // the member still sees herself
}

// One cache per storage::Database (Database::Shared<MemberCache>(), keyed by
// type): every service built on it — in one app_services::Services or in
// several — reads and invalidates the same entries, so a write through one
// instance is seen by another at once, without waiting for the window.
TEST_F(MemberCacheTest, EveryServiceOnOneDatabaseSharesOneCache) {
  auto anja = Make("Anja de Vries", "anja@x.example");
  auto pieter = Make("Pieter Bakker", "pieter@x.example");
  auto db2 = OpenSecond();
  EXPECT_EQ(MemberCache::For(*db_), MemberCache::For(*db_));
  EXPECT_NE(MemberCache::For(*db_), MemberCache::For(*db2)) << "another Database stands for another process";
  MemberService other(*db_, clock_);  // e.g. built by a second Services on the same Database
  const Viewer pv{pieter.id, Role::kMember};
  ASSERT_TRUE(other.GetJson(pv, anja.id).ok());  // cached
  const auto hits = MemberCache::For(*db_)->stats().hits;
  ASSERT_TRUE(members_->GetJson(pv, anja.id).ok());
  EXPECT_EQ(MemberCache::For(*db_)->stats().hits, hits + 1) << "read from the entry the other instance cached";
  anja.title = "Teamleider";
  ASSERT_TRUE(members_->Update(Viewer::System(), anja).ok());
  EXPECT_EQ(Json::parse(*other.GetJson(pv, anja.id))["title"], "Teamleider");  // at once: no clock advance
}

TEST_F(MemberCacheTest, ABudgetBoundsTheCacheWithoutChangingAnswers) {
  std::vector<model::Member> ms;
  ms.reserve(30);
  for (int i = 0; i < 30; ++i) ms.push_back(Make("Lid " + std::to_string(i), "lid" + std::to_string(i) + "@x.example"));
  auto cache = MemberCache::For(*db_);
  const Viewer v{ms[0].id, Role::kMember};
  members_->SetProfileCacheBudget(4000);
  for (int round = 0; round < 2; ++round)
    for (const auto& m : ms) ExpectFresh(*members_, v, m.id, "budget 4000");
  EXPECT_LE(cache->stats().bytes, 4000u);
  EXPECT_GT(cache->stats().entries, 0u);
  members_->SetProfileCacheBudget(0);
  EXPECT_EQ(cache->stats().entries, 0u);
  for (const auto& m : ms) ExpectFresh(*members_, v, m.id, "cache off");
  EXPECT_EQ(cache->stats().entries, 0u);
}

TEST(MemberCacheUnit, AFillThatRacedAnInvalidationIsRefused) {
  MemberCache cache;
  CachedProfile p;
  p.visibility = Visibility::kMembers;
  p.json = "{\"id\":5";
  p.public_len = static_cast<uint32_t>(p.json.size());
  const uint64_t since = cache.generation();  // a reader starts reading member 5 ...
  cache.Invalidate(5);                        // ... a writer commits and invalidates ...
  cache.Put(5, p, since);                     // ... the reader's old data must not stay
  std::string out;
  EXPECT_FALSE(cache.Render(5, {7, Role::kMember}, out).has_value());
  cache.Put(5, p, cache.generation());
  ASSERT_EQ(cache.Render(5, {7, Role::kMember}, out), std::optional<bool>(true));
  EXPECT_EQ(out, "{\"id\":5}");
  p.visibility = Visibility::kHidden;
  cache.Put(5, p, cache.generation());
  out.clear();
  EXPECT_EQ(cache.Render(5, {7, Role::kMember}, out), std::optional<bool>(false));
  EXPECT_EQ(out, "");
}

TEST_F(MemberCacheTest, SessionsEndAtOnceHereAndWithinTheWindowElsewhere) {
  auto anja = Make("Anja de Vries", "anja@x.example");
  ASSERT_TRUE(accounts_->CreateAccount(Viewer::System(), anja.id, "een lang wachtwoord", Role::kMember).ok());
  auto db2 = OpenSecond();
  AccountService there(*db2, clock_);

  // A role change through this process shows at once.
  auto s = accounts_->Login("anja@x.example", "een lang wachtwoord", "x");
  ASSERT_TRUE(s.ok());
  ASSERT_EQ(accounts_->FindSession(s->token)->role, Role::kMember);
  ASSERT_TRUE(accounts_->SetRole(Viewer::System(), anja.id, Role::kOrganizer).ok());
  EXPECT_EQ(accounts_->FindSession(s->token)->role, Role::kOrganizer);

  // A logout: at once here, within the window over there.
  ASSERT_TRUE(there.FindSession(s->token).ok());  // cached over there
  ASSERT_TRUE(accounts_->Logout(s->token).ok());
  EXPECT_FALSE(accounts_->FindSession(s->token).ok());
  EXPECT_TRUE(there.FindSession(s->token).ok());  // within the window: as cached
  clock_.AdvanceSteady(kSessionCacheWindow);      // the other process looks the session up again
  EXPECT_FALSE(there.FindSession(s->token).ok());

  // Expiry is checked on every use, cached or not.
  auto s2 = accounts_->Login("anja@x.example", "een lang wachtwoord", "x");
  ASSERT_TRUE(s2.ok());
  ASSERT_TRUE(accounts_->FindSession(s2->token).ok());
  clock_.Advance(kSessionLifetime + 1);
  EXPECT_FALSE(accounts_->FindSession(s2->token).ok());

  // Deleting the member ends the session at once.
  clock_.Set(clock_.Now() - (kSessionLifetime + 1));  // wall time only: monotonic time never goes back
  auto s3 = accounts_->Login("anja@x.example", "een lang wachtwoord", "y");
  ASSERT_TRUE(s3.ok());
  ASSERT_TRUE(accounts_->FindSession(s3->token).ok());
  ASSERT_TRUE(members_->Delete(Viewer::System(), anja.id).ok());
  EXPECT_FALSE(accounts_->FindSession(s3->token).ok());
}

}  // namespace
}  // namespace verbinder::domain
