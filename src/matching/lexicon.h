// A general lexical layer under the hand-written thesaurus: English WordNet
// 3.0 (synonyms, one-step broader terms, derivations; Debian wordnet-base) and
// the FreeDict Dutch<->English dictionaries (Debian dict-freedict-nld-eng /
// -eng-nld), both read at run time from the system paths. Nothing of either is
// compiled into verbinder (FreeDict is GPL-2; see docs/performance-matching.md).
//
//   const Lexicon& lex = Lexicon::Default();      // loads once; empty when absent
//   lex.ToEnglish("toestemming", "toestemm");      // {"assent", "agreement", "consent", "permission", ...}
//   lex.Senses("permission");                      // WordNet keys of its senses, broader senses, derivations
//
// Thread-safety: a loaded Lexicon is immutable; concurrent const calls are safe.
// Default() loads on first use (thread-safe static init) and logs once to
// stderr when a source is missing; the engine then works from the thesaurus alone.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace verbinder::matching {

struct LexiconPaths {
  std::string wordnet_dir = "/usr/share/wordnet";  // index.{noun,verb,adj}, data.*, *.exc
  std::string freedict_dir = "/usr/share/dictd";   // freedict-{nld-eng,eng-nld}.{index,dict.dz}
};

// How a WordNet key was reached from a word.
enum class SenseKind : uint8_t {
  kSynonym,     // one of the word's own senses (every word of that synset shares it)
  kDerivation,  // a derivationally related form ("prediction" -> "predict")
  kBroader,     // one step up (hypernym) of one of the word's senses
};

struct Sense {
  uint32_t key = 0;  // WordNet synset (offset * 4 + part of speech)
  float weight = 0;  // sense frequency rank x the kind's factor, in (0, 1]
  SenseKind kind = SenseKind::kSynonym;
};

class Lexicon {
 public:
  Lexicon();
  ~Lexicon();
  Lexicon(Lexicon&&) noexcept;
  Lexicon& operator=(Lexicon&&) noexcept;

  // Reads what is there; a missing source leaves that part empty (see
  // has_wordnet / has_freedict), never an error.
  static Lexicon Load(const LexiconPaths& paths);
  // Sets the paths Default() loads from; only effective before its first call.
  static void ConfigureDefault(const LexiconPaths& paths);
  static const Lexicon& Default();

  bool has_wordnet() const;
  bool has_freedict() const;

  // English translations of a Dutch word (lowercase), most common first, at
  // most `limit`: by the word itself, else by its Dutch Snowball stem
  // (`dutch_stem`), else by the head of a compound ("omgevingsvergunning" ->
  // "vergunning"). Includes the inverse of the English-Dutch dictionary.
  std::vector<std::string> ToEnglish(std::string_view word, std::string_view dutch_stem, size_t limit = 6) const;
  // Dutch translations of an English word (lowercase), at most `limit`.
  std::vector<std::string> ToDutch(std::string_view word, size_t limit = 6) const;
  // True when WordNet knows the word (any inflection, any part of speech).
  bool IsEnglishWord(std::string_view word) const;
  // The WordNet keys of an English word (inflected forms are reduced as
  // WordNet's morphy does): its `max_senses` most frequent senses per part
  // of speech, their derivations and their one-step broader senses; sorted
  // by key, one entry per key (the strongest).
  std::vector<Sense> Senses(std::string_view word, int max_senses = 3) const;
  // The words of a synset ("license", "licence", "permission", "permit").
  std::vector<std::string> SynsetWords(uint32_t key) const;

 private:
  struct Data;
  std::unique_ptr<Data> data_;
};

}  // namespace verbinder::matching
