// Test helpers shared by the thesaurus tests (text_test and the area files'
// tests): does a text analysis hold a concept, which ids does it hold, and do
// a challenge and an expertise meet through some related pair of concepts.
// Header-only, for tests.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>

#include "matching/text.h"
#include "matching/thesaurus.h"

namespace verbinder::matching::thesaurus_test {

inline constexpr Language kNl = Language::kDutch;
inline constexpr Language kEn = Language::kEnglish;

inline bool HasConcept(const TextAnalysis& a, std::string_view id, const Thesaurus& t = Thesaurus::Default()) {
  int k = t.FindConcept(id);
  return k >= 0 && std::binary_search(a.concepts.begin(), a.concepts.end(), k);
}

// "id id id " — for failure messages.
inline std::string ConceptIds(const TextAnalysis& a, const Thesaurus& t = Thesaurus::Default()) {
  std::string out;
  for (int k : a.concepts) out += t.concepts()[k].id + " ";
  return out;
}

// Some concept of the challenge is the same as, broader/narrower than, related
// to or a sibling of some concept of the expertise; with `own_prefix`, one of
// the two must also be a concept whose id starts with it (that file's work).
inline bool AnyRelated(const TextAnalysis& challenge, const TextAnalysis& expertise, std::string_view own_prefix = {}) {
  const Thesaurus& t = Thesaurus::Default();
  auto own = [&](int k) { return t.concepts()[k].id.rfind(own_prefix, 0) == 0; };
  for (int c : challenge.concepts) {
    for (int e : expertise.concepts) {
      if (t.Relation(c, e) != ConceptRelation::kNone && (own_prefix.empty() || own(c) || own(e))) return true;
    }
  }
  return false;
}

}  // namespace verbinder::matching::thesaurus_test
