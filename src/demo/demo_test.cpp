// Pins the demo network's story (VISION.md, "The story the demo network must
// tell") and its data contract (demo.h). Each test names the part of the story
// it protects.
#include "demo/demo.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "demo/civil_time.h"
#include "demo/content.h"
#include "demo/network_checks.h"
#include "util/strings.h"

namespace verbinder::demo {
namespace {

using model::Id;
using model::InteractionKind;

constexpr model::UnixTime kSixMonths = 183 * kSecondsPerDay;

const Demo& TheDemo() {
  static const Demo demo = BuildDemo();
  return demo;
}

const model::Member& MemberById(Id id) {
  return TheDemo().network.members.at(static_cast<size_t>(id - 1));
}

std::vector<Id> Attendees(const model::Network& net, Id event) {
  std::vector<Id> out;
  for (const auto& [e, m] : net.attendance)
    if (e == event) out.push_back(m);
  return out;
}

std::pair<Id, Id> Ordered(Id x, Id y) {
  return x < y ? std::pair{x, y} : std::pair{y, x};
}

TEST(DemoTest, IsDeterministic) {
  const model::Network again = BuildDemoNetwork();
  EXPECT_EQ(Fingerprint(again), Fingerprint(TheDemo().network));
  EXPECT_EQ(again.interactions.size(), TheDemo().network.interactions.size());
}

TEST(DemoTest, SatisfiesTheNetworkContract) {
  const auto& net = TheDemo().network;
  const auto problems = ValidateNetwork(net);
  for (const auto& p : problems) ADD_FAILURE() << p;
  for (const auto& m : net.members) {
    EXPECT_TRUE(m.email.ends_with(".demo")) << m.email;
    EXPECT_FALSE(m.languages.empty());
    EXPECT_EQ(m.region, "Twente");
    EXPECT_LT(m.created_at, kDemoNow);
    if (m.hosts_visits) {
      EXPECT_FALSE(m.visit_location.empty()) << m.name;
    }
  }
  for (const auto& in : net.interactions) EXPECT_LT(in.at, kDemoNow);
  // Every accepted connection has exactly one `connected` entry pointing at it.
  std::map<std::string, int> by_source;
  for (const auto& in : net.interactions)
    if (in.kind == InteractionKind::kConnected) ++by_source[in.source];
  for (const auto& c : net.connections) {
    const int n = by_source["connection:" + std::to_string(c.id)];
    EXPECT_EQ(n, c.status == model::ConnectionStatus::kAccepted ? 1 : 0) << "connection " << c.id;
  }
}

TEST(DemoTest, HasThreeHundredMembersWithCareAndIndustryLargest) {
  const auto& net = TheDemo().network;
  ASSERT_EQ(net.members.size(), static_cast<size_t>(kDemoMemberCount));
  std::map<std::string, int> per_sector;
  for (const auto& m : net.members) ++per_sector[m.sector];
  EXPECT_GE(per_sector.size(), 5u);
  std::vector<std::pair<int, std::string>> sizes;
  sizes.reserve(per_sector.size());
  for (const auto& [s, n] : per_sector) sizes.push_back({n, s});
  std::sort(sizes.rbegin(), sizes.rend());
  std::set<std::string> top2 = {sizes[0].second, sizes[1].second};
  EXPECT_EQ(top2, (std::set<std::string>{"care", "industry"}));
  for (std::string_view s : {"government", "education", "finance"}) EXPECT_GE(per_sector[std::string(s)], 10) << s;
  EXPECT_GE(net.organizations.size(), 20u);
}

TEST(DemoTest, AboutOneInFourWritesInEnglish) {
  const auto& net = TheDemo().network;
  std::set<std::string_view> english_titles, dutch_titles;
  for (const auto& c : ChallengeTexts(Language::kEnglish)) english_titles.insert(c.title);
  for (const auto& c : ChallengeTexts(Language::kDutch)) dutch_titles.insert(c.title);
  int english = 0;
  for (const auto& m : net.members) {
    const bool en = m.languages.front() == "en";
    english += en;
    for (const auto& c : m.challenges) EXPECT_TRUE((en ? english_titles : dutch_titles).count(c.title)) << m.name;
  }
  EXPECT_GE(english, 55);
  EXPECT_LE(english, 100);
}

TEST(DemoTest, ChallengesCoverTheSeedThemesInBothLanguages) {
  std::string all;
  int open = 0, solved = 0;
  for (const auto& m : TheDemo().network.members)
    for (const auto& c : m.challenges) {
      all += AsciiLower(c.title + " " + c.text) + "\n";
      (c.status == model::ChallengeStatus::kOpen ? open : solved)++;
    }
  EXPECT_GT(open, 100);
  EXPECT_GT(solved, 10);
  for (std::string_view word : {"rooster", "roster", "verloop", "turnover", "hulpmiddelen", "medical supplies",
                                "werkinstructies", "work instructions", "energie", "energy", "stagiairs", "intern",
                                "wachtlijst", "waiting list", "doorlooptijd", "lead time"})
    EXPECT_NE(all.find(word), std::string::npos) << word;
}

TEST(DemoTest, AnjaAndPieterGoFromOnlineToVisit) {
  const Demo& d = TheDemo();
  const auto& anja = MemberById(d.story.anja);
  const auto& pieter = MemberById(d.story.pieter);
  EXPECT_EQ(anja.email, kDemoAnjaEmail);
  EXPECT_EQ(anja.sector, "care");
  EXPECT_EQ(anja.title, "Wijkverpleegkundige");
  EXPECT_EQ(pieter.email, kDemoPieterEmail);
  EXPECT_EQ(pieter.sector, "industry");
  EXPECT_EQ(pieter.title, "Lean specialist");
  ASSERT_FALSE(anja.challenges.empty());
  EXPECT_NE(anja.challenges[0].title.find("Wachtlijst"), std::string::npos);

  std::vector<const model::Interaction*> history;
  for (const auto& in : d.network.interactions)
    if (Ordered(in.a, in.b) == Ordered(d.story.anja, d.story.pieter)) history.push_back(&in);
  ASSERT_EQ(history.size(), 4u);
  const InteractionKind expected[] = {InteractionKind::kConnected, InteractionKind::kMetAtEvent,
                                      InteractionKind::kMeetingHeld, InteractionKind::kVisitHeld};
  for (size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(history[i]->kind, expected[i]) << i;
    if (i) {
      EXPECT_LT(history[i - 1]->at, history[i]->at);
    }
  }
  EXPECT_EQ(history[1]->event_id, d.story.congress_2026);
  EXPECT_GE(history[3]->at, AmsterdamTime(2026, 6, 1, 0));
  EXPECT_LT(history[3]->at, AmsterdamTime(2026, 7, 1, 0));
  const auto attendees = Attendees(d.network, d.story.congress_2026);
  EXPECT_TRUE(std::count(attendees.begin(), attendees.end(), d.story.anja));
  EXPECT_TRUE(std::count(attendees.begin(), attendees.end(), d.story.pieter));
  EXPECT_TRUE(anja.hosts_visits || pieter.hosts_visits);
}

TEST(DemoTest, CongressBroughtTogether180ButFewTiesBecameReal) {
  const Demo& d = TheDemo();
  const auto& congress = d.network.events.at(static_cast<size_t>(d.story.congress_2026 - 1));
  EXPECT_EQ(congress.title.rfind("Congres Zorg & Industrie", 0), 0u);
  EXPECT_EQ(congress.kind, model::EventKind::kCongress);
  EXPECT_LT(congress.starts_at, kDemoNow);
  EXPECT_GE(congress.starts_at, AmsterdamTime(2026, 3, 20, 0));  // last spring
  EXPECT_LT(congress.starts_at, AmsterdamTime(2026, 6, 21, 0));
  const auto attendees = Attendees(d.network, d.story.congress_2026);
  EXPECT_EQ(attendees.size(), 180u);
  EXPECT_EQ(std::set<Id>(attendees.begin(), attendees.end()).size(), 180u);

  // Met-at-event only among co-attendees, and far from all pairs.
  std::map<Id, std::set<Id>> attended;
  for (const auto& [e, m] : d.network.attendance) attended[e].insert(m);
  int met_at_congress = 0;
  for (const auto& in : d.network.interactions) {
    if (in.kind != InteractionKind::kMetAtEvent) continue;
    EXPECT_TRUE(attended[in.event_id].count(in.a) && attended[in.event_id].count(in.b)) << in.id;
    EXPECT_LT(d.network.events.at(static_cast<size_t>(in.event_id - 1)).starts_at, kDemoNow);
    met_at_congress += in.event_id == d.story.congress_2026;
  }
  EXPECT_GT(met_at_congress, 100);
  EXPECT_LT(met_at_congress, 180 * 179 / 2 / 20);

  // Most members are connected online; far fewer ties are real.
  const auto ties = model::DeriveTies(d.network.interactions);
  size_t real = 0;
  for (const auto& t : ties) real += t.real;
  EXPECT_LT(real * 3, ties.size());
  std::set<Id> online;
  for (const auto& in : d.network.interactions)
    if (in.kind == InteractionKind::kConnected) online.insert(in.a), online.insert(in.b);
  EXPECT_GE(online.size(), d.network.members.size() * 85 / 100);
}

TEST(DemoTest, LedgerHasAYearOfAllKinds) {
  const auto& net = TheDemo().network;
  std::map<InteractionKind, int> per_kind;
  for (const auto& in : net.interactions) {
    ++per_kind[in.kind];
    EXPECT_GE(in.at, kDemoNow - 366 * kSecondsPerDay);
  }
  EXPECT_GT(per_kind[InteractionKind::kConnected], 1000);
  EXPECT_GT(per_kind[InteractionKind::kAnswered], 50);
  EXPECT_GT(per_kind[InteractionKind::kMetAtEvent], 200);
  EXPECT_GT(per_kind[InteractionKind::kMeetingHeld], 10);
  EXPECT_GT(per_kind[InteractionKind::kVisitHeld], 3);
  EXPECT_LT(per_kind[InteractionKind::kVisitHeld], per_kind[InteractionKind::kMeetingHeld]);
  EXPECT_LT(per_kind[InteractionKind::kMeetingHeld], per_kind[InteractionKind::kMetAtEvent]);
}

TEST(DemoTest, IsolatedMembersHaveNoTiesAtAll) {
  const Demo& d = TheDemo();
  ASSERT_GE(d.story.isolated.size(), 5u);
  const std::set<Id> isolated(d.story.isolated.begin(), d.story.isolated.end());
  for (const auto& in : d.network.interactions) EXPECT_FALSE(isolated.count(in.a) || isolated.count(in.b)) << in.id;
  for (const auto& c : d.network.connections)
    EXPECT_FALSE(isolated.count(c.from_member) || isolated.count(c.to_member)) << c.id;
  for (const auto& [e, m] : d.network.attendance) EXPECT_FALSE(isolated.count(m)) << m;
}

TEST(DemoTest, InactiveMembersFadedMoreThanSixMonthsAgo) {
  const Demo& d = TheDemo();
  ASSERT_GE(d.story.inactive.size(), 10u);
  std::map<Id, model::UnixTime> last;
  for (const auto& in : d.network.interactions) {
    last[in.a] = std::max(last[in.a], in.at);
    last[in.b] = std::max(last[in.b], in.at);
  }
  for (Id m : d.story.inactive) {
    ASSERT_TRUE(last.count(m)) << "inactive member " << m << " has no history";
    EXPECT_LT(last[m], kDemoNow - kSixMonths) << m;
  }
  // ... while most members were active in the last six months.
  int recent = 0;
  for (const auto& [m, at] : last) recent += at >= kDemoNow - kSixMonths;
  EXPECT_GT(recent, kDemoMemberCount * 7 / 10);
}

TEST(DemoTest, GovernmentTalksMostlyAmongItself) {
  const Demo& d = TheDemo();
  const std::set<Id> gov(d.story.government.begin(), d.story.government.end());
  ASSERT_GE(gov.size(), 20u);
  for (Id m : gov) EXPECT_EQ(MemberById(m).sector, "government");
  int internal = 0, external = 0;
  for (const auto& t : model::DeriveTies(d.network.interactions)) {
    const bool ga = gov.count(t.a), gb = gov.count(t.b);
    if (ga && gb)
      ++internal;
    else if (ga || gb)
      ++external;
  }
  const double ei = static_cast<double>(external - internal) / (external + internal);
  EXPECT_LT(ei, -0.6) << "E-I index of government: " << ei;
}

TEST(DemoTest, EducationClusterHasNoTieToIndustry) {
  const Demo& d = TheDemo();
  const std::set<Id> cluster(d.story.education_cluster.begin(), d.story.education_cluster.end());
  ASSERT_GE(cluster.size(), 8u);
  for (Id m : cluster) EXPECT_EQ(MemberById(m).sector, "education");
  std::set<Id> has_tie;
  int other_education_to_industry = 0;
  for (const auto& in : d.network.interactions) {
    const auto& a = MemberById(in.a);
    const auto& b = MemberById(in.b);
    if (cluster.count(in.a)) {
      has_tie.insert(in.a);
      EXPECT_NE(b.sector, "industry") << in.id;
    }
    if (cluster.count(in.b)) {
      has_tie.insert(in.b);
      EXPECT_NE(a.sector, "industry") << in.id;
    }
    if ((a.sector == "education" && !cluster.count(in.a) && b.sector == "industry") ||
        (b.sector == "education" && !cluster.count(in.b) && a.sector == "industry"))
      ++other_education_to_industry;
  }
  EXPECT_EQ(has_tie.size(), cluster.size()) << "the cluster is connected, just not to industry";
  EXPECT_GT(other_education_to_industry, 0) << "the gap is the cluster's, not all of education's";
}

TEST(DemoTest, ManyCareIndustryTiesStayedOnline) {
  const auto& net = TheDemo().network;
  int online_only = 0, real = 0;
  for (const auto& t : model::DeriveTies(net.interactions)) {
    const auto& sa = MemberById(t.a).sector;
    const auto& sb = MemberById(t.b).sector;
    if (!((sa == "care" && sb == "industry") || (sa == "industry" && sb == "care"))) continue;
    (t.real ? real : online_only)++;
  }
  EXPECT_GE(online_only, 50);
  EXPECT_GT(real, 0);
  EXPECT_GT(online_only, real);
}

TEST(DemoTest, UpcomingSessionIsFreeAndNextCongressIsOverbooked) {
  const Demo& d = TheDemo();
  const auto& session = d.network.events.at(static_cast<size_t>(d.story.inspiration_session - 1));
  EXPECT_EQ(session.kind, model::EventKind::kInspirationSession);
  EXPECT_EQ(session.price_cents, 0);
  EXPECT_GT(session.starts_at, kDemoNow);
  EXPECT_GT(session.registration_deadline, kDemoNow);
  const auto session_regs = Attendees(d.network, d.story.inspiration_session);
  EXPECT_GT(session_regs.size(), 10u);
  EXPECT_LE(session_regs.size(), static_cast<size_t>(session.capacity));

  const auto& congress = d.network.events.at(static_cast<size_t>(d.story.congress_2027 - 1));
  EXPECT_EQ(congress.kind, model::EventKind::kCongress);
  EXPECT_GT(congress.starts_at, kDemoNow);
  ASSERT_GT(congress.capacity, 0);
  const auto regs = Attendees(d.network, d.story.congress_2027);
  ASSERT_GT(regs.size(), static_cast<size_t>(congress.capacity));
  const std::vector<Id> overflow(regs.begin() + congress.capacity, regs.end());
  EXPECT_EQ(overflow, d.story.congress_2027_waitlist);
  EXPECT_GE(overflow.size(), 10u);
  const std::set<Id> inactive(d.story.inactive.begin(), d.story.inactive.end());
  for (Id m : regs) EXPECT_FALSE(inactive.count(m)) << m;
}

TEST(DemoTest, AccountsAndVisibility) {
  const Demo& d = TheDemo();
  std::map<std::string, model::Role> roles;
  for (const auto& a : d.network.accounts) {
    EXPECT_EQ(a.password, kDemoPassword);
    roles[MemberById(a.member_id).email] = a.role;
  }
  EXPECT_EQ(roles.at(std::string(kDemoLeaderEmail)), model::Role::kOrganizer);
  EXPECT_EQ(roles.at(std::string(kDemoAdminEmail)), model::Role::kAdmin);
  EXPECT_EQ(roles.at(std::string(kDemoAnjaEmail)), model::Role::kMember);
  EXPECT_EQ(roles.at(std::string(kDemoPieterEmail)), model::Role::kMember);
  int organizers_only = 0, hidden = 0, hosts = 0;
  for (const auto& m : d.network.members) {
    organizers_only += m.visibility == model::Visibility::kOrganizers;
    hidden += m.visibility == model::Visibility::kHidden;
    hosts += m.hosts_visits;
  }
  EXPECT_GE(organizers_only, 3);
  EXPECT_GE(hidden, 2);
  EXPECT_GE(hosts, 30);
}

TEST(CivilTimeTest, AmsterdamOffsets) {
  EXPECT_EQ(AmsterdamTime(2026, 11, 15, 12), kDemoNow);
  EXPECT_EQ(AmsterdamTime(2026, 1, 1, 1), DaysFromCivil(2026, 1, 1) * kSecondsPerDay);
  EXPECT_EQ(AmsterdamTime(2026, 7, 1, 2), DaysFromCivil(2026, 7, 1) * kSecondsPerDay);
  EXPECT_EQ(LastSunday(2026, 3), 29u);
  EXPECT_EQ(LastSunday(2026, 10), 25u);
  EXPECT_FALSE(IsAmsterdamSummerTime(2026, 3, 28));
  EXPECT_TRUE(IsAmsterdamSummerTime(2026, 3, 29));
  EXPECT_TRUE(IsAmsterdamSummerTime(2026, 10, 24));
  EXPECT_FALSE(IsAmsterdamSummerTime(2026, 10, 25));
}

TEST(ContentTest, SlugsAreAsciiEmailParts) {
  std::string s;
  AppendSlug("Katarzyna Wiśniewska", '.', &s);
  EXPECT_EQ(s, "katarzyna.wisniewska");
  s.clear();
  AppendSlug("O'Connor", '.', &s);
  EXPECT_EQ(s, "o.connor");
  s.clear();
  AppendSlug("Klein Gunnewiek", '.', &s);
  EXPECT_EQ(s, "klein.gunnewiek");
  s.clear();
  AppendSlug("Zoë", '.', &s);
  EXPECT_EQ(s, "zoe");
}

}  // namespace
}  // namespace verbinder::demo
