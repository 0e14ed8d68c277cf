// The labelled evaluation of `Suggest` (issue #20): query members whose
// challenge is met by one labelled target member, ranked against every
// profile of the set plus a pool of distractors; reports hit@1, hit@5 and MRR
// for the tuning half (even pair ids), the held-out half (odd ids) and all,
// and checks that each top-5 explanation names a linking concept in the
// reader's language. Data: bench/matching/suggest_eval/{pairs,pool}.json.
//
//   SuggestEvalSet set = LoadSuggestEvalSet(pairs_json, pool_json).value();
//   SuggestEvalReport r = EvaluateSuggest(set, SuggestOptions{});
//   r.all.hit_at_5;   // share of queries whose target is in the top 5
//
// Thread-safety: stateless functions.
#pragma once

#include <string>
#include <vector>

#include "matching/json_common.h"
#include "matching/suggest.h"

namespace verbinder::matching {

struct SuggestEvalPair {
  int id = 0;
  int query = 0;  // index into SuggestEvalSet::input.attendees
  int target = 0;
  std::string kind;  // "nl", "en" or "mixed"
};

struct SuggestEvalSet {
  SuggestInput input;  // pair profiles first, then the pool
  std::vector<SuggestEvalPair> pairs;
};

struct SuggestEvalMetrics {
  int queries = 0;
  double hit_at_1 = 0;
  double hit_at_5 = 0;
  double mrr = 0;  // reciprocal rank, 0 beyond SuggestEvalOptions::depth
  // Top-5 hits whose explanation names a linking concept in the reader's
  // language, or, for a match through the lexicon only, the two linked words.
  int explained = 0;
  int hits_at_5 = 0;
};

// Candidates with equal scores are listed by id, which in a labelled set would
// decide for or against the target by how it is named; so the metrics count
// the target as equally likely at each place it ties for (expected hit@1,
// hit@5 and reciprocal rank under a random order of ties).
struct SuggestEvalOutcome {
  int pair_id = 0;
  int rank = 0;                                            // 1-based place in the engine's list; 0 = not within depth
  double hit_at_1 = 0, hit_at_5 = 0, reciprocal_rank = 0;  // tie-aware, see above
  std::string explanation;                                 // of the target's suggestion, when ranked
  bool names_concept = false;
  std::vector<int> top;  // the query's first five suggestions (attendee indices)
  // Suggestion::matched_concepts of the target (when ranked) and of the
  // query's first suggestion: whether the target lost within its concept.
  std::vector<int> target_concepts, first_concepts;
};

struct SuggestEvalReport {
  SuggestEvalMetrics even, odd, all;         // even ids: tuning half; odd ids: held out
  std::vector<SuggestEvalOutcome> outcomes;  // one per pair, in pair order
};

// Reads pairs.json ({"pairs": [{id, query, target, kind}], "attendees": [...]})
// and pool.json ({"attendees": [...]}); attendee records as for `verbinder
// suggest`. Errors name the place ("pairs[3].target").
Result<SuggestEvalSet> LoadSuggestEvalSet(const json_io::Json& pairs_doc, const json_io::Json& pool_doc);

// Runs Suggest once over the whole set (top_k = depth) and scores every pair.
Result<SuggestEvalReport> EvaluateSuggest(const SuggestEvalSet& set, SuggestOptions options, int depth = 50);

}  // namespace verbinder::matching
