// The domain services against a real database: a SQLite file by default, the
// PostgreSQL server when VERBINDER_TEST_BACKEND=postgres (see storage/testing.h).
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "domain/accounts.h"
#include "domain/bulk_load.h"
#include "domain/json_codec.h"
#include "domain/member_data.h"
#include "domain/members.h"
#include "domain/network.h"
#include "storage/testing.h"

namespace verbinder::domain {
namespace {

using model::Role;
using model::Visibility;

class DomainTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = storage::testing::FreshDatabase(::testing::UnitTest::GetInstance()->current_test_info()->name());
    ASSERT_TRUE(EnsureDefaultSectors(*db_).ok());
    members_ = std::make_unique<MemberService>(*db_, clock_);
    accounts_ = std::make_unique<AccountService>(*db_, clock_);
    network_ = std::make_unique<NetworkService>(*db_, clock_, *members_);
  }

  model::Member Make(const std::string& name, const std::string& email, const std::string& sector,
                     Visibility vis = Visibility::kMembers) {
    model::Member m;
    m.name = name;
    m.email = email;
    m.sector = sector;
    m.organization = name + " BV";
    m.visibility = vis;
    m.languages = {"nl"};
    auto r = members_->Create(Viewer::System(), m);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return *r;
  }

  FakeClock clock_{1'780'000'000};
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<MemberService> members_;
  std::unique_ptr<AccountService> accounts_;
  std::unique_ptr<NetworkService> network_;
};

TEST_F(DomainTest, CreateValidatesAndRejectsDuplicateEmail) {
  model::Member bad;
  bad.name = "Anja";
  bad.email = "not-an-email";
  auto r = members_->Create(Viewer::System(), bad);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().field(), "email");

  bad.email = "anja@thuiszorg.example";
  bad.sector = "astrology";
  r = members_->Create(Viewer::System(), bad);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().field(), "sector");

  bad.sector = "care";
  bad.name = std::string(201, 'x');
  r = members_->Create(Viewer::System(), bad);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().field(), "name");

  Make("Anja de Vries", "anja@thuiszorg.example", "care");
  model::Member dup;
  dup.name = "Other";
  dup.email = "ANJA@thuiszorg.example";  // e-mails compare case-insensitively
  r = members_->Create(Viewer::System(), dup);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Code::kAlreadyExists);
  auto page = members_->List(Viewer::System(), {});
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 1);  // nothing half-written
}

TEST_F(DomainTest, MembersCannotCreateOthers) {
  auto m = Make("Anja", "anja@x.example", "care");
  auto r = members_->Create(Viewer{m.id, Role::kMember}, model::Member{});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Code::kPermissionDenied);
}

TEST_F(DomainTest, VisibilityIsEnforcedInGetListSearchAndTies) {
  auto anja = Make("Anja", "anja@x.example", "care");
  auto pieter = Make("Pieter", "pieter@x.example", "industry", Visibility::kHidden);
  auto gerda = Make("Gerda", "gerda@x.example", "government", Visibility::kOrganizers);
  auto org = Make("Leider", "leider@x.example", "other");
  Viewer as_anja{anja.id, Role::kMember}, as_org{org.id, Role::kOrganizer}, as_pieter{pieter.id, Role::kMember};

  EXPECT_EQ(members_->Get(as_anja, pieter.id).status().code(), Code::kNotFound);
  EXPECT_EQ(members_->Get(as_anja, gerda.id).status().code(), Code::kNotFound);
  EXPECT_TRUE(members_->Get(as_org, gerda.id).ok());
  EXPECT_EQ(members_->Get(as_org, pieter.id).status().code(), Code::kNotFound);
  EXPECT_TRUE(members_->Get(as_pieter, pieter.id).ok());  // always yourself
  EXPECT_TRUE(members_->Get(Viewer::System(), pieter.id).ok());
  EXPECT_EQ(members_->Get(Viewer{}, anja.id).status().code(), Code::kNotFound);  // anonymous sees nobody

  MemberFilter f;
  f.q = "pieter";
  EXPECT_EQ(members_->List(as_anja, f)->total, 0);
  EXPECT_EQ(members_->List(as_pieter, f)->total, 1);
  EXPECT_EQ(members_->List(as_anja, {})->total, 2);  // anja + leider
  EXPECT_EQ(members_->List(as_org, {})->total, 3);   // + gerda

  // A tie to a hidden member does not show.
  ASSERT_TRUE(
      network_->Record(Viewer::System(), {0, anja.id, pieter.id, model::InteractionKind::kMetAtEvent, 10, "t", 0})
          .ok());
  ASSERT_TRUE(
      network_->Record(Viewer::System(), {0, anja.id, org.id, model::InteractionKind::kConnected, 10, "t", 0}).ok());
  auto ties = network_->TiesOf(as_anja, anja.id);
  ASSERT_TRUE(ties.ok());
  ASSERT_EQ(ties->size(), 1u);
  EXPECT_EQ((*ties)[0].b == org.id || (*ties)[0].a == org.id, true);
  EXPECT_EQ(network_->TiesOf(Viewer::System(), anja.id)->size(), 2u);

  // Export as a member leaves hidden ones out.
  auto exp = ExportAll(*db_, as_anja);
  ASSERT_TRUE(exp.ok());
  for (const auto& m : (*exp)["members"]) EXPECT_NE(m["id"].get<int64_t>(), pieter.id);
}

TEST_F(DomainTest, SearchMatchesWordPrefixesAndFilters) {
  model::Member a;
  a.name = "Anja de Vries";
  a.email = "anja@x.example";
  a.sector = "care";
  a.expertise_tags = {"wijkverpleging"};
  a.challenges = {
      {0, 0, "Wachtlijsten in de thuiszorg", "De wachtlijst groeit elke maand.", model::ChallengeStatus::kOpen}};
  ASSERT_TRUE(members_->Create(Viewer::System(), a).ok());
  model::Member p;
  p.name = "Pieter Bakker";
  p.email = "pieter@x.example";
  p.sector = "industry";
  p.expertise_tags = {"lean", "doorlooptijd"};
  p.expertise_text = "Lead times shorter with flow.";
  ASSERT_TRUE(members_->Create(Viewer::System(), p).ok());

  auto list = [&](const MemberFilter& f) { return members_->List(Viewer::System(), f)->total; };
  EXPECT_EQ(list({.q = "wacht"}), 1);
  EXPECT_EQ(list({.q = "pie bak"}), 1);
  EXPECT_EQ(list({.q = "pie anja"}), 0);
  EXPECT_EQ(list({.sector = "industry"}), 1);
  EXPECT_EQ(list({.expertise = "lean"}), 1);
  EXPECT_EQ(list({.expertise = "wachtlijst"}), 0);  // a challenge, not expertise
  EXPECT_EQ(list({.challenge = "wachtlijst"}), 1);
  EXPECT_EQ(list({.q = "'; DROP TABLE members; --"}), 0);
  // Function words are not indexed and are ignored inside a multi-word query.
  EXPECT_EQ(list({.q = "de wachtlijst"}), 1);
  EXPECT_FALSE(SearchTerms(a).count("de"));
  EXPECT_TRUE(SearchTerms(a).count("wachtlijst"));
  EXPECT_EQ(list({}), 2);
  auto bad = members_->List(Viewer::System(), {.limit = 0});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().field(), "limit");
}

// Word searches (the in-memory search index) must give the same page and total
// as a brute-force scan of the profiles — also on a second service over the same
// database after changes made through the first (the change log).
TEST_F(DomainTest, SearchPlansAgreeWithABruteForceScan) {
  const std::vector<std::string> vocab = {"lean",   "leanplanning", "zorg",   "zorgpad", "twente",    "brabant",
                                          "inkoop", "roostering",   "stages", "ideeën",  "logistiek", "energie"};
  const std::vector<std::string> sectors = {"care", "industry", "education"};
  uint32_t seed = 12345;
  auto next = [&](uint32_t n) {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 8) % n;
  };
  std::vector<model::Member> all;
  for (int i = 0; i < 90; ++i) {
    model::Member m;
    m.name = std::string(1, static_cast<char>('A' + next(6))) + "name " + std::to_string(next(40));  // ties in name
    m.email = "m" + std::to_string(i) + "@x.example";
    m.sector = sectors[next(sectors.size())];
    m.visibility = next(5) == 0 ? Visibility::kHidden : next(4) == 0 ? Visibility::kOrganizers : Visibility::kMembers;
    m.title = vocab[next(vocab.size())] + " " + vocab[next(vocab.size())];
    m.expertise_tags = {vocab[next(vocab.size())]};
    if (next(3) == 0) m.challenges = {{0, 0, vocab[next(vocab.size())], "", model::ChallengeStatus::kOpen}};
    auto r = members_->Create(Viewer::System(), m);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    all.push_back(*r);
  }
  auto expected = [&](const Viewer& v, const MemberFilter& f) {
    std::vector<std::string> want;
    auto add = [&](const std::string& text, const std::string& prefix) {
      for (const auto& w : Words(text))
        if (!IsStopWord(w) || text.find(' ') == std::string::npos) want.push_back(prefix + w);
    };
    add(f.q, "");
    add(f.expertise, "ex:");
    add(f.challenge, "ch:");
    std::vector<const model::Member*> hits;
    for (const auto& m : all) {
      if (!v.CanSee(m.id, m.visibility) || (!f.sector.empty() && m.sector != f.sector)) continue;
      if (f.open_challenges_only &&
          std::none_of(m.challenges.begin(), m.challenges.end(),
                       [](const model::Challenge& c) { return c.status == model::ChallengeStatus::kOpen; }))
        continue;
      auto terms = SearchTerms(m);
      bool ok = true;
      for (const auto& w : want) {
        auto it = terms.lower_bound(w);
        ok = ok && it != terms.end() && it->compare(0, w.size(), w) == 0;
      }
      if (ok) hits.push_back(&m);
    }
    std::sort(hits.begin(), hits.end(),
              [](auto* a, auto* b) { return std::tie(a->name, a->id) < std::tie(b->name, b->id); });
    Page<model::Id> page;
    page.total = std::min<int64_t>(hits.size(), kMaxExactTotal);
    const int end = f.offset + f.limit;
    for (size_t i = f.offset; i < hits.size() && i < static_cast<size_t>(end); ++i) page.items.push_back(hits[i]->id);
    return page;
  };
  const std::vector<Viewer> viewers = {Viewer::System(), Viewer{all[0].id, Role::kMember},
                                       Viewer{all[1].id, Role::kOrganizer}};
  std::vector<MemberFilter> filters;
  for (const char* q :
       {"lean", "zorg", "twente", "zorg twente", "ideeën", "id", "lea stages", "brabant twente inkoop", "nobody"})
    for (int offset : {0, 3, 25}) filters.push_back({.q = q, .limit = 4, .offset = offset});
  filters.push_back({.q = "zorg", .sector = "care", .limit = 5});
  filters.push_back({.q = "lean", .expertise = "roostering", .limit = 50});
  filters.push_back({.q = "lean", .open_challenges_only = true, .limit = 50});
  filters.push_back({.challenge = "energie", .limit = 3, .offset = 1});
  filters.push_back({.sector = "industry", .limit = 7, .offset = 2});
  filters.push_back({.q = "zorg", .limit = 60});  // more than one batch of 20 ids
  int compared = 0;
  size_t largest_page = 0;
  // `other` is a second server on the same database: its search index learns
  // of the changes made through members_ from the change log only.
  MemberService other(*db_, clock_);
  auto compare_all = [&](const char* round) {
    for (MemberService* svc : {members_.get(), &other})
      for (const auto& v : viewers)
        for (const auto& f : filters) {
          auto got = svc->List(v, f);
          ASSERT_TRUE(got.ok()) << got.status().ToString();
          auto want = expected(v, f);
          std::vector<model::Id> ids;
          for (const auto& m : got->items) {
            ids.push_back(m.id);
            // A search page carries each member whole, challenges included, as Get does.
            auto one = svc->Get(Viewer::System(), m.id);
            ASSERT_TRUE(one.ok()) << one.status().ToString();
            EXPECT_EQ(m.name, one->name);
            EXPECT_EQ(m.title, one->title);
            EXPECT_EQ(m.expertise_tags, one->expertise_tags);
            ASSERT_EQ(m.challenges.size(), one->challenges.size()) << m.id;
            for (size_t c = 0; c < m.challenges.size(); ++c) {
              EXPECT_EQ(m.challenges[c].id, one->challenges[c].id);
              EXPECT_EQ(m.challenges[c].title, one->challenges[c].title);
              EXPECT_EQ(m.challenges[c].status, one->challenges[c].status);
            }
          }
          largest_page = std::max(largest_page, got->items.size());
          EXPECT_EQ(ids, want.items) << round << " q=" << f.q << " offset=" << f.offset << " viewer=" << v.member_id;
          EXPECT_EQ(got->total, want.total) << round << " q=" << f.q << " viewer=" << v.member_id;
          compared += !want.items.empty();
        }
  };
  compare_all("before changes");
  // Changes through the first service: renames (the order changes), hidden
  // profiles, other sectors and words, a solved challenge, a deleted member.
  for (size_t i = 2; i < all.size(); i += 7) {
    auto& m = all[i];
    m.name = "Zname " + std::to_string(i);
    m.visibility = i % 2 ? Visibility::kHidden : Visibility::kMembers;
    m.sector = sectors[i % sectors.size()];
    m.title = vocab[i % vocab.size()];
    auto r = members_->Update(Viewer::System(), m);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    m = *r;
  }
  for (auto& m : all)
    if (!m.challenges.empty()) {
      m.challenges[0].status = model::ChallengeStatus::kSolved;
      ASSERT_TRUE(members_->UpdateChallenge(Viewer::System(), m.challenges[0]).ok());
      break;
    }
  ASSERT_TRUE(members_->Delete(Viewer::System(), all[5].id).ok());
  all.erase(all.begin() + 5);
  compare_all("after changes");
  EXPECT_GT(compared, 50);       // the fixture really finds members
  EXPECT_GT(largest_page, 25u);  // pages that span more than one batch of 20 ids
}

TEST_F(DomainTest, MembersEditOnlyThemselvesAndSolvedChallengesLeaveSearch) {
  auto anja = Make("Anja", "anja@x.example", "care");
  auto pieter = Make("Pieter", "pieter@x.example", "industry");
  Viewer as_anja{anja.id, Role::kMember};
  auto p = pieter;
  p.title = "hacked";
  EXPECT_EQ(members_->Update(as_anja, p).status().code(), Code::kPermissionDenied);
  anja.title = "Wijkverpleegkundige";
  auto u = members_->Update(as_anja, anja);
  ASSERT_TRUE(u.ok()) << u.status().ToString();
  EXPECT_EQ(members_->Get(as_anja, anja.id)->title, "Wijkverpleegkundige");

  auto c = members_->AddChallenge(as_anja, anja.id, {0, 0, "Personeelsverloop", "", model::ChallengeStatus::kOpen});
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(members_->List(Viewer::System(), {.challenge = "personeelsverloop"})->total, 1);
  c->status = model::ChallengeStatus::kSolved;
  ASSERT_TRUE(members_->UpdateChallenge(as_anja, *c).ok());
  EXPECT_EQ(members_->List(Viewer::System(), {.challenge = "personeelsverloop"})->total, 0);
  EXPECT_EQ(members_->UpdateChallenge(Viewer{pieter.id, Role::kMember}, *c).status().code(), Code::kPermissionDenied);
}

TEST_F(DomainTest, ConnectionLifeCycleWritesTheLedger) {
  auto anja = Make("Anja", "anja@x.example", "care");
  auto pieter = Make("Pieter", "pieter@x.example", "industry");
  Viewer va{anja.id, Role::kMember}, vp{pieter.id, Role::kMember};
  EXPECT_EQ(network_->RequestConnection(va, anja.id, "").status().field(), "to");
  auto c = network_->RequestConnection(va, pieter.id, "Zullen we eens bellen?");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(network_->RequestConnection(vp, anja.id, "").status().code(), Code::kConflict);
  EXPECT_EQ(network_->AcceptConnection(va, c->id).status().code(), Code::kPermissionDenied);  // sender can't accept
  auto acc = network_->AcceptConnection(vp, c->id);
  ASSERT_TRUE(acc.ok());
  EXPECT_EQ(network_->AcceptConnection(vp, c->id).status().code(), Code::kConflict);
  auto ties = network_->TiesOf(va, anja.id);
  ASSERT_EQ(ties->size(), 1u);
  EXPECT_FALSE((*ties)[0].real);
  ASSERT_TRUE(network_
                  ->Record(Viewer::System(),
                           {0, pieter.id, anja.id, model::InteractionKind::kVisitHeld, clock_.Now() + 20, "visit", 0})
                  .ok());
  ties = network_->TiesOf(va, anja.id);
  EXPECT_TRUE((*ties)[0].real);
  EXPECT_EQ((*ties)[0].strongest, model::InteractionKind::kVisitHeld);
  auto hist = network_->TieHistory(va, pieter.id, anja.id);
  ASSERT_EQ(hist->size(), 2u);
  EXPECT_EQ((*hist)[0].kind, model::InteractionKind::kConnected);
  ASSERT_TRUE(network_->RemoveConnection(va, c->id).ok());
  EXPECT_EQ(network_->TieHistory(va, anja.id, pieter.id)->size(), 2u);  // the ledger is append-only
  EXPECT_EQ(network_->Connections(vp, model::ConnectionStatus::kRemoved, 10, 0)->total, 1);
  EXPECT_EQ(
      network_->Record(va, {0, anja.id, pieter.id, model::InteractionKind::kMetAtEvent, 1, "", 0}).status().code(),
      Code::kPermissionDenied);
  EXPECT_EQ(network_->Record(Viewer::System(), {0, anja.id, 999999, model::InteractionKind::kMetAtEvent, 1, "", 0})
                .status()
                .code(),
            Code::kNotFound);
}

TEST_F(DomainTest, ConcurrentAcceptsApplyOnce) {
  auto anja = Make("Anja", "anja@x.example", "care");
  auto pieter = Make("Pieter", "pieter@x.example", "industry");
  auto c = network_->RequestConnection({anja.id, Role::kMember}, pieter.id, "");
  ASSERT_TRUE(c.ok());
  std::atomic<int> ok{0};
  std::vector<std::thread> ts;
  ts.reserve(4);
  for (int i = 0; i < 4; ++i)
    ts.emplace_back([&] {
      if (network_->AcceptConnection({pieter.id, Role::kMember}, c->id).ok()) ++ok;
    });
  for (auto& t : ts) t.join();
  EXPECT_EQ(ok.load(), 1);
  EXPECT_EQ(network_->TieHistory(Viewer::System(), anja.id, pieter.id)->size(), 1u);
}

TEST_F(DomainTest, LoginSessionsThrottlingAndTokens) {
  auto anja = Make("Anja", "anja@x.example", "care");
  EXPECT_EQ(accounts_->CreateAccount(Viewer::System(), anja.id, "short", Role::kMember).field(), "password");
  ASSERT_TRUE(accounts_->CreateAccount(Viewer::System(), anja.id, "een lang wachtwoord", Role::kMember).ok());
  EXPECT_EQ(accounts_->Login("anja@x.example", "wrong password!", "1.2.3.4").status().code(), Code::kUnauthenticated);
  auto s = accounts_->Login("ANJA@x.example", "een lang wachtwoord", "1.2.3.4");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  auto found = accounts_->FindSession(s->token);
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->member_id, anja.id);
  EXPECT_EQ(found->csrf_token, s->csrf_token);
  clock_.Advance(kSessionLifetime + 1);
  EXPECT_FALSE(accounts_->FindSession(s->token).ok());

  for (int i = 0; i < kMaxFailuresPerEmail; ++i)
    EXPECT_EQ(accounts_->Login("anja@x.example", "guess " + std::to_string(i), "5.6.7.8").status().code(),
              Code::kUnauthenticated);
  // Now even the right password is refused until the window passes.
  EXPECT_EQ(accounts_->Login("anja@x.example", "een lang wachtwoord", "5.6.7.8").status().code(),
            Code::kTooManyRequests);
  EXPECT_GT(accounts_->RetryAfter("anja@x.example", "5.6.7.8"), 0);
  clock_.Advance(kThrottleWindow + 1);
  auto s2 = accounts_->Login("anja@x.example", "een lang wachtwoord", "5.6.7.8");
  ASSERT_TRUE(s2.ok());
  ASSERT_TRUE(accounts_->Logout(s2->token).ok());
  EXPECT_FALSE(accounts_->FindSession(s2->token).ok());

  Viewer va{anja.id, Role::kMember};
  auto t = accounts_->CreateApiToken(va, "script");
  ASSERT_TRUE(t.ok());
  auto who = accounts_->AuthenticateApiToken(t->token);
  ASSERT_TRUE(who.ok());
  EXPECT_EQ(who->member_id, anja.id);
  ASSERT_TRUE(accounts_->RevokeApiToken(va, t->id).ok());
  EXPECT_FALSE(accounts_->AuthenticateApiToken(t->token).ok());
}

TEST_F(DomainTest, DeleteRemovesEverythingOfTheMember) {
  auto anja = Make("Anja", "anja@x.example", "care");
  auto pieter = Make("Pieter", "pieter@x.example", "industry");
  ASSERT_TRUE(accounts_->CreateAccount(Viewer::System(), anja.id, "een lang wachtwoord", Role::kMember).ok());
  ASSERT_TRUE(
      network_->Record(Viewer::System(), {0, anja.id, pieter.id, model::InteractionKind::kMetAtEvent, 1, "", 0}).ok());
  EXPECT_EQ(members_->Delete({pieter.id, Role::kMember}, anja.id).code(), Code::kPermissionDenied);
  ASSERT_TRUE(members_->Delete({anja.id, Role::kMember}, anja.id).ok());
  EXPECT_EQ(members_->Get(Viewer::System(), anja.id).status().code(), Code::kNotFound);
  EXPECT_EQ(network_->TiesOf(Viewer::System(), pieter.id)->size(), 0u);
  EXPECT_FALSE(accounts_->Login("anja@x.example", "een lang wachtwoord", "x").ok());
}

// Regression (events engineer's report): cached prepared statements left half
// read kept an SQLite snapshot open on the pooled connection, so the next write
// there failed with "database is locked" and reads saw old data.
TEST_F(DomainTest, CachedReadsLeaveNoSnapshotOpen) {
  auto anja = Make("Anja", "anja@x.example", "care");
  ASSERT_TRUE(accounts_->CreateAccount(Viewer::System(), anja.id, "een lang wachtwoord", Role::kMember).ok());
  auto s = accounts_->Login("anja@x.example", "een lang wachtwoord", "x");
  ASSERT_TRUE(s.ok());
  Viewer va{anja.id, Role::kMember};
  // Every pooled connection serves cached reads, then writes, then reads again.
  for (int i = 0; i < 3 * db_->pool_size(); ++i) {
    ForgetCachedSessions(*db_);  // so that the lookup reads the database
    ASSERT_TRUE(accounts_->FindSession(s->token).ok());
    ASSERT_TRUE(members_->Get(va, anja.id).ok());
    anja.title = "titel " + std::to_string(i);
    auto u = members_->Update(va, anja);
    ASSERT_TRUE(u.ok()) << u.status().ToString();
    EXPECT_EQ(members_->Get(va, anja.id)->title, anja.title);
  }
}

TEST_F(DomainTest, BulkLoadIsAllOrNothing) {
  model::Network net;
  net.sectors = model::DefaultSectors();
  net.organizations = {{0, "Thuiszorg West", "care", "Enschede"}};
  for (int i = 0; i < 3; ++i) {
    model::Member m;
    m.name = "M" + std::to_string(i);
    m.email = "m" + std::to_string(i) + "@x.example";
    m.sector = "care";
    m.organization_id = 1;
    m.expertise_tags = {"lean"};
    net.members.push_back(m);
  }
  net.interactions = {{0, 1, 2, model::InteractionKind::kConnected, 5, "demo", 0},
                      {0, 3, 2, model::InteractionKind::kMeetingHeld, 6, "demo", 0}};
  auto st = LoadNetwork(*db_, net, clock_);
  ASSERT_TRUE(st.ok()) << st.status().ToString();
  EXPECT_EQ(st->members, 3);
  EXPECT_EQ(st->interactions, 2);
  EXPECT_EQ(members_->List(Viewer::System(), {.expertise = "lean"})->total, 3);
  EXPECT_EQ(members_->Get(Viewer::System(), members_->List(Viewer::System(), {})->items[0].id)->organization,
            "Thuiszorg West");
  // Loading again collides on e-mail: nothing of the second load remains.
  auto again = LoadNetwork(*db_, net, clock_);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(members_->List(Viewer::System(), {})->total, 3);
  // A member added afterwards through the service gets a fresh id (sequences advanced).
  auto m = Make("Nieuw", "nieuw@x.example", "care");
  EXPECT_GT(m.id, 3);
}

// A MemberDataOwner for the tests below: writes into the member's own row
// when erasing (so a rollback is visible), fails when told to, and exports
// one part naming other members.
class FakeOwner : public MemberDataOwner {
 public:
  FakeOwner(bool fail, std::vector<model::Id> others) : fail_(fail), others_(std::move(others)) {}
  std::string Name() const override { return "fake"; }
  Status Erase(soci::session& sql, const MemberRecord& who, int64_t) override {
    long long m = who.id;
    sql << "UPDATE members SET title = 'half gewist' WHERE id = :m", soci::use(m);
    seen_email = who.email;
    return fail_ ? Conflict("the fake module refuses", "id") : Status::Ok();
  }
  Result<std::vector<ExportPart>> Export(soci::session&, const MemberRecord& who) override {
    ExportPart p{"fake_part", nlohmann::json::array(), {"other"}};
    for (model::Id o : others_) p.rows.push_back({{"me", who.id}, {"other", o}});
    return std::vector<ExportPart>{p};
  }
  std::string seen_email;

 private:
  bool fail_;
  std::vector<model::Id> others_;
};

// Deletion is all or nothing across modules: when one owner fails, nothing
// of the member goes — not domain's rows, not what an earlier owner wrote.
TEST_F(DomainTest, DeletionIsAllOrNothingAcrossModuleOwners) {
  auto anja = Make("Anja", "anja@x.example", "care");
  auto pieter = Make("Pieter", "pieter@x.example", "industry");
  ASSERT_TRUE(accounts_->CreateAccount(Viewer::System(), anja.id, "een lang wachtwoord", Role::kMember).ok());
  ASSERT_TRUE(
      network_->Record(Viewer::System(), {0, anja.id, pieter.id, model::InteractionKind::kMetAtEvent, 1, "", 0}).ok());
  auto writer = std::make_shared<FakeOwner>(false, std::vector<model::Id>{});
  auto failing = std::make_shared<FakeOwner>(true, std::vector<model::Id>{});
  auto registry = std::make_shared<MemberDataRegistry>();
  registry->Register(writer);
  registry->Register(failing);
  AccountService accounts(*db_, clock_, {nullptr, registry});
  const Viewer self{anja.id, Role::kMember};

  Status st = accounts.DeleteMember(self, anja.id, "een lang wachtwoord");
  EXPECT_EQ(st.code(), Code::kConflict);
  EXPECT_EQ(st.message(), "the fake module refuses");
  EXPECT_EQ(writer->seen_email, "anja@x.example");
  auto still = members_->Get(Viewer::System(), anja.id);
  ASSERT_TRUE(still.ok());
  EXPECT_NE(still->title, "half gewist");  // the first owner's write was rolled back
  EXPECT_EQ(network_->TiesOf(Viewer::System(), pieter.id)->size(), 1u);
  EXPECT_TRUE(accounts.Login("anja@x.example", "een lang wachtwoord", "x").ok());

  // Without the failing owner: everything goes.
  auto only_writer = std::make_shared<MemberDataRegistry>();
  only_writer->Register(writer);
  AccountService wired(*db_, clock_, {nullptr, only_writer});
  ASSERT_TRUE(wired.DeleteMember(self, anja.id, "een lang wachtwoord").ok());
  EXPECT_EQ(members_->Get(Viewer::System(), anja.id).status().code(), Code::kNotFound);
  EXPECT_EQ(network_->TiesOf(Viewer::System(), pieter.id)->size(), 0u);
  EXPECT_FALSE(wired.Login("anja@x.example", "een lang wachtwoord", "x").ok());
}

// The export takes each owner's part under its key; another member named in
// a member column shows only when the viewer may see them.
TEST_F(DomainTest, ExportTakesEveryOwnersPartAndHidesWhomTheViewerMayNotSee) {
  auto anja = Make("Anja", "anja@x.example", "care");
  auto pieter = Make("Pieter", "pieter@x.example", "industry");
  auto hans = Make("Verborgen Hans", "hans@x.example", "industry", Visibility::kHidden);
  auto registry = std::make_shared<MemberDataRegistry>();
  registry->Register(std::make_shared<FakeOwner>(false, std::vector<model::Id>{pieter.id, hans.id}));
  AccountService accounts(*db_, clock_, {nullptr, registry});
  auto out = accounts.ExportOwnData({anja.id, Role::kMember});
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  ASSERT_EQ((*out)["fake_part"].size(), 2u);
  EXPECT_EQ((*out)["fake_part"][0]["other"], pieter.id);
  EXPECT_TRUE((*out)["fake_part"][1]["other"].is_null());
  EXPECT_EQ((*out)["fake_part"][1]["me"], anja.id);  // only member columns are projected
  for (const char* key :
       {"profile", "ties", "account", "sessions", "api_tokens", "connections", "interactions", "invitation"})
    EXPECT_TRUE(out->contains(key)) << key;
  // Without wiring: domain's own keys only.
  auto plain = accounts_->ExportOwnData({anja.id, Role::kMember});
  ASSERT_TRUE(plain.ok());
  EXPECT_FALSE(plain->contains("fake_part"));
  EXPECT_TRUE(plain->contains("interactions"));
}

// Account mails take the wired mailer; without one, nothing is stored and the
// caller hears why (never a silent write into another module's table).
TEST_F(DomainTest, AccountMailsGoThroughTheWiredMailerOnly) {
  struct Recorder : AccountMailer {
    std::vector<AccountMail> sent;
    Status Queue(soci::session&, const AccountMail& m, int64_t) override {
      sent.push_back(m);
      return Status::Ok();
    }
  };
  auto anja = Make("Anja", "anja@x.example", "care");
  ASSERT_TRUE(accounts_->CreateAccount(Viewer::System(), anja.id, "een lang wachtwoord", Role::kMember).ok());
  EXPECT_EQ(accounts_->RequestPasswordReset("anja@x.example", "10.0.0.1").code(), Code::kInternal);
  auto recorder = std::make_shared<Recorder>();
  AccountService wired(*db_, clock_, {recorder, nullptr});
  ASSERT_TRUE(wired.RequestPasswordReset("anja@x.example", "10.0.0.1").ok());
  ASSERT_EQ(recorder->sent.size(), 1u);
  EXPECT_EQ(recorder->sent[0].kind, "account.password_reset");
  EXPECT_EQ(recorder->sent[0].to_email, "anja@x.example");
  soci::session sql(db_->pool());
  long long resets = 0;
  sql << "SELECT count(*) FROM password_resets", soci::into(resets);
  EXPECT_EQ(resets, 1);  // the refused request stored nothing
}

}  // namespace
}  // namespace verbinder::domain
