#include "matching/suggest.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <memory>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "matching/lexicon.h"
#include "matching/suggest_internal.h"
#include "matching/suggest_scoring.h"
#include "matching/text.h"
#include "matching/thesaurus.h"
#include "util/parallel.h"

namespace verbinder::matching {
namespace {

using namespace scoring;  // the engine's own internals (suggest_scoring.h)

// Bonuses and penalties on top of the relevance (suggest_scoring.h), on the
// same scale.
constexpr double kCrossSectorBonus = 0.15;
constexpr double kOnlineTieBonus = 0.10;
constexpr double kColleaguePenalty = 0.30;
constexpr double kMetPenalty = 0.20;
constexpr double kRequestByMe = 1.0;
constexpr double kRequestByThem = 0.6;
// Suggest splits its attendees over the cores in chunks of kChunk, with at
// least kMinAttendeesPerThread per thread (fewer run on one: a thread's
// start and scratch cost more than they save).
constexpr int kChunk = 16;
constexpr int kMinAttendeesPerThread = 256;

bool PrefersDutch(const SuggestAttendee& a) {
  return !a.languages.empty() && (a.languages[0] == "nl" || a.languages[0] == "nl-NL" || a.languages[0] == "nl-BE");
}

// The concept pairs the confirmed meetings teach (CountLearnedConceptPairs).
// A member's texts recur across their meetings: each distinct text is
// analysed once.
std::vector<LearnedPair> LearnFromMeetings(const std::vector<ConfirmedMeeting>& meetings, TextAnalyzer& analyzer) {
  std::unordered_map<std::string, TextAnalysis> seen;
  auto analyze = [&](const std::string& text) -> const TextAnalysis& {
    auto it = seen.find(text);
    if (it == seen.end()) it = seen.emplace(text, analyzer.Analyze(text, Language::kDutch)).first;
    return it->second;
  };
  std::vector<TextAnalysis> challenges, expertise;
  for (const ConfirmedMeeting& m : meetings) {
    challenges.push_back(analyze(m.challenge));
    expertise.push_back(analyze(m.expertise));
  }
  return CountLearnedConceptPairs(challenges, expertise);
}

}  // namespace

namespace internal {

std::string WordLinkSentence(const WordLinkReason& link, const std::string& challenge, const std::string& them,
                             bool nl) {
  const std::string a = "‘" + link.challenge_word + "’", b = "‘" + link.expertise_word + "’";
  std::string how;
  if (link.expertise_kind == SenseKind::kBroader && link.challenge_kind == SenseKind::kBroader) {
    const std::string& shared = nl ? link.shared_nl : link.shared_en;
    how = shared.empty()
              ? (nl ? ", een verwant begrip." : ", a related notion.")
              : (nl ? ": beide zijn een vorm van ‘" + shared + "’." : ": both are a kind of ‘" + shared + "’.");
  } else if (link.expertise_kind == SenseKind::kBroader) {
    how = nl ? ", een vorm van " + a + "." : ", a kind of " + a + ".";
  } else if (link.challenge_kind == SenseKind::kBroader) {
    how = nl ? ", het bredere begrip." : ", the wider term.";
  } else if (link.challenge_kind == SenseKind::kDerivation || link.expertise_kind == SenseKind::kDerivation) {
    how = nl ? ", een woord uit dezelfde familie." : ", a word of the same family.";
  } else {
    how = nl ? ", en dat betekent vrijwel hetzelfde." : ", which means nearly the same.";
  }
  return nl ? "Jouw vraag" + challenge + " gaat over " + a + "; " + them + " noemt in de expertise " + b + how
            : "Your challenge" + challenge + " is about " + a + "; " + them + "'s expertise mentions " + b + how;
}

}  // namespace internal

std::string ExpertiseText(std::string_view text, const std::vector<std::string>& tags) {
  std::string out(text);
  for (const std::string& tag : tags) out.append(" . ").append(tag);
  return out;
}

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
  for (size_t k = 0; k < input.switched_off.size(); ++k) {
    const LearnedLink& l = input.switched_off[k];
    std::string where = "switched_off[" + std::to_string(k) + "]";
    if (Thesaurus::Default().FindConcept(l.challenge_concept) < 0)
      return InvalidArgument("unknown concept \"" + l.challenge_concept + "\"", where + ".challenge_concept");
    if (Thesaurus::Default().FindConcept(l.expertise_concept) < 0)
      return InvalidArgument("unknown concept \"" + l.expertise_concept + "\"", where + ".expertise_concept");
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

std::vector<LearnedLink> LearnedLinks(const std::vector<ConfirmedMeeting>& meetings) {
  const Thesaurus& thesaurus = Thesaurus::Default();
  TextAnalyzer analyzer(nullptr);  // as Suggest with the default options (no lexicon)
  std::vector<LearnedLink> out;
  for (const LearnedPair& p : LearnFromMeetings(meetings, analyzer)) {
    out.push_back({thesaurus.concepts()[p.challenge].id, thesaurus.concepts()[p.expertise].id, p.meetings});
  }
  std::sort(out.begin(), out.end(), [](const LearnedLink& a, const LearnedLink& b) {
    if (a.meetings != b.meetings) return a.meetings > b.meetings;
    return std::tie(a.challenge_concept, a.expertise_concept) < std::tie(b.challenge_concept, b.expertise_concept);
  });
  return out;
}

void PrepareSuggest() {
  (void)ConceptLinks();  // parses the thesaurus first
}

Result<SuggestResult> Suggest(const SuggestInput& input, const SuggestOptions& options) {
  VB_RETURN_IF_ERROR(ValidateSuggestInput(input));
  if (options.top_k < 1) return InvalidArgument("must be at least 1", "top");
  if (options.only_for >= static_cast<int>(input.attendees.size()))
    return InvalidArgument("attendee index out of range", "only_for");
  if (!options.language.empty() && options.language != "nl" && options.language != "en")
    return InvalidArgument("must be nl or en", "language");
  const int n = static_cast<int>(input.attendees.size());

  const Lexicon* lexicon = nullptr;
  if (options.use_thesaurus && options.use_lexicon) {
    const Lexicon& lex = Lexicon::Default();
    if (lex.has_wordnet() || lex.has_freedict()) lexicon = &lex;
  }
  // Attendees are handed out in chunks to util::ResolveThreads(options.threads)
  // threads; each attendee's work (analysis, then suggestions) reads only
  // shared immutable state and writes only its own slot, so the result is the
  // same for any number of threads.
  const int threads =
      n < kMinAttendeesPerThread ? 1 : std::min(util::ResolveThreads(options.threads), n / kMinAttendeesPerThread);
  auto for_each_attendee = [&](auto&& make_state, auto&& work) {
    std::atomic<int> next{0};
    util::RunThreads(threads, [&](int) {
      auto state = make_state();
      for (int from = next.fetch_add(kChunk); from < n; from = next.fetch_add(kChunk)) {
        for (int i = from; i < std::min(n, from + kChunk); ++i) work(state, i);
      }
    });
  };

  std::vector<Profile> profiles(n);
  for_each_attendee(
      [&] { return std::make_unique<TextAnalyzer>(lexicon); },
      [&](std::unique_ptr<TextAnalyzer>& analyzer, int i) {
        const SuggestAttendee& a = input.attendees[i];
        Language fallback = PrefersDutch(a) ? Language::kDutch : Language::kEnglish;
        profiles[i].expertise =
            analyzer->Analyze(ExpertiseText(a.expertise_text, a.expertise_tags), fallback, options.use_thesaurus);
        std::string tags;
        for (const std::string& tag : a.expertise_tags) tags += tag + " . ";
        const std::vector<int> tag_concepts = analyzer->Analyze(tags, fallback, options.use_thesaurus).concepts;
        for (int c : profiles[i].expertise.concepts) {
          profiles[i].weight.push_back(std::binary_search(tag_concepts.begin(), tag_concepts.end(), c) ? kTagWeight
                                                                                                       : 1.0);
        }
        for (const std::string& c : a.challenges) {
          profiles[i].challenges.push_back(analyzer->Analyze(c, fallback, options.use_thesaurus));
          profiles[i].challenge_text.push_back(c);
        }
      });
  // Ties and requests per attendee, as bits, so that the n^2 bound pass reads
  // an array instead of hashing pairs: for the current i, a thread's
  // pair_bits[j] holds the bits of (i, j) (set_pair_bits fills it,
  // clear_pair_bits empties it).
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
  auto set_pair_bits = [&](int i, std::vector<uint8_t>& pair_bits) {
    for (const auto& [j, bits] : pair_bits_of[i]) pair_bits[j] |= bits;
  };
  auto clear_pair_bits = [&](int i, std::vector<uint8_t>& pair_bits) {
    for (const auto& [j, bits] : pair_bits_of[i]) pair_bits[j] = 0;
  };

  // Links learned from the network's useful meetings, on top of the thesaurus.
  std::vector<std::vector<Link>> learned_links;
  if (options.use_thesaurus && !input.confirmed_meetings.empty()) {
    // The leader's switched-off links, either order, as concept pairs.
    std::vector<std::pair<int, int>> off;
    for (const LearnedLink& l : input.switched_off) {
      const int c = Thesaurus::Default().FindConcept(l.challenge_concept);
      const int e = Thesaurus::Default().FindConcept(l.expertise_concept);
      off.push_back({c, e});
      off.push_back({e, c});
    }
    std::sort(off.begin(), off.end());
    std::vector<std::pair<int, int>> learned;
    TextAnalyzer analyzer(lexicon);
    for (const LearnedPair& p : LearnFromMeetings(input.confirmed_meetings, analyzer)) {
      if (!std::binary_search(off.begin(), off.end(), std::pair{p.challenge, p.expertise}))
        learned.push_back({p.challenge, p.expertise});
    }
    if (!learned.empty()) learned_links = LinksWithLearned(learned);
  }
  Scorer scorer(profiles, learned_links.empty() ? nullptr : &learned_links);
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
  // What besides relevance bears on the pair (i, j), from the bits of (i, j).
  using internal::PairFacts;
  auto facts = [&](int i, int j, uint8_t bits) {
    return PairFacts{
        .cross_sector = sector_of[i] >= 0 && sector_of[j] >= 0 && sector_of[i] != sector_of[j],
        .online_only_tie = (bits & kTie) && !(bits & kRealTie),
        .met_before = (bits & kRealTie) != 0,
        .colleagues = organization_of[i] >= 0 && organization_of[i] == organization_of[j],
        .requested_by_me = (bits & kAskedByMe) != 0,
        .requested_by_them = (bits & kAskedByThem) != 0,
    };
  };
  // Bonuses and penalties on top of the relevance, applied in a fixed order
  // (the bound and the score then round the same way).
  auto adjust = [](const PairFacts& f, double score) {
    if (f.cross_sector) score += kCrossSectorBonus;
    if (f.online_only_tie) score += kOnlineTieBonus;
    if (f.met_before) score -= kMetPenalty;
    if (f.colleagues) score -= kColleaguePenalty;
    if (f.requested_by_me) score += kRequestByMe;
    if (f.requested_by_them) score += kRequestByThem;
    return score;
  };
  // The score of the ordered pair (i, j) whose bits are `bits`; false when j
  // is not suggested to i at all (no relevance and no request, or a score <= 0).
  struct Candidate {
    double score = 0;
    int other = 0;
  };
  auto score_pair = [&](int i, int j, uint8_t bits, Candidate* out) {
    bool requested = bits & (kAskedByMe | kAskedByThem);
    double relevance = kForwardShare * Squash(scorer.Relevance(i, j)) + kBackwardShare * Squash(scorer.Relevance(j, i));
    if (relevance <= 0 && !requested) return false;
    double score = adjust(facts(i, j, bits), relevance);
    if (score <= 0) return false;
    *out = {score, j};
    return true;
  };
  // The suggestion for a kept pair, with its reasons and explanation.
  auto explain = [&](int i, const Candidate& c, uint8_t bits) {
    const int j = c.other;
    Direction fwd = scorer.Score(i, j);
    Direction back = scorer.Score(j, i);
    internal::PairReasons why;
    static_cast<PairFacts&>(why) = facts(i, j, bits);
    why.direct_concepts = fwd.direct;
    why.related_concepts = fwd.related;
    why.links = fwd.links;
    why.reverse_concepts = back.direct;
    why.reverse_concepts.insert(why.reverse_concepts.end(), back.related.begin(), back.related.end());
    why.shared_terms = fwd.terms;
    why.word_links = fwd.word_links;
    if (fwd.best_challenge >= 0) why.challenge = profiles[i].challenge_text[fwd.best_challenge];
    Suggestion s;
    s.other = j;
    s.score = c.score;
    s.matched_concepts = fwd.direct;
    s.matched_concepts.insert(s.matched_concepts.end(), fwd.related.begin(), fwd.related.end());
    for (const internal::WordLinkReason& l : fwd.word_links) {
      s.matched_words.push_back(l.challenge_word);
      s.matched_words.push_back(l.expertise_word);
    }
    s.matched_terms = fwd.terms;
    const bool nl = options.language.empty() ? PrefersDutch(input.attendees[i]) : options.language == "nl";
    s.explanation = internal::Explain(input.attendees[i], input.attendees[j], why, input.sector_labels, nl);
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
  // One thread's working state.
  struct Worker {
    explicit Worker(int n, bool prefilter)
        : pair_bits(n, 0), done(n, 0), scratch(prefilter ? static_cast<size_t>(n) : 0) {}
    std::vector<uint8_t> pair_bits;  // of (i, j), for the current i
    std::vector<uint8_t> done;       // j already scored for the current i
    std::vector<Candidate> candidates;
    std::vector<std::pair<double, int>> bounds;  // (upper bound on the score, j)
    CandidateIndex::Scratch scratch;
    SquashAbove squash_above;
  };
  SuggestResult result;
  result.suggestions.resize(n);
  auto make_worker = [&] { return std::make_unique<Worker>(n, options.prefilter); };
  // Fills result.suggestions[i].
  auto suggest_for = [&](std::unique_ptr<Worker>& worker, int i) {
    Worker& w = *worker;
    std::vector<Candidate>& candidates = w.candidates;
    candidates.clear();
    set_pair_bits(i, w.pair_bits);
    if (!options.prefilter) {
      for (int j = 0; j < n; ++j) {
        Candidate c;
        if (i != j && score_pair(i, j, w.pair_bits[j], &c)) candidates.push_back(c);
      }
    } else {
      index->Collect(i, w.scratch);
      std::vector<std::pair<double, int>>& bounds = w.bounds;
      bounds.clear();
      for (int j : w.scratch.touched()) {
        double relevance = kForwardShare * w.squash_above(w.scratch.forward(j)) +
                           kBackwardShare * w.squash_above(w.scratch.backward(j));
        bounds.push_back({adjust(facts(i, j, w.pair_bits[j]), relevance), j});
      }
      for (int j : requested_with[i]) {
        if (j != i) bounds.push_back({adjust(facts(i, j, w.pair_bits[j]), kForwardShare + kBackwardShare), j});
      }
      // Best bound first; score in growing batches until the k-th best exact
      // score is above every bound not yet scored. The slack covers the
      // different summation order of bound and score.
      constexpr double kSlack = 1e-9;
      size_t next = 0;
      size_t batch = static_cast<size_t>(options.top_k) * 4 + 16;
      while (next < bounds.size()) {
        size_t end = std::min(bounds.size(), next + batch);
        std::partial_sort(bounds.begin() + next, bounds.begin() + end, bounds.end(),
                          [](const auto& x, const auto& y) { return x.first > y.first; });
        for (size_t k = next; k < end; ++k) {
          int j = bounds[k].second;
          if (w.done[j]) continue;  // requested and also sharing concepts: listed twice
          w.done[j] = 1;
          Candidate c;
          if (score_pair(i, j, w.pair_bits[j], &c)) candidates.push_back(c);
        }
        next = end;
        batch *= 2;
        if (next >= bounds.size() || static_cast<int>(candidates.size()) < options.top_k) continue;
        std::nth_element(candidates.begin(), candidates.begin() + (options.top_k - 1), candidates.end(), better);
        double kth = candidates[options.top_k - 1].score;
        double best_rest = std::max_element(bounds.begin() + next, bounds.end())->first;
        if (best_rest + kSlack < kth) break;
      }
      for (const auto& [bound, j] : bounds) w.done[j] = 0;
    }
    std::sort(candidates.begin(), candidates.end(), better);
    if (static_cast<int>(candidates.size()) > options.top_k) candidates.resize(options.top_k);
    for (const Candidate& c : candidates) result.suggestions[i].push_back(explain(i, c, w.pair_bits[c.other]));
    clear_pair_bits(i, w.pair_bits);
  };
  if (options.only_for >= 0) {
    std::unique_ptr<Worker> worker = make_worker();
    suggest_for(worker, options.only_for);
  } else {
    for_each_attendee(make_worker, suggest_for);
  }
  return result;
}

}  // namespace verbinder::matching
