// InsightsService on the demo network in a real database (SQLite, and
// PostgreSQL as the _pg suite): one cache entry per visibility class, the
// network fingerprint and idle expiry on the fake clock's monotonic time, the
// map computed in the background and shared with the analysis, a stop on
// destruction; and IntroductionService's checks.
#include "network_insights/insights.h"

#include <gtest/gtest.h>

#include <memory>
#include <set>
#include <string>

#include <soci/soci.h>

#include "demo/demo.h"
#include "domain/bulk_load.h"
#include "network_insights/health.h"
#include "network_insights/introductions.h"
#include "storage/testing.h"

namespace verbinder::network_insights {
namespace {

constexpr auto kWait = std::chrono::seconds(60);

class InsightsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = storage::testing::FreshDatabase("network_insights");
    ASSERT_TRUE(domain::EnsureDefaultSectors(*db_).ok());
    demo_ = demo::BuildDemo();
    SystemClock load_clock;
    auto st = domain::LoadNetwork(*db_, demo_.network, load_clock);
    ASSERT_TRUE(st.ok()) << st.status().ToString();
    members_ = std::make_unique<domain::MemberService>(*db_, clock_);
    network_ = std::make_unique<domain::NetworkService>(*db_, clock_, *members_);
    insights_ = std::make_unique<InsightsService>(clock_, *members_, *network_);
  }
  void TearDown() override {
    insights_.reset();  // joins the worker before the services it uses go
  }
  // Member ids equal 1-based positions (loaded into an empty database).
  model::Id FirstWith(model::Visibility v, model::Id not_this = 0) const {
    for (size_t i = 0; i < demo_.network.members.size(); ++i)
      if (demo_.network.members[i].visibility == v && static_cast<model::Id>(i + 1) != not_this)
        return static_cast<model::Id>(i + 1);
    return 0;
  }
  static std::set<std::string> Ids(const analysis::Analysis& a) { return {a.graph.ids.begin(), a.graph.ids.end()}; }
  void SetVisibility(model::Id id, const std::string& v) {
    soci::session sql(db_->pool());
    long long mid = id;
    sql << "UPDATE members SET visibility = :v, updated_at = updated_at + 1 WHERE id = :id", soci::use(v),
        soci::use(mid);
  }

  FakeClock clock_{demo::kDemoNow};
  std::unique_ptr<storage::Database> db_;
  demo::Demo demo_;
  std::unique_ptr<domain::MemberService> members_;
  std::unique_ptr<domain::NetworkService> network_;
  std::unique_ptr<InsightsService> insights_;
};

TEST_F(InsightsTest, ViewersWhoSeeTheSameMembersShareOneEntry) {
  const domain::Viewer leader{demo_.story.leader, model::Role::kOrganizer};
  const domain::Viewer other_organizer{demo_.story.pieter, model::Role::kOrganizer};
  const domain::Viewer anja{demo_.story.anja, model::Role::kMember};
  const model::Id hidden = FirstWith(model::Visibility::kHidden, demo_.story.admin);
  ASSERT_NE(hidden, 0);
  const domain::Viewer hidden_member{hidden, model::Role::kMember};

  auto c1 = insights_->ClassOf(leader), c2 = insights_->ClassOf(other_organizer);
  ASSERT_TRUE(c1.ok() && c2.ok());
  EXPECT_EQ(c1->key, "organizer");
  EXPECT_EQ(c2->key, "organizer");
  EXPECT_EQ(insights_->ClassOf(anja)->key, "member");
  EXPECT_EQ(insights_->ClassOf(hidden_member)->key, "member+" + std::to_string(hidden));
  EXPECT_EQ(insights_->ClassOf({demo_.story.admin, model::Role::kAdmin})->key, "admin");

  auto a1 = insights_->Analysis(leader, {});
  ASSERT_TRUE(a1.ok()) << a1.status().ToString();
  auto a2 = insights_->Analysis(other_organizer, {});
  ASSERT_TRUE(a2.ok());
  EXPECT_EQ(a1->get(), a2->get()) << "two organizers who see the same members share one analysis";
  EXPECT_EQ(insights_->computations(), 1);

  // A member's class: no hidden member, no organizers-only member; a hidden
  // member's own class has them and no one else hidden.
  auto am = insights_->Analysis(anja, {});
  auto ah = insights_->Analysis(hidden_member, {});
  ASSERT_TRUE(am.ok() && ah.ok());
  EXPECT_EQ(insights_->computations(), 3);
  std::set<std::string> seen_by_members = Ids(**am), seen_by_hidden = Ids(**ah);
  for (size_t i = 0; i < demo_.network.members.size(); ++i) {
    const std::string id = std::to_string(i + 1);
    const bool public_profile = demo_.network.members[i].visibility == model::Visibility::kMembers;
    EXPECT_EQ(seen_by_members.count(id) > 0, public_profile) << id;
    EXPECT_EQ(seen_by_hidden.count(id) > 0, public_profile || id == std::to_string(hidden)) << id;
  }
  // Options are part of the entry.
  analysis::AnalysisOptions real;
  real.real_only = true;
  ASSERT_TRUE(insights_->Analysis(leader, real).ok());
  EXPECT_EQ(insights_->computations(), 4);
}

TEST_F(InsightsTest, AChangedNetworkIsRecomputedAndIdleEntriesExpireOnTheMonotonicClock) {
  const domain::Viewer leader{demo_.story.leader, model::Role::kOrganizer};
  ASSERT_TRUE(insights_->Analysis(leader, {}).ok());
  ASSERT_TRUE(insights_->Analysis(leader, {}).ok());
  EXPECT_EQ(insights_->computations(), 1);

  // A member who hides leaves the organizers' analysis at the next read.
  const model::Id someone = FirstWith(model::Visibility::kMembers, demo_.story.leader);
  SetVisibility(someone, "hidden");
  auto after = insights_->Analysis(leader, {});
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(insights_->computations(), 2);
  EXPECT_FALSE(Ids(**after).count(std::to_string(someone)));

  // Read within the idle window: kept; not read for longer: dropped.
  clock_.Advance(3000);
  ASSERT_TRUE(insights_->Analysis(leader, {}).ok());
  EXPECT_EQ(insights_->computations(), 2);
  clock_.Advance(3599);
  ASSERT_TRUE(insights_->Analysis(leader, {}).ok());
  EXPECT_EQ(insights_->computations(), 2);
  EXPECT_EQ(insights_->cached_entries(), 1u);
  clock_.Advance(3601);
  ASSERT_TRUE(insights_->Analysis(leader, {}).ok());
  EXPECT_EQ(insights_->computations(), 3) << "an entry idle past the expiry is computed afresh";
}

TEST_F(InsightsTest, TheMapIsTheTiersAndSharesItsAnalysis) {
  const domain::Viewer leader{demo_.story.leader, model::Role::kOrganizer};
  SetVisibility(demo_.story.leader, "hidden");
  auto map = insights_->Map(leader, {}, kWait);
  ASSERT_TRUE(map.ok()) << map.status().ToString();
  ASSERT_TRUE(map->version) << map->error;
  EXPECT_FALSE(map->stale);
  EXPECT_FALSE(Ids(*map->version->analysis).count(std::to_string(demo_.story.leader)))
      << "a hidden organizer is not on the organizers' map";
  // The leader's own report has them (they see themselves) — another class.
  auto own = insights_->Analysis(leader, {});
  ASSERT_TRUE(own.ok());
  EXPECT_TRUE(Ids(**own).count(std::to_string(demo_.story.leader)));
  // Another organizer's report is the map's analysis: computed once.
  const int64_t before = insights_->computations();
  auto other = insights_->Analysis({demo_.story.pieter, model::Role::kOrganizer}, {});
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(other->get(), map->version->analysis.get());
  EXPECT_EQ(insights_->computations(), before);
  const std::string body = map->version->Body(true, 40000);
  EXPECT_EQ(body.front(), '{');
  EXPECT_NE(body.back(), '}') << "the body is left open for the request's age";
  // Unchanged network: the same version, not stale.
  auto again = insights_->Map(leader, {}, kWait);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->version.get(), map->version.get());
  EXPECT_FALSE(again->stale);
}

TEST_F(InsightsTest, DestroyingTheServiceStopsTheBackgroundWork) {
  ASSERT_TRUE(insights_->WarmMap({demo_.story.admin, model::Role::kAdmin}, {}).ok());
  insights_.reset();  // requests stop and joins: returns, whatever the worker was doing
  SUCCEED();
}

TEST_F(InsightsTest, IntroductionsCheckVisibilityAndRepeats) {
  IntroductionService intros(*db_, clock_, *members_);
  const domain::Viewer leader{demo_.story.leader, model::Role::kOrganizer};
  // A suggested pair (not tied) whom every member may see.
  auto analysis = insights_->Analysis(leader, {});
  ASSERT_TRUE(analysis.ok());
  model::Id a = 0, b = 0;
  auto is_public = [&](const std::string& id) {
    return demo_.network.members[std::stoll(id) - 1].visibility == model::Visibility::kMembers;
  };
  for (const auto& i : (*analysis)->report.suggestions.introductions)
    if (is_public(i.a) && is_public(i.b)) {
      a = std::stoll(i.a), b = std::stoll(i.b);
      break;
    }
  ASSERT_NE(a, 0);
  auto made = intros.Introduce(leader, {a, b, 0, "roosters"});
  ASSERT_TRUE(made.ok()) << made.status().ToString();
  EXPECT_EQ(made->created_at, clock_.Now());
  auto pairs = intros.Introduced();
  ASSERT_TRUE(pairs.ok());
  EXPECT_TRUE(WasIntroduced(*pairs, std::to_string(b), std::to_string(a)));
  auto again = intros.Introduce(leader, {b, a, 0, ""});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), Code::kConflict);

  const model::Id organizers_only = FirstWith(model::Visibility::kOrganizers);
  ASSERT_NE(organizers_only, 0);
  auto revealing = intros.Introduce(leader, {a, organizers_only, 0, ""});
  ASSERT_FALSE(revealing.ok());
  EXPECT_EQ(revealing.status().field(), "b");
  auto not_public = intros.NotVisibleToMembers();
  ASSERT_TRUE(not_public.ok());
  EXPECT_TRUE(not_public->count(std::to_string(organizers_only)));
  EXPECT_FALSE(not_public->count(std::to_string(a)));
  EXPECT_EQ(intros.Introduce(leader, {a, a, 0, ""}).status().field(), "b");
  EXPECT_EQ(intros.Introduce(leader, {a, b, a, ""}).status().field(), "via");
}

// The facts behind each suggested introduction (what the web UI words in the
// reader's language) agree with the engine's English reason and with a count
// of shared contacts over the graph's ties.
TEST_F(InsightsTest, IntroductionFactsAgreeWithTheReasonAndTheGraph) {
  const domain::Viewer leader{demo_.story.leader, model::Role::kOrganizer};
  auto a = insights_->Analysis(leader, {});
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  const analysis::Graph& g = (*a)->graph;
  const auto& intros = (*a)->report.suggestions.introductions;
  ASSERT_FALSE(intros.empty());
  int cross_community = 0, shared = 0;
  for (const auto& in : intros) {
    const IntroductionFacts f = FactsOf(**a, in);
    const int32_t u = g.index.at(in.a), v = g.index.at(in.b);
    int64_t common = 0;
    for (int32_t w = 0; w < g.NodeCount(); ++w) common += g.HasTie(u, w) && g.HasTie(v, w);
    EXPECT_EQ(f.common_contacts, common) << in.reason;
    EXPECT_GE(f.common_contacts, 1) << in.reason;  // the via
    EXPECT_EQ(f.different_communities, in.reason.find("different communities") != std::string::npos) << in.reason;
    EXPECT_EQ(f.different_sectors, in.reason.find("It would link") != std::string::npos) << in.reason;
    EXPECT_EQ(f.different_sectors, f.sector_a != f.sector_b);
    EXPECT_TRUE(f.different_sectors || f.different_communities) << in.reason;  // why it was suggested
    if (common > 1)
      EXPECT_NE(in.reason.find("They have " + std::to_string(common) + " contacts in common."), std::string::npos);
    cross_community += f.different_communities;
    shared += common > 1;
  }
  EXPECT_GT(cross_community, 0);
  EXPECT_GT(shared, 0);
  analysis::Introduction unknown{"no-such-a", "no-such-b", "", 0, ""};
  EXPECT_EQ(FactsOf(**a, unknown).common_contacts, 0);
}

}  // namespace
}  // namespace verbinder::network_insights
