#include "matching/text.h"

#include <libstemmer.h>

#include <algorithm>
#include <climits>
#include <unordered_map>
#include <unordered_set>

#include "matching/thesaurus.h"

namespace verbinder::matching {
namespace {

const std::unordered_set<std::string_view>& DutchStopWords() {
  static const std::unordered_set<std::string_view> kWords = {
      "de",       "het",    "een",    "en",     "of",     "van",      "in",     "op",      "te",     "ten",   "ter",
      "met",      "voor",   "door",   "bij",    "naar",   "om",       "aan",    "uit",     "over",   "onder", "tegen",
      "tussen",   "na",     "tot",    "als",    "dan",    "dat",      "die",    "dit",     "deze",   "er",    "is",
      "zijn",     "was",    "waren",  "wordt",  "worden", "werd",     "ben",    "bent",    "heb",    "hebt",  "heeft",
      "hebben",   "had",    "kan",    "kunnen", "kun",    "wil",      "willen", "zal",     "zullen", "moet",  "moeten",
      "mag",      "ik",     "je",     "jij",    "u",      "hij",      "zij",    "ze",      "we",     "wij",   "jullie",
      "mijn",     "jouw",   "uw",     "zijn",   "haar",   "ons",      "onze",   "hun",     "niet",   "geen",  "wel",
      "ook",      "nog",    "al",     "maar",   "want",   "dus",      "zo",     "hoe",     "wat",    "wie",   "waar",
      "wanneer",  "waarom", "welke",  "meer",   "veel",   "weinig",   "steeds", "erg",     "heel",   "zeer",  "elk",
      "elke",     "alle",   "iets",   "niets",  "men",    "zich",     "hier",   "daar",    "nu",     "toen",  "omdat",
      "terwijl",  "zonder", "binnen", "buiten", "via",    "per",      "sinds",  "tijdens", "lopen",  "loop",  "loopt",
      "tegenaan", "graag",  "vooral", "ander",  "andere", "onze",     "eigen",  "goed",    "goede",  "beter", "minder",
      "groot",    "grote",  "kleine", "klein",  "nieuwe", "nieuw",    "zoals",  "gaan",    "gaat",   "ging",  "komen",
      "komt",     "doen",   "doet",   "maken",  "maakt",  "krijgen",  "krijgt", "zien",    "ziet",   "staan", "staat",
      "mensen",   "echt",   "vaak",   "soms",   "daarom", "hierdoor", "zodat",  "waardoor"};
  return kWords;
}

const std::unordered_set<std::string_view>& EnglishStopWords() {
  static const std::unordered_set<std::string_view> kWords = {
      "a",     "an",    "the",   "and",    "or",     "of",      "to",      "in",    "on",      "at",   "by",
      "for",   "with",  "from",  "into",   "about",  "as",      "is",      "are",   "was",     "were", "be",
      "been",  "being", "am",    "do",     "does",   "did",     "have",    "has",   "had",     "can",  "could",
      "will",  "would", "shall", "should", "may",    "might",   "must",    "i",     "you",     "he",   "she",
      "it",    "we",    "they",  "me",     "him",    "her",     "us",      "them",  "my",      "your", "his",
      "its",   "our",   "their", "this",   "that",   "these",   "those",   "there", "here",    "not",  "no",
      "nor",   "but",   "so",    "if",     "then",   "than",    "too",     "very",  "how",     "what", "who",
      "whom",  "which", "where", "when",   "why",    "all",     "any",     "each",  "more",    "most", "some",
      "such",  "only",  "own",   "same",   "just",   "also",    "up",      "down",  "out",     "over", "under",
      "again", "keep",  "keeps", "kept",   "get",    "gets",    "getting", "help",  "helping", "run",  "running",
      "into",  "our",   "new",   "good",   "better", "less",    "lot",     "lots",  "many",    "much", "way",
      "ways",  "want",  "need",  "needs",  "like",   "across",  "while",   "make",  "makes",   "made", "people",
      "know",  "take",  "takes", "often",  "every",  "because", "still",   "even"};
  return kWords;
}

// A word's senses: its kOwnSenses most frequent ones when it is English,
// the kTranslatedSenses most frequent ones of each of its first
// kMaxTranslations translations when it is Dutch (measured on the evaluation
// sets, docs/performance-matching.md; more adds noise and time).
constexpr size_t kMaxTranslations = 4;
constexpr int kOwnSenses = 3;
constexpr int kTranslatedSenses = 2;

}  // namespace

struct TextAnalyzer::Expansion {
  std::string english;                               // the English word the senses come from
  std::shared_ptr<const std::vector<Sense>> senses;  // sorted by key
};

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
  // Memo of SplitCompound: the same words recur across profiles.
  std::unordered_map<std::string, std::vector<std::string>> splits;
  // Memo of Expand, by token, language and whether it is a compound part.
  std::unordered_map<std::string, Expansion> expansions;
  ~Stemmers() {
    if (dutch) sb_stemmer_delete(dutch);
    if (english) sb_stemmer_delete(english);
  }
};

TextAnalyzer::TextAnalyzer(const Lexicon* lexicon) : lexicon_(lexicon), stemmers_(std::make_unique<Stemmers>()) {}
TextAnalyzer::~TextAnalyzer() = default;

namespace {

// Words Snowball stems together although members mean different things by
// them. Each gets its own stem, in text and in thesaurus terms alike:
// ouderen/oudere (older people) vs ouders (parents), customer vs custom and
// customs.
std::string_view OwnStem(std::string_view token) {
  if (token.size() < 6 || token.size() > 11 || (token[0] != 'o' && token[0] != 'c')) return {};
  static const std::unordered_map<std::string_view, std::string_view> kOwnStem = {
      {"ouderen", "ouderen"},    {"oudere", "oudere"},       {"customer", "customer"},
      {"customers", "customer"}, {"customer's", "customer"}, {"customers'", "customer"},
  };
  auto it = kOwnStem.find(token);
  return it == kOwnStem.end() ? std::string_view() : it->second;
}

// Derived words that name something narrower than their root: in a term they
// keep their own stem, so the term "planning" (rosters) does not fire on "we
// plan to grow", "housing" not on "in-house", "accountant(cy)" and "accounting" not on "take into
// account", "packaging" not on "a package of measures", "residents" not on
// "residence permit", "fitness" not on "fit", "maintainability" not on
// "maintain contact", "catering" not on "we cater to", "polis" (policy) not on
// "poli" (outpatient clinic), "utilisation" not on "utilities", "accessibility" not on "who can access
// what", "university" not on "universal design", and the English stem of "aannemers" (contractors) not
// on Dutch "aannemen" (to hire); in text they keep Snowball's too, so
// "succession planning" still finds the term "succession plan".
std::string_view OwnTermStem(std::string_view token) {
  static const std::unordered_map<std::string_view, std::string_view> kOwnStem = {
      {"planning", "planning"},
      {"plannings", "planning"},
      {"training", "training"},
      {"trainings", "training"},
      {"trainingen", "training"},
      {"housing", "housing"},
      {"accountant", "accountant"},
      {"accountants", "accountant"},
      {"accountancy", "accountancy"},
      {"accounting", "accounting"},
      {"packaging", "packaging"},
      {"resident", "resident"},
      {"residents", "resident"},
      {"fitness", "fitness"},
      {"maintainability", "maintainability"},
      {"aannemer", "aannemer"},
      {"aannemers", "aannemer"},
      {"catering", "catering"},
      {"polis", "polis"},
      {"polissen", "polis"},
      {"utilisation", "utilisation"},
      {"utilization", "utilisation"},
      // Snowball: accessibility -> access ("who can access what"), university -> univers (universal design).
      {"accessibility", "accessibility"},
      {"university", "university"},
      {"universities", "university"},
  };
  auto it = kOwnStem.find(token);
  return it == kOwnStem.end() ? std::string_view() : it->second;
}

}  // namespace

std::string TextAnalyzer::Stem(std::string_view token, Language language) const {
  if (std::string_view own = OwnStem(token); !own.empty()) return std::string(own);
  sb_stemmer* s = language == Language::kDutch ? stemmers_->dutch : stemmers_->english;
  if (!s) return std::string(token);
  const sb_symbol* out =
      sb_stemmer_stem(s, reinterpret_cast<const sb_symbol*>(token.data()), static_cast<int>(token.size()));
  if (!out) return std::string(token);
  return std::string(reinterpret_cast<const char*>(out), sb_stemmer_length(s));
}

std::string TextAnalyzer::StemTermWord(std::string_view token, Language language) const {
  if (std::string_view own = OwnTermStem(token); !own.empty()) return std::string(own);
  return Stem(token, language);
}

std::vector<std::string> TextAnalyzer::SplitCompound(std::string_view token) const {
  constexpr size_t kMinPart = 3;
  const size_t n = token.size();
  if (n < 7) return {};
  auto memo = stemmers_->splits.find(std::string(token));
  if (memo != stemmers_->splits.end()) return memo->second;
  const Thesaurus& thesaurus = Thesaurus::Default();
  // A part ending at the end of the token may be inflected; one inside may
  // carry a linking "s", "e" or "en" ("personeel-s-planning").
  auto part_length = [&](size_t from, size_t to) -> size_t {  // 0: not a part
    std::string part(token.substr(from, to - from));
    if (thesaurus.IsCompoundPart(part)) return part.size();
    if (to == n) {
      if (thesaurus.IsCompoundPartStem(Stem(part, Language::kDutch))) return part.size();
      for (std::string_view plural : {"s", "en", "'s"}) {
        if (part.size() >= kMinPart + plural.size() && std::string_view(part).ends_with(plural) &&
            thesaurus.IsCompoundPart(part.substr(0, part.size() - plural.size()))) {
          return part.size();
        }
      }
      return 0;
    }
    for (std::string_view linker : {"s", "en", "e"}) {
      if (part.size() >= kMinPart + linker.size() && std::string_view(part).ends_with(linker) &&
          thesaurus.IsCompoundPart(part.substr(0, part.size() - linker.size()))) {
        return part.size() - linker.size();
      }
    }
    return 0;
  };
  auto boundary = [&](size_t i) { return i == n || (static_cast<unsigned char>(token[i]) & 0xC0) != 0x80; };
  // Fewest parts first; among splits with as many parts, the one with the
  // fewest parts that are no thesaurus term ("thuiszorg|medewerkers", two
  // terms, beats "thuis|zorgmedewerkers", one).
  auto is_term = [&](size_t from, size_t len) {
    std::string part(token.substr(from, len));
    return thesaurus.IsSingleTokenTerm(Stem(part, Language::kDutch)) ||
           thesaurus.IsSingleTokenTerm(Stem(part, Language::kEnglish));
  };
  std::vector<std::pair<int, int>> best(n + 1, {INT_MAX, INT_MAX});  // (parts, parts that are no term)
  std::vector<size_t> start(n + 1, 0), keep(n + 1, 0);
  best[0] = {0, 0};
  for (size_t i = kMinPart; i <= n; ++i) {
    if (!boundary(i)) continue;
    for (size_t j = 0; j + kMinPart <= i; ++j) {
      if (best[j].first == INT_MAX || !boundary(j)) continue;
      if (j == 0 && i == n) continue;  // the whole token is not a split
      size_t len = part_length(j, i);
      if (len == 0) continue;
      std::pair<int, int> cost{best[j].first + 1, best[j].second + (is_term(j, len) ? 0 : 1)};
      if (cost < best[i]) {
        best[i] = cost;
        start[i] = j;
        keep[i] = len;
      }
    }
  }
  std::vector<std::string> parts;
  if (best[n].first != INT_MAX) {
    for (size_t i = n; i > 0; i = start[i]) parts.emplace_back(token.substr(start[i], keep[i]));
    std::reverse(parts.begin(), parts.end());
  }
  stemmers_->splits.emplace(std::string(token), parts);
  return parts;
}

const TextAnalyzer::Expansion& TextAnalyzer::Expand(const std::string& token, Language language, bool is_part) const {
  const bool dutch = is_part || language == Language::kDutch;
  std::string memo_key = token + (dutch ? "\x01n" : "\x01e");
  auto memo = stemmers_->expansions.find(memo_key);
  if (memo != stemmers_->expansions.end()) return memo->second;
  Expansion e;
  std::vector<Sense> all_senses;
  // A word's own English (it is English, or an English loanword in Dutch
  // text: "touchscreen"), else its translations.
  std::vector<std::string> english;
  bool translated = false;
  if (!dutch && lexicon_->IsEnglishWord(token)) english.push_back(token);
  if (english.empty()) {
    english = lexicon_->ToEnglish(token, Stem(token, Language::kDutch), kMaxTranslations);
    translated = !english.empty();
  }
  if (english.empty() && lexicon_->IsEnglishWord(token)) english.push_back(token);
  for (size_t k = 0; k < english.size(); ++k) {
    const float rank = 1.0F / (1.0F + 0.25F * static_cast<float>(k));
    std::vector<Sense> senses = lexicon_->Senses(english[k], translated ? kTranslatedSenses : kOwnSenses);
    if (!senses.empty() && e.english.empty()) e.english = english[k];
    for (Sense s : senses) {
      s.weight *= rank;
      auto at = std::lower_bound(all_senses.begin(), all_senses.end(), s.key,
                                 [](const Sense& x, uint32_t key) { return x.key < key; });
      if (at != all_senses.end() && at->key == s.key) {
        if (s.weight > at->weight) *at = s;
      } else {
        all_senses.insert(at, s);
      }
    }
  }
  e.senses = std::make_shared<const std::vector<Sense>>(std::move(all_senses));
  return stemmers_->expansions.emplace(std::move(memo_key), std::move(e)).first->second;
}

TextAnalysis TextAnalyzer::Analyze(std::string_view text, Language fallback, bool use_thesaurus) const {
  TextAnalysis result;
  std::vector<std::string> tokens = Tokenize(text);
  result.language = GuessLanguage(tokens, fallback);
  const Thesaurus* thesaurus = use_thesaurus ? &Thesaurus::Default() : nullptr;
  // Compounds become their parts before phrase matching, so "verouderde
  // bankapplicaties" can meet the phrase "verouderde applicaties". A token
  // that is a term itself is kept whole.
  std::vector<uint8_t> is_part(tokens.size(), 0);
  if (thesaurus) {
    std::vector<std::string> expanded;
    std::vector<uint8_t> part_flags;
    for (std::string& t : tokens) {
      std::vector<std::string> parts;
      if (t.size() >= 7 && !IsStopWord(t) && !thesaurus->IsSingleTokenTerm(Stem(t, Language::kDutch)) &&
          !thesaurus->IsSingleTokenTerm(Stem(t, Language::kEnglish))) {
        parts = SplitCompound(t);
      }
      if (parts.empty()) {
        expanded.push_back(std::move(t));
        part_flags.push_back(0);
      } else {
        for (std::string& p : parts) {
          expanded.push_back(std::move(p));
          part_flags.push_back(1);
        }
      }
    }
    tokens = std::move(expanded);
    is_part = std::move(part_flags);
  }
  // own: a word's own term stem (OwnTermStem: "packaging"), else empty; it
  // meets the terms that keep it, whatever Snowball makes of the word.
  std::vector<std::string> nl(tokens.size()), en(tokens.size()), own(tokens.size());
  std::vector<uint8_t> stop(tokens.size());  // IsStopWord, once per token (the phrase loop asks often)
  for (size_t i = 0; i < tokens.size(); ++i) {
    nl[i] = Stem(tokens[i], Language::kDutch);
    en[i] = Stem(tokens[i], Language::kEnglish);
    own[i] = OwnTermStem(tokens[i]);
    stop[i] = IsStopWord(tokens[i]) ? 1 : 0;
  }
  std::vector<uint8_t> covered(tokens.size(), 0);
  if (thesaurus) {
    auto token_matches = [&](size_t i, const std::vector<std::string>& stems) {
      for (const std::string& s : stems) {
        if (s == nl[i] || s == en[i] || (!own[i].empty() && s == own[i])) return true;
      }
      return false;
    };
    // Longest match wins: at one start, a phrase ("nursing homes") hides the
    // shorter terms it begins with ("nursing"), and a token inside a matched
    // phrase starts no single-word term.
    std::vector<uint8_t> in_phrase(tokens.size(), 0);
    std::vector<size_t> at;
    std::vector<std::pair<int, std::vector<size_t>>> found;
    std::vector<int> inside;  // compound patterns inside a token
    for (size_t i = 0; i < tokens.size(); ++i) {
      found.clear();
      size_t longest = 0;
      for (const std::string* first : {&nl[i], &en[i], &own[i]}) {
        if (first->empty() || (first != &nl[i] && *first == nl[i])) continue;  // each stem once
        const std::vector<int>* candidates = thesaurus->PatternsStartingWith(*first);
        if (!candidates) continue;
        for (int k : *candidates) {
          const TermPattern& pattern = thesaurus->patterns()[k];
          // A stop word starts no single-word term (Dutch "van" is not
          // English "vans"), only an exact phrase ("too hot").
          if (pattern.token_stems.size() == 1 && (in_phrase[i] || stop[i])) continue;
          // Each next token of the phrase follows within kMaxGap content
          // words (stop words are free) unless the phrase is exact.
          at.assign(1, i);
          for (size_t j = 1; j < pattern.token_stems.size(); ++j) {
            size_t p = at.back() + 1;
            int gap = 0;
            while (p < tokens.size() && !token_matches(p, pattern.token_stems[j])) {
              if (pattern.exact || (!stop[p] && ++gap > TermPattern::kMaxGap)) {
                p = tokens.size();
                break;
              }
              ++p;
            }
            if (p >= tokens.size()) break;
            at.push_back(p);
          }
          if (at.size() != pattern.token_stems.size()) continue;
          longest = std::max(longest, at.size());
          found.push_back({pattern.concept_index, at});
        }
      }
      for (const auto& [concept_index, positions] : found) {
        if (positions.size() < longest) continue;
        result.concepts.push_back(concept_index);
        for (size_t p : positions) {
          covered[p] = 1;
          if (positions.size() > 1) in_phrase[p] = 1;
        }
      }
      // Dutch compounds the split misses: "wachtlijstprobleem" contains "wachtlijst".
      if (!covered[i] && !is_part[i] && result.language == Language::kDutch && tokens[i].size() >= 9) {
        thesaurus->CompoundPatternsIn(tokens[i], &inside);
        for (int k : inside) {
          result.concepts.push_back(thesaurus->patterns()[k].concept_index);
          covered[i] = 1;
        }
      }
    }
  }
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (stop[i] || tokens[i].size() < 3) continue;
    // Parts of a split compound are Dutch whatever the text's language.
    const std::string& stem = is_part[i] || result.language == Language::kDutch ? nl[i] : en[i];
    if (!covered[i]) result.terms.push_back(stem);
    if (!thesaurus || !lexicon_) continue;
    const Expansion& e = Expand(tokens[i], result.language, is_part[i] != 0);
    if (!e.senses->empty()) result.words.push_back({tokens[i], stem, e.english, e.senses, covered[i] != 0});
  }
  std::sort(result.concepts.begin(), result.concepts.end());
  result.concepts.erase(std::unique(result.concepts.begin(), result.concepts.end()), result.concepts.end());
  // One entry per word; uncovered when it is so anywhere in the text.
  std::sort(result.words.begin(), result.words.end(), [](const LexicalWord& a, const LexicalWord& b) {
    return a.word != b.word ? a.word < b.word : a.covered < b.covered;
  });
  result.words.erase(std::unique(result.words.begin(), result.words.end(),
                                 [](const LexicalWord& a, const LexicalWord& b) { return a.word == b.word; }),
                     result.words.end());
  std::sort(result.terms.begin(), result.terms.end());
  result.terms.erase(std::unique(result.terms.begin(), result.terms.end()), result.terms.end());
  return result;
}

}  // namespace verbinder::matching
