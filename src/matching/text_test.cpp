// Text analysis: stemming, stop words and the shipped thesaurus.
#include "matching/text.h"

#include <gtest/gtest.h>

#include "matching/thesaurus.h"

namespace verbinder::matching {
namespace {

bool HasConcept(const TextAnalysis& a, const char* id) {
  int k = Thesaurus::Default().FindConcept(id);
  return k >= 0 && std::binary_search(a.concepts.begin(), a.concepts.end(), k);
}

TEST(Thesaurus, ShippedFileParsesAndHasTheDomain) {
  const Thesaurus& t = Thesaurus::Default();
  EXPECT_GE(t.concepts().size(), 30u);
  for (const char* id : {"waiting_list", "lead_time", "staff_turnover", "scheduling", "stock", "work_instructions",
                         "energy_costs", "interns"}) {
    EXPECT_GE(t.FindConcept(id), 0) << id;
  }
}

TEST(Text, SynonymsAcrossLanguagesMeetOnOneConcept) {
  TextAnalyzer a;
  EXPECT_TRUE(HasConcept(a.Analyze("Onze wachtlijsten groeien", Language::kDutch), "waiting_list"));
  EXPECT_TRUE(HasConcept(a.Analyze("The queue keeps growing", Language::kEnglish), "waiting_list"));
  EXPECT_TRUE(HasConcept(a.Analyze("shorter lead times", Language::kEnglish), "lead_time"));
  EXPECT_TRUE(HasConcept(a.Analyze("De doorlooptijden zijn te lang", Language::kDutch), "lead_time"));
  EXPECT_TRUE(HasConcept(a.Analyze("Hoog personeelsverloop", Language::kDutch), "staff_turnover"));
  EXPECT_TRUE(HasConcept(a.Analyze("stock-outs of medical supplies", Language::kEnglish), "stock"));
  EXPECT_TRUE(HasConcept(a.Analyze("digitale werkinstructies", Language::kDutch), "work_instructions"));
  EXPECT_TRUE(HasConcept(a.Analyze("energiekosten", Language::kDutch), "energy_costs"));
  EXPECT_TRUE(HasConcept(a.Analyze("stagiairs haken af", Language::kDutch), "interns"));
  // Dutch compound containing a term.
  EXPECT_TRUE(HasConcept(a.Analyze("het wachtlijstprobleem in de zorg", Language::kDutch), "waiting_list"));
}

TEST(Text, StopWordsAndLanguageGuess) {
  EXPECT_TRUE(IsStopWord("de"));
  EXPECT_TRUE(IsStopWord("the"));
  EXPECT_FALSE(IsStopWord("lean"));
  EXPECT_EQ(GuessLanguage(Tokenize("Wij lopen tegen de wachtlijst aan"), Language::kEnglish), Language::kDutch);
  EXPECT_EQ(GuessLanguage(Tokenize("We are running into the queue"), Language::kDutch), Language::kEnglish);
  TextAnalyzer a;
  EXPECT_EQ(a.Stem("planningen", Language::kDutch), a.Stem("planning", Language::kDutch));
}

TEST(Thesaurus, BadFileIsRejectedWithTheLine) {
  Result<Thesaurus> t = Thesaurus::Parse("# comment\nonly\ttwo\n");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().field(), "thesaurus line 2");
}

}  // namespace
}  // namespace verbinder::matching
