#include "matching/thesaurus.h"

#include "matching/text.h"
#include "util/strings.h"

namespace verbinder::matching {
namespace internal {
extern const std::string_view kThesaurusTsv;  // thesaurus_data.cpp (generated)
}  // namespace internal

Result<Thesaurus> Thesaurus::Parse(std::string_view tsv) {
  Thesaurus t;
  std::vector<std::vector<std::string>> related_ids;
  int line_number = 0;
  for (const std::string& line : Split(tsv, '\n')) {
    ++line_number;
    std::string trimmed = Trim(line);
    if (trimmed.empty() || trimmed[0] == '#') continue;
    std::vector<std::string> fields = Split(line, '\t');
    if (fields.size() < 4) {
      return InvalidArgument("expected at least 4 tab-separated fields", "thesaurus line " + std::to_string(line_number));
    }
    Concept c;
    c.id = Trim(fields[0]);
    c.label_en = Trim(fields[1]);
    c.label_nl = Trim(fields[2]);
    for (const std::string& term : Split(fields[3], ';')) {
      std::string lower = Trim(term);
      for (char& ch : lower) {
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
      }
      if (!lower.empty()) c.terms.push_back(lower);
    }
    if (t.FindConcept(c.id) >= 0) {
      return InvalidArgument("duplicate concept \"" + c.id + "\"", "thesaurus line " + std::to_string(line_number));
    }
    related_ids.push_back(fields.size() > 4 ? Split(Trim(fields[4]), ',') : std::vector<std::string>{});
    t.concepts_.push_back(std::move(c));
  }
  TextAnalyzer stemmer;
  for (size_t k = 0; k < t.concepts_.size(); ++k) {
    for (const std::string& id : related_ids[k]) {
      std::string rid = Trim(id);
      if (rid.empty()) continue;
      int r = t.FindConcept(rid);
      if (r < 0) return InvalidArgument("unknown related concept \"" + rid + "\"", "thesaurus concept " + t.concepts_[k].id);
      t.concepts_[k].related.push_back(r);
    }
    for (const std::string& term : t.concepts_[k].terms) {
      TermPattern p;
      p.concept_index = static_cast<int>(k);
      for (const std::string& token : Tokenize(term)) {
        p.token_stems.push_back({stemmer.Stem(token, Language::kDutch), stemmer.Stem(token, Language::kEnglish)});
      }
      if (p.token_stems.empty()) continue;
      if (p.token_stems.size() == 1) p.raw = Tokenize(term)[0];
      int index = static_cast<int>(t.patterns_.size());
      for (const std::string& s : p.token_stems[0]) {
        auto& list = t.by_first_stem_[s];
        if (list.empty() || list.back() != index) list.push_back(index);
      }
      if (p.raw.size() >= 6) t.compound_patterns_.push_back(index);
      t.patterns_.push_back(std::move(p));
    }
  }
  return t;
}

const Thesaurus& Thesaurus::Default() {
  static const Thesaurus kDefault = [] {
    Result<Thesaurus> t = Parse(internal::kThesaurusTsv);
    // The file is compiled in and covered by text_test; a parse failure is a build bug.
    return t.ok() ? std::move(t).value() : Thesaurus{};
  }();
  return kDefault;
}

int Thesaurus::FindConcept(std::string_view id) const {
  for (size_t k = 0; k < concepts_.size(); ++k) {
    if (concepts_[k].id == id) return static_cast<int>(k);
  }
  return -1;
}

const std::vector<int>* Thesaurus::PatternsStartingWith(const std::string& stem) const {
  auto it = by_first_stem_.find(stem);
  return it == by_first_stem_.end() ? nullptr : &it->second;
}

}  // namespace verbinder::matching
