#include "matching/suggest.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "matching/suggest_internal.h"
#include "matching/text.h"
#include "matching/thesaurus.h"

namespace verbinder::matching {
namespace {

// Scoring constants. Relevance is squashed to [0, 1); the bonuses are on the
// same scale so that a cross-sector, online-only pair beats a slightly better
// same-sector match, but never beats a clearly better one. Explicit requests
// dominate everything ("count most").
constexpr double kForwardShare = 0.75;    // i's challenges vs j's expertise
constexpr double kBackwardShare = 0.25;   // j's challenges vs i's expertise
constexpr double kRelatedFactor = 0.5;    // a related concept counts half
constexpr double kTermFactor = 0.3;       // a shared plain word counts less than a concept
constexpr double kSquash = 3.0;
constexpr double kCrossSectorBonus = 0.15;
constexpr double kOnlineTieBonus = 0.10;
constexpr double kColleaguePenalty = 0.30;
constexpr double kMetPenalty = 0.20;
constexpr double kRequestByMe = 1.0;
constexpr double kRequestByThem = 0.6;

struct Profile {
  TextAnalysis expertise;
  std::vector<TextAnalysis> challenges;
  std::vector<std::string> challenge_text;
  Language language = Language::kEnglish;
};

uint64_t Key(int a, int b) { return (static_cast<uint64_t>(a) << 32) | static_cast<uint32_t>(b); }

template <typename T>
std::vector<T> Intersect(const std::vector<T>& a, const std::vector<T>& b) {
  std::vector<T> out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

struct Direction {
  double relevance = 0;
  std::vector<int> direct;
  std::vector<int> related;
  std::vector<std::string> terms;
  int best_challenge = -1;
};

class Scorer {
 public:
  Scorer(const std::vector<Profile>& profiles) : profiles_(profiles) {
    const Thesaurus& t = Thesaurus::Default();
    double n = static_cast<double>(profiles.size());
    std::vector<int> df(t.concepts().size(), 0);
    std::unordered_map<std::string, int> term_df;
    for (const Profile& p : profiles) {
      for (int c : p.expertise.concepts) ++df[c];
      for (const std::string& s : p.expertise.terms) ++term_df[s];
    }
    concept_idf_.resize(df.size());
    for (size_t c = 0; c < df.size(); ++c) concept_idf_[c] = std::max(0.1, std::log((n + 1) / (df[c] + 0.5)));
    for (const auto& [s, d] : term_df) term_idf_[s] = std::max(0.1, std::log((n + 1) / (d + 0.5)));
    related_.resize(t.concepts().size());
    for (size_t c = 0; c < t.concepts().size(); ++c) {
      related_[c] = t.concepts()[c].related;
      std::sort(related_[c].begin(), related_[c].end());
    }
  }

  // How well i's challenges meet j's expertise.
  Direction Score(int i, int j) const {
    Direction d;
    const TextAnalysis& expertise = profiles_[j].expertise;
    double best = 0;
    for (size_t k = 0; k < profiles_[i].challenges.size(); ++k) {
      const TextAnalysis& ch = profiles_[i].challenges[k];
      std::vector<int> direct = Intersect(ch.concepts, expertise.concepts);
      std::vector<int> related;
      for (int e : expertise.concepts) {
        if (std::binary_search(ch.concepts.begin(), ch.concepts.end(), e)) continue;
        for (int c : ch.concepts) {
          if (std::binary_search(related_[c].begin(), related_[c].end(), e)) {
            related.push_back(e);
            break;
          }
        }
      }
      std::vector<std::string> terms = Intersect(ch.terms, expertise.terms);
      double s = 0;
      for (int c : direct) s += concept_idf_[c];
      for (int c : related) s += kRelatedFactor * concept_idf_[c];
      for (const std::string& t : terms) s += kTermFactor * term_idf_.at(t);
      d.relevance += s;
      if (s > best) {
        best = s;
        d.best_challenge = static_cast<int>(k);
      }
      for (int c : direct) d.direct.push_back(c);
      for (int c : related) d.related.push_back(c);
      for (const std::string& t : terms) d.terms.push_back(t);
    }
    for (auto* v : {&d.direct, &d.related}) {
      std::sort(v->begin(), v->end());
      v->erase(std::unique(v->begin(), v->end()), v->end());
    }
    std::sort(d.terms.begin(), d.terms.end());
    d.terms.erase(std::unique(d.terms.begin(), d.terms.end()), d.terms.end());
    // A concept met directly is not also "related".
    std::vector<int> only_related;
    std::set_difference(d.related.begin(), d.related.end(), d.direct.begin(), d.direct.end(),
                        std::back_inserter(only_related));
    d.related = std::move(only_related);
    return d;
  }

 private:
  const std::vector<Profile>& profiles_;
  std::vector<double> concept_idf_;
  std::unordered_map<std::string, double> term_idf_;
  std::vector<std::vector<int>> related_;
};

double Squash(double r) { return 1.0 - std::exp(-r / kSquash); }

bool PrefersDutch(const SuggestAttendee& a) {
  return !a.languages.empty() && (a.languages[0] == "nl" || a.languages[0] == "nl-NL" || a.languages[0] == "nl-BE");
}

}  // namespace

Status ValidateSuggestInput(const SuggestInput& input) {
  const int n = static_cast<int>(input.attendees.size());
  std::unordered_set<std::string> ids;
  for (int i = 0; i < n; ++i) {
    const std::string& id = input.attendees[i].id;
    std::string where = "attendees[" + std::to_string(i) + "].id";
    if (id.empty()) return InvalidArgument("must not be empty", where);
    if (!ids.insert(id).second) return InvalidArgument("duplicate attendee id \"" + id + "\"", where);
  }
  for (size_t k = 0; k < input.ties.size(); ++k) {
    const SuggestTie& t = input.ties[k];
    std::string where = "ties[" + std::to_string(k) + "]";
    if (t.a < 0 || t.a >= n) return InvalidArgument("attendee index out of range", where + ".a");
    if (t.b < 0 || t.b >= n) return InvalidArgument("attendee index out of range", where + ".b");
    if (t.a == t.b) return InvalidArgument("a tie needs two different attendees", where + ".b");
  }
  for (size_t k = 0; k < input.requests.size(); ++k) {
    const SuggestRequest& r = input.requests[k];
    std::string where = "requests[" + std::to_string(k) + "]";
    if (r.from < 0 || r.from >= n) return InvalidArgument("attendee index out of range", where + ".from");
    if (r.to < 0 || r.to >= n) return InvalidArgument("attendee index out of range", where + ".to");
    if (r.from == r.to) return InvalidArgument("an attendee cannot request themselves", where + ".to");
  }
  return Status::Ok();
}

Result<SuggestResult> Suggest(const SuggestInput& input, const SuggestOptions& options) {
  VB_RETURN_IF_ERROR(ValidateSuggestInput(input));
  if (options.top_k < 1) return InvalidArgument("must be at least 1", "top");
  const int n = static_cast<int>(input.attendees.size());
  TextAnalyzer analyzer;
  std::vector<Profile> profiles(n);
  for (int i = 0; i < n; ++i) {
    const SuggestAttendee& a = input.attendees[i];
    Language fallback = PrefersDutch(a) ? Language::kDutch : Language::kEnglish;
    std::string expertise = a.expertise_text;
    for (const std::string& tag : a.expertise_tags) expertise += " . " + tag;
    profiles[i].expertise = analyzer.Analyze(expertise, fallback, options.use_thesaurus);
    for (const std::string& c : a.challenges) {
      profiles[i].challenges.push_back(analyzer.Analyze(c, fallback, options.use_thesaurus));
      profiles[i].challenge_text.push_back(c);
    }
  }
  std::unordered_map<uint64_t, bool> ties;  // (min,max) -> real
  for (const SuggestTie& t : input.ties) {
    bool& real = ties[Key(std::min(t.a, t.b), std::max(t.a, t.b))];
    real = real || t.real;
  }
  std::unordered_set<uint64_t> requests;
  for (const SuggestRequest& r : input.requests) requests.insert(Key(r.from, r.to));

  Scorer scorer(profiles);
  SuggestResult result;
  result.suggestions.resize(n);
  for (int i = 0; i < n; ++i) {
    const SuggestAttendee& me = input.attendees[i];
    struct Candidate {
      Suggestion suggestion;
      internal::PairReasons why;
    };
    std::vector<Candidate> candidates;
    for (int j = 0; j < n; ++j) {
      if (i == j) continue;
      const SuggestAttendee& other = input.attendees[j];
      Direction fwd = scorer.Score(i, j);
      Direction back = scorer.Score(j, i);
      internal::PairReasons why;
      why.requested_by_me = requests.count(Key(i, j)) > 0;
      why.requested_by_them = requests.count(Key(j, i)) > 0;
      double relevance = kForwardShare * Squash(fwd.relevance) + kBackwardShare * Squash(back.relevance);
      if (relevance <= 0 && !why.requested_by_me && !why.requested_by_them) continue;
      double score = relevance;
      auto tie = ties.find(Key(std::min(i, j), std::max(i, j)));
      why.cross_sector = !me.sector.empty() && !other.sector.empty() && me.sector != other.sector;
      why.online_only_tie = tie != ties.end() && !tie->second;
      why.met_before = tie != ties.end() && tie->second;
      why.colleagues = !me.organization.empty() && me.organization == other.organization;
      if (why.cross_sector) score += kCrossSectorBonus;
      if (why.online_only_tie) score += kOnlineTieBonus;
      if (why.met_before) score -= kMetPenalty;
      if (why.colleagues) score -= kColleaguePenalty;
      if (why.requested_by_me) score += kRequestByMe;
      if (why.requested_by_them) score += kRequestByThem;
      if (score <= 0) continue;
      why.direct_concepts = fwd.direct;
      why.related_concepts = fwd.related;
      why.reverse_concepts = back.direct;
      why.reverse_concepts.insert(why.reverse_concepts.end(), back.related.begin(), back.related.end());
      why.shared_terms = fwd.terms;
      if (fwd.best_challenge >= 0) why.challenge = profiles[i].challenge_text[fwd.best_challenge];
      Suggestion s;
      s.other = j;
      s.score = score;
      s.matched_concepts = fwd.direct;
      s.matched_concepts.insert(s.matched_concepts.end(), fwd.related.begin(), fwd.related.end());
      candidates.push_back({std::move(s), std::move(why)});
    }
    std::stable_sort(candidates.begin(), candidates.end(), [&](const Candidate& x, const Candidate& y) {
      if (x.suggestion.score != y.suggestion.score) return x.suggestion.score > y.suggestion.score;
      return input.attendees[x.suggestion.other].id < input.attendees[y.suggestion.other].id;
    });
    if (static_cast<int>(candidates.size()) > options.top_k) candidates.resize(options.top_k);
    for (Candidate& c : candidates) {
      c.suggestion.explanation = internal::Explain(me, input.attendees[c.suggestion.other], c.why, PrefersDutch(me));
      result.suggestions[i].push_back(std::move(c.suggestion));
    }
  }
  return result;
}

}  // namespace verbinder::matching
