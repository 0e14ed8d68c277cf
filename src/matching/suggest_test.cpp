// Relevance: the labelled evaluation set (testdata/eval_relevance.json, Dutch
// and English mixed) with precision@5 and MRR floors, the baseline without the
// thesaurus, and the explanation contract.
#include "matching/suggest.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "matching/suggest_json.h"

namespace verbinder::matching {
namespace {

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
  std::printf("thesaurus: precision@5 %.3f MRR %.3f | words only: precision@5 %.3f MRR %.3f\n",
              with.precision_at_5, with.mrr, without.precision_at_5, without.mrr);
  // Floors: a little under the measured values (see docs/performance-matching.md)
  // so a regression in stemming, the thesaurus or the scoring shows up, while
  // a small retuning of the constants does not break the build.
  EXPECT_GE(with.precision_at_5, 0.80);
  EXPECT_GE(with.mrr, 0.75);
  // The thesaurus must carry the cross-language matches that words cannot.
  EXPECT_GT(with.precision_at_5, without.precision_at_5 + 0.2);
}

TEST(Suggest, DutchChallengeFindsEnglishExpertWithDutchExplanation) {
  json_io::Json doc = LoadEval();
  SuggestInput input = json_io::ParseSuggestInput(doc).value();
  SuggestResult r = Suggest(input, {}).value();
  // anja (nl) -> pieter (en): waiting lists meet lead times.
  ASSERT_FALSE(r.suggestions[0].empty());
  const Suggestion& top = r.suggestions[0][0];
  EXPECT_EQ(input.attendees[top.other].id, "pieter");
  EXPECT_NE(top.explanation.find("doorlooptijd"), std::string::npos) << top.explanation;
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

TEST(Suggest, InvalidInputNamesThePlace) {
  SuggestInput in;
  in.attendees = {{.id = "a"}, {.id = "a"}};
  EXPECT_EQ(ValidateSuggestInput(in).field(), "attendees[1].id");
}

}  // namespace
}  // namespace verbinder::matching
