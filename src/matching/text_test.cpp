// Text analysis: stemming, stop words, compound splitting, phrases and the
// shipped thesaurus with its broader/narrower relations.
#include "matching/text.h"

#include <gtest/gtest.h>

#include "matching/thesaurus.h"
#include "matching/thesaurus_test_util.h"

namespace verbinder::matching {
namespace internal {
extern const std::string_view kThesaurusTsv;  // thesaurus_data.cpp (generated from data/thesaurus*.tsv)
}  // namespace internal
namespace {

using thesaurus_test::HasConcept;

TEST(Thesaurus, ShippedFileParsesAndHasTheDomain) {
  // Default() falls back to an empty thesaurus on a parse error; the shipped
  // text (core plus every area file) must parse, with its error named if not.
  Result<Thesaurus> parsed = Thesaurus::Parse(internal::kThesaurusTsv);
  ASSERT_TRUE(parsed.ok()) << parsed.status().field() << ": " << parsed.status().message();
  const Thesaurus& t = Thesaurus::Default();
  EXPECT_EQ(t.concepts().size(), parsed.value().concepts().size());
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
  // The whole phrase names the narrower concept (interns who drop out, under "interns").
  EXPECT_TRUE(HasConcept(a.Analyze("stagiairs haken af", Language::kDutch), "edu_internship_dropout"));
  // Dutch compound containing a term.
  EXPECT_TRUE(HasConcept(a.Analyze("het wachtlijstprobleem in de zorg", Language::kDutch), "waiting_list"));
}

// Words Snowball stems together but members mean apart get their own stem:
// older people are not parents, a plan is not planning, customs are not
// customers; each still finds its own concept.
TEST(Text, StemExceptionsKeepWordsApartThatSnowballJoins) {
  TextAnalyzer a;
  EXPECT_EQ(a.Stem("ouders", Language::kDutch), "ouder");
  EXPECT_NE(a.Stem("ouderen", Language::kDutch), a.Stem("ouders", Language::kDutch));
  EXPECT_NE(a.Stem("oudere", Language::kDutch), a.Stem("ouders", Language::kDutch));
  EXPECT_NE(a.Stem("customer", Language::kEnglish), a.Stem("customs", Language::kEnglish));
  // A term "planning" keeps its own stem; "planning" in text still meets a term "plan".
  EXPECT_NE(a.StemTermWord("planning", Language::kEnglish), a.Stem("plan", Language::kEnglish));
  EXPECT_NE(a.StemTermWord("training", Language::kEnglish), a.Stem("train", Language::kEnglish));
  EXPECT_TRUE(HasConcept(a.Analyze("We do succession planning", Language::kEnglish), "ppl_talent_review"));
  EXPECT_FALSE(HasConcept(a.Analyze("Veel ouderen wonen alleen", Language::kDutch), "parent_involvement"));
  EXPECT_TRUE(HasConcept(a.Analyze("Ouders zijn weinig betrokken bij school", Language::kDutch), "parent_involvement"));
  EXPECT_TRUE(HasConcept(a.Analyze("Veel ouderen wonen alleen", Language::kDutch), "elderly"));
  EXPECT_FALSE(HasConcept(a.Analyze("We plan to open a second shop", Language::kEnglish), "scheduling"));
  EXPECT_TRUE(HasConcept(a.Analyze("Our staff planning is a mess", Language::kEnglish), "staff_scheduling"));
  EXPECT_TRUE(HasConcept(a.Analyze("customer service", Language::kEnglish), "customer"));
  EXPECT_FALSE(HasConcept(a.Analyze("customs declarations", Language::kEnglish), "customer"));
  // Terms whose derived word keeps its own stem: the root in text does not fire them, the word does.
  struct Case {
    const char* text;
    Language language;
    const char* concept_id;
    bool fires;
  };
  for (const Case& c : std::vector<Case>{
           {"Please take this into account", Language::kEnglish, "financial_control", false},
           {"Our accountants are overloaded", Language::kEnglish, "financial_control", true},
           {"We do it in-house", Language::kEnglish, "housing", false},
           {"Housing is scarce", Language::kEnglish, "housing", true},
           {"a package of measures", Language::kEnglish, "packaging", false},
           {"sustainable packaging", Language::kEnglish, "packaging", true},
           {"residence permit", Language::kEnglish, "community", false},
           {"We maintain contact with our customers", Language::kEnglish, "tech_tech_debt", false},
           {"We willen meer mensen aannemen", Language::kDutch, "ops_construction_projects", false},
           {"De aannemers leveren te laat", Language::kDutch, "ops_construction_projects", true},
       }) {
    EXPECT_EQ(HasConcept(a.Analyze(c.text, c.language), c.concept_id), c.fires) << c.text << " / " << c.concept_id;
  }
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

TEST(Text, DutchCompoundsSplitAgainstTheVocabulary) {
  TextAnalyzer a;
  EXPECT_EQ(a.SplitCompound("bankapplicaties"), (std::vector<std::string>{"bank", "applicaties"}));
  // Linking "s" after a part, inflected last part.
  EXPECT_EQ(a.SplitCompound("betalingsachterstanden"), (std::vector<std::string>{"betaling", "achterstanden"}));
  EXPECT_EQ(a.SplitCompound("wijkverpleegkundigen"), (std::vector<std::string>{"wijk", "verpleegkundigen"}));
  // Fewest parts: the term "wijkverpleegkundigen" beats wijk + verpleegkundigen.
  EXPECT_EQ(a.SplitCompound("wijkverpleegkundigenrooster"),
            (std::vector<std::string>{"wijkverpleegkundigen", "rooster"}));
  EXPECT_TRUE(a.SplitCompound("planning").empty());      // a word, not a compound
  EXPECT_TRUE(a.SplitCompound("qwertyuiopas").empty());  // no known parts
  // The parts carry concepts the whole word does not have as a term.
  TextAnalysis t = a.Analyze("Het wijkverpleegkundigenrooster klopt nooit", Language::kDutch);
  EXPECT_TRUE(HasConcept(t, "home_care"));
  EXPECT_TRUE(HasConcept(t, "scheduling"));
  // Split before phrase matching: "verouderde bank|applicaties" meets the
  // phrase "verouderde applicaties".
  EXPECT_TRUE(HasConcept(a.Analyze("Onze verouderde bankapplicaties", Language::kDutch), "legacy_it"));
  // Without a split the compound stays one plain word.
  EXPECT_FALSE(HasConcept(a.Analyze("Onze bankapplicaties", Language::kDutch), "legacy_it"));
}

// Issue #20: a compound that is no term itself meets the English term
// through its parts ("wijkverplegingsteams" -> wijkverpleging + teams ->
// home care = "district nursing"); a term that is a compound is kept whole
// in analysis but still splits on request.
TEST(Text, CompoundSplittingMeetsEnglishTermsThroughItsParts) {
  TextAnalyzer a;
  EXPECT_EQ(a.SplitCompound("wijkverpleging"), (std::vector<std::string>{"wijk", "verpleging"}));
  EXPECT_EQ(a.SplitCompound("wijkverplegingsteams"), (std::vector<std::string>{"wijkverpleging", "teams"}));
  EXPECT_EQ(a.SplitCompound("thuiszorgmedewerkers"), (std::vector<std::string>{"thuiszorg", "medewerkers"}));
  EXPECT_EQ(a.SplitCompound("nachtdienstroosters"), (std::vector<std::string>{"nachtdienst", "roosters"}));
  const int home_care = Thesaurus::Default().FindConcept("home_care");
  TextAnalysis nl = a.Analyze("Onze wijkverplegingsteams zijn overbelast", Language::kDutch);
  TextAnalysis en = a.Analyze("I lead district nursing", Language::kEnglish);
  EXPECT_TRUE(HasConcept(nl, "home_care"));
  EXPECT_TRUE(HasConcept(en, "home_care"));
  EXPECT_TRUE(std::binary_search(nl.concepts.begin(), nl.concepts.end(), home_care));
  // No stemmed word in common: the match is the concept alone.
  for (const std::string& w : nl.terms) EXPECT_FALSE(std::binary_search(en.terms.begin(), en.terms.end(), w)) << w;
  // Both parts count: the night-shift roster is shift work and scheduling.
  TextAnalysis roster = a.Analyze("De nachtdienstroosters kloppen nooit", Language::kDutch);
  EXPECT_TRUE(HasConcept(roster, "shift_work"));
  EXPECT_TRUE(HasConcept(roster, "scheduling"));
  TextAnalysis staff = a.Analyze("Wij zoeken thuiszorgmedewerkers", Language::kDutch);
  EXPECT_TRUE(HasConcept(staff, "home_care"));
  EXPECT_TRUE(HasConcept(staff, "workforce"));
}

// A hospital is not sick leave: "ziekenhuis" is a term of its own, so it is
// never split into "zieken" + "huis" (the stem "ziek" is a term of
// absenteeism). Found in the demo: "Cliënten die uit het ziekenhuis komen"
// was matched to an expert in sick leave.
TEST(Text, AHospitalIsNotSickLeave) {
  TextAnalyzer a;
  TextAnalysis t = a.Analyze("Cliënten die uit het ziekenhuis komen, wachten soms twee weken", Language::kDutch);
  EXPECT_FALSE(HasConcept(t, "absenteeism"));
  EXPECT_TRUE(HasConcept(t, "hospital_care"));
  EXPECT_FALSE(HasConcept(a.Analyze("Ziekenhuizen in de regio werken samen", Language::kDutch), "absenteeism"));
  // Compounds with it split at "ziekenhuis", not inside it.
  EXPECT_EQ(a.SplitCompound("ziekenhuisopnames"), (std::vector<std::string>{"ziekenhuis", "opnames"}));
  // Sick leave itself is still found.
  EXPECT_TRUE(HasConcept(a.Analyze("Veel collega's melden zich ziek", Language::kDutch), "absenteeism"));
}

// Words of one language that stem like a term of the other, found in the
// demo's suggestions: Dutch "successen" (successes) stems like English
// "succession", and "I know how to" reads as the term "know-how"; neither is
// knowledge transfer. Bare "uitval" is a dropout word ("hoe wij uitval hebben
// teruggedrongen" of apprentices), not sick leave.
TEST(Text, FalseFriendsMeetNoConcept) {
  TextAnalyzer a;
  EXPECT_FALSE(
      HasConcept(a.Analyze("Na de eerste successen zakt de aandacht weg", Language::kDutch), "knowledge_transfer"));
  EXPECT_FALSE(
      HasConcept(a.Analyze("I know how to keep hygiene standards high", Language::kEnglish), "knowledge_transfer"));
  EXPECT_TRUE(HasConcept(a.Analyze("We need succession planning for our senior engineers", Language::kEnglish),
                         "knowledge_transfer"));
  TextAnalysis dropout = a.Analyze("Ik deel graag hoe wij uitval hebben teruggedrongen", Language::kDutch);
  EXPECT_FALSE(HasConcept(dropout, "absenteeism"));
  EXPECT_TRUE(HasConcept(dropout, "dropout"));
  EXPECT_TRUE(HasConcept(a.Analyze("Veel uitval door ziekte in de productie", Language::kDutch), "absenteeism"));
}

TEST(Text, NoSharedWordAcrossLanguagesOneConcept) {
  TextAnalyzer a;
  EXPECT_TRUE(HasConcept(a.Analyze("wijkverpleging", Language::kDutch), "home_care"));
  EXPECT_TRUE(HasConcept(a.Analyze("district nursing", Language::kEnglish), "home_care"));
  EXPECT_TRUE(HasConcept(a.Analyze("Wij betalen te veel voor stroom en aardgas", Language::kDutch), "energy_costs"));
  EXPECT_TRUE(HasConcept(a.Analyze("our power and gas consumption", Language::kEnglish), "energy_costs"));
  EXPECT_TRUE(HasConcept(a.Analyze("wachtrijmodellen", Language::kDutch), "queueing"));
  EXPECT_TRUE(HasConcept(a.Analyze("queueing theory", Language::kEnglish), "queueing"));
}

TEST(Text, PhrasesAllowSmallGapsAndStopWordsStartNoTerm) {
  TextAnalyzer a;
  // "stoppen met de studie" with two words in between.
  EXPECT_TRUE(
      HasConcept(a.Analyze("Eerstejaars stoppen al na een paar maanden met hun studie", Language::kDutch), "dropout"));
  EXPECT_FALSE(HasConcept(
      a.Analyze("Wij stoppen binnenkort met de verkoop van oude boeken over studie", Language::kDutch), "dropout"));
  // An exact phrase may start with a stop word; a single stop word is no term.
  EXPECT_TRUE(HasConcept(a.Analyze("The classrooms are too hot", Language::kEnglish), "indoor_climate"));
  EXPECT_FALSE(HasConcept(a.Analyze("Adviseur van de gemeente", Language::kDutch), "route_planning"));  // not "vans"
  // Longest match: "nursing homes" is elderly care, not also nursing.
  TextAnalysis t = a.Analyze("transfers to nursing homes stall", Language::kEnglish);
  EXPECT_TRUE(HasConcept(t, "elderly_care"));
  EXPECT_FALSE(HasConcept(t, "nursing"));
}

TEST(Thesaurus, BroaderAndNarrowerRelations) {
  const Thesaurus& t = Thesaurus::Default();
  int queueing = t.FindConcept("queueing"), capacity = t.FindConcept("capacity_planning");
  int waiting = t.FindConcept("waiting_list"), utilisation = t.FindConcept("utilisation");
  ASSERT_GE(queueing, 0);
  ASSERT_GE(capacity, 0);
  EXPECT_EQ(t.Relation(queueing, capacity), ConceptRelation::kBroader);
  EXPECT_EQ(t.Relation(capacity, queueing), ConceptRelation::kNarrower);
  EXPECT_EQ(t.Relation(waiting, queueing), ConceptRelation::kRelated);
  EXPECT_EQ(t.Relation(queueing, waiting), ConceptRelation::kRelated);  // symmetric
  EXPECT_EQ(t.Relation(queueing, utilisation), ConceptRelation::kSibling);
  EXPECT_GE(t.concepts().size(), 100u);
  // Every concept has both labels (explanations need them).
  for (const Concept& c : t.concepts()) {
    EXPECT_FALSE(c.label_nl.empty()) << c.id;
    EXPECT_FALSE(c.label_en.empty()) << c.id;
  }
}

TEST(Thesaurus, BadFileIsRejectedWithTheLine) {
  Result<Thesaurus> t = Thesaurus::Parse("# comment\nonly\ttwo\n");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().field(), "thesaurus line 2");
  Result<Thesaurus> u = Thesaurus::Parse("a\tA\tA\tx\t\tnope\n");
  ASSERT_FALSE(u.ok());
  EXPECT_EQ(u.status().field(), "thesaurus concept a");  // unknown broader concept
  // Area files are joined with a "# @file" line: errors name the file and its line.
  Result<Thesaurus> v = Thesaurus::Parse("# @file core.tsv\na\tA\tA\tx\n# @file thesaurus_care.tsv\n\na\tB\tB\ty\n");
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.status().field(), "thesaurus_care.tsv line 2");  // duplicate id across files
}

TEST(Thesaurus, AnAreaFileAddsTermsAndLinksToAConceptDefinedElsewhere) {
  Result<Thesaurus> t = Thesaurus::Parse(
      "# @file core.tsv\nqueue\tqueues\twachtrijen\twachtrij\nsmed\tchangeover\tomstellen\tomsteltijd\n"
      "# @file thesaurus_ops.tsv\n=\tqueue\twachtkamer;waiting room\tsmed\n");
  ASSERT_TRUE(t.ok()) << t.status().message();
  const Concept& queue = t->concepts()[t->FindConcept("queue")];
  EXPECT_EQ(queue.terms, (std::vector<std::string>{"wachtrij", "wachtkamer", "waiting room"}));
  EXPECT_EQ(t->Relation(t->FindConcept("smed"), t->FindConcept("queue")), ConceptRelation::kRelated);
  Result<Thesaurus> u = Thesaurus::Parse("# @file thesaurus_ops.tsv\n=\tnope\tx\n");
  ASSERT_FALSE(u.ok());
  EXPECT_EQ(u.status().field(), "thesaurus_ops.tsv line 1");
}

// An "@context" line marks concepts that name a group of people (any file's
// ids, checked like links); the shipped file marks pupils and teachers.
TEST(Thesaurus, ContextLineMarksGroupsOfPeople) {
  Result<Thesaurus> t = Thesaurus::Parse(
      "# @file core.tsv\npupils\tpupils\tleerlingen\tleerling\nbullying\tbullying\tpesten\tpesten\n"
      "# @file thesaurus_context.tsv\n@context\tpupils\n");
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_TRUE(t->concepts()[t->FindConcept("pupils")].context);
  EXPECT_FALSE(t->concepts()[t->FindConcept("bullying")].context);
  Result<Thesaurus> u = Thesaurus::Parse("# @file thesaurus_context.tsv\n# groups\n@context\tnope\n");
  ASSERT_FALSE(u.ok());
  EXPECT_EQ(u.status().field(), "thesaurus_context.tsv line 2");
  const Thesaurus& shipped = Thesaurus::Default();
  for (const char* id : {"ppl_pupils_students", "ppl_teachers", "elderly"}) {
    const int k = shipped.FindConcept(id);
    ASSERT_GE(k, 0) << id;
    EXPECT_TRUE(shipped.concepts()[k].context) << id;
  }
  EXPECT_FALSE(shipped.concepts()[shipped.FindConcept("bullying")].context);
}

}  // namespace
}  // namespace verbinder::matching
