// The bilingual concept thesaurus of the network's domain (care, industry,
// government, education, finance), shipped inside the binary from
// data/thesaurus.tsv. Each concept has a Dutch and an English label (used in
// explanations), terms in both languages, related concepts (a waiting list is
// related to lead time: a care challenge finds an industry expert) and broader
// concepts (queueing theory is part of capacity planning). It also holds the
// vocabulary that Dutch compounds are split against (text.h).
//
//   const Thesaurus& t = Thesaurus::Default();
//   int k = t.FindConcept("waiting_list");
//   t.concepts()[k].label_nl;   // "wachtlijsten"
//
// Thread-safety: Default() is built once (thread-safe static init) and is
// immutable afterwards; concurrent reads are safe.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "util/status.h"

namespace verbinder::matching {

struct Concept {
  std::string id;
  std::string label_en;
  std::string label_nl;
  std::vector<std::string> terms;  // raw, lowercase, as written in the file
  std::vector<int> related;        // concept indices
  std::vector<int> broader;        // concept indices (file column 6)
  std::vector<int> narrower;       // inverse of broader
  // A group of people ("pupils and students", "older people", "teachers"):
  // who a text is about or who the writer is, not what is needed or known.
  // Named on an "@context" line of the file.
  bool context = false;
};

// How concept e relates to concept c (as seen from c).
// kTwoSteps and kLearned are never returned by Thesaurus::Relation: the
// suggestion engine uses them for two concepts linked only through a third
// one, and for two concepts that met in a meeting the network confirmed as
// useful (SuggestInput::confirmed_meetings).
enum class ConceptRelation { kNone, kSame, kBroader, kNarrower, kRelated, kSibling, kTwoSteps, kLearned };

// A term as a sequence of tokens; each token matches a text token when one of
// its Dutch/English stems equals one of the text token's stems.
// Stop words inside a phrase are dropped when two content words remain
// ("stoppen met de studie" -> stoppen, studie), and the content words then
// match in order with at most kMaxGap other content words between them
// ("stoppen na een paar maanden met hun studie"). Otherwise ("run out") the
// tokens must follow each other exactly.
struct TermPattern {
  static constexpr int kMaxGap = 2;
  int concept_index = 0;
  std::vector<std::vector<std::string>> token_stems;  // per token: {nl stem, en stem}
  std::string raw;                                    // single-token raw term, for compounds
  bool exact = false;                                 // no gaps allowed
};

class Thesaurus {
 public:
  // Parses the TSV format described at the top of data/thesaurus.tsv.
  static Result<Thesaurus> Parse(std::string_view tsv);
  // The shipped thesaurus (data/thesaurus*.tsv, compiled in), or the text
  // given to ConfigureDefault.
  static const Thesaurus& Default();
  // Replaces the compiled-in text Default() parses; only effective before its
  // first call. For tools that check edited data files without a rebuild
  // (suggest_eval_bench --data); the text must parse (check with Parse first).
  static void ConfigureDefault(std::string tsv);

  const std::vector<Concept>& concepts() const { return concepts_; }
  int FindConcept(std::string_view id) const;  // -1 if unknown
  // Patterns whose first token has `stem` among its stems.
  const std::vector<int>* PatternsStartingWith(const std::string& stem) const;
  const std::vector<TermPattern>& patterns() const { return patterns_; }
  // True when `stem` (Dutch or English) is a whole single-token term: such a
  // word is never split as a compound.
  bool IsSingleTokenTerm(const std::string& stem) const { return single_token_stems_.count(stem) > 0; }
  // The patterns of single-token raw terms of >= 6 letters that occur inside
  // `token` with at least 3 more bytes around them (Dutch compounds the split
  // misses: "wachtlijstprobleem" holds "wachtlijst"), into `out`, sorted and
  // unique. One hash lookup per substring of a term's length, not one scan
  // per term (the scan was a fifth of a 5,000-attendee Suggest).
  void CompoundPatternsIn(std::string_view token, std::vector<int>* out) const;
  // Words a compound may be split into: every single-token term plus the
  // extra parts listed on '+' lines of the file (raw, lowercase), and their
  // Dutch stems (for an inflected last part: "...verpleegkundigen").
  bool IsCompoundPart(const std::string& raw) const { return compound_words_.count(raw) > 0; }
  bool IsCompoundPartStem(const std::string& stem) const { return compound_stems_.count(stem) > 0; }
  // The closest relation from c to e: same, e broader/narrower than c (one
  // hop), related (either direction), sibling (a shared broader concept).
  ConceptRelation Relation(int c, int e) const;

 private:
  std::vector<Concept> concepts_;
  std::unordered_map<std::string, int> index_;  // concept id -> index
  std::vector<TermPattern> patterns_;
  std::unordered_map<std::string, std::vector<int>> by_first_stem_;
  // Hashes std::string and std::string_view alike, so a substring is looked
  // up without a copy.
  struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::vector<int>, StringHash, std::equal_to<>> compound_patterns_;  // raw -> patterns
  std::vector<size_t> compound_lengths_;  // the raw lengths in compound_patterns_, ascending
  std::unordered_set<std::string> compound_words_;
  std::unordered_set<std::string> single_token_stems_;
  std::unordered_set<std::string> compound_stems_;
};

}  // namespace verbinder::matching
