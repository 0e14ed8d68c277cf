// Bilingual (Dutch/English) text analysis for the relevance engine: tokenising,
// stop words, Snowball stemming (libstemmer), splitting Dutch compounds against
// the thesaurus vocabulary ("wijkverpleegkundigen" -> "wijk" + "verpleegkundigen")
// and mapping text onto concepts of the shipped thesaurus (thesaurus.h), so
// "wachtlijst" and "waiting list" meet. With a Lexicon (lexicon.h), each
// content word is also looked up in WordNet (a Dutch word through its FreeDict
// translations): its senses meet a synonym, a derivation or a one-step
// broader word of another text (TextAnalysis::words).
//
//   TextAnalyzer analyzer;   // one per thread
//   TextAnalysis a = analyzer.Analyze("Onze wachtlijsten groeien", Language::kDutch);
//   // a.concepts holds the id of concept "waiting_list"; a.language == kDutch
//
// Thread-safety: free functions are pure. A TextAnalyzer owns Snowball stemmers,
// which are not thread-safe: use one analyzer per thread.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "matching/lexicon.h"

namespace verbinder::matching {

enum class Language { kDutch, kEnglish };

// Lowercases ASCII letters and splits on everything that is not a letter or
// digit (bytes >= 0x80 count as letters, so "patiënt" stays one token).
std::vector<std::string> Tokenize(std::string_view text);
bool IsStopWord(std::string_view token);  // Dutch or English
// Dutch vs English by stop-word counts; `fallback` on a tie.
Language GuessLanguage(const std::vector<std::string>& tokens, Language fallback);

// A content word with its WordNet senses (via its English translation when
// it is Dutch).
struct LexicalWord {
  std::string word;     // as written, lowercase ("toestemming")
  std::string stem;     // its entry in TextAnalysis::terms
  std::string english;  // the English word its senses come from ("permission")
  // Sorted by key; shared by every occurrence of the word (never null).
  std::shared_ptr<const std::vector<Sense>> senses;
  bool covered = false;  // part of a thesaurus term found in the text
};

struct TextAnalysis {
  Language language = Language::kEnglish;
  std::vector<int> concepts;       // thesaurus concept indices, sorted, unique
  std::vector<std::string> terms;  // stems of content words not covered by a concept, sorted, unique
  std::vector<LexicalWord> words;  // the content words WordNet knows (empty without a lexicon)
};

class TextAnalyzer {
 public:
  // `lexicon` (may be null: thesaurus only) must outlive the analyzer.
  explicit TextAnalyzer(const Lexicon* lexicon = nullptr);
  ~TextAnalyzer();
  TextAnalyzer(const TextAnalyzer&) = delete;
  TextAnalyzer& operator=(const TextAnalyzer&) = delete;

  // `use_thesaurus` = false gives the plain stemmed-word baseline (no concepts).
  TextAnalysis Analyze(std::string_view text, Language fallback, bool use_thesaurus = true) const;
  std::string Stem(std::string_view token, Language language) const;
  // The stem of a word of a thesaurus term: Stem, except for a few derived
  // words that name something narrower than their root ("planning",
  // "training"), which keep their own, so the term does not fire on the root.
  std::string StemTermWord(std::string_view token, Language language) const;
  // Splits a compound into the fewest known parts, among those the split
  // with the most thesaurus terms as parts (each >= 3 bytes, a part
  // being a single-token thesaurus term or an extra part word of the file),
  // allowing a linking "s", "e" or "en" after a non-final part and an
  // inflected final part ("personeelsplanningen" -> {"personeel", "planningen"}).
  // Empty when the token is shorter than 7 bytes or has no split into >= 2 parts.
  std::vector<std::string> SplitCompound(std::string_view token) const;

 private:
  struct Expansion;
  const Expansion& Expand(const std::string& token, Language language, bool is_part) const;
  const Lexicon* lexicon_ = nullptr;
  struct Stemmers;
  std::unique_ptr<Stemmers> stemmers_;
};

}  // namespace verbinder::matching
