#include "analysis/community.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include "util/parallel.h"

namespace verbinder::analysis {

using util::ResolveThreads;
using util::RunThreads;

namespace {

// splitmix64: small, fast, deterministic across platforms.
struct Rng {
  uint64_t state;
  uint64_t Next() {
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  uint32_t Below(uint32_t n) { return static_cast<uint32_t>((Next() >> 32) * n >> 32); }
};

void Shuffle(std::vector<int32_t>& order, Rng& rng) {
  for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng.Below(static_cast<uint32_t>(i))]);
}

// One level of the Leiden hierarchy: a weighted graph without self-loops in
// adj (a node's internal weight is in self, counted twice like NetworkX does)
// and node strengths k (including self).
struct View {
  int32_t n = 0;
  const int64_t* off = nullptr;
  const int32_t* adj = nullptr;
  const double* w = nullptr;
  const double* k = nullptr;
  size_t slots = 0;
};
struct Level {
  int32_t n = 0;
  std::vector<int64_t> off;
  std::vector<int32_t> adj;
  std::vector<double> w;
  std::vector<double> k;
  View view() const { return {n, off.data(), adj.data(), w.data(), k.data(), adj.size()}; }
};

// Renumbers labels 0.. in order of first appearance; labels must be in [0, bound).
int32_t RenumberDense(std::vector<int32_t>& labels, int32_t bound) {
  std::vector<int32_t> map(bound, -1);
  int32_t next = 0;
  for (int32_t& x : labels) {
    if (map[x] < 0) map[x] = next++;
    x = map[x];
  }
  return next;
}

class Leiden {
 public:
  Leiden(double gamma, double two_m, uint64_t seed) : gamma_(gamma), two_m_(two_m), rng_{seed} {}

  // Fast local moving: nodes in a queue (random initial order), each moved to
  // the neighbouring community with the best modularity gain; the neighbours of
  // a node that moved, outside its new community, are queued again.
  // Returns true if any node moved. memb holds community ids in [0, n).
  bool MoveNodesFast(const View& g, std::vector<int32_t>& memb) {
    const int32_t n = g.n;
    tot_.assign(n, 0.0);
    std::vector<int32_t> size(n, 0);
    for (int32_t v = 0; v < n; ++v) {
      tot_[memb[v]] += g.k[v];
      ++size[memb[v]];
    }
    std::vector<int32_t> empty;
    for (int32_t c = n - 1; c >= 0; --c)
      if (size[c] == 0) empty.push_back(c);
    std::vector<int32_t> queue(n);
    std::iota(queue.begin(), queue.end(), 0);
    Shuffle(queue, rng_);
    std::vector<uint8_t> queued(n, 1);
    nw_.assign(n, 0.0);
    touched_.clear();
    size_t head = 0, count = n;
    bool moved = false;
    const double scale = gamma_ / two_m_;
    while (count > 0) {
      const int32_t v = queue[head];
      head = head + 1 == static_cast<size_t>(n) ? 0 : head + 1;
      --count;
      queued[v] = 0;
      const int32_t cv = memb[v];
      const double kv = g.k[v];
      for (int64_t e = g.off[v]; e < g.off[v + 1]; ++e) {
        const int32_t c = memb[g.adj[e]];
        if (nw_[c] == 0.0) touched_.push_back(c);
        nw_[c] += g.w[e];
      }
      tot_[cv] -= kv;
      int32_t best = cv;
      double best_gain = nw_[cv] - scale * kv * tot_[cv];
      for (int32_t c : touched_) {
        const double gain = nw_[c] - scale * kv * tot_[c];
        if (gain > best_gain) {
          best_gain = gain;
          best = c;
        }
      }
      if (best_gain < 0 && size[cv] > 1) {  // better alone: an empty community
        best = empty.back();
        best_gain = 0;
      }
      for (int32_t c : touched_) nw_[c] = 0.0;
      touched_.clear();
      tot_[best] += kv;
      if (best != cv) {
        if (--size[cv] == 0) empty.push_back(cv);
        if (size[best]++ == 0) empty.pop_back();  // best was empty.back()
        memb[v] = best;
        moved = true;
        for (int64_t e = g.off[v]; e < g.off[v + 1]; ++e) {
          const int32_t u = g.adj[e];
          if (!queued[u] && memb[u] != best) {
            queued[u] = 1;
            size_t tail = head + count;
            if (tail >= static_cast<size_t>(n)) tail -= n;
            queue[tail] = u;
            ++count;
          }
        }
      }
    }
    return moved;
  }

  // Refinement: inside each community of memb, start from singletons and merge
  // each still-single, well-connected node into the well-connected refined
  // community (tied to it) with the best gain >= 0. Returns refined ids (dense).
  std::vector<int32_t> Refine(const View& g, const std::vector<int32_t>& memb, int32_t* count) {
    const int32_t n = g.n;
    const double scale = gamma_ / two_m_;
    std::vector<double> comm_tot(n, 0.0);
    for (int32_t v = 0; v < n; ++v) comm_tot[memb[v]] += g.k[v];
    std::vector<int32_t> refined(n);
    std::iota(refined.begin(), refined.end(), 0);
    std::vector<double> rtot(g.k, g.k + n);  // per refined community
    std::vector<double> ext(n, 0.0);         // weight from the refined community to the rest of its community
    std::vector<double> node_ext(n, 0.0);    // same for the node alone
    for (int32_t v = 0; v < n; ++v) {
      double x = 0;
      for (int64_t e = g.off[v]; e < g.off[v + 1]; ++e)
        if (memb[g.adj[e]] == memb[v]) x += g.w[e];
      node_ext[v] = ext[v] = x;
    }
    std::vector<uint8_t> single(n, 1);
    std::vector<int32_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    Shuffle(order, rng_);
    nw_.assign(n, 0.0);
    touched_.clear();
    for (int32_t v : order) {
      if (!single[v]) continue;
      const int32_t cv = memb[v];
      const double kv = g.k[v];
      const double total = comm_tot[cv];
      if (node_ext[v] < scale * kv * (total - kv)) continue;  // not well connected
      for (int64_t e = g.off[v]; e < g.off[v + 1]; ++e) {
        const int32_t u = g.adj[e];
        if (memb[u] != cv) continue;
        const int32_t r = refined[u];
        if (nw_[r] == 0.0) touched_.push_back(r);
        nw_[r] += g.w[e];
      }
      int32_t best = -1;
      double best_gain = 0;
      for (int32_t r : touched_) {
        if (r == refined[v]) continue;
        if (ext[r] < scale * rtot[r] * (total - rtot[r])) continue;
        const double gain = nw_[r] - scale * kv * rtot[r];
        if (gain >= best_gain && (best < 0 || gain > best_gain)) {
          best_gain = gain;
          best = r;
        }
      }
      if (best >= 0) {
        const int32_t own = refined[v];
        ext[best] += node_ext[v] - 2 * nw_[best];
        rtot[best] += kv;
        rtot[own] -= kv;
        refined[v] = best;
        single[v] = 0;
        // Community `best` always holds node `best` (a node leaves only its own
        // singleton); now that it has company, that node stays put.
        single[best] = 0;
      }
      for (int32_t r : touched_) nw_[r] = 0.0;
      touched_.clear();
    }
    *count = RenumberDense(refined, n);
    return refined;
  }

 private:
  double gamma_, two_m_;
  Rng rng_;
  std::vector<double> tot_, nw_;
  std::vector<int32_t> touched_;
};

// Collapses g by `part` (dense ids, count parts) into a new level.
Level Aggregate(const View& g, const std::vector<int32_t>& part, int32_t count) {
  Level out;
  out.n = count;
  out.k.assign(count, 0.0);
  std::vector<int32_t> start(count + 1, 0), members(g.n);
  for (int32_t v = 0; v < g.n; ++v) {
    ++start[part[v] + 1];
    out.k[part[v]] += g.k[v];
  }
  for (int32_t c = 0; c < count; ++c) start[c + 1] += start[c];
  {
    std::vector<int32_t> pos(start.begin(), start.end() - 1);
    for (int32_t v = 0; v < g.n; ++v) members[pos[part[v]]++] = v;
  }
  out.off.assign(count + 1, 0);
  out.adj.reserve(g.slots / 2);
  out.w.reserve(g.slots / 2);
  std::vector<double> acc(count, 0.0);
  std::vector<uint8_t> seen(count, 0);
  std::vector<int32_t> touched;
  for (int32_t c = 0; c < count; ++c) {
    for (int32_t i = start[c]; i < start[c + 1]; ++i) {
      const int32_t v = members[i];
      for (int64_t e = g.off[v]; e < g.off[v + 1]; ++e) {
        const int32_t d = part[g.adj[e]];
        if (d == c) continue;  // internal: only in k
        if (!seen[d]) {
          seen[d] = 1;
          touched.push_back(d);
        }
        acc[d] += g.w[e];
      }
    }
    for (int32_t d : touched) {
      out.adj.push_back(d);
      out.w.push_back(acc[d]);
      acc[d] = 0.0;
      seen[d] = 0;
    }
    touched.clear();
    out.off[c + 1] = static_cast<int64_t>(out.adj.size());
  }
  return out;
}

// Modularity of memb (ids < g.n) on a level.
double LevelModularity(const View& g, const std::vector<int32_t>& memb, double gamma, double two_m) {
  std::vector<double> in(g.n, 0.0), tot(g.n, 0.0);
  for (int32_t v = 0; v < g.n; ++v) {
    tot[memb[v]] += g.k[v];
    for (int64_t e = g.off[v]; e < g.off[v + 1]; ++e)
      if (memb[g.adj[e]] == memb[v]) in[memb[v]] += g.w[e];
  }
  double q = 0;
  for (int32_t c = 0; c < g.n; ++c) q += in[c] / two_m - gamma * (tot[c] / two_m) * (tot[c] / two_m);
  return q;
}

// An iteration improving modularity by less than this ends the run (igraph
// iterates until nothing changes; on the 100k bench network the last ten of its
// fourteen iterations add 7e-5 together).
constexpr double kMinIterationGain = 1e-4;

// One Leiden run from singletons, iterated from its own partition until an
// iteration changes nothing or gains less than kMinIterationGain. Returns the membership of the original nodes.
std::vector<int32_t> RunLeiden(const View& base, double gamma, double two_m, uint64_t seed, int max_iterations) {
  Leiden leiden(gamma, two_m, seed);
  const int32_t n = base.n;
  std::vector<int32_t> result(n);
  std::iota(result.begin(), result.end(), 0);
  double last_q = LevelModularity(base, result, gamma, two_m);
  for (int iteration = 0; iteration < max_iterations; ++iteration) {
    std::vector<int32_t> memb = result;  // partition of the current level's nodes
    std::vector<int32_t> node_of(n);     // original node -> current level node
    std::iota(node_of.begin(), node_of.end(), 0);
    View view = base;
    const View* g = &view;
    Level owned;
    bool changed = false;
    while (true) {
      changed |= leiden.MoveNodesFast(*g, memb);
      const int32_t parts = RenumberDense(memb, g->n);
      if (parts == g->n) break;  // every node its own community: done
      int32_t refined_count = 0;
      std::vector<int32_t> refined = leiden.Refine(*g, memb, &refined_count);
      std::vector<int32_t> next_memb;
      if (refined_count == g->n) {  // refinement merged nothing: aggregate on memb
        refined = memb;
        refined_count = parts;
      }
      next_memb.assign(refined_count, 0);
      for (int32_t v = 0; v < g->n; ++v) next_memb[refined[v]] = memb[v];
      for (int32_t& x : node_of) x = refined[x];
      Level next = Aggregate(*g, refined, refined_count);
      owned = std::move(next);
      view = owned.view();
      memb = std::move(next_memb);
    }
    std::vector<int32_t> out(n);
    for (int32_t v = 0; v < n; ++v) out[v] = memb[node_of[v]];
    RenumberDense(out, n);
    // Later iterations polish the partition from the last one; stop when one
    // no longer pays (gain below kMinIterationGain) or nothing changed.
    const double q = LevelModularity(base, out, gamma, two_m);
    const bool done = !changed || out == result || q - last_q < kMinIterationGain;
    if (q >= last_q) result = std::move(out);
    if (done) break;
    last_q = q;
  }
  return result;
}

// Splits every community into its connected pieces (never lowers modularity).
int32_t SplitDisconnected(const Graph& g, std::vector<int32_t>& memb) {
  const int32_t n = g.NodeCount();
  std::vector<int32_t> piece(n, -1), stack;
  int32_t next = 0;
  for (int32_t s = 0; s < n; ++s) {
    if (piece[s] >= 0) continue;
    piece[s] = next;
    stack.push_back(s);
    while (!stack.empty()) {
      const int32_t v = stack.back();
      stack.pop_back();
      for (int64_t e = g.Begin(v); e < g.End(v); ++e) {
        const int32_t u = g.adj[e];
        if (piece[u] < 0 && memb[u] == memb[s]) {
          piece[u] = next;
          stack.push_back(u);
        }
      }
    }
    ++next;
  }
  memb = std::move(piece);
  return next;
}

}  // namespace

double Modularity(const Graph& g, const std::vector<int32_t>& membership, double gamma) {
  const int32_t n = g.NodeCount();
  double total = 0;  // 2W
  int32_t k = 0;
  for (int32_t v = 0; v < n; ++v) {
    total += g.strength[v];
    k = std::max(k, membership[v] + 1);
  }
  if (total <= 0) return 0.0;
  std::vector<double> inside(k, 0.0), strength(k, 0.0);
  for (int32_t v = 0; v < n; ++v) {
    strength[membership[v]] += g.strength[v];
    for (int64_t e = g.Begin(v); e < g.End(v); ++e)
      if (membership[g.adj[e]] == membership[v]) inside[membership[v]] += g.weight[e];  // counted twice
  }
  double q = 0;
  for (int32_t c = 0; c < k; ++c) q += inside[c] / total - gamma * (strength[c] / total) * (strength[c] / total);
  return q;
}

bool CommunitiesConnected(const Graph& g, const std::vector<int32_t>& membership) {
  std::vector<int32_t> pieces = membership;
  const int32_t count = SplitDisconnected(g, pieces);
  int32_t k = 0;
  for (int32_t c : membership) k = std::max(k, c + 1);
  std::vector<uint8_t> seen(k, 0);
  int32_t distinct = 0;
  for (int32_t c : membership) {
    distinct += !seen[c];
    seen[c] = 1;
  }
  return count == distinct;
}

Communities DetectCommunities(const Graph& g, const CommunityOptions& options) {
  Communities result;
  const int32_t n = g.NodeCount();
  result.membership.resize(n);
  if (g.TieCount() == 0) {
    for (int32_t v = 0; v < n; ++v) result.membership[v] = v;
    result.count = n;
    return result;
  }
  const View base{n, g.offsets.data(), g.adj.data(), g.weight.data(), g.strength.data(), g.adj.size()};
  double two_m = 0;
  for (double s : g.strength) two_m += s;
  const int restarts = std::max(1, options.restarts);
  const int threads = std::max(1, std::min(ResolveThreads(options.threads), restarts));
  std::vector<std::vector<int32_t>> runs(restarts);
  std::vector<double> quality(restarts, -2.0);
  RunThreads(threads, [&](int t) {
    for (int r = t; r < restarts; r += threads) {
      runs[r] = RunLeiden(base, options.resolution, two_m, options.seed + static_cast<uint64_t>(r), 50);
      quality[r] = Modularity(g, runs[r], options.resolution);
    }
  });
  int best = 0;
  for (int r = 1; r < restarts; ++r)
    if (quality[r] > quality[best] + 1e-12) best = r;
  result.membership = std::move(runs[best]);
  // Leiden's communities are connected by construction; this keeps that true
  // even for rounding-level corner cases (splitting never lowers modularity).
  result.count = SplitDisconnected(g, result.membership);
  result.modularity = Modularity(g, result.membership);
  return result;
}

double NormalizedMutualInformation(const std::vector<int32_t>& a, const std::vector<int32_t>& b) {
  const double n = static_cast<double>(a.size());
  if (a.empty()) return 1.0;
  std::map<std::pair<int32_t, int32_t>, double> joint;
  std::map<int32_t, double> pa, pb;
  for (size_t i = 0; i < a.size(); ++i) {
    joint[{a[i], b[i]}] += 1;
    pa[a[i]] += 1;
    pb[b[i]] += 1;
  }
  auto entropy = [n](const std::map<int32_t, double>& p) {
    double h = 0;
    for (const auto& [k, c] : p) h -= c / n * std::log(c / n);
    return h;
  };
  double mi = 0;
  for (const auto& [key, c] : joint) mi += c / n * std::log(c * n / (pa[key.first] * pb[key.second]));
  const double ha = entropy(pa), hb = entropy(pb);
  if (ha + hb == 0) return 1.0;
  return 2 * mi / (ha + hb);
}

}  // namespace verbinder::analysis
