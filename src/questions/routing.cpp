#include "questions/routing.h"

#include <algorithm>
#include <utility>
#include <set>

#include "matching/thesaurus.h"
#include "util/strings.h"

namespace verbinder::questions {
namespace {

// A member id as an engine attendee id whose string order is the numeric
// order (the engine breaks ties by id: lower id first).
std::string AttendeeId(int64_t id) {
  std::string digits = std::to_string(id);
  return std::string(digits.size() < 20 ? 20 - digits.size() : 0, '0') + digits;
}

constexpr size_t kMaxMatchedInReason = 5;

}  // namespace

Result<std::vector<RoutedMember>> RouteQuestion(const RoutingQuestion& q,
                                                const std::vector<RoutingCandidate>& candidates, int k,
                                                const matching::TextAnalyzer& analyzer,
                                                const std::map<std::string, SectorLabel>& sector_labels,
                                                matching::NetworkLearning network) {
  const auto& thesaurus = matching::Thesaurus::Default();
  const std::string qtext = q.title + ".\n" + q.text + ".\n" + Join(q.tags, ", ");
  const std::vector<std::string> qtokens = matching::Tokenize(qtext);
  const matching::Language lang = matching::GuessLanguage(qtokens, matching::Language::kDutch);
  const std::string lang_code = lang == matching::Language::kDutch ? "nl" : "en";

  // The asker is attendee 0 with the question as their one challenge; the
  // candidates follow with their expertise (nothing written: nothing to meet).
  matching::SuggestInput in;
  in.attendees.push_back({.id = "question", .sector = q.sector, .languages = {lang_code}, .challenges = {qtext}});
  std::vector<const RoutingCandidate*> candidate_of = {nullptr};
  for (const RoutingCandidate& c : candidates) {
    if (Trim(c.expertise_text).empty() && c.expertise_tags.empty()) continue;
    in.attendees.push_back({.id = AttendeeId(c.id),
                            .sector = c.sector,
                            .languages = {lang_code},
                            .expertise_tags = c.expertise_tags,
                            .expertise_text = c.expertise_text});
    candidate_of.push_back(&c);
  }
  std::vector<RoutedMember> out;
  if (k == 0 || in.attendees.size() < 2) return out;
  in.confirmed_meetings = std::move(network.meetings);
  in.switched_off = std::move(network.switched_off);
  matching::SuggestOptions options;
  options.top_k = k < 0 ? static_cast<int>(in.attendees.size()) - 1 : k;
  options.only_for = 0;
  VB_ASSIGN_OR_RETURN(matching::SuggestResult result, matching::Suggest(in, options));

  // A readable word for each question stem: the first token with that stem.
  std::map<std::string, std::string> word_of_stem;
  for (const auto& t : qtokens) {
    if (matching::IsStopWord(t)) continue;
    for (auto l : {lang, matching::Language::kDutch, matching::Language::kEnglish})
      word_of_stem.emplace(analyzer.Stem(t, l), t);
  }
  for (const matching::Suggestion& s : result.suggestions[0]) {
    const RoutingCandidate& c = *candidate_of[s.other];
    RoutedMember m;
    m.id = c.id;
    m.score = s.score;
    // What met, in words: the concepts (shared or linked), then plain words.
    std::set<std::string> seen;
    auto add = [&](const std::string& en, const std::string& nl) {
      if (!seen.insert(en).second) return;
      m.matched_en.push_back(en);
      m.matched_nl.push_back(nl);
    };
    for (int concept_index : s.matched_concepts)
      add(thesaurus.concepts()[concept_index].label_en, thesaurus.concepts()[concept_index].label_nl);
    for (const std::string& stem : s.matched_terms) {
      auto w = word_of_stem.find(stem);
      const std::string& word = w == word_of_stem.end() ? stem : w->second;
      add(word, word);
    }
    m.other_sector = !q.sector.empty() && !c.sector.empty() && c.sector != q.sector;
    // At most five matched items in the reason, which the asker and the
    // routed member both read ("the question", not "your question").
    const size_t shown = std::min(kMaxMatchedInReason, m.matched_en.size());
    const std::vector<std::string> en(m.matched_en.begin(), m.matched_en.begin() + shown);
    const std::vector<std::string> nl(m.matched_nl.begin(), m.matched_nl.begin() + shown);
    m.reason_en = en.empty() ? "Expertise that fits the question."
                             : "Expertise that fits the question: " + ListInSentence(en, "and") + ".";
    m.reason_nl = nl.empty() ? "Expertise die past bij de vraag."
                             : "Expertise die past bij de vraag: " + ListInSentence(nl, "en") + ".";
    if (m.other_sector) {
      auto it = sector_labels.find(c.sector);
      std::string sen = it == sector_labels.end() ? c.sector : it->second.en;
      std::string snl = it == sector_labels.end() ? c.sector : it->second.nl;
      m.reason_en += " Works in " + sen + " — another sector than the asker's, so a fresh view.";
      m.reason_nl += " Werkt in " + snl + " — een andere sector dan die van de vrager, dus een frisse blik.";
    } else if (!c.sector.empty() && c.sector == q.sector) {
      m.reason_en += " Works in the asker's own sector.";
      m.reason_nl += " Werkt in dezelfde sector als de vrager.";
    }
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace verbinder::questions
