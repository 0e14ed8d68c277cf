#include "analysis/suggestions.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <numeric>
#include <set>

#include "util/parallel.h"

namespace verbinder::analysis {

using util::ResolveThreads;
using util::RunThreads;

namespace {

struct Candidate {
  int32_t a, b, via;
  double score;
};

bool Better(const Candidate& x, const Candidate& y) {
  if (x.score != y.score) return x.score > y.score;
  if (x.a != y.a) return x.a < y.a;
  return x.b < y.b;
}

std::string SectorLabel(const Graph& g, int32_t v) {
  const std::string& s = g.sector_names[g.sector[v]];
  return s.empty() ? "no sector" : s;
}

int64_t CommonNeighbours(const Graph& g, int32_t a, int32_t b) {
  auto na = g.Neighbors(a), nb = g.Neighbors(b);
  int64_t c = 0;
  size_t i = 0, j = 0;
  while (i < na.size() && j < nb.size()) {
    if (na[i] < nb[j])
      ++i;
    else if (na[i] > nb[j])
      ++j;
    else {
      ++c;
      ++i;
      ++j;
    }
  }
  return c;
}

}  // namespace

std::string DisplayName(const Graph& g, int32_t v) {
  return g.names[v].empty() ? g.ids[v] : g.names[v];
}

std::vector<Introduction> SuggestIntroductions(const Graph& g, const std::vector<int32_t>& community,
                                               const IntroductionOptions& options) {
  const int32_t n = g.NodeCount();
  if (options.max <= 0 || n == 0) return {};
  // Each node's strongest ties (by weight, then index), at most kMaxVias, as
  // contiguous 8-byte (node, flags) pairs — the counting loop below reads only
  // these — and their weights beside them (for the few candidates kept).
  // flags: kReal, kHeavy (weight >= 1000), kWarmIfReal (weight + 1000 >= 1000).
  struct TopTie {
    int32_t node;
    uint32_t flags;
  };
  constexpr uint32_t kReal = 1, kHeavy = 2, kWarmIfReal = 4;
  std::vector<int64_t> top_begin(n + 1, 0);
  for (int32_t v = 0; v < n; ++v) top_begin[v + 1] = top_begin[v] + std::min(g.Degree(v), kMaxVias);
  std::vector<TopTie> top_tie(top_begin[n]);
  std::vector<double> top_weight(top_begin[n]);
  const bool single = options.member >= 0;
  const int threads = single ? 1 : std::max(1, std::min(ResolveThreads(options.threads), n / 256 + 1));
  RunThreads(threads, [&](int t) {
    std::vector<int64_t> slots;
    auto cmp = [&](int64_t x, int64_t y) {
      return g.weight[x] != g.weight[y] ? g.weight[x] > g.weight[y] : g.adj[x] < g.adj[y];
    };
    for (int32_t v = static_cast<int32_t>(int64_t{n} * t / threads),
                 end = static_cast<int32_t>(int64_t{n} * (t + 1) / threads);
         v < end; ++v) {
      slots.clear();
      for (int64_t e = g.Begin(v); e < g.End(v); ++e) slots.push_back(e);
      const size_t k = static_cast<size_t>(top_begin[v + 1] - top_begin[v]);
      std::partial_sort(slots.begin(), slots.begin() + static_cast<long>(k), slots.end(), cmp);
      for (size_t i = 0; i < k; ++i) {
        const double w = g.weight[slots[i]];
        top_tie[top_begin[v] + i] = {g.adj[slots[i]], (g.real[slots[i]] ? kReal : 0) | (w >= 1000.0 ? kHeavy : 0) |
                                                          (w + 1000.0 >= 1000.0 ? kWarmIfReal : 0)};
        top_weight[top_begin[v] + i] = w;
      }
    }
  });

  // What a candidate's score needs of b, in one place.
  struct NodeInfo {
    int32_t sector, community, degree;
  };
  std::vector<NodeInfo> info(n);
  for (int32_t v = 0; v < n; ++v) info[v] = {g.sector[v], community[v], g.Degree(v)};

  // Members are visited community by community: members of one community
  // share most of their contacts, so the contacts' lists stay in cache from
  // one member to the next (in index order they are scattered over the
  // whole network). The top list kept does not depend on the order.
  std::vector<int32_t> order;
  if (!single) {
    order.resize(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int32_t x, int32_t y) { return community[x] < community[y]; });
  }

  std::vector<std::vector<Candidate>> best(threads);
  std::atomic<int32_t> next{0};
  const size_t keep = static_cast<size_t>(options.max) * 2 + 8;  // room for both orientations
  // log2(1 + k) for every possible count of mutual contacts (at most kMaxVias).
  static_assert(kMaxVias < 64, "a mutual count fits in the low six bits of a byte");
  std::vector<double> log2_1p(kMaxVias + 1);
  for (int k = 0; k <= kMaxVias; ++k) log2_1p[k] = std::log2(1.0 + k);
  // The warmth of a path a - v - b (top entries i and k): the weaker of its
  // two ties, plus 1000 when both met face to face. A pair is "warm" when its
  // warmest path reaches 1000 — decided from the flags alone: rounding is
  // monotone, so min(x, y) + 1000 >= 1000 exactly when both x + 1000 and
  // y + 1000 are, and min(x, y) >= 1000 when both x and y are.
  auto warmth = [&](int64_t i, int64_t k) {
    return std::min(top_weight[i], top_weight[k]) + ((top_tie[i].flags & top_tie[k].flags & kReal) ? 1000.0 : 0.0);
  };
  auto is_warm = [](uint32_t both) { return (both & kReal) ? (both & kWarmIfReal) != 0 : (both & kHeavy) != 0; };
  // The best score a pair with m mutual contacts (and warm or not) can reach:
  // both cross bonuses, and min(degree) >= m (each mutual contact is a
  // neighbour of both). Summed in the score's own order, so it never rounds
  // below a score it bounds.
  std::vector<double> bound(256, 0.0);
  for (int m = 0; m <= kMaxVias; ++m)
    for (int warm = 0; warm <= 1; ++warm)
      bound[m | (warm << 7)] = 1.0 * 1 + 0.5 * 1 + 0.3 * log2_1p[m] + 0.5 * warm + 1.0 / (1.0 + m);
  RunThreads(threads, [&](int t) {
    // Per reached member b, one byte: mutual contacts so far (low six bits) and
    // whether a warm path was seen (bit 7). 100 kB at 100,000 members: the
    // counting below stays in cache; the warmest via is looked up only for
    // the few candidates that enter the top list.
    std::vector<uint8_t> reach(n, 0);
    std::vector<int32_t> touched;
    std::vector<Candidate>& heap = best[t];
    auto push = [&](const Candidate& c) {
      if (heap.size() < keep) {
        heap.push_back(c);
        std::push_heap(heap.begin(), heap.end(), Better);
      } else if (Better(c, heap.front())) {
        std::pop_heap(heap.begin(), heap.end(), Better);
        heap.back() = c;
        std::push_heap(heap.begin(), heap.end(), Better);
      }
    };
    // The warmest via between a and b (on equal warmth the lowest index), as
    // the counting pass would have kept it.
    auto warmest_via = [&](int32_t a, int32_t b) {
      double best_w = 0;
      int32_t via = -1;
      for (int64_t i = top_begin[a]; i < top_begin[a + 1]; ++i) {
        const TopTie& av = top_tie[i];
        const int32_t v = av.node;
        for (int64_t k = top_begin[v]; k < top_begin[v + 1]; ++k) {
          if (top_tie[k].node != b) continue;
          const double w = warmth(i, k);
          if (w > best_w || (w == best_w && v < via)) {
            best_w = w;
            via = v;
          }
        }
      }
      return via;
    };
    for (;;) {
      int32_t begin, end;
      if (single) {
        if (next.fetch_add(1) > 0) break;
        begin = options.member;
        end = options.member + 1;
      } else {
        begin = next.fetch_add(64);
        if (begin >= n) break;
        end = std::min(n, begin + 64);
      }
      for (int32_t at = begin; at < end; ++at) {
        const int32_t a = single ? at : order[at];
        touched.clear();
        for (int64_t i = top_begin[a]; i < top_begin[a + 1]; ++i) {
          const TopTie& av = top_tie[i];
          const int32_t v = av.node;
          for (int64_t k = top_begin[v]; k < top_begin[v + 1]; ++k) {
            const TopTie& vb = top_tie[k];
            const int32_t b = vb.node;
            if (b == a) continue;
            uint8_t& r = reach[b];
            if (r == 0) touched.push_back(b);
            r = static_cast<uint8_t>((r + 1) | (is_warm(av.flags & vb.flags) ? 0x80 : 0));
          }
        }
        const NodeInfo ia = info[a];
        for (int32_t b : touched) {
          const uint8_t r = reach[b];
          reach[b] = 0;
          // A pair that cannot beat the weakest kept candidate is not scored.
          if (heap.size() >= keep && bound[r] < heap.front().score) continue;
          const int mutual = r & 0x3f;
          const bool warm = (r & 0x80) != 0;
          const NodeInfo ib = info[b];
          const bool cross_sector = ia.sector != ib.sector;
          const bool cross_community = ia.community != ib.community;
          if (cross_sector || cross_community) {
            const double score = 1.0 * cross_sector + 0.5 * cross_community + 0.3 * log2_1p[mutual] + 0.5 * warm +
                                 1.0 / (1.0 + std::min(ia.degree, ib.degree));
            Candidate c{std::min(a, b), std::max(a, b), -1, score};
            // The tie test (a binary search) only for a candidate the heap would take.
            if ((heap.size() < keep || Better(c, heap.front())) && !g.HasTie(a, b)) {
              c.via = warmest_via(a, b);
              push(c);
            }
          }
        }
      }
    }
  });
  std::vector<Candidate> all;
  for (auto& h : best) all.insert(all.end(), h.begin(), h.end());
  std::sort(all.begin(), all.end(), Better);
  std::vector<Introduction> out;
  std::set<std::pair<int32_t, int32_t>> seen;
  for (const auto& c : all) {
    if (static_cast<int>(out.size()) >= options.max) break;
    if (!seen.insert({c.a, c.b}).second) continue;
    Introduction intro;
    intro.a = g.ids[c.a];
    intro.b = g.ids[c.b];
    intro.via = g.ids[c.via];
    intro.score = std::round(c.score * 1e6) / 1e6;
    const int64_t common = CommonNeighbours(g, c.a, c.b);
    std::string r = DisplayName(g, c.a) + " (" + SectorLabel(g, c.a) + ") and " + DisplayName(g, c.b) + " (" +
                    SectorLabel(g, c.b) + ") are not connected yet; " + DisplayName(g, c.via) +
                    " knows both and can introduce them.";
    if (g.sector[c.a] != g.sector[c.b])
      r += " It would link " + SectorLabel(g, c.a) + " and " + SectorLabel(g, c.b) + ".";
    if (community[c.a] != community[c.b]) r += " They are in different communities of the network.";
    if (common > 1) r += " They have " + std::to_string(common) + " contacts in common.";
    intro.reason = std::move(r);
    out.push_back(std::move(intro));
  }
  return out;
}

std::vector<Invite> SuggestInvites(const Graph& g, const Components& comps, const std::vector<FadingMember>& fading,
                                   int max) {
  std::vector<Invite> out;
  const int32_t n = g.NodeCount();
  std::vector<uint8_t> taken(n, 0);
  auto add = [&](int32_t v, std::string reason) {
    if (static_cast<int>(out.size()) >= max || taken[v]) return;
    taken[v] = 1;
    out.push_back({g.ids[v], std::move(reason)});
  };
  for (int32_t v = 0; v < n; ++v)
    if (g.Degree(v) == 0) add(v, DisplayName(g, v) + " has no ties in the network yet; an invitation is the way in.");
  if (!comps.size.empty()) {
    const int32_t largest =
        static_cast<int32_t>(std::max_element(comps.size.begin(), comps.size.end()) - comps.size.begin());
    // Small components: invite their best-connected member (one per component), smallest first.
    std::vector<int32_t> rep(comps.count, -1);
    for (int32_t v = 0; v < n; ++v) {
      const int32_t c = comps.label[v];
      if (c == largest || comps.size[c] < 2) continue;
      if (rep[c] < 0 || g.Degree(v) > g.Degree(rep[c])) rep[c] = v;
    }
    std::vector<int32_t> order;
    for (int32_t c = 0; c < comps.count; ++c)
      if (rep[c] >= 0) order.push_back(c);
    std::stable_sort(order.begin(), order.end(), [&](int32_t x, int32_t y) { return comps.size[x] > comps.size[y]; });
    for (int32_t c : order)
      add(rep[c], DisplayName(g, rep[c]) + " is the best-connected member of a group of " +
                      std::to_string(comps.size[c]) + " members with no tie to the rest of the network.");
  }
  bool any_real = false;
  for (uint8_t r : g.real) any_real = any_real || r;
  if (any_real) {
    std::vector<int32_t> online;
    for (int32_t v = 0; v < n; ++v) {
      if (g.Degree(v) == 0) continue;
      bool met = false;
      for (int64_t e = g.Begin(v); e < g.End(v) && !met; ++e) met = g.real[e];
      if (!met) online.push_back(v);
    }
    std::stable_sort(online.begin(), online.end(), [&](int32_t x, int32_t y) { return g.Degree(x) > g.Degree(y); });
    for (int32_t v : online)
      add(v, DisplayName(g, v) + " knows " + std::to_string(g.Degree(v)) +
                 " members online but has never met one face to face.");
  }
  for (const auto& f : fading) {
    auto it = g.index.find(f.id);
    if (it == g.index.end()) continue;
    add(it->second, DisplayName(g, it->second) + " has had no contact since " + FormatDay(f.last_active) + " (" +
                        std::to_string(f.days_inactive) + " days).");
  }
  return out;
}

}  // namespace verbinder::analysis
