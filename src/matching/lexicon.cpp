#include "matching/lexicon.h"

#include <fcntl.h>
#include <libstemmer.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <mutex>
#include <optional>

namespace verbinder::matching {
namespace {

// Factors of a sense reached other than as the word's own sense.
constexpr float kDerivationFactor = 0.7F;
constexpr float kBroaderFactor = 0.5F;

// A read-only file mapped into memory: WordNet's data files are addressed by
// byte offset, so a lookup reads only the pages it touches.
class MappedFile {
 public:
  MappedFile() = default;
  explicit MappedFile(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    struct stat st {};
    if (::fstat(fd, &st) == 0 && st.st_size > 0) {
      void* p = ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
      if (p != MAP_FAILED) {
        data_ = static_cast<const char*>(p);
        size_ = static_cast<size_t>(st.st_size);
      }
    }
    ::close(fd);
  }
  ~MappedFile() {
    if (data_) ::munmap(const_cast<char*>(data_), size_);
  }
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  MappedFile& operator=(MappedFile&& o) noexcept {
    std::swap(data_, o.data_);
    std::swap(size_, o.size_);
    return *this;
  }
  std::string_view view() const { return {data_, size_}; }
  bool ok() const { return data_ != nullptr; }

 private:
  const char* data_ = nullptr;
  size_t size_ = 0;
};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// The line of a file sorted by its first space-separated field whose first
// field is `key`, searched from byte `begin` on (empty if none).
std::string_view FindLine(std::string_view file, size_t begin, std::string_view key) {
  size_t lo = begin, hi = file.size();
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    size_t s = mid == 0 ? std::string_view::npos : file.rfind('\n', mid - 1);
    s = s == std::string_view::npos ? 0 : s + 1;
    s = std::max(s, lo);
    size_t e = file.find('\n', s);
    if (e == std::string_view::npos) e = file.size();
    std::string_view line = file.substr(s, e - s);
    std::string_view first = line.substr(0, line.find(' '));
    int cmp = first.compare(key);
    if (cmp == 0) return line;
    if (cmp < 0) {
      lo = e + 1;
    } else {
      hi = s;
    }
  }
  return {};
}

std::vector<std::string_view> Fields(std::string_view line) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && line[i] == ' ') ++i;
    size_t j = line.find(' ', i);
    if (j == std::string_view::npos) j = line.size();
    if (j > i) out.push_back(line.substr(i, j - i));
    i = j;
  }
  return out;
}

long ToLong(std::string_view s, int base = 10) {
  long v = 0;
  for (char c : s) {
    int d = c >= '0' && c <= '9'   ? c - '0'
            : c >= 'a' && c <= 'f' ? c - 'a' + 10
            : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                   : -1;
    if (d < 0 || d >= base) return -1;
    v = v * base + d;
  }
  return v;
}

// dictd's index numbers: base 64, most significant digit first.
long FromBase64(std::string_view s) {
  static constexpr std::string_view kDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  long v = 0;
  for (char c : s) {
    size_t d = kDigits.find(c);
    if (d == std::string_view::npos) return -1;
    v = v * 64 + static_cast<long>(d);
  }
  return v;
}

// Reads a gzip (dictzip) or plain file whole; nullopt when unreadable.
std::optional<std::string> ReadMaybeGzip(const std::string& path) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (!f) return std::nullopt;
  std::string out;
  std::array<char, 1 << 16> buf{};
  int n = 0;
  while ((n = gzread(f, buf.data(), static_cast<unsigned>(buf.size()))) > 0) out.append(buf.data(), n);
  bool failed = n < 0;
  gzclose(f);
  if (failed) return std::nullopt;
  return out;
}

// Lowercase, with the Dutch "ĳ" ligature and Unicode hyphens spelled out.
std::string NormalizeWord(std::string_view w) {
  std::string out = Lower(Trim(w));
  for (auto [from, to] : {std::pair<std::string_view, std::string_view>{"\xC4\xB3", "ij"},
                          {"\xC4\xB2", "ij"},
                          {"\xE2\x80\x90", "-"},
                          {"\xE2\x80\x91", "-"}}) {
    for (size_t p = out.find(from); p != std::string::npos; p = out.find(from, p + to.size())) {
      out.replace(p, from.size(), to);
    }
  }
  return out;
}

void AddUnique(std::vector<std::string>& v, std::string w) {
  if (!w.empty() && std::find(v.begin(), v.end(), w) == v.end()) v.push_back(std::move(w));
}

// FreeDict entries: headword -> translations, in the dictionary's order.
using Dictionary = std::unordered_map<std::string, std::vector<std::string>>;

bool ReadFreeDict(const std::string& base, Dictionary& out) {
  std::optional<std::string> index = ReadMaybeGzip(base + ".index");
  std::optional<std::string> dict = ReadMaybeGzip(base + ".dict.dz");
  if (!dict) dict = ReadMaybeGzip(base + ".dict");
  if (!index || !dict) return false;
  std::string_view idx = *index;
  for (size_t s = 0; s < idx.size();) {
    size_t e = idx.find('\n', s);
    if (e == std::string_view::npos) e = idx.size();
    std::string_view line = idx.substr(s, e - s);
    s = e + 1;
    size_t t1 = line.find('\t'), t2 = line.rfind('\t');
    if (t1 == std::string_view::npos || t2 == t1) continue;
    std::string head = NormalizeWord(line.substr(0, t1));
    if (head.empty() || head.starts_with("00")) continue;
    long off = FromBase64(line.substr(t1 + 1, t2 - t1 - 1)), len = FromBase64(Trim(line.substr(t2 + 1)));
    if (off < 0 || len <= 0 || static_cast<size_t>(off + len) > dict->size()) continue;
    std::string_view entry = std::string_view(*dict).substr(off, len);
    std::vector<std::string>& translations = out[head];
    bool first = true;  // the headword line (with its pronunciation)
    for (size_t a = 0; a < entry.size();) {
      size_t b = entry.find('\n', a);
      if (b == std::string_view::npos) b = entry.size();
      std::string_view l = Trim(entry.substr(a, b - a));
      a = b + 1;
      if (first || l.empty()) {
        first = false;
        continue;
      }
      size_t dot = l.find(". ");  // "2. agreement, consent"
      if (dot != std::string_view::npos && dot <= 3 && ToLong(l.substr(0, dot)) >= 0) l.remove_prefix(dot + 2);
      for (size_t c = 0; c <= l.size();) {
        size_t d = l.find(',', c);
        if (d == std::string_view::npos) d = l.size();
        AddUnique(translations, NormalizeWord(l.substr(c, d - c)));
        c = d + 1;
      }
    }
  }
  return !out.empty();
}

constexpr std::array<const char*, 3> kPosNames = {"noun", "verb", "adj"};

int PosIndex(char c) {
  switch (c) {
    case 'n':
      return 0;
    case 'v':
      return 1;
    case 'a':
    case 's':
      return 2;
    default:
      return 3;  // adverbs: not loaded
  }
}

}  // namespace

struct Lexicon::Data {
  std::array<MappedFile, 3> index, data, exceptions;
  std::array<size_t, 3> index_begin{};  // first byte after the licence lines
  bool wordnet = false;
  Dictionary nl_en, en_nl;
  std::unordered_map<std::string, std::vector<std::string>> nl_by_stem;  // Dutch stem -> headwords

  // WordNet's morphy: the base forms of `word` that part of speech `pos` knows.
  std::vector<std::string> BaseForms(const std::string& word, int pos) const {
    static const std::vector<std::pair<std::string_view, std::string_view>> kRules[3] = {
        {{"s", ""},
         {"ses", "s"},
         {"xes", "x"},
         {"zes", "z"},
         {"ches", "ch"},
         {"shes", "sh"},
         {"men", "man"},
         {"ies", "y"}},
        {{"s", ""}, {"ies", "y"}, {"es", "e"}, {"es", ""}, {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""}},
        {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}}};
    std::vector<std::string> out;
    auto known = [&](const std::string& w) { return !FindLine(index[pos].view(), index_begin[pos], w).empty(); };
    if (known(word)) out.push_back(word);
    std::string_view exc = FindLine(exceptions[pos].view(), 0, word);
    if (!exc.empty()) {
      std::vector<std::string_view> f = Fields(exc);
      for (size_t k = 1; k < f.size(); ++k) {
        std::string base(f[k]);
        if (known(base)) AddUnique(out, base);
      }
      return out;
    }
    if (pos == 0 && word.ends_with("ss")) return out;
    for (auto [suffix, repl] : kRules[pos]) {
      if (word.size() > suffix.size() + 1 && word.ends_with(suffix)) {
        std::string base = word.substr(0, word.size() - suffix.size()) + std::string(repl);
        if (known(base)) AddUnique(out, base);
      }
    }
    return out;
  }

  std::string_view DataLine(uint32_t key) const {
    const int pos = static_cast<int>(key % 4);
    if (pos > 2) return {};
    std::string_view file = data[pos].view();
    const size_t offset = key / 4;
    if (offset >= file.size()) return {};
    size_t e = file.find('\n', offset);
    return file.substr(offset, (e == std::string_view::npos ? file.size() : e) - offset);
  }
};

Lexicon::Lexicon() : data_(std::make_unique<Data>()) {}
Lexicon::~Lexicon() = default;
Lexicon::Lexicon(Lexicon&&) noexcept = default;
Lexicon& Lexicon::operator=(Lexicon&&) noexcept = default;

Lexicon Lexicon::Load(const LexiconPaths& paths) {
  Lexicon lex;
  Data& d = *lex.data_;
  if (!paths.wordnet_dir.empty()) {
    bool all = true;
    for (size_t p = 0; p < kPosNames.size(); ++p) {
      d.index[p] = MappedFile(paths.wordnet_dir + "/index." + kPosNames[p]);
      d.data[p] = MappedFile(paths.wordnet_dir + "/data." + kPosNames[p]);
      d.exceptions[p] = MappedFile(paths.wordnet_dir + "/" + kPosNames[p] + ".exc");
      all = all && d.index[p].ok() && d.data[p].ok();
      std::string_view v = d.index[p].view();
      size_t b = 0;
      while (b < v.size() && v[b] == ' ') {  // licence lines start with two spaces
        size_t e = v.find('\n', b);
        b = e == std::string_view::npos ? v.size() : e + 1;
      }
      d.index_begin[p] = b;
    }
    d.wordnet = all;
  }
  if (!paths.freedict_dir.empty()) {
    ReadFreeDict(paths.freedict_dir + "/freedict-nld-eng", d.nl_en);
    ReadFreeDict(paths.freedict_dir + "/freedict-eng-nld", d.en_nl);
    // The English-Dutch entries read backwards add Dutch words the Dutch-English
    // side lacks, and more translations for those it has.
    for (const auto& [en, nls] : d.en_nl) {
      for (const std::string& nl : nls) AddUnique(d.nl_en[nl], en);
    }
    sb_stemmer* stemmer = sb_stemmer_new("dutch", "UTF_8");
    if (stemmer) {
      for (const auto& [nl, ens] : d.nl_en) {
        if (nl.find(' ') != std::string::npos) continue;
        const sb_symbol* s =
            sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(nl.data()), static_cast<int>(nl.size()));
        if (s) d.nl_by_stem[std::string(reinterpret_cast<const char*>(s), sb_stemmer_length(stemmer))].push_back(nl);
      }
      sb_stemmer_delete(stemmer);
      for (auto& [stem, words] : d.nl_by_stem) std::sort(words.begin(), words.end());
    }
  }
  return lex;
}

namespace {
std::mutex g_default_mutex;
std::optional<LexiconPaths> g_default_paths;
}  // namespace

void Lexicon::ConfigureDefault(const LexiconPaths& paths) {
  std::lock_guard<std::mutex> lock(g_default_mutex);
  g_default_paths = paths;
}

const Lexicon& Lexicon::Default() {
  static const Lexicon kDefault = [] {
    LexiconPaths paths;
    {
      std::lock_guard<std::mutex> lock(g_default_mutex);
      if (g_default_paths) paths = *g_default_paths;
    }
    Lexicon lex = Load(paths);
    if (!lex.has_wordnet() || !lex.has_freedict()) {
      std::fprintf(stderr, "verbinder: lexicon: %s%s%s; suggestions use the thesaurus%s\n",
                   lex.has_wordnet() ? "" : ("no WordNet at " + paths.wordnet_dir).c_str(),
                   !lex.has_wordnet() && !lex.has_freedict() ? ", " : "",
                   lex.has_freedict() ? "" : ("no FreeDict nl<->en at " + paths.freedict_dir).c_str(),
                   lex.has_wordnet() || lex.has_freedict() ? " and what was found" : " only");
    }
    return lex;
  }();
  return kDefault;
}

bool Lexicon::has_wordnet() const {
  return data_->wordnet;
}
bool Lexicon::has_freedict() const {
  return !data_->nl_en.empty();
}

std::vector<std::string> Lexicon::ToEnglish(std::string_view word, std::string_view dutch_stem, size_t limit) const {
  const Data& d = *data_;
  std::vector<std::string> out;
  auto take = [&](const std::string& head) {
    auto it = d.nl_en.find(head);
    if (it == d.nl_en.end()) return false;
    for (const std::string& t : it->second) {
      if (out.size() >= limit) break;
      AddUnique(out, t);
    }
    return true;
  };
  // Dutch plurals and inflections: "vergunningen", "trajecten", "bedden".
  auto take_inflected = [&](const std::string& w) {
    if (take(w)) return true;
    for (std::string_view suffix : {"en", "s", "'s", "e"}) {
      if (w.size() > suffix.size() + 3 && w.ends_with(suffix)) {
        std::string base = w.substr(0, w.size() - suffix.size());
        if (take(base)) return true;
        if (base.size() >= 2 && base[base.size() - 1] == base[base.size() - 2] && take(base.substr(0, base.size() - 1)))
          return true;
      }
    }
    return false;
  };
  const std::string w = Lower(word);
  if (take_inflected(w)) return out;
  if (auto it = d.nl_by_stem.find(std::string(dutch_stem)); it != d.nl_by_stem.end()) {
    for (const std::string& head : it->second) take(head);
    if (!out.empty()) return out;
  }
  // A compound's head carries its meaning: the longest known final part of
  // at least 4 letters ("omgevings|vergunning").
  for (size_t i = 3; i + 4 <= w.size(); ++i) {
    if ((static_cast<unsigned char>(w[i]) & 0xC0) == 0x80) continue;
    if (take_inflected(w.substr(i))) return out;
  }
  return out;
}

std::vector<std::string> Lexicon::ToDutch(std::string_view word, size_t limit) const {
  const Data& d = *data_;
  std::string w = Lower(word);
  auto it = d.en_nl.find(w);
  if (it == d.en_nl.end() && w.size() > 4 && w.ends_with('s')) it = d.en_nl.find(w.substr(0, w.size() - 1));
  if (it == d.en_nl.end()) return {};
  std::vector<std::string> out(it->second.begin(), it->second.begin() + std::min(limit, it->second.size()));
  return out;
}

bool Lexicon::IsEnglishWord(std::string_view word) const {
  if (!data_->wordnet) return false;
  const std::string w = Lower(word);
  for (int pos = 0; pos < 3; ++pos) {
    if (!data_->BaseForms(w, pos).empty()) return true;
  }
  return false;
}

std::vector<Sense> Lexicon::Senses(std::string_view word, int max_senses) const {
  const Data& d = *data_;
  std::vector<Sense> out;
  if (!d.wordnet) return out;
  std::string w = Lower(Trim(word));
  std::replace(w.begin(), w.end(), ' ', '_');
  auto add = [&](uint32_t key, float weight, SenseKind kind) {
    for (Sense& s : out) {
      if (s.key == key) {
        if (weight > s.weight) s = {key, weight, kind};
        return;
      }
    }
    out.push_back({key, weight, kind});
  };
  for (int pos = 0; pos < 3; ++pos) {
    for (const std::string& base : d.BaseForms(w, pos)) {
      std::vector<std::string_view> f = Fields(FindLine(d.index[pos].view(), d.index_begin[pos], base));
      if (f.size() < 4) continue;
      const long p_cnt = ToLong(f[3]);
      if (p_cnt < 0 || f.size() < static_cast<size_t>(6 + p_cnt)) continue;
      const long tagged = ToLong(f[5 + p_cnt]);
      const size_t first = static_cast<size_t>(6 + p_cnt);
      // Senses are listed most frequent first; untagged ones are rare.
      const long senses = std::min<long>(max_senses, std::max<long>(1, tagged));
      for (long r = 0; r < senses && first + r < f.size(); ++r) {
        const long offset = ToLong(f[first + r]);
        if (offset < 0) continue;
        const uint32_t key = static_cast<uint32_t>(offset) * 4 + static_cast<uint32_t>(pos);
        const float weight = 1.0F / static_cast<float>(1 + r);
        add(key, weight, SenseKind::kSynonym);
        std::vector<std::string_view> s = Fields(d.DataLine(key));
        if (s.size() < 4) continue;
        const long w_cnt = ToLong(s[3], 16);
        if (w_cnt < 0 || s.size() < static_cast<size_t>(5 + 2 * w_cnt)) continue;
        long word_number = 0;  // of `base` in the synset, for lexical pointers
        for (long k = 0; k < w_cnt; ++k) {
          std::string lemma = Lower(s[4 + 2 * k]);
          if (size_t paren = lemma.find('('); paren != std::string::npos) lemma.resize(paren);
          if (lemma == base) word_number = k + 1;
        }
        const size_t pp = static_cast<size_t>(4 + 2 * w_cnt);
        const long pointers = ToLong(s[pp]);
        for (long k = 0; k < pointers && pp + 4 + 4 * k < s.size(); ++k) {
          std::string_view symbol = s[pp + 1 + 4 * k];
          const long target = ToLong(s[pp + 2 + 4 * k]);
          std::string_view target_pos = s[pp + 3 + 4 * k];
          std::string_view source_target = s[pp + 4 + 4 * k];
          if (target < 0 || target_pos.empty() || PosIndex(target_pos[0]) > 2) continue;
          const uint32_t tkey = static_cast<uint32_t>(target) * 4 + static_cast<uint32_t>(PosIndex(target_pos[0]));
          if (symbol == "@" || symbol == "@i") {
            add(tkey, weight * kBroaderFactor, SenseKind::kBroader);
          } else if (symbol == "+" && source_target.size() == 4 &&
                     ToLong(source_target.substr(0, 2), 16) == word_number) {
            add(tkey, weight * kDerivationFactor, SenseKind::kDerivation);
          }
        }
      }
    }
  }
  std::sort(out.begin(), out.end(), [](const Sense& a, const Sense& b) { return a.key < b.key; });
  return out;
}

std::vector<std::string> Lexicon::SynsetWords(uint32_t key) const {
  std::vector<std::string> out;
  if (!data_->wordnet) return out;
  std::vector<std::string_view> s = Fields(data_->DataLine(key));
  if (s.size() < 4) return out;
  const long w_cnt = ToLong(s[3], 16);
  for (long k = 0; k < w_cnt && 4 + 2 * k < static_cast<long>(s.size()); ++k) {
    std::string lemma = Lower(s[4 + 2 * k]);
    if (size_t paren = lemma.find('('); paren != std::string::npos) lemma.resize(paren);
    std::replace(lemma.begin(), lemma.end(), '_', ' ');
    AddUnique(out, lemma);
  }
  return out;
}

}  // namespace verbinder::matching
