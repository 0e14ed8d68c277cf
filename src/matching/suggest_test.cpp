// Relevance: the labelled evaluation sets (testdata/eval_relevance.json, and
// the 64-pair set of bench/matching/suggest_eval with its distractor pool)
// with quality floors, the baseline without the thesaurus, cross-language and
// broader/narrower matches, and the explanation contract.
#include "matching/suggest.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

#include "matching/suggest_eval.h"
#include "matching/suggest_json.h"
#include "matching/suggest_scoring.h"
#include "matching/suggest_test_profiles.h"
#include "matching/text.h"
#include "matching/thesaurus.h"

namespace verbinder::matching {
namespace {

// Measured values rounded down (see SuggestEval.LabelledPairsAboveFloors).
// Round 6, with the thesaurus area files (961 concepts): pairs.json was tuned
// against the 278-concept core and measured 0.984 / 0.805 with it; the area
// files lower it and raise blind3 (never seen by their writers) from hit@5
// 0.300 to 0.417, see docs/performance-matching.md, "Round 6".
constexpr double kEvalHitAt5Floor = 0.85;         // measured 0.922 (round 7)
constexpr double kEvalMrrFloor = 0.65;            // measured 0.764 (round 7)
constexpr double kEvalHeldOutHitAt5Floor = 0.80;  // measured 0.906 (odd ids; tuned on since round 2)
// heldout_pairs.json (tuned on since round 6): measured hit@5 0.500, MRR 0.384 (round 7).
constexpr double kBlindHitAt5Floor = 0.2;
constexpr double kBlindMrrFloor = 0.12;

struct Metrics {
  double precision_at_5 = 0;
  double mrr = 0;
};

json_io::Json LoadEval() {
  std::ifstream in("testdata/eval_relevance.json");
  std::stringstream ss;
  ss << in.rdbuf();
  return json_io::Json::parse(ss.str());
}

Metrics Evaluate(bool use_thesaurus) {
  json_io::Json doc = LoadEval();
  SuggestInput input = json_io::ParseSuggestInput(doc).value();
  SuggestOptions options;
  options.top_k = 5;
  options.use_thesaurus = use_thesaurus;
  SuggestResult r = Suggest(input, options).value();
  Metrics m;
  int queries = 0;
  for (auto& [query, relevant_json] : doc["labels"].items()) {
    std::vector<std::string> relevant = relevant_json.get<std::vector<std::string>>();
    int qi = -1;
    for (size_t i = 0; i < input.attendees.size(); ++i) {
      if (input.attendees[i].id == query) qi = static_cast<int>(i);
    }
    EXPECT_GE(qi, 0) << query;
    int hits = 0;
    double rr = 0;
    for (size_t rank = 0; rank < r.suggestions[qi].size(); ++rank) {
      const std::string& id = input.attendees[r.suggestions[qi][rank].other].id;
      if (std::find(relevant.begin(), relevant.end(), id) != relevant.end()) {
        ++hits;
        if (rr == 0) rr = 1.0 / (rank + 1);
      }
    }
    // precision@5 normalised by what is attainable (min(5, |relevant|)), so a
    // query with one right answer scores 1 when that answer is in the top 5.
    m.precision_at_5 += static_cast<double>(hits) / std::min<size_t>(5, relevant.size());
    m.mrr += rr;
    ++queries;
  }
  m.precision_at_5 /= queries;
  m.mrr /= queries;
  return m;
}

TEST(SuggestEval, PrecisionAndMrrAboveFloors) {
  Metrics with = Evaluate(true);
  Metrics without = Evaluate(false);
  std::printf("thesaurus: precision@5 %.3f MRR %.3f | words only: precision@5 %.3f MRR %.3f\n", with.precision_at_5,
              with.mrr, without.precision_at_5, without.mrr);
  // Floors: a little under the measured values (see docs/performance-matching.md)
  // so a regression in stemming, the thesaurus or the scoring shows up, while
  // a small retuning of the constants does not break the build.
  // Round 6: measured 0.843 / 0.719 with the area files and the false-friend
  // sweep (generic words such as "wait" and "flow" are no longer terms).
  // Round 7 (1,427 concepts): 0.806 / 0.750; the precision floor moves from
  // 0.80 to 0.78 so that it is not within one query of the measured value.
  EXPECT_GE(with.precision_at_5, 0.78);
  EXPECT_GE(with.mrr, 0.70);
  // The thesaurus must carry the cross-language matches that words cannot.
  EXPECT_GT(with.precision_at_5, without.precision_at_5 + 0.2);
}

TEST(Suggest, DutchChallengeFindsEnglishExpertWithDutchExplanation) {
  json_io::Json doc = LoadEval();
  SuggestInput input = json_io::ParseSuggestInput(doc).value();
  SuggestResult r = Suggest(input, {}).value();
  // anja (nl) -> pieter (en): waiting lists meet lead times. (Since #20 karin,
  // whose roster expertise meets anja's other challenge directly, may rank
  // first; pieter must be right behind.)
  ASSERT_GE(r.suggestions[0].size(), 2u);
  size_t rank = 0;
  while (rank < 2 && input.attendees[r.suggestions[0][rank].other].id != "pieter") ++rank;
  ASSERT_LT(rank, 2u) << "pieter not in anja's top 2";
  const Suggestion& top = r.suggestions[0][rank];
  // Names anja's concept and pieter's linked one (his tag "lead time"), in Dutch.
  EXPECT_NE(top.explanation.find("wachtlijsten"), std::string::npos) << top.explanation;
  // His expertise holds two concepts linked to waiting lists ("lead time",
  // "bottlenecks"); the explanation names one of them in Dutch.
  EXPECT_TRUE(top.explanation.find("doorlooptijd en doorstroom") != std::string::npos ||
              top.explanation.find("knelpunten") != std::string::npos)
      << top.explanation;
  EXPECT_EQ(top.explanation.find("lead time"), std::string::npos) << top.explanation;
  EXPECT_NE(top.explanation.find("andere sector"), std::string::npos) << top.explanation;
  EXPECT_NE(top.explanation.find("online"), std::string::npos) << top.explanation;
}

TEST(Suggest, RequestsCountMostAndColleaguesArePenalised) {
  SuggestInput in;
  in.attendees = {{.id = "a", .sector = "care", .organization = "o1", .challenges = {"waiting lists"}},
                  {.id = "b", .sector = "care", .organization = "o1", .expertise_text = "waiting lists, queues"},
                  {.id = "c", .sector = "industry", .organization = "o2", .expertise_text = "lead time"},
                  {.id = "d", .sector = "finance", .organization = "o3", .expertise_text = "golf"}};
  in.requests = {{.from = 0, .to = 3}};
  SuggestResult r = Suggest(in, {}).value();
  ASSERT_GE(r.suggestions[0].size(), 2u);
  EXPECT_EQ(r.suggestions[0][0].other, 3);  // requested
  EXPECT_NE(r.suggestions[0][0].explanation.find("You asked to meet d"), std::string::npos);
  // The colleague with the exact expertise is still below the other sector's related one.
  EXPECT_EQ(r.suggestions[0][1].other, 2);
}

// A random instance of n attendees built from the evaluation set's texts,
// with ties (real and online-only) and requests.
SuggestInput RandomInstance(int n, int ties, int requests, unsigned seed) {
  SuggestInput eval = json_io::ParseSuggestInput(LoadEval()).value();
  std::mt19937 rng(seed);
  auto pick = [&](size_t k) { return static_cast<size_t>(rng() % k); };
  const char* sectors[] = {"care", "industry", "government", "education", "finance"};
  SuggestInput in;
  for (int i = 0; i < n; ++i) {
    const SuggestAttendee& a = eval.attendees[pick(eval.attendees.size())];
    const SuggestAttendee& b = eval.attendees[pick(eval.attendees.size())];
    SuggestAttendee x;
    x.id = "p" + std::to_string(i);
    x.sector = sectors[pick(5)];
    x.organization = "o" + std::to_string(pick(60));
    x.languages = a.languages;
    x.expertise_tags = b.expertise_tags;
    x.expertise_text = a.expertise_text;
    if (!a.challenges.empty()) x.challenges.push_back(a.challenges[pick(a.challenges.size())]);
    if (!b.challenges.empty() && rng() % 2) x.challenges.push_back(b.challenges[pick(b.challenges.size())]);
    in.attendees.push_back(std::move(x));
  }
  for (int k = 0; k < ties; ++k) {
    int a = static_cast<int>(pick(n)), b = static_cast<int>(pick(n));
    if (a != b) in.ties.push_back({.a = a, .b = b, .real = rng() % 2 == 0});
  }
  for (int k = 0; k < requests; ++k) {
    int a = static_cast<int>(pick(n)), b = static_cast<int>(pick(n));
    if (a != b) in.requests.push_back({.from = a, .to = b});
  }
  return in;
}

// The same suggestions: people, scores, explanations, concepts and words, in
// the same order; returns how many were listed.
int ExpectSameSuggestions(const SuggestResult& x, const SuggestResult& y, const std::string& what) {
  EXPECT_EQ(x.suggestions.size(), y.suggestions.size()) << what;
  int listed = 0;
  for (size_t i = 0; i < std::min(x.suggestions.size(), y.suggestions.size()); ++i) {
    EXPECT_EQ(x.suggestions[i].size(), y.suggestions[i].size()) << what << ", attendee " << i;
    for (size_t r = 0; r < std::min(x.suggestions[i].size(), y.suggestions[i].size()); ++r) {
      const Suggestion &a = x.suggestions[i][r], &b = y.suggestions[i][r];
      EXPECT_EQ(a.other, b.other) << what << ", attendee " << i << " rank " << r;
      EXPECT_EQ(a.score, b.score) << what << ", attendee " << i << " rank " << r;
      EXPECT_EQ(a.explanation, b.explanation) << what << ", attendee " << i << " rank " << r;
      EXPECT_EQ(a.matched_concepts, b.matched_concepts) << what << ", attendee " << i << " rank " << r;
      EXPECT_EQ(a.matched_words, b.matched_words) << what << ", attendee " << i << " rank " << r;
      EXPECT_EQ(a.matched_terms, b.matched_terms) << what << ", attendee " << i << " rank " << r;
      ++listed;
    }
  }
  return listed;
}

// The pre-filter (inverted index + best-bound-first scoring with early stop)
// must give exactly the exhaustive result: same people, scores and
// explanations, in the same order.
TEST(Suggest, PrefilteredTopKEqualsExhaustiveTopK) {
  const int n = 400;
  const SuggestInput in = RandomInstance(n, 300, 100, 7);
  for (int top_k : {1, 5, 25}) {
    SuggestOptions fast, exhaustive;
    fast.top_k = exhaustive.top_k = top_k;
    exhaustive.prefilter = false;
    SuggestResult x = Suggest(in, fast).value();
    SuggestResult y = Suggest(in, exhaustive).value();
    const int listed = ExpectSameSuggestions(x, y, "top " + std::to_string(top_k));
    EXPECT_GT(listed, n * std::min(top_k, 5) / 2) << "the instance should give most people suggestions";
  }
}

// only_for: one attendee's list, exactly as in the run for everyone; the
// others stay empty; an index out of range names the field.
TEST(Suggest, OnlyForGivesThatAttendeesListAlone) {
  const int n = 300;
  const SuggestInput in = RandomInstance(n, 200, 60, 5);
  const SuggestResult all = Suggest(in, {}).value();
  int checked = 0;
  for (int who : {0, 17, n - 1}) {
    SuggestOptions one;
    one.only_for = who;
    const SuggestResult r = Suggest(in, one).value();
    ASSERT_EQ(r.suggestions.size(), static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
      if (i != who) EXPECT_TRUE(r.suggestions[i].empty()) << "attendee " << i;
    }
    SuggestResult mine, theirs;
    mine.suggestions = {r.suggestions[who]};
    theirs.suggestions = {all.suggestions[who]};
    checked += ExpectSameSuggestions(mine, theirs, "only_for " + std::to_string(who));
  }
  EXPECT_GT(checked, 0);
  SuggestOptions out_of_range;
  out_of_range.only_for = n;
  Result<SuggestResult> bad = Suggest(in, out_of_range);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().field(), "only_for");
}

// Split over threads (each taking chunks of attendees with scratch of its
// own), Suggest gives what one thread gives, and what scoring every pair
// gives. 1,200 attendees, so that three threads really run (at least 256 each).
TEST(Suggest, ThreadsGiveTheSameSuggestionsAsOneThread) {
  const int n = 1200;
  SuggestInput in = RandomInstance(n, 900, 300, 11);
  in.confirmed_meetings = {{"Our waiting lists for district nursing keep growing", "Queueing theory and rostering"}};
  SuggestOptions one{.top_k = 5, .threads = 1};
  SuggestOptions three{.top_k = 5, .threads = 3};
  SuggestOptions every_pair{.top_k = 5, .prefilter = false, .threads = 3};
  SuggestResult x = Suggest(in, one).value();
  const int listed = ExpectSameSuggestions(x, Suggest(in, three).value(), "three threads");
  ExpectSameSuggestions(x, Suggest(in, every_pair).value(), "every pair, three threads");
  EXPECT_GT(listed, n * 5 / 2) << "the instance should give most people suggestions";
}

json_io::Json LoadJson(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return json_io::Json::parse(ss.str());
}

// Issue #20: 64 labelled pairs (challenge and expertise share no word), each
// query ranked against 268 profiles. Floors are the measured values rounded
// down (docs/performance-matching.md, "Suggestions: quality and speed"); the
// issue's goal (hit@5 >= 0.9, MRR >= 0.8) is NOT reached yet, see the docs.
TEST(SuggestEval, LabelledPairsAboveFloors) {
  const std::string dir = "../../bench/matching/suggest_eval/";
  Result<SuggestEvalSet> set = LoadSuggestEvalSet(LoadJson(dir + "pairs.json"), LoadJson(dir + "pool.json"));
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  ASSERT_EQ(set->pairs.size(), 64u);
  ASSERT_GE(set->input.attendees.size(), 200u);
  SuggestEvalReport with = EvaluateSuggest(*set, {}).value();
  SuggestOptions words;
  words.use_thesaurus = false;
  SuggestEvalReport without = EvaluateSuggest(*set, words).value();
  std::printf("all: hit@1 %.3f hit@5 %.3f MRR %.3f | held out: hit@5 %.3f MRR %.3f | words only: hit@5 %.3f\n",
              with.all.hit_at_1, with.all.hit_at_5, with.all.mrr, with.odd.hit_at_5, with.odd.mrr,
              without.all.hit_at_5);
  EXPECT_GE(with.all.hit_at_5, kEvalHitAt5Floor);
  EXPECT_GE(with.all.mrr, kEvalMrrFloor);
  EXPECT_GE(with.odd.hit_at_5, kEvalHeldOutHitAt5Floor);
  EXPECT_LT(without.all.hit_at_5, 0.1);  // the pairs really share no word
  // Every target found in the top 5 is explained through a concept, named
  // in the reader's language.
  EXPECT_EQ(with.all.explained, with.all.hits_at_5);
}

// The blind set (bench/matching/suggest_eval/heldout_pairs.json, 24 pairs
// written before round 2's tuning and never tuned on), ranked against its own
// profiles plus pairs.json and pool.json: floors under the measured values.
TEST(SuggestEval, BlindHeldOutPairsAboveFloors) {
  const std::string dir = "../../bench/matching/suggest_eval/";
  json_io::Json pool = LoadJson(dir + "pool.json");
  const json_io::Json pairs = LoadJson(dir + "pairs.json");
  for (const json_io::Json& a : pairs["attendees"]) pool["attendees"].push_back(a);
  Result<SuggestEvalSet> set = LoadSuggestEvalSet(LoadJson(dir + "heldout_pairs.json"), pool);
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  ASSERT_EQ(set->pairs.size(), 24u);
  SuggestEvalReport r = EvaluateSuggest(*set, {}).value();
  SuggestOptions words;
  words.use_thesaurus = false;
  SuggestEvalReport without = EvaluateSuggest(*set, words).value();
  std::printf("blind: hit@1 %.3f hit@5 %.3f MRR %.3f | words only: hit@5 %.3f\n", r.all.hit_at_1, r.all.hit_at_5,
              r.all.mrr, without.all.hit_at_5);
  EXPECT_GE(r.all.hit_at_5, kBlindHitAt5Floor);
  EXPECT_GE(r.all.mrr, kBlindMrrFloor);
  EXPECT_LT(without.all.hit_at_5, 0.1);  // the pairs share no word
  // Not every top-5 target of this set is explained through a concept (6 of
  // 7: one ranks on the other direction and the sector bonus alone).
  EXPECT_GE(r.all.explained, r.all.hits_at_5 - 1);
}

// A Dutch member's challenge and an English expert share no word; the match
// goes through the thesaurus (and a compound split), and the explanation is
// in Dutch and names the concept.
TEST(Suggest, CrossLanguageMatchWithoutASharedWord) {
  SuggestInput in =
      NurseEngineerAndBanker("Onze wijkverpleegkundigen verliezen veel tijd met rijden door de stad.",
                             {"vehicle routing"}, "I optimise delivery vans: fewer kilometres, more stops.");
  SuggestResult r = Suggest(in, {}).value();
  ASSERT_FALSE(r.suggestions[0].empty());
  const Suggestion& top = r.suggestions[0][0];
  EXPECT_EQ(top.other, 1);
  EXPECT_NE(top.explanation.find("routeplanning"), std::string::npos) << top.explanation;
  EXPECT_EQ(top.explanation.find("route planning"), std::string::npos) << top.explanation;
  for (const Suggestion& s : r.suggestions[0]) EXPECT_NE(s.other, 2) << "no shared concept, no word";
}

// The same need met by an exact concept, by a narrower one and by a broader
// one: exact scores highest, broader/narrower lower but above nothing; each
// explanation names both concepts in the reader's language.
TEST(Suggest, BroaderAndNarrowerMatchesScoreBelowExact) {
  SuggestInput in;
  in.attendees = {
      {.id = "q", .sector = "care", .languages = {"nl"}, .challenges = {"Hoe doen wij onze capaciteitsplanning?"}},
      {.id = "exact", .sector = "industry", .languages = {"en"}, .expertise_text = "capacity planning"},
      {.id = "narrower", .sector = "industry", .languages = {"en"}, .expertise_text = "queueing theory"},
      {.id = "broader", .sector = "industry", .languages = {"en"}, .expertise_text = "operations management"},
      {.id = "q_en", .sector = "care", .languages = {"en"}, .challenges = {"How should we plan our capacity?"}},
  };
  SuggestResult r = Suggest(in, SuggestOptions{.top_k = 4}).value();
  std::map<int, const Suggestion*> by_other;
  for (const Suggestion& s : r.suggestions[0]) by_other[s.other] = &s;
  ASSERT_TRUE(by_other.count(1) && by_other.count(2) && by_other.count(3));
  EXPECT_GT(by_other[1]->score, by_other[2]->score);
  EXPECT_GT(by_other[1]->score, by_other[3]->score);
  EXPECT_GT(by_other[2]->score, 0.15);  // more than the cross-sector bonus alone
  EXPECT_NE(by_other[2]->explanation.find("capaciteitsplanning"), std::string::npos) << by_other[2]->explanation;
  EXPECT_NE(by_other[2]->explanation.find("wachtrijtheorie"), std::string::npos) << by_other[2]->explanation;
  EXPECT_NE(by_other[2]->explanation.find("onderdeel"), std::string::npos) << by_other[2]->explanation;
  EXPECT_NE(by_other[3]->explanation.find("bredere vak"), std::string::npos) << by_other[3]->explanation;
  // The English reader gets the English labels.
  bool found = false;
  for (const Suggestion& s : r.suggestions[4]) {
    if (s.other != 2) continue;
    found = true;
    EXPECT_NE(s.explanation.find("queueing theory"), std::string::npos) << s.explanation;
    EXPECT_NE(s.explanation.find("capacity planning"), std::string::npos) << s.explanation;
    EXPECT_EQ(s.explanation.find("wachtrijtheorie"), std::string::npos) << s.explanation;
  }
  EXPECT_TRUE(found);
}

// Round 6: an expert in a narrower concept of the need (a specialist in a
// part of it) scores more than one in a broader concept (the general field).
// The link's value uses the smaller idf of the two concepts either way, so
// the two pairs below differ only in the direction of the link.
// An English-speaking attendee with one challenge or one expertise text.
SuggestAttendee Person(std::string id, std::string sector, std::string expertise, std::string challenge) {
  SuggestAttendee a;
  a.id = std::move(id);
  a.sector = std::move(sector);
  a.languages = {"en"};
  a.expertise_text = std::move(expertise);
  if (!challenge.empty()) a.challenges.push_back(std::move(challenge));
  return a;
}

TEST(Suggest, SpecialistInAPartOfTheNeedScoresAboveGeneralist) {
  const Thesaurus& t = Thesaurus::Default();
  const int capacity = t.FindConcept("capacity_planning"), queueing = t.FindConcept("queueing");
  ASSERT_GE(capacity, 0);
  ASSERT_GE(queueing, 0);
  ASSERT_EQ(t.Relation(capacity, queueing), ConceptRelation::kNarrower);
  SuggestInput in;
  in.attendees = {
      Person("needs_capacity", "care", "", "capacity planning"),
      Person("needs_queueing", "care", "", "queueing theory"),
      Person("queueing_expert", "industry", "queueing theory", ""),
      Person("capacity_expert", "industry", "capacity planning", ""),
  };
  SuggestOptions options;
  options.top_k = 3;
  SuggestResult r = Suggest(in, options).value();
  auto score = [&](int i, int j) {
    for (const Suggestion& s : r.suggestions[i])
      if (s.other == j) return s.score;
    return -1.0;
  };
  const double specialist = score(0, 2);  // need: capacity planning; expert: queueing theory (narrower)
  const double generalist = score(1, 3);  // need: queueing theory; expert: capacity planning (broader)
  ASSERT_GT(generalist, 0);
  EXPECT_GT(specialist, generalist);
  // Both stay below the exact match.
  EXPECT_GT(score(0, 3), specialist);
  EXPECT_GT(score(1, 2), specialist);
}

// Of two needs named in one challenge, the one few experts hold says more
// than the one most of them claim (idf over the attendees' expertise): the
// one fraud expert ranks above the five waiting-list experts, although an id
// order would put it last.
TEST(Suggest, RareConceptOutranksOneMostExpertsClaim) {
  SuggestInput in;
  in.attendees.push_back(Person("q", "care", "", "Our waiting lists grow and we suspect fraud."));
  for (int k = 0; k < 5; ++k) in.attendees.push_back(Person("a" + std::to_string(k), "industry", "waiting lists", ""));
  in.attendees.push_back(Person("zz_fraud", "industry", "fraud", ""));
  SuggestOptions options;
  options.top_k = 6;
  SuggestResult r = Suggest(in, options).value();
  ASSERT_EQ(r.suggestions[0].size(), 6u);
  EXPECT_EQ(r.suggestions[0][0].other, 6) << r.suggestions[0][0].explanation;
  EXPECT_GT(r.suggestions[0][0].score, r.suggestions[0][1].score);
  EXPECT_NE(r.suggestions[0][0].explanation.find("fraud"), std::string::npos) << r.suggestions[0][0].explanation;
}

// A broad concept whose narrower concepts many experts hold says little
// (its idf counts everyone holding it or a part of it): the one fraud
// expert ranks above the one expert in maintenance in general, whom four
// predictive-maintenance experts surround; counting only exact holders,
// both would score the same and the id order would put "m" first.
TEST(Suggest, BroadConceptWhosePartsManyHoldCountsLess) {
  const Thesaurus& t = Thesaurus::Default();
  const int maintenance = t.FindConcept("maintenance"), predictive = t.FindConcept("predictive_maintenance");
  ASSERT_GE(maintenance, 0);
  ASSERT_GE(predictive, 0);
  ASSERT_EQ(t.Relation(maintenance, predictive), ConceptRelation::kNarrower);
  SuggestInput in;
  in.attendees.push_back(Person("q", "care", "", "Our machines break down and we suspect fraud."));
  for (int k = 0; k < 4; ++k)
    in.attendees.push_back(Person("p" + std::to_string(k), "industry", "predictive maintenance", ""));
  in.attendees.push_back(Person("m", "industry", "maintenance", ""));
  in.attendees.push_back(Person("z_fraud", "industry", "fraud", ""));
  SuggestOptions options;
  options.top_k = 6;
  SuggestResult r = Suggest(in, options).value();
  std::map<int, double> score;
  for (const Suggestion& s : r.suggestions[0]) score[s.other] = s.score;
  ASSERT_TRUE(score.count(5) && score.count(6));
  EXPECT_GT(score[6], score[5]);
  EXPECT_EQ(r.suggestions[0][0].other, 6) << r.suggestions[0][0].explanation;
}

// The pre-filter's backward bound reads a link from the other end
// (Link::reverse_factor): it must be exactly the factor stored there, for
// every link of the thesaurus, and a narrower link weighs more than a
// broader one.
TEST(SuggestScoring, LinkFactorsAreConsistentFromBothEnds) {
  const auto& links = scoring::ConceptLinks();
  int narrower = 0;
  for (size_t c = 0; c < links.size(); ++c) {
    for (const scoring::Link& l : links[c]) {
      const scoring::Link* back = nullptr;
      for (const scoring::Link& m : links[l.other])
        if (m.other == static_cast<int>(c)) back = &m;
      ASSERT_NE(back, nullptr) << c << " -> " << l.other;
      EXPECT_EQ(back->factor, l.reverse_factor) << c << " -> " << l.other;
      EXPECT_EQ(back->reverse_factor, l.factor) << c << " -> " << l.other;
      if (l.relation == ConceptRelation::kNarrower) {
        ++narrower;
        EXPECT_EQ(back->relation, ConceptRelation::kBroader);
        EXPECT_GT(l.factor, back->factor);
      }
    }
  }
  EXPECT_GT(narrower, 10);
}

// Round 7: a shared group of people ("pupils") says less about whether an
// expert can help than the need itself ("bullying"): the bullying expert
// ranks first, although both hold one concept of the challenge, each held by
// one attendee, and the id order would put the pupils' one first.
TEST(Suggest, SharedGroupOfPeopleCountsLessThanTheNeed) {
  SuggestInput in;
  in.attendees = {
      Person("q", "care", "", "Our pupils are bullied."),
      Person("a_pupils", "industry", "pupils", ""),
      Person("z_bullying", "industry", "bullying", ""),
  };
  SuggestOptions options;
  options.top_k = 2;
  SuggestResult r = Suggest(in, options).value();
  ASSERT_EQ(r.suggestions[0].size(), 2u);
  EXPECT_EQ(r.suggestions[0][0].other, 2) << r.suggestions[0][0].explanation;
  EXPECT_GT(r.suggestions[0][0].score, r.suggestions[0][1].score);
}

// Round 7: a need and an expertise without a link of their own meet through
// one concept between them, for less than a direct link, and the explanation
// names the concept in between. The triple comes from the shipped thesaurus
// (the first two-step link whose terms fire only their own concept).
TEST(Suggest, TwoStepLinkMeetsTheNeedBelowADirectLinkAndNamesTheStepBetween) {
  const Thesaurus& t = Thesaurus::Default();
  const auto& links = scoring::ConceptLinks();
  TextAnalyzer analyzer;
  auto only = [&](int c) -> std::string {  // a term of c that finds c alone, or ""
    for (const std::string& term : t.concepts()[c].terms) {
      if (analyzer.Analyze(term, Language::kEnglish).concepts == std::vector<int>{c}) return term;
    }
    return "";
  };
  int need = -1;
  const scoring::Link* path = nullptr;
  for (size_t c = 0; c < links.size() && !path; ++c) {
    if (only(static_cast<int>(c)).empty()) continue;
    for (const scoring::Link& l : links[c]) {
      if (l.relation != ConceptRelation::kTwoSteps || only(l.other).empty() || only(l.via).empty()) continue;
      need = static_cast<int>(c);
      path = &l;
      break;
    }
  }
  ASSERT_NE(path, nullptr);
  EXPECT_EQ(t.Relation(need, path->other), ConceptRelation::kNone);
  EXPECT_NE(t.Relation(need, path->via), ConceptRelation::kNone);
  EXPECT_NE(t.Relation(path->via, path->other), ConceptRelation::kNone);
  SuggestInput in;
  in.attendees = {
      Person("q", "care", "", only(need)),
      Person("a_two_steps", "industry", only(path->other), ""),
      Person("z_direct", "industry", only(path->via), ""),
  };
  SuggestOptions options;
  options.top_k = 2;
  SuggestResult r = Suggest(in, options).value();
  ASSERT_EQ(r.suggestions[0].size(), 2u) << t.concepts()[need].id << " -> " << t.concepts()[path->other].id;
  EXPECT_EQ(r.suggestions[0][0].other, 2);
  EXPECT_GT(r.suggestions[0][0].score, r.suggestions[0][1].score);
  const Suggestion& two = r.suggestions[0][1];
  EXPECT_EQ(two.other, 1);
  EXPECT_GT(two.score, 0);
  const std::string via = t.concepts()[path->via].label_en;
  EXPECT_NE(two.explanation.find("through " + via), std::string::npos) << two.explanation;
}

TEST(Suggest, InvalidInputNamesThePlace) {
  SuggestInput in;
  in.attendees = {{.id = "a"}, {.id = "a"}};
  EXPECT_EQ(ValidateSuggestInput(in).field(), "attendees[1].id");
}

}  // namespace
}  // namespace verbinder::matching
