// Routing, pure: who is best placed to answer, and why — in both languages.
#include <gtest/gtest.h>

#include <random>

#include "matching/thesaurus.h"
#include "questions/routing.h"

namespace verbinder::questions {
namespace {

const std::map<std::string, SectorLabel> kLabels = {
    {"zorg", {"Care", "Zorg"}}, {"industrie", {"Industry", "Industrie"}}, {"onderwijs", {"Education", "Onderwijs"}}};

TEST(RoutingTest, FindsExpertiseAcrossLanguagesAndExplainsIt) {
  matching::TextAnalyzer analyzer;
  std::vector<RoutingCandidate> cands = {
      {1, "industrie", {"lean"}, "We shorten lead times and remove bottlenecks on the shop floor."},
      {2, "onderwijs", {"stages"}, "Begeleiding van stagiairs en leerlingen."},
      {3, "zorg", {}, ""},
  };
  auto r = RouteQuestion({"Onze wachtlijsten groeien", "Hoe krijgen we de doorstroom beter?", {}, "zorg"}, cands, 5,
                         analyzer, kLabels)
               .value();
  ASSERT_EQ(r.size(), 1u);  // only the lead-time expert matches
  EXPECT_EQ(r[0].id, 1);
  EXPECT_TRUE(r[0].other_sector);
  EXPECT_NE(r[0].reason_nl.find("doorlooptijd"), std::string::npos) << r[0].reason_nl;
  EXPECT_NE(r[0].reason_nl.find("Industrie"), std::string::npos) << r[0].reason_nl;
  EXPECT_NE(r[0].reason_en.find("lead time"), std::string::npos) << r[0].reason_en;
  EXPECT_NE(r[0].reason_en.find("another sector"), std::string::npos) << r[0].reason_en;
}

// Concept labels that have "and"/"en" in them are listed with semicolons, so
// the reason does not read "triage and work allocation and triage and …".
TEST(RoutingTest, MatchedItemsWithAConjunctionInsideAreListedWithSemicolons) {
  matching::TextAnalyzer analyzer;
  std::vector<RoutingCandidate> cands = {
      {1,
       "zorg",
       {"wijkverpleging", "triage", "zelfredzaamheid"},
       "Ik help graag bij het triëren van aanvragen en het inrichten van wijkteams."}};
  auto r = RouteQuestion({"Welke meldingen van bewoners pakken we als eerste op?",
                          "We krijgen honderden meldingen per week. Hoe bepaal je welke het dringendst zijn?",
                          {"triage"},
                          "overheid"},
                         cands, 5, analyzer, kLabels)
               .value();
  ASSERT_EQ(r.size(), 1u);
  ASSERT_GE(r[0].matched_en.size(), 2u) << r[0].reason_en;
  bool inner_and = false;
  for (const auto& m : r[0].matched_en) inner_and = inner_and || m.find(" and ") != std::string::npos;
  ASSERT_TRUE(inner_and) << "a label with \"and\" in it: " << r[0].reason_en;
  std::string list_en = r[0].matched_en[0], list_nl = r[0].matched_nl[0];
  for (size_t i = 1; i < r[0].matched_en.size() && i < 5; ++i) {
    list_en += "; " + r[0].matched_en[i];
    list_nl += "; " + r[0].matched_nl[i];
  }
  EXPECT_NE(r[0].reason_en.find("Expertise that fits the question: " + list_en + "."), std::string::npos)
      << r[0].reason_en;
  EXPECT_NE(r[0].reason_nl.find("Expertise die past bij de vraag: " + list_nl + "."), std::string::npos)
      << r[0].reason_nl;
}

TEST(RoutingTest, NobodyWithoutMatchingExpertiseIsRouted) {
  matching::TextAnalyzer analyzer;
  std::vector<RoutingCandidate> cands = {{1, "industrie", {"lassen"}, "Lassen en plaatbewerking"}};
  auto r = RouteQuestion({"Hoe vinden we stagiairs?", "", {}, "zorg"}, cands, 5, analyzer, kLabels).value();
  EXPECT_TRUE(r.empty());
}

TEST(RoutingTest, ExactTagMatchCountsAndTopKIsRespected) {
  matching::TextAnalyzer analyzer;
  std::vector<RoutingCandidate> cands;
  for (int i = 1; i <= 8; ++i) cands.push_back({i, "industrie", {"roosters"}, "Roosters en planning van diensten"});
  auto r = RouteQuestion({"Diensten plannen", "", {"roosters"}, "zorg"}, cands, 5, analyzer, kLabels).value();
  ASSERT_EQ(r.size(), 5u);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(r[i].id, i + 1);  // ties: lower id first
}

// Oracle: two experts with identical expertise, one in the asker's sector and
// one in another; the cross-sector one always ranks first. Randomised over
// expertise texts, question texts, sectors and id order.
TEST(RoutingTest, OracleCrossSectorExpertBeatsSameSectorExpertWithEqualExpertise) {
  matching::TextAnalyzer analyzer;
  const std::vector<std::string> expertise = {"Wij verkorten doorlooptijden met lean.",
                                              "Roosters en dienstplanning voor ploegendiensten.",
                                              "Energy saving and solar panels on our plants.",
                                              "Begeleiding van stagiairs en leerlingen in de praktijk.",
                                              "Inventory management and kanban in the warehouse.",
                                              "Data dashboards and management information."};
  const std::vector<std::string> questions = {"Onze wachtlijsten groeien, hoe verbeteren we de doorstroom?",
                                              "How do we plan shifts with fewer staff?",
                                              "Onze energierekening is verdubbeld",
                                              "Hoe houden we stagiairs binnen?",
                                              "We keep running out of stock",
                                              "Which data and dashboards should our board see?"};
  const std::vector<std::string> sectors = {"zorg", "industrie", "onderwijs"};
  std::mt19937 rng(42);
  int checked = 0;
  for (int round = 0; round < 60; ++round) {
    size_t e = rng() % expertise.size();
    const std::string& qtext = questions[e];  // question i matches expertise i
    const std::string& asker_sector = sectors[rng() % sectors.size()];
    std::string other_sector =
        sectors[(std::find(sectors.begin(), sectors.end(), asker_sector) - sectors.begin() + 1 + rng() % 2) %
                sectors.size()];
    ASSERT_NE(asker_sector, other_sector);
    int64_t same_id = 10 + rng() % 50, other_id = 10 + rng() % 50;
    if (other_id == same_id) other_id += 100;
    std::vector<RoutingCandidate> cands = {{same_id, asker_sector, {}, expertise[e]},
                                           {other_id, other_sector, {}, expertise[e]}};
    if (rng() % 2) std::swap(cands[0], cands[1]);
    auto r = RouteQuestion({qtext, "", {}, asker_sector}, cands, 5, analyzer, kLabels).value();
    ASSERT_EQ(r.size(), 2u) << qtext << " / " << expertise[e];
    EXPECT_EQ(r[0].id, other_id) << qtext;
    EXPECT_TRUE(r[0].other_sector);
    EXPECT_FALSE(r[1].other_sector);
    EXPECT_GT(r[0].score, r[1].score);
    ++checked;
  }
  EXPECT_EQ(checked, 60);
}

// In a network of some size (idf over two members says nothing: every
// concept is rare or everywhere), the expert who covers the whole question in
// the asker's sector beats one who covers a part of it from another sector.
TEST(RoutingTest, AMuchBetterSameSectorExpertStillWins) {
  matching::TextAnalyzer analyzer;
  std::vector<RoutingCandidate> cands = {
      {1, "industrie", {}, "Roosters."},
      {2,
       "zorg",
       {"roosters", "capaciteitsplanning", "ziekteverzuim"},
       "Roosters, capaciteitsplanning, ziekteverzuim en werkdruk in de wijkzorg."},
  };
  const std::vector<std::string> others = {"Lassen en plaatbewerking.",        "Boekhouding en jaarrekeningen.",
                                           "Subsidies voor verduurzaming.",    "Marketing en social media.",
                                           "Inkoop en contractbeheer.",        "Onderwijs aan volwassenen.",
                                           "Juridisch advies over huurrecht.", "Zonnepanelen op bedrijfsdaken."};
  for (int i = 0; i < 40; ++i) cands.push_back({100 + i, "onderwijs", {}, others[i % others.size()]});
  auto r = RouteQuestion({"Roosters, capaciteit, ziekteverzuim en werkdruk", "", {"roosters"}, "zorg"}, cands, 5,
                         analyzer, kLabels)
               .value();
  ASSERT_GE(r.size(), 2u);
  EXPECT_EQ(r[0].id, 2);
  EXPECT_EQ(r[1].id, 1);
  EXPECT_TRUE(r[1].other_sector);
  EXPECT_GT(r[0].score, r[1].score);
}

// What the network's useful meetings taught routes a question too, and a
// link the leader switched off no longer does: the same learned links as the
// suggestions (matching::Suggest), given as matching::NetworkLearning.
TEST(RoutingTest, LinksLearnedFromUsefulMeetingsRouteAndSwitchedOffOnesDoNot) {
  matching::TextAnalyzer analyzer;
  std::vector<RoutingCandidate> cands = {{7, "industrie", {}, "Food processing and industrial baking."},
                                         {8, "onderwijs", {}, "Lassen en plaatbewerking."}};
  const RoutingQuestion q{"Older people in our village are lonely", "", {}, "zorg"};
  EXPECT_TRUE(RouteQuestion(q, cands, 5, analyzer, kLabels).value().empty()) << "nothing links them by itself";
  matching::NetworkLearning network;
  network.meetings = {{"Loneliness among older people in the village", "Food processing and industrial baking"}};
  auto r = RouteQuestion(q, cands, 5, analyzer, kLabels, network).value();
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].id, 7);
  // The reason names an expertise concept of a learned link, in both languages.
  std::vector<matching::LearnedLink> every = matching::LearnedLinks(network.meetings);
  ASSERT_FALSE(every.empty());
  const auto& thesaurus = matching::Thesaurus::Default();
  bool named = false;
  for (const matching::LearnedLink& l : every) {
    const matching::Concept& e = thesaurus.concepts()[thesaurus.FindConcept(l.expertise_concept)];
    named = named || (r[0].reason_en.find(e.label_en) != std::string::npos &&
                      r[0].reason_nl.find(e.label_nl) != std::string::npos);
  }
  EXPECT_TRUE(named) << r[0].reason_en << " / " << r[0].reason_nl;
  for (const matching::LearnedLink& l : every) network.switched_off.push_back(l);
  EXPECT_TRUE(RouteQuestion(q, cands, 5, analyzer, kLabels, network).value().empty());
}

}  // namespace
}  // namespace verbinder::questions
