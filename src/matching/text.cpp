#include "matching/text.h"

#include <libstemmer.h>

#include <algorithm>
#include <unordered_set>

#include "matching/thesaurus.h"

namespace verbinder::matching {
namespace {

const std::unordered_set<std::string_view>& DutchStopWords() {
  static const std::unordered_set<std::string_view> kWords = {
      "de", "het", "een", "en", "of", "van", "in", "op", "te", "ten", "ter", "met", "voor", "door", "bij", "naar",
      "om", "aan", "uit", "over", "onder", "tegen", "tussen", "na", "tot", "als", "dan", "dat", "die", "dit", "deze",
      "er", "is", "zijn", "was", "waren", "wordt", "worden", "werd", "ben", "bent", "heb", "hebt", "heeft", "hebben",
      "had", "kan", "kunnen", "kun", "wil", "willen", "zal", "zullen", "moet", "moeten", "mag", "ik", "je", "jij",
      "u", "hij", "zij", "ze", "we", "wij", "jullie", "mijn", "jouw", "uw", "zijn", "haar", "ons", "onze", "hun",
      "niet", "geen", "wel", "ook", "nog", "al", "maar", "want", "dus", "zo", "hoe", "wat", "wie", "waar", "wanneer",
      "waarom", "welke", "meer", "veel", "weinig", "steeds", "erg", "heel", "zeer", "elk", "elke", "alle", "iets",
      "niets", "men", "zich", "hier", "daar", "nu", "toen", "omdat", "terwijl", "zonder", "binnen", "buiten", "via",
      "per", "sinds", "tijdens", "lopen", "loop", "loopt", "tegenaan", "graag", "vooral", "ander", "andere", "onze",
      "eigen", "goed", "goede", "beter", "minder", "groot", "grote", "kleine", "klein", "nieuwe", "nieuw", "zoals"};
  return kWords;
}

const std::unordered_set<std::string_view>& EnglishStopWords() {
  static const std::unordered_set<std::string_view> kWords = {
      "a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into", "about",
      "as", "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "have", "has", "had",
      "can", "could", "will", "would", "shall", "should", "may", "might", "must", "i", "you", "he", "she", "it",
      "we", "they", "me", "him", "her", "us", "them", "my", "your", "his", "its", "our", "their", "this", "that",
      "these", "those", "there", "here", "not", "no", "nor", "but", "so", "if", "then", "than", "too", "very",
      "how", "what", "who", "whom", "which", "where", "when", "why", "all", "any", "each", "more", "most", "some",
      "such", "only", "own", "same", "just", "also", "up", "down", "out", "over", "under", "again", "keep", "keeps",
      "kept", "get", "gets", "getting", "help", "helping", "run", "running", "into", "our", "new", "good", "better",
      "less", "lot", "lots", "many", "much", "way", "ways", "want", "need", "needs", "like", "across", "while"};
  return kWords;
}

}  // namespace

std::vector<std::string> Tokenize(std::string_view text) {
  std::vector<std::string> tokens;
  std::string current;
  for (char ch : text) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')) {
      current.push_back(ch);
    } else if (c >= 'A' && c <= 'Z') {
      current.push_back(static_cast<char>(c - 'A' + 'a'));
    } else if (!current.empty()) {
      tokens.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) tokens.push_back(std::move(current));
  return tokens;
}

bool IsStopWord(std::string_view token) {
  return DutchStopWords().count(token) > 0 || EnglishStopWords().count(token) > 0;
}

Language GuessLanguage(const std::vector<std::string>& tokens, Language fallback) {
  int nl = 0, en = 0;
  for (const std::string& t : tokens) {
    nl += DutchStopWords().count(t) > 0;
    en += EnglishStopWords().count(t) > 0;
  }
  if (nl == en) return fallback;
  return nl > en ? Language::kDutch : Language::kEnglish;
}

struct TextAnalyzer::Stemmers {
  sb_stemmer* dutch = sb_stemmer_new("dutch", "UTF_8");
  sb_stemmer* english = sb_stemmer_new("english", "UTF_8");
  ~Stemmers() {
    if (dutch) sb_stemmer_delete(dutch);
    if (english) sb_stemmer_delete(english);
  }
};

TextAnalyzer::TextAnalyzer() : stemmers_(std::make_unique<Stemmers>()) {}
TextAnalyzer::~TextAnalyzer() = default;

std::string TextAnalyzer::Stem(std::string_view token, Language language) const {
  sb_stemmer* s = language == Language::kDutch ? stemmers_->dutch : stemmers_->english;
  if (!s) return std::string(token);
  const sb_symbol* out =
      sb_stemmer_stem(s, reinterpret_cast<const sb_symbol*>(token.data()), static_cast<int>(token.size()));
  if (!out) return std::string(token);
  return std::string(reinterpret_cast<const char*>(out), sb_stemmer_length(s));
}

TextAnalysis TextAnalyzer::Analyze(std::string_view text, Language fallback, bool use_thesaurus) const {
  TextAnalysis result;
  std::vector<std::string> tokens = Tokenize(text);
  result.language = GuessLanguage(tokens, fallback);
  std::vector<std::string> nl(tokens.size()), en(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) {
    nl[i] = Stem(tokens[i], Language::kDutch);
    en[i] = Stem(tokens[i], Language::kEnglish);
  }
  std::vector<uint8_t> covered(tokens.size(), 0);
  if (use_thesaurus) {
    const Thesaurus& thesaurus = Thesaurus::Default();
    auto token_matches = [&](size_t i, const std::vector<std::string>& stems) {
      for (const std::string& s : stems) {
        if (s == nl[i] || s == en[i]) return true;
      }
      return false;
    };
    for (size_t i = 0; i < tokens.size(); ++i) {
      for (const std::string* first : {&nl[i], &en[i]}) {
        const std::vector<int>* candidates = thesaurus.PatternsStartingWith(*first);
        if (!candidates) continue;
        for (int k : *candidates) {
          const TermPattern& pattern = thesaurus.patterns()[k];
          size_t len = pattern.token_stems.size();
          if (i + len > tokens.size()) continue;
          bool ok = true;
          for (size_t j = 1; j < len && ok; ++j) ok = token_matches(i + j, pattern.token_stems[j]);
          if (!ok) continue;
          result.concepts.push_back(pattern.concept_index);
          for (size_t j = 0; j < len; ++j) covered[i + j] = 1;
        }
      }
      // Dutch compounds: "wachtlijstprobleem" contains "wachtlijst".
      if (!covered[i] && result.language == Language::kDutch && tokens[i].size() >= 9) {
        for (int k : thesaurus.compound_patterns()) {
          const TermPattern& pattern = thesaurus.patterns()[k];
          if (tokens[i].size() >= pattern.raw.size() + 3 && tokens[i].find(pattern.raw) != std::string::npos) {
            result.concepts.push_back(pattern.concept_index);
            covered[i] = 1;
          }
        }
      }
    }
  }
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (covered[i] || IsStopWord(tokens[i]) || tokens[i].size() < 3) continue;
    result.terms.push_back(result.language == Language::kDutch ? nl[i] : en[i]);
  }
  std::sort(result.concepts.begin(), result.concepts.end());
  result.concepts.erase(std::unique(result.concepts.begin(), result.concepts.end()), result.concepts.end());
  std::sort(result.terms.begin(), result.terms.end());
  result.terms.erase(std::unique(result.terms.begin(), result.terms.end()), result.terms.end());
  return result;
}

}  // namespace verbinder::matching
