// Internal to suggest.cpp / suggest_explain.cpp: the reasons behind one scored
// pair, from which the explanation is written.
#pragma once

#include <string>
#include <vector>

#include "matching/suggest.h"

namespace verbinder::matching::internal {

struct PairReasons {
  std::vector<int> direct_concepts;    // in i's challenges and j's expertise
  std::vector<int> related_concepts;   // j's expertise concepts related to i's challenge concepts
  std::vector<int> reverse_concepts;   // i can help j with these
  std::vector<std::string> shared_terms;
  std::string challenge;               // i's challenge that matched best
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
