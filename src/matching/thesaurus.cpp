#include "matching/thesaurus.h"

#include <algorithm>

#include "matching/text.h"
#include "util/strings.h"

namespace verbinder::matching {
namespace internal {
extern const std::string_view kThesaurusTsv;  // thesaurus_data.cpp (generated)
}  // namespace internal

namespace {

std::string Lower(std::string s) {
  for (char& ch : s) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  }
  return s;
}

std::vector<std::string> Ids(const std::vector<std::string>& fields, size_t k) {
  return fields.size() > k ? Split(Trim(fields[k]), ',') : std::vector<std::string>{};
}

bool Contains(const std::vector<int>& v, int x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

}  // namespace

Result<Thesaurus> Thesaurus::Parse(std::string_view tsv) {
  Thesaurus t;
  std::vector<std::vector<std::string>> related_ids, broader_ids;
  std::vector<std::string> extra_parts;
  struct Addition {
    std::string id;
    std::vector<std::string> fields;  // "=", id, terms, related, broader
    std::string where;
  };
  std::vector<Addition> additions;
  std::vector<std::pair<std::string, std::string>> context_ids;  // (id, where)
  int line_number = 0;
  std::string file = "thesaurus";  // renamed by "# @file <name>" lines (CMake joins the area files)
  auto where = [&] { return file + " line " + std::to_string(line_number); };
  for (const std::string& line : Split(tsv, '\n')) {
    ++line_number;
    std::string trimmed = Trim(line);
    if (trimmed.rfind("# @file ", 0) == 0) {
      file = Trim(trimmed.substr(8));
      line_number = 0;
      continue;
    }
    if (trimmed.empty() || trimmed[0] == '#') continue;
    std::vector<std::string> fields = Split(line, '\t');
    if (Trim(fields[0]) == "+") {  // extra compound parts
      if (fields.size() < 2) return InvalidArgument("expected words after '+'", where());
      for (const std::string& w : Split(fields[1], ';')) {
        std::string lower = Lower(Trim(w));
        if (!lower.empty()) extra_parts.push_back(lower);
      }
      continue;
    }
    if (Trim(fields[0]) == "@context") {  // concepts that name a group of people
      if (fields.size() < 2) return InvalidArgument("expected concept ids after '@context'", where());
      for (const std::string& id : Ids(fields, 1)) context_ids.push_back({Trim(id), where()});
      continue;
    }
    if (Trim(fields[0]) == "=") {  // more terms and links for a concept defined in any file
      if (fields.size() < 3) return InvalidArgument("expected '=', a concept id and terms", where());
      additions.push_back({Trim(fields[1]), fields, where()});
      continue;
    }
    if (fields.size() < 4) {
      return InvalidArgument("expected at least 4 tab-separated fields", where());
    }
    Concept c;
    c.id = Trim(fields[0]);
    c.label_en = Trim(fields[1]);
    c.label_nl = Trim(fields[2]);
    for (const std::string& term : Split(fields[3], ';')) {
      std::string lower = Lower(Trim(term));
      if (!lower.empty()) c.terms.push_back(lower);
    }
    if (!t.index_.emplace(c.id, static_cast<int>(t.concepts_.size())).second) {
      return InvalidArgument("duplicate concept \"" + c.id + "\"", where());
    }
    related_ids.push_back(Ids(fields, 4));
    broader_ids.push_back(Ids(fields, 5));
    t.concepts_.push_back(std::move(c));
  }
  for (const Addition& a : additions) {
    int k = t.FindConcept(a.id);
    if (k < 0) return InvalidArgument("'=' names an unknown concept \"" + a.id + "\"", a.where);
    for (const std::string& term : Split(a.fields[2], ';')) {
      std::string lower = Lower(Trim(term));
      if (!lower.empty()) t.concepts_[k].terms.push_back(lower);
    }
    for (const std::string& id : Ids(a.fields, 3)) related_ids[k].push_back(id);
    for (const std::string& id : Ids(a.fields, 4)) broader_ids[k].push_back(id);
  }
  for (const auto& [id, at] : context_ids) {
    if (id.empty()) continue;
    int k = t.FindConcept(id);
    if (k < 0) return InvalidArgument("'@context' names an unknown concept \"" + id + "\"", at);
    t.concepts_[k].context = true;
  }
  TextAnalyzer stemmer;
  for (size_t k = 0; k < t.concepts_.size(); ++k) {
    for (auto [ids, out, what] : {std::tuple{&related_ids[k], &t.concepts_[k].related, "related"},
                                  std::tuple{&broader_ids[k], &t.concepts_[k].broader, "broader"}}) {
      for (const std::string& id : *ids) {
        std::string rid = Trim(id);
        if (rid.empty()) continue;
        int r = t.FindConcept(rid);
        if (r < 0) {
          return InvalidArgument(std::string("unknown ") + what + " concept \"" + rid + "\"",
                                 "thesaurus concept " + t.concepts_[k].id);
        }
        if (r == static_cast<int>(k))
          return InvalidArgument("a concept cannot relate to itself", "thesaurus concept " + rid);
        if (!Contains(*out, r)) out->push_back(r);
      }
    }
    for (const std::string& term : t.concepts_[k].terms) {
      TermPattern p;
      p.concept_index = static_cast<int>(k);
      std::vector<std::string> tokens = Tokenize(term);
      std::vector<std::string> content;
      for (const std::string& token : tokens) {
        if (!IsStopWord(token)) content.push_back(token);
      }
      p.exact = content.size() < 2;
      for (const std::string& token : p.exact ? tokens : content) {
        p.token_stems.push_back(
            {stemmer.StemTermWord(token, Language::kDutch), stemmer.StemTermWord(token, Language::kEnglish)});
      }
      if (p.token_stems.empty()) continue;
      if (tokens.size() == 1) {
        p.raw = tokens[0];
        t.compound_words_.insert(p.raw);
        t.compound_stems_.insert(p.token_stems[0][0]);
        t.single_token_stems_.insert(p.token_stems[0][0]);
        t.single_token_stems_.insert(p.token_stems[0][1]);
      }
      int index = static_cast<int>(t.patterns_.size());
      for (const std::string& s : p.token_stems[0]) {
        auto& list = t.by_first_stem_[s];
        if (list.empty() || list.back() != index) list.push_back(index);
      }
      if (p.raw.size() >= 6) {
        t.compound_patterns_[p.raw].push_back(index);
        t.compound_lengths_.push_back(p.raw.size());
      }
      t.patterns_.push_back(std::move(p));
    }
  }
  std::sort(t.compound_lengths_.begin(), t.compound_lengths_.end());
  t.compound_lengths_.erase(std::unique(t.compound_lengths_.begin(), t.compound_lengths_.end()),
                            t.compound_lengths_.end());
  for (size_t k = 0; k < t.concepts_.size(); ++k) {
    for (int b : t.concepts_[k].broader) t.concepts_[b].narrower.push_back(static_cast<int>(k));
  }
  for (const std::string& w : extra_parts) {
    for (const std::string& token : Tokenize(w)) {
      t.compound_words_.insert(token);
      t.compound_stems_.insert(stemmer.Stem(token, Language::kDutch));
    }
  }
  return t;
}

namespace {
std::string& ConfiguredText() {
  static std::string text;
  return text;
}
}  // namespace

void Thesaurus::ConfigureDefault(std::string tsv) {
  ConfiguredText() = std::move(tsv);
}

const Thesaurus& Thesaurus::Default() {
  static const Thesaurus kDefault = [] {
    const std::string& configured = ConfiguredText();
    Result<Thesaurus> t = Parse(configured.empty() ? internal::kThesaurusTsv : std::string_view(configured));
    // The file is compiled in and covered by text_test; a parse failure is a build bug.
    return t.ok() ? std::move(t).value() : Thesaurus{};
  }();
  return kDefault;
}

int Thesaurus::FindConcept(std::string_view id) const {
  auto it = index_.find(std::string(id));
  return it == index_.end() ? -1 : it->second;
}

const std::vector<int>* Thesaurus::PatternsStartingWith(const std::string& stem) const {
  auto it = by_first_stem_.find(stem);
  return it == by_first_stem_.end() ? nullptr : &it->second;
}

void Thesaurus::CompoundPatternsIn(std::string_view token, std::vector<int>* out) const {
  out->clear();
  for (size_t len : compound_lengths_) {
    if (len + 3 > token.size()) break;
    for (size_t from = 0; from + len <= token.size(); ++from) {
      auto it = compound_patterns_.find(token.substr(from, len));
      if (it != compound_patterns_.end()) out->insert(out->end(), it->second.begin(), it->second.end());
    }
  }
  std::sort(out->begin(), out->end());
  out->erase(std::unique(out->begin(), out->end()), out->end());
}

ConceptRelation Thesaurus::Relation(int c, int e) const {
  if (c == e) return ConceptRelation::kSame;
  const Concept& a = concepts_[c];
  if (Contains(a.broader, e)) return ConceptRelation::kBroader;
  if (Contains(a.narrower, e)) return ConceptRelation::kNarrower;
  if (Contains(a.related, e) || Contains(concepts_[e].related, c)) return ConceptRelation::kRelated;
  for (int b : a.broader) {
    if (Contains(concepts_[e].broader, b)) return ConceptRelation::kSibling;
  }
  return ConceptRelation::kNone;
}

}  // namespace verbinder::matching
