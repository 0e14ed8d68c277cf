// The bilingual concept thesaurus of the network's domain (care, industry,
// government, education), shipped inside the binary from data/thesaurus.tsv.
// Each concept has a Dutch and an English label (used in explanations), terms
// in both languages, and related concepts (a waiting list is related to lead
// time: a care challenge finds an industry expert).
//
//   const Thesaurus& t = Thesaurus::Default();
//   int k = t.FindConcept("waiting_list");
//   t.concepts()[k].label_nl;   // "wachtlijsten"
//
// Thread-safety: Default() is built once (thread-safe static init) and is
// immutable afterwards; concurrent reads are safe.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "util/status.h"

namespace verbinder::matching {

struct Concept {
  std::string id;
  std::string label_en;
  std::string label_nl;
  std::vector<std::string> terms;  // raw, lowercase, as written in the file
  std::vector<int> related;        // concept indices
};

// A term as a sequence of tokens; each token matches a text token when one of
// its Dutch/English stems equals one of the text token's stems.
struct TermPattern {
  int concept_index = 0;
  std::vector<std::vector<std::string>> token_stems;  // per token: {nl stem, en stem}
  std::string raw;                                    // single-token raw term, for compounds
};

class Thesaurus {
 public:
  // Parses the TSV format described at the top of data/thesaurus.tsv.
  static Result<Thesaurus> Parse(std::string_view tsv);
  static const Thesaurus& Default();

  const std::vector<Concept>& concepts() const { return concepts_; }
  int FindConcept(std::string_view id) const;  // -1 if unknown
  // Patterns whose first token has `stem` among its stems.
  const std::vector<int>* PatternsStartingWith(const std::string& stem) const;
  const std::vector<TermPattern>& patterns() const { return patterns_; }
  // Single-token raw terms of >= 6 letters, matched inside Dutch compounds.
  const std::vector<int>& compound_patterns() const { return compound_patterns_; }

 private:
  std::vector<Concept> concepts_;
  std::vector<TermPattern> patterns_;
  std::unordered_map<std::string, std::vector<int>> by_first_stem_;
  std::vector<int> compound_patterns_;
};

}  // namespace verbinder::matching
