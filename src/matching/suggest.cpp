#include "matching/suggest.h"

#include <algorithm>
#include <cmath>
#include <memory>
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
constexpr double kForwardShare = 0.75;  // i's challenges vs j's expertise
constexpr double kBackwardShare = 0.1;  // j's challenges vs i's expertise (was 0.25; 0 ranks best on the tuning half)
// A concept of j's expertise that is not in i's challenge but linked to one
// of its concepts counts with the factor of the closest link: one step
// broader or narrower ("queueing theory" for "capacity planning") a bit more
// than a related one, a sibling under the same broader concept least.
constexpr double kBroaderNarrowerFactor = 0.6;
constexpr double kRelatedFactor = 0.5;
constexpr double kSiblingFactor = 0.25;
constexpr double kTermFactor = 0.3;  // a shared plain word counts less than a concept
constexpr double kSquash = 6.0;
// A challenge concept that is also in the member's own expertise is mostly
// context ("wound care nurse: patients wait for nursing homes"), not the need.
constexpr double kOwnFieldFactor = 0.3;
// Beyond its best cover, every further linked concept of j adds this share
// of its value: between two experts who both meet the need, the one whose
// expertise also covers its neighbourhood ranks first.
constexpr double kBreadth = 0.15;
// A concept the expert names in a tag ("I can help with") counts
// kTagWeight, one only found in the free text 1 (issue #20, tuned on
// pairs.json: 1.15-1.5 all help, 2 and more hurt).
constexpr double kTagWeight = 1.3;
// A generic hub concept (one with at least kHubNarrower narrower concepts:
// "operations", "people and HR") says little about what the expert can do:
// its idf counts kHubFactor, in the direct match and in every link to it.
constexpr int kHubNarrower = 2;
constexpr double kHubFactor = 0.3;
constexpr double kCrossSectorBonus = 0.15;
constexpr double kOnlineTieBonus = 0.10;
constexpr double kColleaguePenalty = 0.30;
constexpr double kMetPenalty = 0.20;
constexpr double kRequestByMe = 1.0;
constexpr double kRequestByThem = 0.6;

struct Profile {
  TextAnalysis expertise;
  std::vector<double> weight;  // per expertise concept: kTagWeight when a tag names it, else 1
  std::vector<TextAnalysis> challenges;
  std::vector<std::string> challenge_text;
  Language language = Language::kEnglish;
};

template <typename T>
std::vector<T> Intersect(const std::vector<T>& a, const std::vector<T>& b) {
  std::vector<T> out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

struct Link {
  int other = 0;  // the linked concept
  double factor = 0;
  ConceptRelation relation = ConceptRelation::kNone;
};

// links[c] = every concept linked to c, sorted by concept (symmetric: e is in
// links[c] exactly when c is in links[e], with the same factor).
const std::vector<std::vector<Link>>& ConceptLinks() {
  static const std::vector<std::vector<Link>> kLinks = [] {
    const Thesaurus& t = Thesaurus::Default();
    const int n = static_cast<int>(t.concepts().size());
    std::vector<std::vector<Link>> links(n);
    for (int c = 0; c < n; ++c) {
      for (int e = 0; e < n; ++e) {
        ConceptRelation r = t.Relation(c, e);
        double f = r == ConceptRelation::kBroader || r == ConceptRelation::kNarrower ? kBroaderNarrowerFactor
                   : r == ConceptRelation::kRelated                                  ? kRelatedFactor
                   : r == ConceptRelation::kSibling                                  ? kSiblingFactor
                                                                                     : 0;
        if (f > 0) links[c].push_back({e, f, r});
      }
    }
    return links;
  }();
  return kLinks;
}

struct Direction {
  double relevance = 0;
  std::vector<int> direct;
  std::vector<int> related;                        // linked, not direct: for matched_concepts
  std::vector<internal::ConceptLinkReason> links;  // (challenge concept, expertise concept, relation)
  std::vector<std::string> terms;
  int best_challenge = -1;
};

// Relevance of i's challenges to j's expertise: for every concept c of a
// challenge, the best cover j's expertise offers — c itself (its idf), or the
// strongest linked concept e (link factor x the smaller idf of c and e, so a
// generic field never counts as much as the specific need) — plus shared
// plain words. Summed over challenges. Each need counts once, so a long
// profile with many loosely linked concepts does not outrank one that meets
// the need exactly.
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
    for (size_t c = 0; c < df.size(); ++c) {
      concept_idf_[c] = std::max(0.1, std::log((n + 1) / (df[c] + 0.5)));
      if (static_cast<int>(t.concepts()[c].narrower.size()) >= kHubNarrower) concept_idf_[c] *= kHubFactor;
    }

    for (const auto& [s, d] : term_df) term_idf_[s] = std::max(0.1, std::log((n + 1) / (d + 0.5)));
    expertise_term_idf_.resize(profiles.size());
    for (size_t j = 0; j < profiles.size(); ++j) {
      for (const std::string& term : profiles[j].expertise.terms) expertise_term_idf_[j].push_back(term_idf_.at(term));
    }
  }

  // How well i's challenges meet j's expertise, with the reasons.
  Direction Score(int i, int j) const {
    Direction d;
    const TextAnalysis& expertise = profiles_[j].expertise;
    double best = 0;
    for (size_t k = 0; k < profiles_[i].challenges.size(); ++k) {
      const TextAnalysis& ch = profiles_[i].challenges[k];
      double s = 0;
      for (int c : ch.concepts) {
        const double need = NeedWeight(i, c);
        if (double w = Weight(j, c); w > 0) {
          s += need * concept_idf_[c] * w;
          d.direct.push_back(c);
          continue;
        }
        const Link* link = nullptr;
        double value = need * Cover(c, profiles_[j], &link);
        if (link) {
          s += value;
          d.related.push_back(link->other);
          d.links.push_back({c, link->other, link->relation, value});
        }
      }
      std::vector<std::string> terms = Intersect(ch.terms, expertise.terms);
      for (const std::string& t : terms) s += kTermFactor * term_idf_.at(t);
      d.relevance += s;
      if (s > best) {
        best = s;
        d.best_challenge = static_cast<int>(k);
      }
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
    // One link per expertise concept (the strongest), strongest first, for
    // the explanation.
    std::erase_if(d.links, [&](const internal::ConceptLinkReason& l) {
      return !std::binary_search(d.related.begin(), d.related.end(), l.expertise_concept);
    });
    std::stable_sort(d.links.begin(), d.links.end(), [](const auto& x, const auto& y) { return x.weight > y.weight; });
    std::vector<internal::ConceptLinkReason> unique_links;
    for (const auto& l : d.links) {
      bool seen = false;
      for (const auto& u : unique_links) seen = seen || u.expertise_concept == l.expertise_concept;
      if (!seen) unique_links.push_back(l);
    }
    d.links = std::move(unique_links);
    return d;
  }

  // Direction::relevance of Score(i, j), bit for bit (same terms, same
  // order), without building the reasons: for ranking; Score() then explains
  // only the pairs kept.
  double Relevance(int i, int j) const {
    const TextAnalysis& expertise = profiles_[j].expertise;
    const std::vector<double>& term_idf = expertise_term_idf_[j];
    double total = 0;
    for (const TextAnalysis& ch : profiles_[i].challenges) {
      double s = 0;
      for (int c : ch.concepts) {
        const double need = NeedWeight(i, c);
        if (double w = Weight(j, c); w > 0) {
          s += need * concept_idf_[c] * w;
          continue;
        }
        const Link* link = nullptr;
        double value = need * Cover(c, profiles_[j], &link);
        if (link) s += value;
      }
      for (size_t a = 0, b = 0; a < ch.terms.size() && b < expertise.terms.size();) {
        int cmp = ch.terms[a].compare(expertise.terms[b]);
        if (cmp < 0) {
          ++a;
        } else if (cmp > 0) {
          ++b;
        } else {
          s += kTermFactor * term_idf[b];
          ++a;
          ++b;
        }
      }
      total += s;
    }
    return total;
  }

  // How much concept c of i's challenge counts as a need (kOwnFieldFactor
  // when i is an expert in it).
  double NeedWeight(int i, int c) const {
    const std::vector<int>& own = profiles_[i].expertise.concepts;
    return std::binary_search(own.begin(), own.end(), c) ? kOwnFieldFactor : 1.0;
  }
  // The value of the link from concept c to concept e (0 if none).
  double LinkValue(int c, const Link& l) const { return l.factor * std::min(concept_idf_[c], concept_idf_[l.other]); }
  double ConceptIdf(int c) const { return concept_idf_[c]; }
  // The weight of concept c in j's expertise (0: not in it).
  double Weight(int j, int c) const {
    const std::vector<int>& v = profiles_[j].expertise.concepts;
    auto it = std::lower_bound(v.begin(), v.end(), c);
    return it != v.end() && *it == c ? profiles_[j].weight[it - v.begin()] : 0;
  }
  double TermIdf(const std::string& t) const { return term_idf_.at(t); }
  const std::vector<Link>& Links(int c) const { return links_[c]; }

 private:
  // The best linked cover of need c among `concepts` (sorted): links_[c] and
  // concepts are both sorted by concept, so one merge pass.
  double Cover(int c, const Profile& expert, const Link** best) const {
    const std::vector<int>& concepts = expert.expertise.concepts;
    const std::vector<Link>& l = links_[c];
    double value = 0, total = 0;
    for (size_t a = 0, b = 0; a < l.size() && b < concepts.size();) {
      if (l[a].other < concepts[b]) {
        ++a;
      } else if (concepts[b] < l[a].other) {
        ++b;
      } else {
        double v = LinkValue(c, l[a]) * expert.weight[b];
        total += v;
        if (v > value) {
          value = v;
          *best = &l[a];
        }
        ++a;
        ++b;
      }
    }
    return value + kBreadth * (total - value);
  }

  const std::vector<Profile>& profiles_;
  std::vector<double> concept_idf_;
  std::unordered_map<std::string, double> term_idf_;
  std::vector<std::vector<double>> expertise_term_idf_;  // j -> idf of each expertise term, in order
  const std::vector<std::vector<Link>>& links_ = ConceptLinks();
};

double Squash(double r) {
  return 1.0 - std::exp(-r / kSquash);
}

// Pre-filter for Suggest: inverted indexes from concepts and terms to the
// attendees whose expertise or challenges hold them. A pair without a shared
// concept, related concept or word in either direction has relevance 0, and
// such a pair is only ever suggested when one asked for the other, so the
// index loses nothing. For attendee i it also yields, per candidate j, an
// upper bound on the relevance in each direction (forward: Score's cover per
// need, or more; backward: every linked concept summed in full),
// which lets Suggest score candidates best-bound first and stop once no bound
// can reach its k-th best score.
class CandidateIndex {
 public:
  CandidateIndex(const std::vector<Profile>& profiles, const Scorer& scorer, size_t concepts)
      : profiles_(profiles), scorer_(scorer), expertise_by_concept_(concepts), challenge_by_concept_(concepts) {
    for (size_t j = 0; j < profiles.size(); ++j) {
      const int jj = static_cast<int>(j);
      for (size_t k = 0; k < profiles[j].expertise.concepts.size(); ++k)
        expertise_by_concept_[profiles[j].expertise.concepts[k]].push_back({jj, profiles[j].weight[k]});
      for (const std::string& t : profiles[j].expertise.terms) expertise_by_term_[t].push_back(jj);
      for (const TextAnalysis& ch : profiles[j].challenges) {
        for (int c : ch.concepts) challenge_by_concept_[c].push_back(jj);
        for (const std::string& t : ch.terms) challenge_by_term_[t].push_back(jj);
      }
    }
    forward_.assign(profiles.size(), 0);
    backward_.assign(profiles.size(), 0);
    touched_flag_.assign(profiles.size(), 0);
    need_best_.assign(profiles.size(), 0);
    need_sum_.assign(profiles.size(), 0);
  }

  // Fills touched() with every j != i that shares anything with i, and
  // forward(j) / backward(j) with upper bounds on Scorer::Score(i, j) and
  // Score(j, i) relevance. Valid until the next call.
  void Collect(int i) {
    for (int j : touched_) {
      forward_[j] = backward_[j] = 0;
      touched_flag_[j] = 0;
    }
    touched_.clear();
    const Profile& me = profiles_[i];
    // Per need c, the best value one of j's concepts offers plus kBreadth of
    // the others: Score's cover exactly when c is not in j's expertise, and
    // more than it when it is (Score then takes the direct value alone).
    for (const TextAnalysis& ch : me.challenges) {
      for (int c : ch.concepts) {
        const double need = scorer_.NeedWeight(i, c);
        AddToNeed(expertise_by_concept_[c], need * scorer_.ConceptIdf(c));
        for (const Link& l : scorer_.Links(c))
          AddToNeed(expertise_by_concept_[l.other], need * scorer_.LinkValue(c, l));
        for (int j : need_touched_) {
          forward_[j] += need_best_[j] + kBreadth * (need_sum_[j] - need_best_[j]);
          need_best_[j] = need_sum_[j] = 0;
        }
        need_touched_.clear();
      }
      for (const std::string& t : ch.terms) {
        auto it = expertise_by_term_.find(t);
        if (it != expertise_by_term_.end()) Add(it->second, kTermFactor * scorer_.TermIdf(t), forward_);
      }
    }
    // Backward: j's challenges against my expertise. challenge_by_concept_
    // lists j once per challenge holding the concept, so a concept in two of
    // j's challenges counts twice, as in Score.
    // Links are symmetric, so the challenge concepts linked to e are links(e);
    // a challenge with several of them counts e more than once (a bound).
    for (size_t k = 0; k < me.expertise.concepts.size(); ++k) {
      const int e = me.expertise.concepts[k];
      const double w = me.weight[k];
      Add(challenge_by_concept_[e], scorer_.ConceptIdf(e) * w, backward_);
      for (const Link& l : scorer_.Links(e))
        Add(challenge_by_concept_[l.other], scorer_.LinkValue(e, l) * w, backward_);
    }
    for (const std::string& t : me.expertise.terms) {
      auto it = challenge_by_term_.find(t);
      if (it != challenge_by_term_.end()) Add(it->second, kTermFactor * scorer_.TermIdf(t), backward_);
    }
    if (touched_flag_[i]) {
      touched_flag_[i] = 0;
      touched_.erase(std::find(touched_.begin(), touched_.end(), i));
      forward_[i] = backward_[i] = 0;
    }
  }

  const std::vector<int>& touched() const { return touched_; }
  double forward(int j) const { return forward_[j]; }
  double backward(int j) const { return backward_[j]; }

 private:
  void AddToNeed(const std::vector<std::pair<int, double>>& postings, double need_value) {
    for (auto [j, w] : postings) {
      const double value = need_value * w;
      if (!touched_flag_[j]) {
        touched_flag_[j] = 1;
        touched_.push_back(j);
      }
      if (need_sum_[j] == 0) need_touched_.push_back(j);
      need_best_[j] = std::max(need_best_[j], value);
      need_sum_[j] += value;
    }
  }
  void Add(const std::vector<int>& postings, double value, std::vector<double>& into) {
    for (int j : postings) {
      if (!touched_flag_[j]) {
        touched_flag_[j] = 1;
        touched_.push_back(j);
      }
      into[j] += value;
    }
  }

  const std::vector<Profile>& profiles_;
  const Scorer& scorer_;
  std::vector<std::vector<std::pair<int, double>>> expertise_by_concept_;  // (j, weight of the concept in j)
  std::unordered_map<std::string, std::vector<int>> expertise_by_term_;
  std::vector<std::vector<int>> challenge_by_concept_;  // one entry per challenge holding the concept
  std::unordered_map<std::string, std::vector<int>> challenge_by_term_;
  std::vector<double> forward_, backward_;
  std::vector<uint8_t> touched_flag_;
  // Scratch for one need in Collect: best and summed value per j, 0 between needs.
  std::vector<double> need_best_, need_sum_;
  std::vector<int> need_touched_;
  std::vector<int> touched_;
};

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
  if (!options.language.empty() && options.language != "nl" && options.language != "en")
    return InvalidArgument("must be nl or en", "language");
  const int n = static_cast<int>(input.attendees.size());
  TextAnalyzer analyzer;
  std::vector<Profile> profiles(n);
  for (int i = 0; i < n; ++i) {
    const SuggestAttendee& a = input.attendees[i];
    Language fallback = PrefersDutch(a) ? Language::kDutch : Language::kEnglish;
    std::string expertise = a.expertise_text;
    for (const std::string& tag : a.expertise_tags) expertise += " . " + tag;
    profiles[i].expertise = analyzer.Analyze(expertise, fallback, options.use_thesaurus);
    std::string tags;
    for (const std::string& tag : a.expertise_tags) tags += tag + " . ";
    const std::vector<int> tag_concepts = analyzer.Analyze(tags, fallback, options.use_thesaurus).concepts;
    for (int c : profiles[i].expertise.concepts)
      profiles[i].weight.push_back(std::binary_search(tag_concepts.begin(), tag_concepts.end(), c) ? kTagWeight : 1.0);
    for (const std::string& c : a.challenges) {
      profiles[i].challenges.push_back(analyzer.Analyze(c, fallback, options.use_thesaurus));
      profiles[i].challenge_text.push_back(c);
    }
  }
  // Ties and requests per attendee, as bits, so that the n^2 bound pass reads
  // an array instead of hashing pairs: for the current i, pair_bits[j] holds
  // the bits of (i, j) (SetPairBits fills it, ClearPairBits empties it).
  constexpr uint8_t kTie = 1, kRealTie = 2, kAskedByMe = 4, kAskedByThem = 8;
  std::vector<std::vector<std::pair<int, uint8_t>>> pair_bits_of(n);
  for (const SuggestTie& t : input.ties) {
    uint8_t bits = kTie | (t.real ? kRealTie : 0);
    pair_bits_of[t.a].push_back({t.b, bits});
    pair_bits_of[t.b].push_back({t.a, bits});
  }
  for (const SuggestRequest& r : input.requests) {
    pair_bits_of[r.from].push_back({r.to, kAskedByMe});
    pair_bits_of[r.to].push_back({r.from, kAskedByThem});
  }
  std::vector<uint8_t> pair_bits(n, 0);
  auto set_pair_bits = [&](int i) {
    for (const auto& [j, bits] : pair_bits_of[i]) pair_bits[j] |= bits;
  };
  auto clear_pair_bits = [&](int i) {
    for (const auto& [j, bits] : pair_bits_of[i]) pair_bits[j] = 0;
  };

  Scorer scorer(profiles);
  // Bonuses and penalties on top of the relevance, applied in a fixed order
  // (the bound and the score then round the same way); fills the reasons
  // when `why` is given.
  // Sectors and organizations as small integers (-1: empty), so the n^2
  // bound computations compare ints, not strings.
  std::vector<int> sector_of(n), organization_of(n);
  {
    std::unordered_map<std::string, int> sectors, organizations;
    for (int i = 0; i < n; ++i) {
      const SuggestAttendee& a = input.attendees[i];
      sector_of[i] = a.sector.empty() ? -1 : sectors.emplace(a.sector, static_cast<int>(sectors.size())).first->second;
      organization_of[i] =
          a.organization.empty()
              ? -1
              : organizations.emplace(a.organization, static_cast<int>(organizations.size())).first->second;
    }
  }
  // Valid for the i whose bits are set.
  auto adjust = [&](int i, int j, double score, internal::PairReasons* why) {
    internal::PairReasons local;
    internal::PairReasons& w = why ? *why : local;
    const uint8_t bits = pair_bits[j];
    w.requested_by_me = bits & kAskedByMe;
    w.requested_by_them = bits & kAskedByThem;
    w.cross_sector = sector_of[i] >= 0 && sector_of[j] >= 0 && sector_of[i] != sector_of[j];
    w.online_only_tie = (bits & kTie) && !(bits & kRealTie);
    w.met_before = bits & kRealTie;
    w.colleagues = organization_of[i] >= 0 && organization_of[i] == organization_of[j];
    if (w.cross_sector) score += kCrossSectorBonus;
    if (w.online_only_tie) score += kOnlineTieBonus;
    if (w.met_before) score -= kMetPenalty;
    if (w.colleagues) score -= kColleaguePenalty;
    if (w.requested_by_me) score += kRequestByMe;
    if (w.requested_by_them) score += kRequestByThem;
    return score;
  };
  // The score of the ordered pair (i, j); false when j is not suggested to i
  // at all (no relevance and no request, or a score <= 0).
  struct Candidate {
    double score = 0;
    int other = 0;
  };
  auto score_pair = [&](int i, int j, Candidate* out) {
    bool requested = pair_bits[j] & (kAskedByMe | kAskedByThem);
    double relevance = kForwardShare * Squash(scorer.Relevance(i, j)) + kBackwardShare * Squash(scorer.Relevance(j, i));
    if (relevance <= 0 && !requested) return false;
    double score = adjust(i, j, relevance, nullptr);
    if (score <= 0) return false;
    *out = {score, j};
    return true;
  };
  // The suggestion for a kept pair, with its reasons and explanation.
  auto explain = [&](int i, const Candidate& c) {
    const int j = c.other;
    Direction fwd = scorer.Score(i, j);
    Direction back = scorer.Score(j, i);
    internal::PairReasons why;
    adjust(i, j, 0, &why);
    why.direct_concepts = fwd.direct;
    why.related_concepts = fwd.related;
    why.links = fwd.links;
    why.reverse_concepts = back.direct;
    why.reverse_concepts.insert(why.reverse_concepts.end(), back.related.begin(), back.related.end());
    why.shared_terms = fwd.terms;
    if (fwd.best_challenge >= 0) why.challenge = profiles[i].challenge_text[fwd.best_challenge];
    Suggestion s;
    s.other = j;
    s.score = c.score;
    s.matched_concepts = fwd.direct;
    s.matched_concepts.insert(s.matched_concepts.end(), fwd.related.begin(), fwd.related.end());
    const bool nl = options.language.empty() ? PrefersDutch(input.attendees[i]) : options.language == "nl";
    s.explanation = internal::Explain(input.attendees[i], input.attendees[j], why, nl);
    return s;
  };
  auto better = [&](const Candidate& x, const Candidate& y) {
    if (x.score != y.score) return x.score > y.score;
    return input.attendees[x.other].id < input.attendees[y.other].id;
  };

  std::unique_ptr<CandidateIndex> index;
  std::vector<std::vector<int>> requested_with(n);  // requests in either direction
  if (options.prefilter) {
    index = std::make_unique<CandidateIndex>(profiles, scorer, Thesaurus::Default().concepts().size());
    for (const SuggestRequest& r : input.requests) {
      requested_with[r.from].push_back(r.to);
      requested_with[r.to].push_back(r.from);
    }
  }
  SuggestResult result;
  result.suggestions.resize(n);
  std::vector<Candidate> candidates;
  std::vector<uint8_t> scored_scratch(n, 0);   // j already scored for this i
  std::vector<std::pair<double, int>> bounds;  // (upper bound on the score, j)
  for (int i = 0; i < n; ++i) {
    candidates.clear();
    set_pair_bits(i);
    if (!options.prefilter) {
      for (int j = 0; j < n; ++j) {
        Candidate c;
        if (i != j && score_pair(i, j, &c)) candidates.push_back(c);
      }
    } else {
      index->Collect(i);
      bounds.clear();
      for (int j : index->touched()) {
        double relevance = kForwardShare * Squash(index->forward(j)) + kBackwardShare * Squash(index->backward(j));
        bounds.push_back({adjust(i, j, relevance, nullptr), j});
      }
      for (int j : requested_with[i]) {
        if (j != i) bounds.push_back({adjust(i, j, kForwardShare + kBackwardShare, nullptr), j});
      }
      // Best bound first; score in growing batches until the k-th best exact
      // score is above every bound not yet scored. The slack covers the
      // different summation order of bound and score.
      constexpr double kSlack = 1e-9;
      std::vector<uint8_t>& done = scored_scratch;
      size_t next = 0;
      size_t batch = static_cast<size_t>(options.top_k) * 4 + 16;
      while (next < bounds.size()) {
        size_t end = std::min(bounds.size(), next + batch);
        std::partial_sort(bounds.begin() + next, bounds.begin() + end, bounds.end(),
                          [](const auto& x, const auto& y) { return x.first > y.first; });
        for (size_t k = next; k < end; ++k) {
          int j = bounds[k].second;
          if (done[j]) continue;  // requested and also sharing concepts: listed twice
          done[j] = 1;
          Candidate c;
          if (score_pair(i, j, &c)) candidates.push_back(c);
        }
        next = end;
        batch *= 2;
        if (next >= bounds.size() || static_cast<int>(candidates.size()) < options.top_k) continue;
        std::nth_element(candidates.begin(), candidates.begin() + (options.top_k - 1), candidates.end(), better);
        double kth = candidates[options.top_k - 1].score;
        double best_rest = std::max_element(bounds.begin() + next, bounds.end())->first;
        if (best_rest + kSlack < kth) break;
      }
      for (const auto& [bound, j] : bounds) done[j] = 0;
    }
    std::sort(candidates.begin(), candidates.end(), better);
    if (static_cast<int>(candidates.size()) > options.top_k) candidates.resize(options.top_k);
    for (const Candidate& c : candidates) result.suggestions[i].push_back(explain(i, c));
    clear_pair_bits(i);
  }
  return result;
}

}  // namespace verbinder::matching
