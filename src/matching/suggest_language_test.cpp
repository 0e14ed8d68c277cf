// Suggestions across languages (issue #20): the reader's language words the
// explanation (SuggestOptions::language, from the UI), and a Dutch challenge
// finds an English expert (and back) when the two share no word.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "matching/suggest.h"
#include "matching/suggest_test_profiles.h"
#include "matching/text.h"

namespace verbinder::matching {
namespace {

// The explanation without the quoted challenge (the member's own words, in
// whatever language they wrote it).
std::string Templates(std::string text) {
  for (size_t open = text.find("“"); open != std::string::npos; open = text.find("“")) {
    size_t close = text.find("”", open);
    if (close == std::string::npos) break;
    text.erase(open, close + std::string("”").size() - open);
  }
  return text;
}

// Words only the Dutch or only the English templates of suggest_explain.cpp use.
const std::vector<std::string> kDutchWords = {"Jouw",     "vraag",    "gaat over",     "Waar jij",    "weet",
                                              "kent",     "werkt in", "andere sector", "hangt",       "samen",
                                              "Andersom", "bredere",  "onderdeel",     "frisse blik", "zorg)"};
const std::vector<std::string> kEnglishWords = {"Your",      "challenge",  "is about", "What you", "knows",
                                                "works in",  "another",    "closely",  "In turn",  "wider field",
                                                "a part of", "fresh view", "care)"};

// The network's sector table as stored (model::DefaultSectors' labels).
SectorLabels StoredSectors() {
  return {{"care", {"Zorg", "Care"}},
          {"industry", {"Industrie", "Industry"}},
          {"finance", {"Financiële dienstverlening", "Finance"}},
          {"other", {"Overig", "Other"}}};
}

SuggestInput CarePlanner() {
  SuggestInput in =
      NurseEngineerAndBanker("Onze wachtlijsten voor de dagbesteding groeien elke maand.", {"queueing theory"},
                             "I model how many counters or machines a process needs.");
  in.sector_labels = StoredSectors();
  return in;
}

TEST(SuggestLanguage, SameSuggestionExplainedInEachReadersLanguage) {
  SuggestInput in = CarePlanner();
  SuggestResult nl = Suggest(in, SuggestOptions{.language = "nl"}).value();
  SuggestResult en = Suggest(in, SuggestOptions{.language = "en"}).value();
  ASSERT_FALSE(nl.suggestions[0].empty());
  ASSERT_FALSE(en.suggestions[0].empty());
  // The language changes the words, not the ranking.
  ASSERT_EQ(nl.suggestions[0].size(), en.suggestions[0].size());
  for (size_t k = 0; k < nl.suggestions[0].size(); ++k) {
    EXPECT_EQ(nl.suggestions[0][k].other, en.suggestions[0][k].other);
    EXPECT_EQ(nl.suggestions[0][k].score, en.suggestions[0][k].score);
  }
  const std::string& nl_text = nl.suggestions[0][0].explanation;
  const std::string& en_text = en.suggestions[0][0].explanation;
  EXPECT_EQ(nl.suggestions[0][0].other, 1);
  // The linking concepts, each in the reader's language.
  EXPECT_NE(nl_text.find("wachtlijsten"), std::string::npos) << nl_text;
  EXPECT_NE(nl_text.find("wachtrijtheorie"), std::string::npos) << nl_text;
  EXPECT_NE(en_text.find("waiting lists"), std::string::npos) << en_text;
  EXPECT_NE(en_text.find("queueing theory"), std::string::npos) << en_text;
  EXPECT_EQ(Templates(en_text).find("wachtrijtheorie"), std::string::npos) << en_text;
  EXPECT_EQ(Templates(nl_text).find("queueing theory"), std::string::npos) << nl_text;
  // No template word of the other language (the quoted challenge aside).
  for (const std::string& w : kEnglishWords) EXPECT_EQ(Templates(nl_text).find(w), std::string::npos) << w;
  for (const std::string& w : kDutchWords) EXPECT_EQ(Templates(en_text).find(w), std::string::npos) << w;
  // The sector is named in the reader's language too.
  EXPECT_NE(nl_text.find("(industrie)"), std::string::npos) << nl_text;
  EXPECT_NE(en_text.find("(industry)"), std::string::npos) << en_text;
}

TEST(SuggestLanguage, WithoutALanguageEachAttendeeReadsTheirFirstLanguage) {
  SuggestInput in = CarePlanner();
  in.attendees[2].challenges = {"Our waiting lists keep growing."};
  SuggestResult r = Suggest(in, {}).value();
  ASSERT_FALSE(r.suggestions[0].empty());
  ASSERT_FALSE(r.suggestions[2].empty());
  EXPECT_NE(r.suggestions[0][0].explanation.find("wachtlijsten"), std::string::npos);
  EXPECT_NE(r.suggestions[2][0].explanation.find("waiting lists"), std::string::npos);
}

TEST(SuggestLanguage, UnknownLanguageIsRejected) {
  Result<SuggestResult> r = Suggest(CarePlanner(), SuggestOptions{.language = "de"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().field(), "language");
}

// Pairs that share no word (checked below through the plain-word analysis):
// each Dutch query must rank its English expert first among the others, and
// the English queries their Dutch expert.
TEST(SuggestLanguage, NoSharedWordPairsAcrossLanguages) {
  SuggestInput in;
  in.attendees = {
      {.id = "q_nl_route",
       .sector = "care",
       .languages = {"nl"},
       .expertise_text = "Teamleider thuiszorg",
       .challenges = {"Onze wijkverpleegkundigen zijn uren kwijt aan rijden tussen cliënten."}},
      {.id = "t_routing",
       .sector = "industry",
       .languages = {"en"},
       .expertise_tags = {"vehicle routing"},
       .expertise_text = "I cut the kilometres of delivery fleets."},
      {.id = "q_en_absence",
       .sector = "finance",
       .languages = {"en"},
       .expertise_text = "Head of the branch network.",
       .challenges = {"More and more of our staff call in sick after the reorganisation."}},
      {.id = "t_verzuim",
       .sector = "care",
       .languages = {"nl"},
       .expertise_tags = {"verzuimbegeleiding"},
       .expertise_text = "Bedrijfsarts; ik begeleid werkgevers bij ziekteverzuim."},
      {.id = "q_nl_stock",
       .sector = "care",
       .languages = {"nl"},
       .expertise_text = "Apotheker",
       .challenges = {"Ons magazijn heeft steeds misgrijpen bij verbandmiddelen."}},
      {.id = "t_inventory",
       .sector = "industry",
       .languages = {"en"},
       .expertise_tags = {"inventory management"},
       .expertise_text = "I set reorder points for spare parts."},
      {.id = "d_tax", .sector = "finance", .languages = {"en"}, .expertise_text = "Corporate tax adviser."},
      {.id = "d_wet", .sector = "government", .languages = {"nl"}, .expertise_text = "Jurist bestuursrecht."},
  };
  const std::vector<std::pair<int, int>> pairs = {{0, 1}, {2, 3}, {4, 5}};
  // The premise: challenge and expertise share no stemmed word.
  TextAnalyzer analyzer;
  for (auto [q, t] : pairs) {
    std::string expertise = in.attendees[t].expertise_text;
    for (const std::string& tag : in.attendees[t].expertise_tags) expertise += " " + tag;
    TextAnalysis a = analyzer.Analyze(in.attendees[q].challenges[0], Language::kDutch, false);
    TextAnalysis b = analyzer.Analyze(expertise, Language::kDutch, false);
    for (const std::string& w : a.terms) {
      EXPECT_FALSE(std::binary_search(b.terms.begin(), b.terms.end(), w)) << w;
    }
  }
  SuggestResult r = Suggest(in, SuggestOptions{.top_k = 3}).value();
  for (auto [q, t] : pairs) {
    ASSERT_FALSE(r.suggestions[q].empty()) << in.attendees[q].id;
    EXPECT_EQ(r.suggestions[q][0].other, t) << in.attendees[q].id << ": " << r.suggestions[q][0].explanation;
    EXPECT_FALSE(r.suggestions[q][0].matched_concepts.empty());
  }
}

// Pieter has no challenge; his expertise meets Anja's. His reason to meet her
// is the help he can give: not "in turn" (there is no first reason), and the
// fresh view is his to bring, not one on "your question" (he has none).
TEST(SuggestLanguage, WhenOnlyYouCanHelpThatIsTheReasonAndTheFreshViewIsYours) {
  SuggestInput in = CarePlanner();
  for (const std::string lang : {"nl", "en"}) {
    SuggestResult r = Suggest(in, SuggestOptions{.language = lang}).value();
    const Suggestion* anja = nullptr;
    for (const auto& s : r.suggestions[1])
      if (s.other == 0) anja = &s;
    ASSERT_NE(anja, nullptr) << lang;
    const std::string& text = anja->explanation;
    EXPECT_EQ(text.rfind(lang == "nl" ? "Jij kunt anja helpen met " : "You can help anja with ", 0), 0u) << text;
    EXPECT_NE(text.find(lang == "nl" ? "werkt in een andere sector (zorg): jij brengt een frisse blik mee."
                                     : "works in another sector (care): you bring a fresh view."),
              std::string::npos)
        << text;
    for (const char* wrong : {"Andersom", "In turn", "jouw vraag", "your question"})
      EXPECT_EQ(text.find(wrong), std::string::npos) << wrong << " in " << text;
    // Anja's own reason to meet him still reads as before.
    const std::string& hers = r.suggestions[0][0].explanation;
    EXPECT_NE(hers.find(lang == "nl" ? "een frisse blik op jouw vraag." : "a fresh view on your question."),
              std::string::npos)
        << hers;
  }
}

// Concept labels with the conjunction in them ("wijkverpleging en thuiszorg",
// "triage en werkverdeling") stay apart in the explanation's list: "a en b en c
// en d" read as four things (the demo's event page said so). The list is
// util's ListInSentence, the rule the routed questions' reasons use too.
TEST(SuggestLanguage, ConceptLabelsWithTheConjunctionInsideStayApart) {
  SuggestInput in = NurseEngineerAndBanker("Onze wijkverpleging worstelt met de triage van nieuwe aanvragen.", {},
                                           "I advise district nursing teams on triage and work allocation.");
  for (const std::string lang : {"nl", "en"}) {
    SuggestResult r = Suggest(in, SuggestOptions{.language = lang}).value();
    ASSERT_FALSE(r.suggestions[0].empty()) << lang;
    const Suggestion& s = r.suggestions[0][0];
    ASSERT_EQ(s.other, 1) << lang;
    const std::string a = lang == "nl" ? "wijkverpleging en thuiszorg" : "home care and district nursing";
    const std::string b = lang == "nl" ? "triage en werkverdeling" : "triage and work allocation";
    const std::string text = Templates(s.explanation);
    auto joined = [](std::string x, const char* sep, const std::string& y) { return x.append(sep).append(y); };
    EXPECT_TRUE(text.find(joined(a, "; ", b)) != std::string::npos ||
                text.find(joined(b, "; ", a)) != std::string::npos)
        << text;
    const char* conj = lang == "nl" ? " en " : " and ";
    EXPECT_EQ(text.find(joined(a, conj, b)), std::string::npos) << text;
    EXPECT_EQ(text.find(joined(b, conj, a)), std::string::npos) << text;
  }
}

// The catch-all "other" and a sector missing from the caller's table: the
// sentence leaves the sector out rather than showing a raw key.
TEST(SuggestLanguage, SectorWithoutLabelIsLeftOutNotShownAsKey) {
  for (const std::string sector : {"other", "cultuur_en_sport"}) {
    SuggestInput in = CarePlanner();
    in.attendees[1].sector = sector;
    for (const std::string lang : {"nl", "en"}) {
      SuggestResult r = Suggest(in, SuggestOptions{.language = lang}).value();
      ASSERT_FALSE(r.suggestions[0].empty());
      const std::string& text = r.suggestions[0][0].explanation;
      EXPECT_EQ(r.suggestions[0][0].other, 1);
      EXPECT_NE(text.find(lang == "nl" ? "werkt in een andere sector: een frisse blik"
                                       : "works in another sector: a fresh view"),
                std::string::npos)
          << text;
      EXPECT_EQ(text.find("(" + sector + ")"), std::string::npos) << text;
    }
  }
}

// A sector the leader added is named from the caller's table like a default
// one, in the reader's language; a capitalised label reads in lower case
// mid-sentence, an acronym as stored.
TEST(SuggestLanguage, CustomSectorFromTheTableIsNamedInEachLanguage) {
  struct Case {
    std::string key, label_nl, label_en, nl_name, en_name;
  };
  for (const Case& c :
       {Case{"cultuur_en_sport", "Cultuur en sport", "Culture and sport", "(cultuur en sport)", "(culture and sport)"},
        Case{"ict", "ICT", "IT", "(ICT)", "(IT)"}}) {
    SuggestInput in = CarePlanner();
    in.sector_labels[c.key] = {c.label_nl, c.label_en};
    in.attendees[1].sector = c.key;
    for (const std::string lang : {"nl", "en"}) {
      SuggestResult r = Suggest(in, SuggestOptions{.language = lang}).value();
      ASSERT_FALSE(r.suggestions[0].empty());
      EXPECT_EQ(r.suggestions[0][0].other, 1);
      const std::string& text = r.suggestions[0][0].explanation;
      const std::string want = lang == "nl" ? "werkt in een andere sector " + c.nl_name + ": een frisse blik"
                                            : "works in another sector " + c.en_name + ": a fresh view";
      EXPECT_NE(text.find(want), std::string::npos) << text;
      EXPECT_EQ(text.find("cultuur_en_sport"), std::string::npos) << text;  // never the raw key
    }
    // Without the entry the engine has no name for it (no built-in list).
    in.sector_labels.erase(c.key);
    const std::string text = Suggest(in, SuggestOptions{.language = "nl"}).value().suggestions[0][0].explanation;
    EXPECT_NE(text.find("werkt in een andere sector: een frisse blik"), std::string::npos) << text;
  }
}

// Older data may hold a sector's label instead of its key: found by label
// (case-insensitive) and named in the reader's language.
TEST(SuggestLanguage, SectorStoredAsLabelIsNamedToo) {
  SuggestInput in = CarePlanner();
  in.attendees[1].sector = "industrie";
  std::string nl = Suggest(in, SuggestOptions{.language = "nl"}).value().suggestions[0][0].explanation;
  std::string en = Suggest(in, SuggestOptions{.language = "en"}).value().suggestions[0][0].explanation;
  EXPECT_NE(nl.find("andere sector (industrie)"), std::string::npos) << nl;
  EXPECT_NE(en.find("another sector (industry)"), std::string::npos) << en;
}

}  // namespace
}  // namespace verbinder::matching
