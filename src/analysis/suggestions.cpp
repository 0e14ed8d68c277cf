#include "analysis/suggestions.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <set>

#include "analysis/parallel.h"

namespace verbinder::analysis {
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
  // Each node's strongest ties (by weight, then index), at most kMaxVias.
  std::vector<int64_t> top_begin(n + 1, 0);
  for (int32_t v = 0; v < n; ++v) top_begin[v + 1] = top_begin[v] + std::min(g.Degree(v), kMaxVias);
  std::vector<int64_t> top(top_begin[n]);  // slots
  std::vector<int64_t> slots;
  for (int32_t v = 0; v < n; ++v) {
    slots.clear();
    for (int64_t e = g.Begin(v); e < g.End(v); ++e) slots.push_back(e);
    auto cmp = [&](int64_t x, int64_t y) {
      return g.weight[x] != g.weight[y] ? g.weight[x] > g.weight[y] : g.adj[x] < g.adj[y];
    };
    const size_t k = static_cast<size_t>(top_begin[v + 1] - top_begin[v]);
    std::partial_sort(slots.begin(), slots.begin() + static_cast<long>(k), slots.end(), cmp);
    std::copy(slots.begin(), slots.begin() + static_cast<long>(k), top.begin() + top_begin[v]);
  }

  // The same lists as contiguous (node, weight, real) triples: the inner loop
  // below reads them in order instead of chasing slots into the whole graph.
  struct TopTie {
    int32_t node;
    uint8_t real;
    double weight;
  };
  std::vector<TopTie> top_tie(top.size());
  for (size_t k = 0; k < top.size(); ++k) top_tie[k] = {g.adj[top[k]], g.real[top[k]], g.weight[top[k]]};

  const bool single = options.member >= 0;
  const int threads = single ? 1 : std::max(1, std::min(ResolveThreads(options.threads), n / 256 + 1));
  std::vector<std::vector<Candidate>> best(threads);
  std::atomic<int32_t> next{0};
  const size_t keep = static_cast<size_t>(options.max) * 2 + 8;  // room for both orientations
  // log2(1 + k) for every possible count of mutual contacts (at most kMaxVias).
  std::vector<double> log2_1p(kMaxVias + 1);
  for (int k = 0; k <= kMaxVias; ++k) log2_1p[k] = std::log2(1.0 + k);
  RunThreads(threads, [&](int t) {
    std::vector<int32_t> mutual(n, 0), via(n, -1), touched;
    std::vector<double> warmth(n, 0.0);
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
      for (int32_t a = begin; a < end; ++a) {
        touched.clear();
        for (int64_t i = top_begin[a]; i < top_begin[a + 1]; ++i) {
          const TopTie& av = top_tie[i];
          const int32_t v = av.node;
          for (int64_t k = top_begin[v]; k < top_begin[v + 1]; ++k) {
            const TopTie& vb = top_tie[k];
            const int32_t b = vb.node;
            if (b == a) continue;
            if (mutual[b]++ == 0) touched.push_back(b);
            const double w = std::min(av.weight, vb.weight) + (av.real && vb.real ? 1000.0 : 0.0);
            if (w > warmth[b] || (w == warmth[b] && v < via[b])) {
              warmth[b] = w;
              via[b] = v;
            }
          }
        }
        for (int32_t b : touched) {
          const bool cross_sector = g.sector[a] != g.sector[b];
          const bool cross_community = community[a] != community[b];
          if (cross_sector || cross_community) {
            const double score = 1.0 * cross_sector + 0.5 * cross_community + 0.3 * log2_1p[mutual[b]] +
                                 0.5 * (warmth[b] >= 1000.0) + 1.0 / (1.0 + std::min(g.Degree(a), g.Degree(b)));
            const Candidate c{std::min(a, b), std::max(a, b), via[b], score};
            // The tie test (a binary search) only for a candidate the heap would take.
            if ((heap.size() < keep || Better(c, heap.front())) && !g.HasTie(a, b)) push(c);
          }
          mutual[b] = 0;
          via[b] = -1;
          warmth[b] = 0;
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
