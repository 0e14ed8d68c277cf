// Internal to suggest.cpp / suggest_explain.cpp: the reasons behind one scored
// pair, from which the explanation is written.
#pragma once

#include <string>
#include <vector>

#include "matching/suggest.h"
#include "matching/thesaurus.h"

namespace verbinder::matching::internal {

// A concept of the other's expertise reached from a concept of my challenge
// through the thesaurus (broader, narrower, related or sibling).
struct ConceptLinkReason {
  int challenge_concept = 0;
  int expertise_concept = 0;
  ConceptRelation relation = ConceptRelation::kNone;
  double weight = 0;  // its share of the relevance
};

struct PairReasons {
  std::vector<int> direct_concepts;      // in i's challenges and j's expertise
  std::vector<int> related_concepts;     // j's expertise concepts linked to i's challenge concepts
  std::vector<ConceptLinkReason> links;  // the same, with the link behind each, strongest first
  std::vector<int> reverse_concepts;     // i can help j with these
  std::vector<std::string> shared_terms;
  std::string challenge;  // i's challenge that matched best
  bool cross_sector = false;
  bool online_only_tie = false;
  bool met_before = false;
  bool colleagues = false;
  bool requested_by_me = false;
  bool requested_by_them = false;
};

// Plain-language explanation in Dutch (nl = true) or English.
std::string Explain(const SuggestAttendee& me, const SuggestAttendee& other, const PairReasons& reasons, bool nl);

}  // namespace verbinder::matching::internal
