// The lexical layer: WordNet senses (morphy, sense order, broader senses,
// derivations) and FreeDict translations on a tiny fixture written in the real
// file formats; the fallback when the files are absent; and the Debian files
// themselves (wordnet-base, dict-freedict-nld-eng/-eng-nld, installed by
// scripts/deps.sh).
#include "matching/lexicon.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "matching/lexicon_fixture.h"
#include "matching/text.h"

namespace verbinder::matching {
namespace {

const Sense* Find(const std::vector<Sense>& senses, uint32_t key) {
  for (const Sense& s : senses) {
    if (s.key == key) return &s;
  }
  return nullptr;
}

bool SharesKey(const std::vector<Sense>& a, const std::vector<Sense>& b) {
  for (const Sense& s : a) {
    if (Find(b, s.key)) return true;
  }
  return false;
}

bool Contains(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

class LexiconFixtureTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { fixture_ = new testing::LexiconFixture(testing::WriteLexiconFixture("lexicon_test")); }
  static void TearDownTestSuite() {
    std::filesystem::remove_all(std::filesystem::path(fixture_->paths.wordnet_dir).parent_path());
    delete fixture_;
  }
  static testing::LexiconFixture* fixture_;
};
testing::LexiconFixture* LexiconFixtureTest::fixture_ = nullptr;

TEST_F(LexiconFixtureTest, LoadsBothSources) {
  Lexicon lex = Lexicon::Load(fixture_->paths);
  EXPECT_TRUE(lex.has_wordnet());
  EXPECT_TRUE(lex.has_freedict());
  EXPECT_TRUE(lex.IsEnglishWord("permits"));  // plural reduced as morphy does
  EXPECT_FALSE(lex.IsEnglishWord("toestemming"));
}

TEST_F(LexiconFixtureTest, SensesInFrequencyOrderWithBroaderSenses) {
  Lexicon lex = Lexicon::Load(fixture_->paths);
  std::vector<Sense> s = lex.Senses("permissions");
  const Sense* first = Find(s, fixture_->key["permission.1"]);
  const Sense* second = Find(s, fixture_->key["permission.2"]);
  const Sense* broader = Find(s, fixture_->key["approval.1"]);
  ASSERT_NE(first, nullptr);
  ASSERT_NE(second, nullptr);
  ASSERT_NE(broader, nullptr);
  EXPECT_EQ(first->kind, SenseKind::kSynonym);
  EXPECT_GT(first->weight, second->weight);  // the most frequent sense counts most
  EXPECT_EQ(broader->kind, SenseKind::kBroader);
  EXPECT_LT(broader->weight, first->weight);
  EXPECT_TRUE(std::is_sorted(s.begin(), s.end(), [](const Sense& a, const Sense& b) { return a.key < b.key; }));
  // "permit" is a word of the second sense: the two words share a key.
  EXPECT_TRUE(SharesKey(s, lex.Senses("permit")));
  EXPECT_EQ(lex.SynsetWords(fixture_->key["permission.2"]),
            (std::vector<std::string>{"license", "licence", "permission", "permit"}));
  EXPECT_EQ(lex.Senses("permission", 1).size(), 2u);  // one sense and its broader one
}

TEST_F(LexiconFixtureTest, DerivationsLinkNounAndVerb) {
  Lexicon lex = Lexicon::Load(fixture_->paths);
  const std::vector<Sense> prediction = lex.Senses("prediction");
  const Sense* d = Find(prediction, fixture_->key["predict.1"]);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->kind, SenseKind::kDerivation);
  // An irregular form through the exception list: foretold -> foretell.
  EXPECT_NE(Find(lex.Senses("foretold"), fixture_->key["predict.1"]), nullptr);
  // Siblings share only their broader sense.
  const std::vector<Sense> dearth = lex.Senses("dearth"), famine = lex.Senses("famine");
  const Sense* a = Find(dearth, fixture_->key["insufficiency.1"]);
  const Sense* b = Find(famine, fixture_->key["insufficiency.1"]);
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(a->kind, SenseKind::kBroader);
  EXPECT_EQ(b->kind, SenseKind::kBroader);
}

TEST_F(LexiconFixtureTest, TranslatesDutchByWordInflectionAndCompoundHead) {
  Lexicon lex = Lexicon::Load(fixture_->paths);
  EXPECT_EQ(lex.ToEnglish("toestemming", "toestemm"), (std::vector<std::string>{"assent", "consent", "permission"}));
  EXPECT_EQ(lex.ToEnglish("toestemming", "toestemm", 2), (std::vector<std::string>{"assent", "consent"}));
  EXPECT_EQ(lex.ToEnglish("vergunningen", "vergunn"), (std::vector<std::string>{"licence", "permit"}));
  EXPECT_EQ(lex.ToEnglish("omgevingsvergunning", "omgevingsvergunn"), (std::vector<std::string>{"licence", "permit"}));
  EXPECT_TRUE(lex.ToEnglish("fiets", "fiets").empty());
  // The English-Dutch side, and read backwards for Dutch words it adds.
  EXPECT_EQ(lex.ToDutch("approval"), (std::vector<std::string>{"goedkeuring"}));
  EXPECT_EQ(lex.ToEnglish("goedkeuring", "goedkeur"), (std::vector<std::string>{"approval"}));
}

TEST(Lexicon, AbsentFilesGiveAnEmptyLexiconAndTheThesaurusAlone) {
  Lexicon lex = Lexicon::Load({"/nonexistent/wordnet", "/nonexistent/dictd"});
  EXPECT_FALSE(lex.has_wordnet());
  EXPECT_FALSE(lex.has_freedict());
  EXPECT_TRUE(lex.Senses("permission").empty());
  EXPECT_TRUE(lex.ToEnglish("toestemming", "toestemm").empty());
  EXPECT_TRUE(lex.SynsetWords(4).empty());
  // The analyzer with an empty lexicon finds exactly what it finds without one.
  TextAnalyzer with(&lex), without;
  for (const char* text : {"Onze wachtlijsten groeien en we krijgen geen toestemming", "Our permits take too long"}) {
    TextAnalysis a = with.Analyze(text, Language::kDutch), b = without.Analyze(text, Language::kDutch);
    EXPECT_EQ(a.concepts, b.concepts) << text;
    EXPECT_EQ(a.terms, b.terms) << text;
    EXPECT_TRUE(a.words.empty()) << text;
  }
}

TEST_F(LexiconFixtureTest, AnalyzerGivesEachContentWordItsSenses) {
  Lexicon lex = Lexicon::Load(fixture_->paths);
  TextAnalyzer analyzer(&lex);
  TextAnalysis a = analyzer.Analyze("Wij krijgen geen toestemming", Language::kDutch);
  ASSERT_EQ(a.words.size(), 1u);
  EXPECT_EQ(a.words[0].word, "toestemming");
  EXPECT_EQ(a.words[0].english, "permission");  // the first translation WordNet knows
  EXPECT_FALSE(a.words[0].covered);
  EXPECT_NE(Find(*a.words[0].senses, fixture_->key["permission.2"]), nullptr);
  EXPECT_TRUE(std::binary_search(a.terms.begin(), a.terms.end(), a.words[0].stem));
}

// The Debian packages (scripts/deps.sh installs them).
TEST(LexiconDebian, RealWordNetAndFreeDict) {
  LexiconPaths paths;
  if (!std::filesystem::exists(paths.wordnet_dir + "/data.noun") ||
      !std::filesystem::exists(paths.freedict_dir + "/freedict-nld-eng.index")) {
    GTEST_SKIP() << "wordnet-base or dict-freedict-nld-eng not installed (scripts/deps.sh installs them)";
  }
  Lexicon lex = Lexicon::Load(paths);
  ASSERT_TRUE(lex.has_wordnet());
  ASSERT_TRUE(lex.has_freedict());
  EXPECT_TRUE(Contains(lex.ToEnglish("toestemming", "toestemm"), "permission"));
  EXPECT_TRUE(Contains(lex.ToEnglish("vergunningen", "vergunn"), "permit"));
  EXPECT_TRUE(Contains(lex.ToDutch("permission"), "toestemming"));
  // Synonyms, derivations and siblings of the examples.
  EXPECT_TRUE(SharesKey(lex.Senses("forecast"), lex.Senses("predict")));
  EXPECT_TRUE(SharesKey(lex.Senses("prediction"), lex.Senses("predict")));
  EXPECT_TRUE(SharesKey(lex.Senses("shortage"), lex.Senses("scarcity")));
  EXPECT_TRUE(SharesKey(lex.Senses("permission"), lex.Senses("permits")));
  EXPECT_FALSE(SharesKey(lex.Senses("permission"), lex.Senses("bakery")));
  bool named = false;  // a one-word form finds the WordNet collocation
  for (const Sense& s : lex.Senses("touchscreen")) named = named || Contains(lex.SynsetWords(s.key), "touch screen");
  EXPECT_TRUE(named);
}

}  // namespace
}  // namespace verbinder::matching
