// The everyday phrasings of data/thesaurus_phrasings.tsv: a challenge worded
// the way a member would say it ("our trucks drive back empty") finds the
// problem concept, and every term of the file, read on its own, finds its own.
// Each sentence below found its concept only once the file was added (checked
// against a build with the file's '=' lines commented out).
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "matching/text.h"
#include "matching/thesaurus.h"
#include "matching/thesaurus_test_util.h"
#include "util/strings.h"

namespace verbinder::matching {
namespace {

using thesaurus_test::AdditionLines;
using thesaurus_test::ConceptIds;
using thesaurus_test::ExpectEachFires;
using thesaurus_test::ExpectNoneFires;
using thesaurus_test::SentenceConcept;
using thesaurus_test::TermsMissingTheirConcept;

TEST(ThesaurusPhrasings, ShipsAsOnlyAdditionsToExistingConcepts) {
  auto lines = AdditionLines("thesaurus_phrasings.tsv");
  EXPECT_GE(lines.size(), 200u);
  for (const auto& [id, terms] : lines) {
    EXPECT_GE(Thesaurus::Default().FindConcept(id), 0) << id;
    EXPECT_FALSE(terms.empty()) << id;
  }
}

// A term hidden inside a longer term of another concept, or one that is all
// stop words, would silently match nothing.
TEST(ThesaurusPhrasings, EveryTermFindsItsOwnConcept) {
  // The check itself reports a term that finds nothing (it is shared by every data file's test).
  EXPECT_EQ(TermsMissingTheirConcept({{"waiting_list", {"zzqx onbekend"}}}),
            std::vector<std::string>{"waiting_list: zzqx onbekend"});
  int checked = 0;
  EXPECT_EQ(TermsMissingTheirConcept(AdditionLines("thesaurus_phrasings.tsv"), &checked), std::vector<std::string>{});
  EXPECT_GE(checked, 1000);
}

TEST(ThesaurusPhrasings, PlainChallengesFindTheProblem) {
  constexpr Language nl = Language::kDutch;
  constexpr Language en = Language::kEnglish;
  const std::vector<SentenceConcept> cases = {
      {"People keep calling us to ask where their application is", en, "ops_back_office_backlog"},
      {"Our trucks often drive back empty after a delivery", en, "ops_transport_utilisation"},
      {"Most customers don't come back after their first order", en, "biz_customer_retention"},
      {"Good people keep leaving for other employers", en, "staff_turnover"},
      {"Half of the patients don't show up for their appointment", en, "ops_no_shows"},
      {"People don't open our letters until it is too late", en, "pub_letters_response"},
      {"Nobody finds us online when they search", en, "biz_online_visibility"},
      {"In the evening the shelves are empty", en, "ops_empty_shelves"},
      {"Our drivers are stuck in traffic every morning", en, "pub_congestion"},
      {"Two of our planners are burnt out", en, "ppl_psych_absence"},
      {"I work as a demand planner in consumer goods", en, "ops_demand_forecasting"},
      {"I am a behavioural scientist at a ministry", en, "pub_nudging"},
      {"Only one person knows how the old machine works", en, "knowledge_transfer"},
      {"Many older clients can't use a computer", en, "digital_inclusion"},
      {"Residents don't feel safe in the park at night", en, "pub_feeling_unsafe"},
      {"Parcels often arrive damaged at the customer", en, "ops_transport_damage"},
      {"Our club can't find volunteers for the weekend", en, "ppl_volunteer_management"},
      {"The house was full of rubbish when we visited", en, "pub_self_neglect"},
      {"Our pickers walk back and forth all day", en, "ops_layout"},
      {"We run everything in spreadsheets", en, "biz_excel_chaos"},
      {"We don't know why they leave", en, "ppl_exit_interviews"},
      {"The meals arrive cold on the ward", en, "ops_kitchens"},
      {"Many families are behind on rent", en, "debt"},
      {"Our warehouse is full of stock that doesn't sell", en, "ops_excess_stock"},
      {"A lot of our operators can't read well", en, "basic_skills"},
      {"Our counter staff get shouted at every week", en, "aggression"},
      {"Er wordt veel dubbel werk gedaan door slechte afspraken", nl, "ops_rework_costs"},
      {"Als een leraar ziek is vinden we geen invaller", nl, "ppl_substitute_teachers"},
      {"Cliënten vergeten hun pillen in te nemen", nl, "pub_med_adherence"},
      {"Het geld raakt op voordat de subsidie binnen is", nl, "biz_liquidity_shortage"},
      {"De wachtkamer zit vol en we lopen altijd uit", nl, "ops_waiting_room"},
      {"Er wordt steeds afval gedumpt bij het bos", nl, "pub_illegal_dumping"},
      {"Op de afdeling gaan de alarmen steeds af", nl, "pub_alarm_fatigue"},
      {"Verpleegkundigen zoeken naar rolstoelen op elke afdeling", nl, "ops_asset_tracking"},
      {"Bij levering is er vaak niemand thuis", nl, "ops_delivery_windows"},
      {"We spelen vaak voor een halflege zaal", nl, "biz_visitor_marketing"},
      {"Ik kom niet toe aan mijn eigenlijke werk", nl, "ppl_time_management"},
      {"Op vrijdag staan de bureaus leeg", nl, "ops_space_utilisation"},
      {"Jonge leraren stoppen binnen vijf jaar", nl, "ppl_teacher_retention"},
  };
  ExpectEachFires(cases);
}

// "don't" leaves the token "don": a phrase that is only "don't" plus stop
// words ("they don't want it") would fire on every English negation.
TEST(ThesaurusPhrasings, EnglishNegationAloneFiresNothing) {
  TextAnalyzer a;
  for (const char* text : {"I don't like coffee", "They don't work on fridays", "We don't know who we need"}) {
    TextAnalysis got = a.Analyze(text, Language::kEnglish);
    EXPECT_TRUE(got.concepts.empty()) << text << " -> " << ConceptIds(got);
  }
}

// Phrasings that once reduced to one everyday word after stemming and stop
// words (Dutch "heet" stems to "het"; "geen", "vaak", "grote" are stop words).
TEST(ThesaurusPhrasings, FalseFriendsStayQuiet) {
  constexpr Language nl = Language::kDutch;
  constexpr Language en = Language::kEnglish;
  const std::vector<SentenceConcept> cases = {
      {"Ik fiets elke dag naar het werk", nl, "ops_heat_stress"},
      {"Een klant eist zijn geld terug", nl, "biz_customer_concentration"},
      {"Een klant eist zijn geld terug", nl, "biz_customer_retention"},
      {"Onze leraren hebben geen grip op de klas", nl, "teacher_shortage"},
      {"Ouderen eten niet genoeg en vallen ongewild af", nl, "falls"},
      {"Ik weet niet of we goed beschermd zijn als een klant ons aansprakelijk stelt", nl, "biz_market_research"},
      {"The seasonal flu hit our care home hard", en, "home_care"},
      {"We pay our suppliers within thirty days", en, "procurement"},
      {"We want to use AI but don't know where to start", en, "ops_waiting_for_materials"},
  };
  ExpectNoneFires(cases);
}

}  // namespace
}  // namespace verbinder::matching
