// Pins the synthetic generator's contract (generator.h): exact sizes,
// determinism by seed, validity, and the statistical shape benchmarks rely on
// (heavy-tailed degrees, communities, all ledger kinds, silos, fading members).
#include "demo/generator.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "demo/civil_time.h"
#include "demo/network_checks.h"

namespace verbinder::demo {
namespace {

using model::InteractionKind;

GeneratorOptions Options(int64_t members, uint64_t seed = 1) {
  GeneratorOptions o;
  o.members = members;
  o.seed = seed;
  return o;
}

const model::Network& Medium() {
  static const model::Network net = GenerateNetwork(Options(20000, 3));
  return net;
}

TEST(GeneratorTest, SameSeedSameNetworkOtherSeedOtherNetwork) {
  const auto a = GenerateNetwork(Options(2000, 11));
  const auto b = GenerateNetwork(Options(2000, 11));
  const auto c = GenerateNetwork(Options(2000, 12));
  EXPECT_EQ(Fingerprint(a), Fingerprint(b));
  EXPECT_NE(Fingerprint(a), Fingerprint(c));
  EXPECT_NE(a.interactions[100].a * 100000 + a.interactions[100].b,
            c.interactions[100].a * 100000 + c.interactions[100].b);
}

TEST(GeneratorTest, SizesAreExact) {
  EXPECT_EQ(GenerateNetwork(Options(1000)).interactions.size(), 10000u);  // default 10 × members
  for (auto [members, interactions] :
       std::vector<std::pair<int64_t, int64_t>>{{500, 1234}, {2, 50}, {30, 5000}, {777, 0}}) {
    auto o = Options(members);
    o.interactions = interactions;
    const auto net = GenerateNetwork(o);
    EXPECT_EQ(net.members.size(), static_cast<size_t>(members));
    EXPECT_EQ(net.interactions.size(), static_cast<size_t>(interactions)) << members;
    EXPECT_TRUE(ValidateNetwork(net).empty()) << members << ": " << ValidateNetwork(net).front();
  }
  const auto single = GenerateNetwork(Options(1));
  EXPECT_EQ(single.members.size(), 1u);
  EXPECT_TRUE(single.interactions.empty());
}

TEST(GeneratorTest, SatisfiesTheNetworkContract) {
  const auto& net = Medium();
  for (const auto& p : ValidateNetwork(net)) ADD_FAILURE() << p;
  const GeneratorOptions o = Options(20000);
  for (const auto& in : net.interactions) {
    ASSERT_GE(in.at, o.now - o.history_days * kSecondsPerDay);
    ASSERT_LT(in.at, o.now);
  }
  // The k-th connected entry is connection k, accepted, between the same pair.
  size_t k = 0;
  for (const auto& in : net.interactions) {
    if (in.kind != InteractionKind::kConnected) continue;
    ASSERT_LT(k, net.connections.size());
    const auto& c = net.connections[k++];
    EXPECT_EQ(c.status, model::ConnectionStatus::kAccepted);
    EXPECT_EQ(std::min(c.from_member, c.to_member), in.a);
    EXPECT_EQ(std::max(c.from_member, c.to_member), in.b);
    EXPECT_LE(c.created_at, in.at);
  }
  EXPECT_EQ(k, net.connections.size());
}

TEST(GeneratorTest, LedgerHasAllKindsWithFaceToFaceRarer) {
  std::map<InteractionKind, size_t> per_kind;
  for (const auto& in : Medium().interactions) ++per_kind[in.kind];
  ASSERT_EQ(per_kind.size(), 5u);
  const size_t total = Medium().interactions.size();
  EXPECT_NEAR(static_cast<double>(per_kind[InteractionKind::kConnected]) / total, kConnectedShare, 0.01);
  EXPECT_NEAR(static_cast<double>(per_kind[InteractionKind::kMetAtEvent]) / total, kMetAtEventShare, 0.01);
  EXPECT_GT(per_kind[InteractionKind::kConnected], per_kind[InteractionKind::kMetAtEvent]);
  EXPECT_GT(per_kind[InteractionKind::kMetAtEvent], per_kind[InteractionKind::kMeetingHeld]);
  EXPECT_GT(per_kind[InteractionKind::kMeetingHeld], per_kind[InteractionKind::kVisitHeld]);
  EXPECT_GT(per_kind[InteractionKind::kAnswered], 0u);
}

TEST(GeneratorTest, DegreesAreHeavyTailed) {
  const auto& net = Medium();
  std::vector<int> degree(net.members.size() + 1, 0);
  for (const auto& t : model::DeriveTies(net.interactions)) ++degree[t.a], ++degree[t.b];
  double sum = 0;
  for (int d : degree) sum += d;
  const double mean = sum / static_cast<double>(net.members.size());
  const int max = *std::max_element(degree.begin(), degree.end());
  // An Erdős–Rényi graph with this mean would top out near 2-3 × the mean.
  EXPECT_GT(max, 8 * mean) << "max " << max << " mean " << mean;
  std::sort(degree.rbegin(), degree.rend());
  double top = 0;
  for (size_t i = 0; i < net.members.size() / 100; ++i) top += degree[i];
  EXPECT_GT(top / sum, 0.05) << "top 1% of members hold over 5% of tie ends";
}

TEST(GeneratorTest, TiesStayMostlyWithinSectorAndGovernmentIsASilo) {
  const auto& net = Medium();
  std::map<std::string, int> per_sector;
  for (const auto& m : net.members) ++per_sector[m.sector];
  EXPECT_EQ(per_sector.size(), 6u);
  EXPECT_GT(per_sector["care"], per_sector["government"]);
  EXPECT_GT(per_sector["industry"], per_sector["education"]);
  int within = 0, across = 0, gov_in = 0, gov_out = 0;
  for (const auto& in : net.interactions) {
    if (in.kind != InteractionKind::kConnected) continue;
    const auto& sa = net.members[in.a - 1].sector;
    const auto& sb = net.members[in.b - 1].sector;
    (sa == sb ? within : across)++;
    if (sa == "government" || sb == "government") (sa == sb ? gov_in : gov_out)++;
  }
  EXPECT_GT(within, 3 * across);
  EXPECT_LT(static_cast<double>(gov_out - gov_in) / (gov_out + gov_in), -0.8);
  std::set<int64_t> orgs;
  for (const auto& m : net.members) orgs.insert(m.organization_id);
  EXPECT_GT(orgs.size(), 500u);
}

TEST(GeneratorTest, SomeMembersAreIsolatedAndSomeFaded) {
  const auto& net = Medium();
  const GeneratorOptions o = Options(20000);
  std::vector<model::UnixTime> last(net.members.size() + 1, 0);
  for (const auto& in : net.interactions)
    last[in.a] = std::max(last[in.a], in.at), last[in.b] = std::max(last[in.b], in.at);
  int isolated = 0, faded = 0;
  for (size_t m = 1; m < last.size(); ++m) {
    isolated += last[m] == 0;
    faded += last[m] != 0 && last[m] < o.now - 183 * kSecondsPerDay;
  }
  EXPECT_GE(isolated, static_cast<int>(20000 * o.isolated_fraction));
  EXPECT_LT(isolated, static_cast<int>(20000 * o.isolated_fraction * 2));
  EXPECT_GE(faded, static_cast<int>(20000 * o.inactive_fraction * 0.9));
}

TEST(GeneratorTest, EventsHaveAttendeesWhoMetAtTables) {
  const auto& net = Medium();
  const GeneratorOptions o = Options(20000);
  std::map<int64_t, std::set<int64_t>> attended;
  for (const auto& [e, m] : net.attendance) attended[e].insert(m);
  std::map<int64_t, int> met_per_event;
  for (const auto& in : net.interactions) {
    if (in.kind != InteractionKind::kMetAtEvent) continue;
    ASSERT_TRUE(attended[in.event_id].count(in.a) && attended[in.event_id].count(in.b)) << in.id;
    ASSERT_LT(net.events[in.event_id - 1].starts_at, o.now);
    ++met_per_event[in.event_id];
  }
  // Tables of six: nobody meets everyone.
  for (const auto& [e, n] : met_per_event) {
    const auto size = static_cast<int64_t>(attended[e].size());
    EXPECT_LT(n, std::max<int64_t>(size * (size - 1) / 2, 1) * 3 / 4 + 16) << "event " << e;
  }
  const auto upcoming =
      std::count_if(net.events.begin(), net.events.end(), [&](const model::Event& e) { return e.starts_at > o.now; });
  EXPECT_EQ(upcoming, o.upcoming_events);
  // The first upcoming event has a waitlist.
  const auto first_upcoming =
      std::find_if(net.events.begin(), net.events.end(), [&](const model::Event& e) { return e.starts_at > o.now; });
  ASSERT_NE(first_upcoming, net.events.end());
  EXPECT_GT(attended[first_upcoming->id].size(), static_cast<size_t>(first_upcoming->capacity));
}

TEST(GeneratorTest, ProfilesCarrySearchableText) {
  const auto& net = Medium();
  int with_challenge = 0, english = 0, scheduling = 0;
  for (const auto& m : net.members) {
    with_challenge += !m.challenges.empty();
    english += m.languages.front() == "en";
    for (const auto& c : m.challenges)
      scheduling += c.title.find("oosteren") != std::string::npos || c.title.find("cheduling") != std::string::npos;
    ASSERT_FALSE(m.title.empty());
    ASSERT_FALSE(m.organization.empty());
  }
  EXPECT_GT(with_challenge, 20000 / 3);
  EXPECT_GT(scheduling, 100);
  EXPECT_NEAR(english / 20000.0, 0.25, 0.05);

  auto lean = Options(500);
  lean.with_text = false;
  const auto bare = GenerateNetwork(lean);
  for (const auto& m : bare.members) ASSERT_TRUE(m.challenges.empty() && m.bio.empty());
}

TEST(GeneratorTest, OptionsAreValidated) {
  EXPECT_TRUE(ValidateGeneratorOptions(GeneratorOptions{}).ok());
  auto o = Options(0);
  EXPECT_EQ(ValidateGeneratorOptions(o).field(), "members");
  o = Options(10);
  o.interactions = -5;
  EXPECT_EQ(ValidateGeneratorOptions(o).field(), "interactions");
  o = Options(10);
  o.history_days = 0;
  EXPECT_EQ(ValidateGeneratorOptions(o).field(), "history_days");
  o = Options(10);
  o.isolated_fraction = 0.9;
  EXPECT_EQ(ValidateGeneratorOptions(o).field(), "isolated_fraction");
  o = Options(10);
  o.interactions = kMaxGeneratedInteractions + 1;
  EXPECT_EQ(ValidateGeneratorOptions(o).field(), "interactions");
  o = Options(kMaxGeneratedMembers + 1);
  EXPECT_EQ(ValidateGeneratorOptions(o).field(), "members");
}

}  // namespace
}  // namespace verbinder::demo
