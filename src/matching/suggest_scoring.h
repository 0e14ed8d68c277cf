// Internal to suggest.cpp: the relevance of one ordered pair (Scorer: i's
// challenges against j's expertise through thesaurus concepts, plain words and
// WordNet senses) and the pre-filter's inverted index with its upper bounds
// (CandidateIndex). Split from suggest.cpp only to keep files short.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "matching/lexicon.h"
#include "matching/suggest_internal.h"
#include "matching/text.h"
#include "matching/thesaurus.h"

namespace verbinder::matching::scoring {

// Scoring constants. Relevance is squashed to [0, 1); the bonuses are on the
// same scale so that a cross-sector, online-only pair beats a slightly better
// same-sector match, but never beats a clearly better one. Explicit requests
// dominate everything ("count most").
inline constexpr double kForwardShare = 0.75;  // i's challenges vs j's expertise
inline constexpr double kBackwardShare =
    0.1;  // j's challenges vs i's expertise (was 0.25; 0 ranks best on the tuning half)
// A concept of j's expertise that is not in i's challenge but linked to one
// of its concepts counts with the factor of the closest link: one step
// narrower ("queueing theory" for "capacity planning": a specialist in a part
// of the need) most, one step broader (the general field) as much as a
// related one, a sibling under the same broader concept least. (Round 6:
// broader 0.6 -> 0.5 helps pairs.json, MRR 0.793 -> 0.801, and changes
// nothing on heldout/blind3; a narrower factor above 0.6 hurts all three.)
inline constexpr double kNarrowerFactor = 0.6;
inline constexpr double kBroaderFactor = 0.5;
inline constexpr double kRelatedFactor = 0.5;
inline constexpr double kSiblingFactor = 0.25;
// Two concepts without a link of their own but with one concept in between
// (a need related to a method that is part of another): the product of the
// two links' factors x kTwoStepFactor. (Round 7: 0.5 raised MRR on all four
// development sets, by 0.003-0.034; 0.3 and 0.7 did less on at least one.)
inline constexpr double kTwoStepFactor = 0.5;
inline constexpr double kTermFactor = 0.3;  // a shared plain word counts less than a concept
inline constexpr double kSquash = 6.0;
// A challenge concept that is also in the member's own expertise is mostly
// context ("wound care nurse: patients wait for nursing homes"), not the need.
inline constexpr double kOwnFieldFactor = 0.3;
// Beyond its best cover, every further linked concept of j adds this share
// of its value: between two experts who both meet the need, the one whose
// expertise also covers its neighbourhood ranks first.
inline constexpr double kBreadth = 0.15;
// A concept the expert names in a tag ("I can help with") counts
// kTagWeight, one only found in the free text 1 (issue #20, tuned on
// pairs.json: 1.15-1.5 all help, 2 and more hurt).
inline constexpr double kTagWeight = 1.3;
// A generic hub concept (one with at least kHubNarrower narrower concepts:
// "operations", "people and HR") says little about what the expert can do:
// its idf counts kHubFactor, in the direct match and in every link to it.
// (Round 6: 0.3 -> 0.4 together with the idf over each concept's subtree,
// which already lowers a broad concept whose parts many experts hold.)
inline constexpr int kHubNarrower = 2;
inline constexpr double kHubFactor = 0.4;
// A context concept names a group of people ("pupils and students", "older
// people", "teachers"): in a challenge it says whom the need concerns, in an
// expertise often only who the expert is or works with ("lecturer: CSRD and
// ESG reporting"). Sharing it says little about whether the expert can meet
// the need, so its idf counts kContextFactor, like a hub's. (Round 7: 0.3
// over the twelve group concepts raised MRR on all four development sets,
// by 0.00-0.03.)
inline constexpr double kContextFactor = 0.3;
// A word of a challenge that meets a word of the expertise only through the
// lexicon (a shared WordNet sense, a derivation or a one-step broader sense,
// via FreeDict for Dutch) counts this share of the pair's sense weights x the
// sense's idf, once per challenge word by its best match; weaker than a
// thesaurus link. A sense in the expertise of more than kMaxSenseShare of the
// attendees (and more than kMinSenseCutoff) is too general to say anything
// and is left out; that also keeps the inverted index short (5,000 attendees:
// 0.03 cost 0.3 s more CPU than 0.01 for the same quality on the dev sets).
inline constexpr double kLexicalFactor = 0.2;
inline constexpr double kMaxSenseShare = 0.01;
inline constexpr int kMinSenseCutoff = 10;

// A WordNet sense of an expertise word, weighted by its idf.
struct SenseKey {
  uint32_t key = 0;
  float weight = 0;  // sense weight x idf
  SenseKind kind = SenseKind::kSynonym;
  uint16_t word = 0;  // index into the expertise's TextAnalysis::words
};

// An uncovered challenge word with only the senses some expertise holds
// (the others can never match): what Score and the index look at.
struct ChallengeWord {
  const LexicalWord* word = nullptr;
  std::vector<Sense> senses;  // sorted by key
};

struct Profile {
  TextAnalysis expertise;
  std::vector<double> weight;  // per expertise concept: kTagWeight when a tag names it, else 1
  std::vector<TextAnalysis> challenges;
  std::vector<std::string> challenge_text;
  Language language = Language::kEnglish;
};

struct Link {
  int other = 0;              // the linked concept
  double factor = 0;          // of the link from the concept to `other`
  double reverse_factor = 0;  // of the link from `other` back to the concept
  ConceptRelation relation = ConceptRelation::kNone;
  int via = -1;  // kTwoSteps: the concept in between
};

// The factor of a link from a need to an expert's concept in relation r.
inline double Factor(ConceptRelation r) {
  switch (r) {
    case ConceptRelation::kNarrower:
      return kNarrowerFactor;
    case ConceptRelation::kBroader:
      return kBroaderFactor;
    case ConceptRelation::kRelated:
      return kRelatedFactor;
    case ConceptRelation::kSibling:
      return kSiblingFactor;
    case ConceptRelation::kTwoSteps:
      return 0;  // a path, not a relation: its factor is the product along it
    default:
      return 0;
  }
}

// A specific concept: not a hub ("operations") and not a group of people
// ("pupils"), either of which would link nearly everything. Two-step links
// pass only through specific concepts, and only they are learned from meetings.
inline bool Specific(const Concept& c) {
  return !c.context && static_cast<int>(c.narrower.size()) < kHubNarrower;
}

// links[c] = every concept linked to c, sorted by concept (symmetric: e is in
// links[c] exactly when c is in links[e]; reverse_factor there is factor here).
inline const std::vector<std::vector<Link>>& ConceptLinks() {
  static const std::vector<std::vector<Link>> kLinks = [] {
    const Thesaurus& t = Thesaurus::Default();
    const int n = static_cast<int>(t.concepts().size());
    std::vector<std::vector<Link>> links(n);
    for (int c = 0; c < n; ++c) {
      for (int e = 0; e < n; ++e) {
        const ConceptRelation r = t.Relation(c, e);
        const double f = Factor(r);
        if (f > 0) links[c].push_back({e, f, Factor(t.Relation(e, c)), r});
      }
    }
    // Two steps c -> m -> e where c and e have no link of their own, the
    // strongest path per e; never through a hub or a context concept, which
    // would link nearly everything, and never a sibling step (the weakest
    // relation; with sibling steps the pre-filter touched nearly every
    // attendee: +37 % CPU at 5,000 attendees for the same quality, against
    // +12 % without).
    std::vector<std::vector<Link>> two(n);
    std::vector<int> best_at(n, -1);
    for (int c = 0; c < n; ++c) {
      for (const Link& l : links[c]) best_at[l.other] = -2;  // linked directly
      best_at[c] = -2;
      for (const Link& a : links[c]) {
        if (!Specific(t.concepts()[a.other])) continue;
        if (a.relation == ConceptRelation::kSibling) continue;
        for (const Link& b : links[a.other]) {
          if (best_at[b.other] == -2) continue;
          if (b.relation == ConceptRelation::kSibling) continue;
          const double f = a.factor * b.factor * kTwoStepFactor;
          if (best_at[b.other] < 0) {
            best_at[b.other] = static_cast<int>(two[c].size());
            two[c].push_back({b.other, f, 0, ConceptRelation::kTwoSteps, a.other});
          } else if (Link& x = two[c][best_at[b.other]]; f > x.factor) {
            x.factor = f;
            x.via = a.other;
          }
        }
      }
      for (const Link& l : links[c]) best_at[l.other] = -1;
      for (const Link& l : two[c]) best_at[l.other] = -1;
      best_at[c] = -1;
    }
    // A path reversed is a path: e's strongest path back to c is its factor
    // in two[e] (the direct links' reverse factors are set above).
    for (int c = 0; c < n; ++c) {
      for (Link& l : two[c]) {
        for (const Link& back : two[l.other]) {
          if (back.other == c) l.reverse_factor = back.factor;
        }
      }
    }
    for (int c = 0; c < n; ++c) {
      links[c].insert(links[c].end(), two[c].begin(), two[c].end());
      std::sort(links[c].begin(), links[c].end(), [](const Link& a, const Link& b) { return a.other < b.other; });
    }
    return links;
  }();
  return kLinks;
}

// A link learned from a confirmed meeting (SuggestInput::confirmed_meetings)
// counts less than a related link of the thesaurus: one meeting is weaker
// evidence than a curated link, and a meeting links all of its concepts, the
// incidental ones too. (Round 9, leave-one-set-out over the six development
// sets: 0.3 changed no set for the worse and raised blind5/blind6 MRR by
// 0.013/0.023; 0.5 and 0.7 gained more on blind6 but lost up to 0.018 on
// pairs.json and blind4.)
inline constexpr double kLearnedFactor = 0.3;

// A concept pair (challenge concept, expertise concept) that confirmed
// meetings teach, and how many of them teach it.
struct LearnedPair {
  int challenge = -1;
  int expertise = -1;
  int meetings = 0;
  friend bool operator==(const LearnedPair&, const LearnedPair&) = default;
};

// The concept pairs confirmed meetings teach: for each meeting whose challenge
// and expertise do not meet already (no shared concept, no
// broader/narrower/related link between their specific concepts), every
// specific challenge concept with every specific expertise concept. Sorted by
// (challenge, expertise), unique, each with the number of meetings teaching it.
inline std::vector<LearnedPair> CountLearnedConceptPairs(const std::vector<TextAnalysis>& challenges,
                                                         const std::vector<TextAnalysis>& expertise) {
  const Thesaurus& t = Thesaurus::Default();
  std::vector<std::pair<int, int>> pairs;  // one per (meeting, pair)
  for (size_t m = 0; m < challenges.size() && m < expertise.size(); ++m) {
    std::vector<int> need, have;
    for (int c : challenges[m].concepts)
      if (Specific(t.concepts()[c])) need.push_back(c);
    for (int e : expertise[m].concepts)
      if (Specific(t.concepts()[e])) have.push_back(e);
    std::sort(need.begin(), need.end());
    need.erase(std::unique(need.begin(), need.end()), need.end());
    std::sort(have.begin(), have.end());
    have.erase(std::unique(have.begin(), have.end()), have.end());
    bool meet = false;
    for (int c : need) {
      for (int e : have) {
        const ConceptRelation r = t.Relation(c, e);
        meet = meet || r == ConceptRelation::kSame || r == ConceptRelation::kBroader ||
               r == ConceptRelation::kNarrower || r == ConceptRelation::kRelated;
      }
    }
    if (meet) continue;
    for (int c : need)
      for (int e : have) pairs.push_back({c, e});
  }
  std::sort(pairs.begin(), pairs.end());
  std::vector<LearnedPair> out;
  for (const auto& [c, e] : pairs) {
    if (!out.empty() && out.back().challenge == c && out.back().expertise == e) {
      ++out.back().meetings;
    } else {
      out.push_back({c, e, 1});
    }
  }
  return out;
}

// ConceptLinks plus the learned pairs, both ways, at kLearnedFactor: a pair
// without a link, or with a weaker one (sibling, two steps: weaker both ways),
// gets a kLearned link in both directions; a stronger one stays. So the table
// stays symmetric (each link's reverse factor is its mirror's factor).
inline std::vector<std::vector<Link>> LinksWithLearned(const std::vector<std::pair<int, int>>& learned) {
  std::vector<std::vector<Link>> links = ConceptLinks();
  auto find = [&](int from, int to) {
    std::vector<Link>& l = links[from];
    return std::lower_bound(l.begin(), l.end(), to, [](const Link& x, int e) { return x.other < e; });
  };
  auto set = [&](int from, int to) {
    const Link link{to, kLearnedFactor, kLearnedFactor, ConceptRelation::kLearned, -1};
    auto it = find(from, to);
    if (it != links[from].end() && it->other == to) {
      *it = link;
    } else {
      links[from].insert(it, link);
    }
  };
  for (const auto& [c, e] : learned) {
    if (c == e) continue;
    auto it = find(c, e);
    if (it != links[c].end() && it->other == e && it->factor >= kLearnedFactor) continue;
    set(c, e);
    set(e, c);
  }
  return links;
}

struct Direction {
  double relevance = 0;
  std::vector<int> direct;
  std::vector<int> related;                        // linked, not direct: for matched_concepts
  std::vector<internal::ConceptLinkReason> links;  // (challenge concept, expertise concept, relation)
  std::vector<std::string> terms;
  std::vector<internal::WordLinkReason> word_links;
  int best_challenge = -1;
};

// Relevance of i's challenges to j's expertise: for every concept c of a
// challenge, the best cover j's expertise offers — c itself (its idf over the
// attendees holding c or a narrower concept), or the
// strongest linked concept e (link factor x the smaller idf of c and e, so a
// generic field never counts as much as the specific need) — plus shared
// plain words. Summed over challenges. Each need counts once, so a long
// profile with many loosely linked concepts does not outrank one that meets
// the need exactly.
class Scorer {
 public:
  // `links`: the concept links to use (LinksWithLearned); null: ConceptLinks().
  explicit Scorer(const std::vector<Profile>& profiles, const std::vector<std::vector<Link>>* links = nullptr)
      : profiles_(profiles), links_(links ? *links : ConceptLinks()) {
    const Thesaurus& t = Thesaurus::Default();
    double n = static_cast<double>(profiles.size());
    std::vector<int> df(t.concepts().size(), 0);
    std::unordered_map<std::string, int> term_df;
    // A concept counts as held by everyone whose expertise holds it or any
    // narrower concept (at any depth): a broad field whose parts many
    // experts hold says little about who meets a need in it.
    std::vector<int> stack;
    std::vector<int> seen_by(t.concepts().size(), -1);
    for (size_t j = 0; j < profiles.size(); ++j) {
      const Profile& p = profiles[j];
      stack.assign(p.expertise.concepts.begin(), p.expertise.concepts.end());
      while (!stack.empty()) {
        const int c = stack.back();
        stack.pop_back();
        if (seen_by[c] == static_cast<int>(j)) continue;
        seen_by[c] = static_cast<int>(j);
        ++df[c];
        for (int b : t.concepts()[c].broader) stack.push_back(b);
      }
      for (const std::string& s : p.expertise.terms) ++term_df[s];
    }
    concept_idf_.resize(df.size());
    for (size_t c = 0; c < df.size(); ++c) {
      concept_idf_[c] = std::max(0.1, std::log((n + 1) / (df[c] + 0.5)));
      if (static_cast<int>(t.concepts()[c].narrower.size()) >= kHubNarrower) concept_idf_[c] *= kHubFactor;
      if (t.concepts()[c].context) concept_idf_[c] *= kContextFactor;
    }

    for (const auto& [s, d] : term_df) term_idf_[s] = std::max(0.1, std::log((n + 1) / (d + 0.5)));

    // WordNet senses of the expertise words: one entry per sense and profile
    // (its strongest word), without the senses too general to tell anything.
    std::unordered_map<uint32_t, int> sense_df;
    expertise_senses_.resize(profiles.size());
    for (size_t j = 0; j < profiles.size(); ++j) {
      std::vector<SenseKey>& keys = expertise_senses_[j];
      const std::vector<LexicalWord>& words = profiles[j].expertise.words;
      for (size_t w = 0; w < words.size(); ++w) {
        if (w > UINT16_MAX) break;
        for (const Sense& sense : *words[w].senses)
          keys.push_back({sense.key, sense.weight, sense.kind, static_cast<uint16_t>(w)});
      }
      std::sort(keys.begin(), keys.end(), [](const SenseKey& a, const SenseKey& b) {
        return a.key != b.key ? a.key < b.key : a.weight > b.weight;
      });
      keys.erase(
          std::unique(keys.begin(), keys.end(), [](const SenseKey& a, const SenseKey& b) { return a.key == b.key; }),
          keys.end());
      for (const SenseKey& k : keys) ++sense_df[k.key];
    }
    const int cutoff = std::max(kMinSenseCutoff, static_cast<int>(kMaxSenseShare * n));
    for (std::vector<SenseKey>& keys : expertise_senses_) {
      std::erase_if(keys, [&](const SenseKey& k) { return sense_df[k.key] > cutoff; });
      for (SenseKey& k : keys) k.weight *= static_cast<float>(std::log((n + 1) / (sense_df[k.key] + 0.5)));
    }
    challenge_words_.resize(profiles.size());
    for (size_t i = 0; i < profiles.size(); ++i) {
      for (const TextAnalysis& ch : profiles[i].challenges) {
        std::vector<ChallengeWord>& out = challenge_words_[i].emplace_back();
        for (const LexicalWord& w : ch.words) {
          if (w.covered) continue;
          ChallengeWord cw{&w, {}};
          for (const Sense& sense : *w.senses) {
            auto it = sense_df.find(sense.key);
            if (it != sense_df.end() && it->second <= cutoff) cw.senses.push_back(sense);
          }
          if (!cw.senses.empty()) out.push_back(std::move(cw));
        }
      }
    }
    expertise_term_idf_.resize(profiles.size());
    for (size_t j = 0; j < profiles.size(); ++j) {
      for (const std::string& term : profiles[j].expertise.terms) expertise_term_idf_[j].push_back(term_idf_.at(term));
    }
  }

  // How well i's challenges meet j's expertise, with the reasons.
  Direction Score(int i, int j) const {
    Direction d;
    d.relevance = Relevance(i, j, &d);
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
    // One link per challenge word (the strongest), strongest first.
    std::stable_sort(d.word_links.begin(), d.word_links.end(),
                     [](const auto& x, const auto& y) { return x.weight > y.weight; });
    std::vector<internal::WordLinkReason> unique_words;
    for (const auto& l : d.word_links) {
      bool seen = false;
      for (const auto& u : unique_words) seen = seen || u.challenge_word == l.challenge_word;
      if (!seen) unique_words.push_back(l);
    }
    d.word_links = std::move(unique_words);
    return d;
  }

  // The relevance of i's challenges to j's expertise: one loop for ranking
  // (why == nullptr, the fast path: no allocation) and for the reasons of
  // the pairs kept (Score), so the two cannot drift apart. With `why`, the
  // raw reasons are appended (Score sorts and de-duplicates them).
  double Relevance(int i, int j, Direction* why = nullptr) const {
    const TextAnalysis& expertise = profiles_[j].expertise;
    const std::vector<double>& term_idf = expertise_term_idf_[j];
    double total = 0, best = 0;
    for (size_t k = 0; k < profiles_[i].challenges.size(); ++k) {
      const TextAnalysis& ch = profiles_[i].challenges[k];
      double s = 0;
      for (int c : ch.concepts) {
        const double need = NeedWeight(i, c);
        if (double w = Weight(j, c); w > 0) {
          s += need * concept_idf_[c] * w;
          if (why) why->direct.push_back(c);
          continue;
        }
        const Link* link = nullptr;
        double value = need * Cover(c, profiles_[j], &link);
        if (!link) continue;
        s += value;
        if (why) {
          why->related.push_back(link->other);
          why->links.push_back({c, link->other, link->relation, value, link->via});
        }
      }
      for (size_t a = 0, b = 0; a < ch.terms.size() && b < expertise.terms.size();) {
        int cmp = ch.terms[a].compare(expertise.terms[b]);
        if (cmp < 0) {
          ++a;
        } else if (cmp > 0) {
          ++b;
        } else {
          s += kTermFactor * term_idf[b];
          if (why) why->terms.push_back(expertise.terms[b]);
          ++a;
          ++b;
        }
      }
      for (const ChallengeWord& word : challenge_words_[i][k]) {
        const Sense* mine = nullptr;
        const SenseKey* theirs = nullptr;
        const double value = kLexicalFactor * LexicalCover(word, j, &mine, &theirs);
        if (!theirs) continue;
        s += value;
        if (why) why->word_links.push_back(WordLink(word, expertise, *mine, *theirs, value));
      }
      total += s;
      if (why && s > best) {
        best = s;
        why->best_challenge = static_cast<int>(k);
      }
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
  // The value of the link from l.other back to concept c.
  double ReverseLinkValue(int c, const Link& l) const {
    return l.reverse_factor * std::min(concept_idf_[c], concept_idf_[l.other]);
  }
  double ConceptIdf(int c) const { return concept_idf_[c]; }
  // The weight of concept c in j's expertise (0: not in it).
  double Weight(int j, int c) const {
    const std::vector<int>& v = profiles_[j].expertise.concepts;
    auto it = std::lower_bound(v.begin(), v.end(), c);
    return it != v.end() && *it == c ? profiles_[j].weight[it - v.begin()] : 0;
  }
  double TermIdf(const std::string& t) const { return term_idf_.at(t); }
  const std::vector<SenseKey>& ExpertiseSenses(int j) const { return expertise_senses_[j]; }
  // The best match of a challenge word's senses among j's expertise senses
  // (sense weight x idf-weighted expertise sense; two words under the same
  // broader sense meet at 0.5 x 0.5). 0 when none, and when j's expertise
  // holds the word itself as a plain term (counted there, not twice).
  double LexicalCover(const ChallengeWord& word, int j, const Sense** mine, const SenseKey** theirs) const {
    const std::vector<SenseKey>& keys = expertise_senses_[j];
    double best = 0;
    auto from = keys.begin();
    for (const Sense& sense : word.senses) {
      from = std::lower_bound(from, keys.end(), sense.key, [](const SenseKey& k, uint32_t key) { return k.key < key; });
      if (from == keys.end()) break;
      if (from->key != sense.key) continue;
      const double v = static_cast<double>(sense.weight) * from->weight;
      if (v > best) {
        best = v;
        *mine = &sense;
        *theirs = &*from;
      }
    }
    if (best > 0) {
      const std::vector<std::string>& terms = profiles_[j].expertise.terms;
      if (std::binary_search(terms.begin(), terms.end(), word.word->stem)) {
        *mine = nullptr;
        *theirs = nullptr;
        return 0;
      }
    }
    return best;
  }
  const std::vector<ChallengeWord>& ChallengeWords(int i, size_t challenge) const {
    return challenge_words_[i][challenge];
  }
  const std::vector<Link>& Links(int c) const { return links_[c]; }

 private:
  // The reason for a lexical match: both words and how they relate.
  static internal::WordLinkReason WordLink(const ChallengeWord& word, const TextAnalysis& expertise, const Sense& mine,
                                           const SenseKey& theirs, double value) {
    internal::WordLinkReason link{
        word.word->word, expertise.words[theirs.word].word, mine.kind, theirs.kind, value, "", ""};
    if (mine.kind == SenseKind::kBroader && theirs.kind == SenseKind::kBroader) {
      // Siblings: the explanation names the broader sense they share.
      const Lexicon& lex = Lexicon::Default();
      std::vector<std::string> shared = lex.SynsetWords(theirs.key);
      if (!shared.empty()) {
        link.shared_en = shared[0];
        std::vector<std::string> nl = lex.ToDutch(shared[0], 1);
        link.shared_nl = nl.empty() ? shared[0] : nl[0];
      }
    }
    return link;
  }

  // The best linked cover of need c among `concepts` (sorted): links_[c] and
  // concepts are both sorted by concept, so one merge pass.
  double Cover(int c, const Profile& expert, const Link** best) const {
    const std::vector<int>& concepts = expert.expertise.concepts;
    const std::vector<Link>& l = links_[c];
    double value = 0, total = 0;
    // The expert holds a few concepts, a need may have hundreds of links
    // (two-step ones included): look each concept up in the links.
    auto from = l.begin();
    for (size_t b = 0; b < concepts.size() && from != l.end(); ++b) {
      from = std::lower_bound(from, l.end(), concepts[b], [](const Link& x, int e) { return x.other < e; });
      if (from == l.end() || from->other != concepts[b]) continue;
      double v = LinkValue(c, *from) * expert.weight[b];
      total += v;
      if (v > value) {
        value = v;
        *best = &*from;
      }
    }
    return value + kBreadth * (total - value);
  }

  const std::vector<Profile>& profiles_;
  std::vector<double> concept_idf_;
  std::unordered_map<std::string, double> term_idf_;
  std::vector<std::vector<double>> expertise_term_idf_;  // j -> idf of each expertise term, in order
  std::vector<std::vector<SenseKey>> expertise_senses_;  // j -> WordNet senses of its expertise, by key
  std::vector<std::vector<std::vector<ChallengeWord>>> challenge_words_;  // i -> per challenge
  const std::vector<std::vector<Link>>& links_;
};

inline double Squash(double r) {
  return 1.0 - std::exp(-r / kSquash);
}

// An upper bound on Squash(r) without exp, for the pre-filter's bounds (one
// per candidate pair, so most of the n^2 work): Squash at a grid point of
// step 1/64 at or above r, read from a table (Squash grows, so a point above
// bounds it; past the table, 1 does). At most 1/384 above Squash(r). The
// table is built once; the bound loop holds one SquashAbove and calls it
// inline.
class SquashAbove {
 public:
  SquashAbove() : table_(Table().data()) {}
  double operator()(double r) const {
    if (!(r > 0)) return 0;
    if (r >= static_cast<double>(kPoints) / kPerUnit) return 1.0;
    // The truncation + 1 is a grid point above r (no call to ceil).
    return table_[static_cast<size_t>(r * kPerUnit) + 1];
  }

 private:
  static constexpr int kPerUnit = 64, kPoints = 64 * 64;  // up to r = 64, where Squash > 0.99997
  static const std::vector<double>& Table() {
    static const std::vector<double> kTable = [] {
      std::vector<double> t(kPoints + 1);
      for (int k = 0; k <= kPoints; ++k) t[k] = Squash(static_cast<double>(k) / kPerUnit);
      return t;
    }();
    return kTable;
  }
  const double* table_;
};

// Pre-filter for Suggest: inverted indexes from concepts and terms to the
// attendees whose expertise or challenges hold them. A pair without a shared
// concept, related concept or word in either direction has relevance 0, and
// such a pair is only ever suggested when one asked for the other, so the
// index loses nothing. For attendee i it also yields, per candidate j, an
// upper bound on the relevance in each direction (forward: Score's cover per
// need, or more; backward: every linked concept summed in full),
// which lets Suggest score candidates best-bound first and stop once no bound
// can reach its k-th best score.
// Thread-safety: immutable once built; each thread calls Collect with a
// Scratch of its own.
class CandidateIndex {
 public:
  // One thread's working state for Collect, sized for the index's attendees.
  class Scratch {
   public:
    explicit Scratch(size_t n)
        : forward_(n, 0), backward_(n, 0), touched_flag_(n, 0), need_best_(n, 0), need_sum_(n, 0) {}
    const std::vector<int>& touched() const { return touched_; }
    double forward(int j) const { return forward_[j]; }
    double backward(int j) const { return backward_[j]; }

   private:
    friend class CandidateIndex;
    std::vector<double> forward_, backward_;
    std::vector<uint8_t> touched_flag_;
    // For one need in Collect: best and summed value per j, 0 between needs.
    std::vector<double> need_best_, need_sum_;
    std::vector<int> need_touched_;
    std::vector<int> touched_;
  };

  CandidateIndex(const std::vector<Profile>& profiles, const Scorer& scorer, size_t concepts)
      : profiles_(profiles), scorer_(scorer), expertise_by_concept_(concepts), challenge_by_concept_(concepts) {
    for (size_t j = 0; j < profiles.size(); ++j) {
      const int jj = static_cast<int>(j);
      for (size_t k = 0; k < profiles[j].expertise.concepts.size(); ++k)
        expertise_by_concept_[profiles[j].expertise.concepts[k]].push_back({jj, profiles[j].weight[k]});
      for (const std::string& t : profiles[j].expertise.terms) expertise_by_term_[t].push_back(jj);
      for (size_t k = 0; k < profiles[j].challenges.size(); ++k) {
        const TextAnalysis& ch = profiles[j].challenges[k];
        for (int c : ch.concepts) challenge_by_concept_[c].push_back(jj);
        for (const std::string& t : ch.terms) challenge_by_term_[t].push_back(jj);
        for (const ChallengeWord& w : scorer.ChallengeWords(jj, k)) {
          for (const Sense& sense : w.senses) challenge_by_sense_[sense.key].push_back({jj, sense.weight});
        }
      }
      for (const SenseKey& k : scorer.ExpertiseSenses(jj)) expertise_by_sense_[k.key].push_back({jj, k.weight});
    }
  }

  // Fills s.touched() with every j != i that shares anything with i, and
  // s.forward(j) / s.backward(j) with upper bounds on Scorer::Score(i, j) and
  // Score(j, i) relevance. Valid until the next call with s.
  void Collect(int i, Scratch& s) const {
    for (int j : s.touched_) {
      s.forward_[j] = s.backward_[j] = 0;
      s.touched_flag_[j] = 0;
    }
    s.touched_.clear();
    const Profile& me = profiles_[i];
    // Per need c, the best value one of j's concepts offers plus kBreadth of
    // the others: Score's cover exactly when c is not in j's expertise, and
    // more than it when it is (Score then takes the direct value alone).
    for (size_t ck = 0; ck < me.challenges.size(); ++ck) {
      const TextAnalysis& ch = me.challenges[ck];
      for (int c : ch.concepts) {
        const double need = scorer_.NeedWeight(i, c);
        AddToNeed(expertise_by_concept_[c], need * scorer_.ConceptIdf(c), s);
        for (const Link& l : scorer_.Links(c))
          AddToNeed(expertise_by_concept_[l.other], need * scorer_.LinkValue(c, l), s);
        for (int j : s.need_touched_) {
          s.forward_[j] += s.need_best_[j] + kBreadth * (s.need_sum_[j] - s.need_best_[j]);
          s.need_best_[j] = s.need_sum_[j] = 0;
        }
        s.need_touched_.clear();
      }
      for (const std::string& t : ch.terms) {
        auto it = expertise_by_term_.find(t);
        if (it != expertise_by_term_.end()) Add(it->second, kTermFactor * scorer_.TermIdf(t), s.forward_, s);
      }
      // Each word by its best sense match, as in Score (which may skip it).
      for (const ChallengeWord& w : scorer_.ChallengeWords(i, ck)) {
        for (const Sense& sense : w.senses) {
          auto it = expertise_by_sense_.find(sense.key);
          if (it != expertise_by_sense_.end()) AddToNeed(it->second, kLexicalFactor * sense.weight, s);
        }
        for (int j : s.need_touched_) {
          s.forward_[j] += s.need_best_[j];
          s.need_best_[j] = s.need_sum_[j] = 0;
        }
        s.need_touched_.clear();
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
      Add(challenge_by_concept_[e], scorer_.ConceptIdf(e) * w, s.backward_, s);
      for (const Link& l : scorer_.Links(e))
        Add(challenge_by_concept_[l.other], scorer_.ReverseLinkValue(e, l) * w, s.backward_, s);
    }
    for (const std::string& t : me.expertise.terms) {
      auto it = challenge_by_term_.find(t);
      if (it != challenge_by_term_.end()) Add(it->second, kTermFactor * scorer_.TermIdf(t), s.backward_, s);
    }
    // Every (expertise sense, challenge word sense) match in full: at least
    // the best per challenge word that Score counts.
    for (const SenseKey& k : scorer_.ExpertiseSenses(i)) {
      auto it = challenge_by_sense_.find(k.key);
      if (it == challenge_by_sense_.end()) continue;
      for (auto [j, w] : it->second) {
        if (!s.touched_flag_[j]) {
          s.touched_flag_[j] = 1;
          s.touched_.push_back(j);
        }
        s.backward_[j] += kLexicalFactor * k.weight * w;
      }
    }
    if (s.touched_flag_[i]) {
      s.touched_flag_[i] = 0;
      s.touched_.erase(std::find(s.touched_.begin(), s.touched_.end(), i));
      s.forward_[i] = s.backward_[i] = 0;
    }
  }

 private:
  template <typename Weight>
  static void AddToNeed(const std::vector<std::pair<int, Weight>>& postings, double need_value, Scratch& s) {
    for (auto [j, w] : postings) {
      const double value = need_value * w;
      if (!s.touched_flag_[j]) {
        s.touched_flag_[j] = 1;
        s.touched_.push_back(j);
      }
      if (s.need_sum_[j] == 0) s.need_touched_.push_back(j);
      s.need_best_[j] = std::max(s.need_best_[j], value);
      s.need_sum_[j] += value;
    }
  }
  static void Add(const std::vector<int>& postings, double value, std::vector<double>& into, Scratch& s) {
    for (int j : postings) {
      if (!s.touched_flag_[j]) {
        s.touched_flag_[j] = 1;
        s.touched_.push_back(j);
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
  std::unordered_map<uint32_t, std::vector<std::pair<int, float>>> expertise_by_sense_;  // (j, idf-weighted sense)
  std::unordered_map<uint32_t, std::vector<std::pair<int, float>>> challenge_by_sense_;  // (j, sense weight)
};

}  // namespace verbinder::matching::scoring
