// Suggestions through the lexical layer only: a Dutch challenge and an English
// expertise that share no word and no thesaurus concept meet through FreeDict
// and WordNet (a fixture lexicon, set as the default for this test binary),
// and the explanation names the two linked words, in Dutch and in English.
#include <gtest/gtest.h>

#include <filesystem>

#include "matching/lexicon.h"
#include "matching/lexicon_fixture.h"
#include "matching/suggest.h"

namespace verbinder::matching {
namespace {

class LexiconSuggestTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    fixture_ = new testing::LexiconFixture(testing::WriteLexiconFixture("lexicon_suggest_test"));
    Lexicon::ConfigureDefault(fixture_->paths);  // before the first Default()
  }
  static void TearDownTestSuite() {
    std::filesystem::remove_all(std::filesystem::path(fixture_->paths.wordnet_dir).parent_path());
    delete fixture_;
  }
  static testing::LexiconFixture* fixture_;

  static SuggestInput Input() {
    SuggestInput in;
    in.attendees = {
        {.id = "anja", .sector = "industry", .languages = {"nl"}, .challenges = {"Wij krijgen geen toestemming."}},
        {.id = "pieter", .sector = "government", .languages = {"en"}, .expertise_text = "I obtain every permit."},
        {.id = "bram", .sector = "government", .languages = {"en"}, .expertise_text = "I sell bicycles."},
        {.id = "ben", .sector = "care", .languages = {"en"}, .challenges = {"Nobody can foretell it."}},
        {.id = "clara", .sector = "finance", .languages = {"en"}, .expertise_text = "I prognosticate."},
    };
    return in;
  }
};
testing::LexiconFixture* LexiconSuggestTest::fixture_ = nullptr;

const Suggestion* For(const SuggestResult& r, int i, int other) {
  for (const Suggestion& s : r.suggestions[i]) {
    if (s.other == other) return &s;
  }
  return nullptr;
}

TEST_F(LexiconSuggestTest, DutchChallengeMeetsEnglishExpertiseThroughTranslationAndSynonym) {
  ASSERT_TRUE(Lexicon::Default().has_wordnet());
  SuggestResult with = Suggest(Input(), SuggestOptions{.top_k = 3, .use_lexicon = true}).value();
  ASSERT_FALSE(with.suggestions[0].empty());
  EXPECT_EQ(with.suggestions[0][0].other, 1);  // anja -> pieter
  EXPECT_EQ(For(with, 0, 2), nullptr);         // the bicycle seller shares nothing
  EXPECT_EQ(with.suggestions[0][0].matched_words, (std::vector<std::string>{"toestemming", "permit"}));
  EXPECT_TRUE(with.suggestions[0][0].matched_concepts.empty());
  // Without the lexicon the two share nothing at all.
  SuggestResult without = Suggest(Input(), SuggestOptions{.top_k = 3, .use_lexicon = false}).value();
  EXPECT_EQ(For(without, 0, 1), nullptr);
}

TEST_F(LexiconSuggestTest, ExplanationNamesTheTwoLinkedWordsInTheReadersLanguage) {
  SuggestResult nl = Suggest(Input(), SuggestOptions{.top_k = 3, .use_lexicon = true, .language = "nl"}).value();
  const Suggestion* s = For(nl, 0, 1);
  ASSERT_NE(s, nullptr);
  EXPECT_NE(s->explanation.find("gaat over ‘toestemming’; pieter noemt in de expertise ‘permit’, en dat betekent "
                                "vrijwel hetzelfde."),
            std::string::npos)
      << s->explanation;
  SuggestResult en = Suggest(Input(), SuggestOptions{.top_k = 3, .use_lexicon = true, .language = "en"}).value();
  s = For(en, 0, 1);
  ASSERT_NE(s, nullptr);
  EXPECT_NE(s->explanation.find("is about ‘toestemming’; pieter's expertise mentions ‘permit’, which means nearly "
                                "the same."),
            std::string::npos)
      << s->explanation;
}

TEST_F(LexiconSuggestTest, EnglishSynonymsMeet) {
  SuggestResult r = Suggest(Input(), SuggestOptions{.top_k = 3, .use_lexicon = true, .language = "en"}).value();
  const Suggestion* s = For(r, 3, 4);  // ben (foretell) -> clara (prognosticate)
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->matched_words, (std::vector<std::string>{"foretell", "prognosticate"}));
  EXPECT_NE(s->explanation.find("‘foretell’"), std::string::npos) << s->explanation;
  EXPECT_NE(s->explanation.find("‘prognosticate’"), std::string::npos) << s->explanation;
}

TEST_F(LexiconSuggestTest, PrefilterGivesTheSameResultAsScoringEveryPair) {
  SuggestResult a = Suggest(Input(), SuggestOptions{.top_k = 4, .use_lexicon = true}).value();
  SuggestResult b = Suggest(Input(), SuggestOptions{.top_k = 4, .use_lexicon = true, .prefilter = false}).value();
  ASSERT_EQ(a.suggestions.size(), b.suggestions.size());
  for (size_t i = 0; i < a.suggestions.size(); ++i) {
    ASSERT_EQ(a.suggestions[i].size(), b.suggestions[i].size()) << i;
    for (size_t k = 0; k < a.suggestions[i].size(); ++k) {
      EXPECT_EQ(a.suggestions[i][k].other, b.suggestions[i][k].other);
      EXPECT_DOUBLE_EQ(a.suggestions[i][k].score, b.suggestions[i][k].score);
      EXPECT_EQ(a.suggestions[i][k].explanation, b.suggestions[i][k].explanation);
    }
  }
}

}  // namespace
}  // namespace verbinder::matching
