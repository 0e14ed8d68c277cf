#include "questions/routing.h"

#include <algorithm>
#include <set>

#include "matching/thesaurus.h"
#include "util/strings.h"

namespace verbinder::questions {
namespace {

std::string Lower(const std::string& s) {
  return AsciiLower(Trim(s));
}

std::string JoinWords(const std::vector<std::string>& xs, const std::string& last_sep) {
  std::string out;
  for (size_t i = 0; i < xs.size(); ++i) {
    if (i > 0) out += (i + 1 == xs.size()) ? last_sep : ", ";
    out += xs[i];
  }
  return out;
}

}  // namespace

std::vector<RoutedMember> RouteQuestion(const RoutingQuestion& q, const std::vector<RoutingCandidate>& candidates,
                                        int k, const matching::TextAnalyzer& analyzer,
                                        const std::map<std::string, SectorLabel>& sector_labels) {
  const auto& thesaurus = matching::Thesaurus::Default();
  std::string qtext = q.title + ".\n" + q.text + ".\n" + Join(q.tags, ", ");
  auto qtokens = matching::Tokenize(qtext);
  auto lang = matching::GuessLanguage(qtokens, matching::Language::kDutch);
  matching::TextAnalysis qa = analyzer.Analyze(qtext, lang);
  // A readable word for each question stem: the first token with that stem.
  std::map<std::string, std::string> word_of_stem;
  for (const auto& t : qtokens) {
    if (matching::IsStopWord(t)) continue;
    for (auto l : {qa.language, matching::Language::kDutch, matching::Language::kEnglish})
      word_of_stem.emplace(analyzer.Stem(t, l), t);
  }
  std::set<int> qconcepts(qa.concepts.begin(), qa.concepts.end());
  std::set<int> qrelated;
  for (int c : qa.concepts)
    for (int r : thesaurus.concepts()[c].related)
      if (!qconcepts.count(r)) qrelated.insert(r);
  std::set<std::string> qterms(qa.terms.begin(), qa.terms.end());
  std::set<std::string> qtags;
  for (const auto& t : q.tags) qtags.insert(Lower(t));

  std::vector<RoutedMember> out;
  for (const auto& c : candidates) {
    std::string ctext = c.expertise_text + ".\n" + Join(c.expertise_tags, ", ");
    if (Trim(ctext) == ".") continue;
    matching::TextAnalysis ca = analyzer.Analyze(ctext, qa.language);
    RoutedMember m;
    m.id = c.id;
    double points = 0;
    std::set<std::string> seen_en;
    auto add = [&](const std::string& en, const std::string& nl) {
      if (!seen_en.insert(en).second) return;
      m.matched_en.push_back(en);
      m.matched_nl.push_back(nl);
    };
    for (int cc : ca.concepts) {
      if (qconcepts.count(cc)) {
        points += 3;
        add(thesaurus.concepts()[cc].label_en, thesaurus.concepts()[cc].label_nl);
      }
    }
    for (int cc : ca.concepts) {
      if (qrelated.count(cc)) {
        points += 1;
        add("related: " + thesaurus.concepts()[cc].label_en, "verwant: " + thesaurus.concepts()[cc].label_nl);
      }
    }
    for (const auto& t : ca.terms) {
      if (qterms.count(t)) {
        points += 1.5;
        auto w = word_of_stem.find(t);
        std::string word = w == word_of_stem.end() ? t : w->second;
        add(word, word);
      }
    }
    for (const auto& t : c.expertise_tags) {
      if (qtags.count(Lower(t))) {
        points += 2;
        add(Lower(t), Lower(t));
      }
    }
    if (points <= 0) continue;
    m.other_sector = !q.sector.empty() && !c.sector.empty() && c.sector != q.sector;
    m.score = points * (m.other_sector ? 1.5 : 1.0);
    // At most five matched items in the reason.
    std::vector<std::string> en(m.matched_en.begin(), m.matched_en.begin() + std::min<size_t>(5, m.matched_en.size()));
    std::vector<std::string> nl(m.matched_nl.begin(), m.matched_nl.begin() + std::min<size_t>(5, m.matched_nl.size()));
    m.reason_en = "Expertise that fits your question: " + JoinWords(en, " and ") + ".";
    m.reason_nl = "Expertise die past bij je vraag: " + JoinWords(nl, " en ") + ".";
    if (m.other_sector) {
      auto it = sector_labels.find(c.sector);
      std::string sen = it == sector_labels.end() ? c.sector : it->second.en;
      std::string snl = it == sector_labels.end() ? c.sector : it->second.nl;
      m.reason_en += " Works in " + sen + " — another sector than yours, so a fresh view.";
      m.reason_nl += " Werkt in " + snl + " — een andere sector dan de jouwe, dus een frisse blik.";
    } else if (!c.sector.empty() && c.sector == q.sector) {
      m.reason_en += " Works in your own sector.";
      m.reason_nl += " Werkt in je eigen sector.";
    }
    out.push_back(std::move(m));
  }
  std::sort(out.begin(), out.end(), [](const RoutedMember& a, const RoutedMember& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.id < b.id;
  });
  if (k >= 0 && out.size() > static_cast<size_t>(k)) out.resize(k);
  return out;
}

}  // namespace verbinder::questions
