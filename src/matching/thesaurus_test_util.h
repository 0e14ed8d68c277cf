// Test helpers shared by the thesaurus tests (text_test and the area files'
// tests): does a text analysis hold a concept, which ids does it hold, do a
// challenge and an expertise meet through some related pair of concepts, the
// '=' lines of one data file, which terms do not find their own concept, and the
// loops the area and false-friend files share (area pairs, sentences that must
// or must not find a concept).
// Header-only, for tests.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "matching/suggest.h"
#include "matching/text.h"
#include "matching/thesaurus.h"
#include "util/strings.h"

namespace verbinder::matching {
namespace internal {
extern const std::string_view kThesaurusTsv;  // thesaurus_data.cpp (generated from data/thesaurus*.tsv)
}  // namespace internal
}  // namespace verbinder::matching

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

// How an attendee with `challenge` would see one with `expertise` (another
// sector) in the suggestions, explained in `language` ("nl"/"en"): the
// suggestion, or none (score 0, no concepts) when they do not meet through a
// concept. What `suggest_eval_bench meet` prints.
inline Suggestion Meet(std::string_view challenge, std::string_view expertise, const std::string& language = "nl") {
  SuggestAttendee need, expert;
  need.id = need.sector = "a";
  need.languages = {language};
  need.challenges = {std::string(challenge)};
  expert.id = expert.sector = "b";
  expert.languages = {language};
  expert.expertise_text = std::string(expertise);
  SuggestInput in;
  in.attendees = {need, expert};
  SuggestOptions options;
  options.top_k = 1;
  options.language = language;
  Result<SuggestResult> result = Suggest(in, options);
  if (!result.ok() || result->suggestions[0].empty() || result->suggestions[0][0].matched_concepts.empty()) return {};
  return result->suggestions[0][0];
}

// The ids of the concepts behind a Meet ("id id "), for failure messages and checks.
inline std::string MatchedIds(const Suggestion& s) {
  std::string out;
  for (int k : s.matched_concepts) out += Thesaurus::Default().concepts()[k].id + " ";
  return out;
}

// A realistic member case (data/thesaurus_cases_*.tsv): a challenge, the
// expertise of a member in another sector who can help, and a decoy expert of
// the same field who cannot; `language` ("nl"/"en") is the explanation's.
struct MemberCase {
  const char* challenge;
  const char* expertise;
  const char* decoy;
  const char* language;
};

// Every expert meets its challenge through a concept and scores above the decoy.
inline void ExpectExpertsAboveDecoys(const std::vector<MemberCase>& cases) {
  for (const MemberCase& c : cases) {
    Suggestion expert = Meet(c.challenge, c.expertise, c.language);
    Suggestion decoy = Meet(c.challenge, c.decoy, c.language);
    EXPECT_FALSE(expert.matched_concepts.empty()) << c.challenge << " / " << c.expertise;
    EXPECT_GT(expert.score, decoy.score) << c.challenge << ": expert " << MatchedIds(expert) << "decoy "
                                         << MatchedIds(decoy);
  }
}

// A realistic challenge of an area file's test, `own` a concept of that file
// it is about, and the expertise (another sector's words) that can help.
struct AreaPair {
  const char* challenge;
  Language challenge_language;
  const char* own;
  const char* expertise;
  Language expertise_language;
};

// Where an area pair's `own` concept must be found.
enum class OwnIn {
  kChallenge,  // in the challenge
  kEither,     // in the challenge or in the expertise
};

// Every pair finds its `own` concept (in the challenge, or in either text), and
// the challenge and the expertise meet through a related pair of concepts, one
// of them with an id that starts with `prefix` (with an empty prefix, any).
inline void ExpectAreaPairsMeet(const std::vector<AreaPair>& pairs, std::string_view prefix, OwnIn where) {
  TextAnalyzer a;
  for (const AreaPair& p : pairs) {
    TextAnalysis challenge = a.Analyze(p.challenge, p.challenge_language);
    TextAnalysis expertise = a.Analyze(p.expertise, p.expertise_language);
    if (where == OwnIn::kChallenge) {
      EXPECT_TRUE(HasConcept(challenge, p.own))
          << p.challenge << " should find " << p.own << "; found " << ConceptIds(challenge);
    } else {
      EXPECT_TRUE(HasConcept(challenge, p.own) || HasConcept(expertise, p.own))
          << p.own << " in neither: " << p.challenge << " [" << ConceptIds(challenge) << "] | " << p.expertise << " ["
          << ConceptIds(expertise) << "]";
    }
    EXPECT_TRUE(AnyRelated(challenge, expertise, prefix)) << p.challenge << " [" << ConceptIds(challenge) << "] <-> "
                                                          << p.expertise << " [" << ConceptIds(expertise) << "]";
  }
}

// A sentence and a concept id: a false friend the sentence must not fire, or
// a precise phrasing that must find it (which one, the helper called says).
struct SentenceConcept {
  const char* text;
  Language language;
  const char* concept_id;
};

// No sentence fires its concept. Each id must be a concept of the shipped
// thesaurus: an id that is not would pass without testing anything.
inline void ExpectNoneFires(const std::vector<SentenceConcept>& cases) {
  TextAnalyzer a;
  for (const SentenceConcept& c : cases) {
    ASSERT_GE(Thesaurus::Default().FindConcept(c.concept_id), 0) << c.concept_id << " is not a concept";
    TextAnalysis got = a.Analyze(c.text, c.language);
    EXPECT_FALSE(HasConcept(got, c.concept_id))
        << c.text << " must not find " << c.concept_id << "; found " << ConceptIds(got);
  }
}

// Every sentence finds its concept (which must exist).
inline void ExpectEachFires(const std::vector<SentenceConcept>& cases) {
  TextAnalyzer a;
  for (const SentenceConcept& c : cases) {
    ASSERT_GE(Thesaurus::Default().FindConcept(c.concept_id), 0) << c.concept_id << " is not a concept";
    TextAnalysis got = a.Analyze(c.text, c.language);
    EXPECT_TRUE(HasConcept(got, c.concept_id))
        << c.text << " should find " << c.concept_id << "; found " << ConceptIds(got);
  }
}

// Concepts whose id starts with `prefix` (one area file's).
inline int CountConcepts(std::string_view prefix) {
  int n = 0;
  for (const Concept& c : Thesaurus::Default().concepts()) n += c.id.rfind(prefix, 0) == 0 ? 1 : 0;
  return n;
}

// The '=' lines of one data file's part of the shipped text
// ("thesaurus_words.tsv"): {concept id, terms}.
inline std::vector<std::pair<std::string, std::vector<std::string>>> AdditionLines(std::string_view file) {
  const std::string marker = "# @file " + std::string(file) + "\n";
  std::string_view text = internal::kThesaurusTsv;
  size_t begin = text.find(marker);
  if (begin == std::string_view::npos) return {};
  begin += marker.size();
  size_t end = text.find("# @file ", begin);
  std::vector<std::pair<std::string, std::vector<std::string>>> out;
  for (const std::string& line : Split(text.substr(begin, end == std::string_view::npos ? end : end - begin), '\n')) {
    std::vector<std::string> fields = Split(line, '\t');
    if (fields.size() < 3 || fields[0] != "=") continue;
    std::vector<std::string> terms;
    for (const std::string& term : Split(fields[2], ';')) {
      if (!term.empty()) terms.push_back(term);
    }
    out.emplace_back(fields[1], terms);
  }
  return out;
}

// Every term that, read alone in Dutch or English, does not find its own
// concept ("id: term"): hidden inside a longer term of another concept, or all
// stop words, it would silently match nothing. `checked` counts the terms.
inline std::vector<std::string> TermsMissingTheirConcept(
    const std::vector<std::pair<std::string, std::vector<std::string>>>& lines, int* checked = nullptr) {
  TextAnalyzer a;
  std::vector<std::string> missing;
  for (const auto& [id, terms] : lines) {
    for (const std::string& term : terms) {
      if (!HasConcept(a.Analyze(term, kNl), id) && !HasConcept(a.Analyze(term, kEn), id)) {
        missing.push_back(id);
        missing.back().append(": ").append(term);
      }
      if (checked) ++*checked;
    }
  }
  return missing;
}

// The same for the terms of every concept whose id starts with `prefix`.
inline std::vector<std::string> TermsMissingTheirConcept(std::string_view prefix, int* checked = nullptr) {
  std::vector<std::pair<std::string, std::vector<std::string>>> lines;
  for (const Concept& c : Thesaurus::Default().concepts()) {
    if (c.id.rfind(prefix, 0) == 0) lines.emplace_back(c.id, c.terms);
  }
  return TermsMissingTheirConcept(lines, checked);
}

}  // namespace verbinder::matching::thesaurus_test
