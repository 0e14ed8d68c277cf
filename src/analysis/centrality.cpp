#include "analysis/centrality.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <span>
#include <thread>

#include "analysis/parallel.h"

namespace verbinder::analysis {

int ResolveThreads(int threads) {
  if (threads > 0) return threads;
  unsigned hc = std::thread::hardware_concurrency();
  return hc == 0 ? 1 : static_cast<int>(hc);
}

std::vector<double> ExactBetweenness(const Graph& g, int threads, std::stop_token stop) {
  const int32_t n = g.NodeCount();
  threads = std::max(1, std::min(ResolveThreads(threads), n));
  std::vector<std::vector<double>> partial(threads);
  std::atomic<int32_t> next{0};
  constexpr int32_t kChunk = 16;
  RunThreads(threads, [&](int t) {
    std::vector<double>& bc_vec = partial[t];
    bc_vec.assign(n, 0.0);
    std::vector<int32_t> dist_vec(n, -1), order_vec(n);
    std::vector<double> sigma_vec(n, 0.0), coeff_vec(n, 0.0);
    // The shortest-path DAG of the current source: the successors of the node at
    // BFS position i are succ[succ_start[i] .. succ_start[i + 1]).
    std::vector<int32_t> succ_vec(g.adj.size() / 2 + 1), succ_start_vec(n + 1);  // a DAG holds each tie at most once
    // Raw restrict pointers: without them every store to dist (int32) forces a
    // reload of the adjacency pointers, which costs about a third of the time.
    const int64_t* __restrict offsets = g.offsets.data();
    const int32_t* __restrict adj = g.adj.data();
    int32_t* __restrict dist = dist_vec.data();
    int32_t* __restrict order = order_vec.data();
    double* __restrict sigma = sigma_vec.data();
    double* __restrict coeff = coeff_vec.data();  // (1 + delta[w]) / sigma[w]
    double* __restrict bc = bc_vec.data();
    int32_t* __restrict succ = succ_vec.data();
    int32_t* __restrict succ_start = succ_start_vec.data();
    for (;;) {
      if (stop.stop_requested()) break;
      int32_t begin = next.fetch_add(kChunk);
      if (begin >= n) break;
      int32_t end = std::min(n, begin + kChunk);
      for (int32_t s = begin; s < end; ++s) {
        if (offsets[s + 1] == offsets[s]) continue;
        int32_t tail = 0;
        order[tail++] = s;
        dist[s] = 0;
        sigma[s] = 1;
        int32_t nsucc = 0;
        for (int32_t head = 0; head < tail; ++head) {
          const int32_t v = order[head];
          const int32_t dv = dist[v] + 1;
          const double sv = sigma[v];
          succ_start[head] = nsucc;
          for (int64_t e = offsets[v], ee = offsets[v + 1]; e < ee; ++e) {
            const int32_t w = adj[e];
            if (dist[w] < 0) {
              dist[w] = dv;
              sigma[w] = sv;
              order[tail++] = w;
              succ[nsucc++] = w;
            } else if (dist[w] == dv) {
              sigma[w] += sv;
              succ[nsucc++] = w;
            }
          }
        }
        succ_start[tail] = nsucc;
        // Dependencies pulled from the successors (one level further), deepest
        // level first: delta[w] = sigma[w] * sum over successors x of coeff[x].
        // Every node writes only its own entries, no scattered read-modify-write;
        // only the DAG's edges are read, not every tie again.
        for (int32_t i = tail; i-- > 1;) {
          const int32_t w = order[i];
          double sum = 0;
          for (int32_t k = succ_start[i], kk = succ_start[i + 1]; k < kk; ++k) sum += coeff[succ[k]];
          const double delta = sigma[w] * sum;
          coeff[w] = (1.0 + delta) / sigma[w];
          bc[w] += delta;
        }
        for (int32_t i = 0; i < tail; ++i) dist[order[i]] = -1;
      }
    }
  });
  std::vector<double> out(n, 0.0);
  for (const auto& p : partial)
    for (int32_t v = 0; v < n; ++v) out[v] += p[v];
  // Brandes over all sources counts each unordered pair twice.
  const double scale = n > 2 ? 1.0 / (static_cast<double>(n - 1) * static_cast<double>(n - 2)) : 0.5;
  for (double& x : out) x *= scale;
  return out;
}

namespace {

uint64_t SplitMix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// Upper bound on the vertex diameter (the most members on one shortest path):
// per component, 2 * eccentricity(r) + 1 for the better of two roots r, its
// first node and its best-connected node (in a heavy-tailed network the hub is
// near the centre, so its eccentricity is about the radius, not the diameter).
// Any r gives a valid bound (diameter <= 2 ecc(r)); a tighter one needs fewer
// samples for the same guarantee.
int32_t VertexDiameterBound(const Graph& g) {
  const int32_t n = g.NodeCount();
  std::vector<int32_t> component(n, -1), dist(n, -1), queue;
  queue.reserve(n);
  // Breadth-first from r over its component; returns the eccentricity of r and
  // leaves the component's nodes in `queue`.
  auto eccentricity = [&](int32_t r) {
    queue.clear();
    queue.push_back(r);
    dist[r] = 0;
    int32_t ecc = 0;
    for (size_t h = 0; h < queue.size(); ++h) {
      const int32_t v = queue[h];
      ecc = std::max(ecc, dist[v]);
      for (int32_t w : g.Neighbors(v))
        if (dist[w] < 0) {
          dist[w] = dist[v] + 1;
          queue.push_back(w);
        }
    }
    for (int32_t v : queue) dist[v] = -1;
    return ecc;
  };
  int32_t best = 1;
  for (int32_t r = 0; r < n; ++r) {
    if (component[r] >= 0) continue;
    int32_t ecc = eccentricity(r);
    int32_t hub = r;
    for (int32_t v : queue) {
      component[v] = r;
      if (g.Degree(v) > g.Degree(hub)) hub = v;
    }
    if (hub != r) ecc = std::min(ecc, eccentricity(hub));
    best = std::max(best, 2 * ecc + 1);
  }
  return best;
}

// The graph as the path sampler reads it: nodes renumbered by falling degree
// (ties by index), 32-bit offsets. In a heavy-tailed network most visits of a
// search go to hubs; numbered first, their marks, path counts and offsets share
// a few cache lines instead of being spread over megabytes. Each neighbour list
// keeps the original order (by original index), so every search, meeting point
// and walk is the one the original numbering gives: the counts are the same.
// (32-bit offsets: a graph with 2^31 tie slots would not fit in memory anyway.)
struct SamplerGraph {
  std::vector<int32_t> offsets, adj;
  std::vector<int32_t> to_new, to_old;  // original index <-> sampler index

  explicit SamplerGraph(const Graph& g) {
    const int32_t n = g.NodeCount();
    to_old.resize(n);
    std::iota(to_old.begin(), to_old.end(), 0);
    std::stable_sort(to_old.begin(), to_old.end(), [&](int32_t a, int32_t b) { return g.Degree(a) > g.Degree(b); });
    to_new.resize(n);
    for (int32_t i = 0; i < n; ++i) to_new[to_old[i]] = i;
    offsets.resize(static_cast<size_t>(n) + 1);
    adj.resize(g.adj.size());
    offsets[0] = 0;
    for (int32_t i = 0; i < n; ++i) {
      const int32_t v = to_old[i];
      int32_t k = offsets[i];
      for (int32_t w : g.Neighbors(v)) adj[k++] = to_new[w];
      offsets[i + 1] = k;
    }
  }
  int32_t NodeCount() const { return static_cast<int32_t>(to_old.size()); }
  int32_t Degree(int32_t v) const { return offsets[v + 1] - offsets[v]; }
  std::span<const int32_t> Neighbors(int32_t v) const {
    return {adj.data() + offsets[v], static_cast<size_t>(offsets[v + 1] - offsets[v])};
  }
};

// Per-thread state for sampling one uniform shortest path between s and t.
// Visits are marked with a clock that ticks once per BFS level: a node whose
// mark on a side is newer than the sample's start was reached by that side,
// and the mark says on which level — so there is no distance array, and a
// visit to an already-reached neighbour reads one pair of marks. With 16-bit
// marks (when the vertex diameter is small, as in every social network) the
// pairs of 100,000 members take 400 kB and stay in the core's cache.
// `max_ticks` bounds the ticks of one sample: 2 + the expansions, at most
// 2 * vertex diameter + 8; the marks are wiped when the clock could overflow.
template <typename Mark>
class PathSampler {
 public:
  PathSampler(const SamplerGraph& g, uint64_t max_ticks)
      : g_(g), max_ticks_(max_ticks), mark_(g.NodeCount()), sig_s_(g.NodeCount()), sig_t_(g.NodeCount()) {}

  // Adds 1 to counts[v] for each interior vertex v of one shortest s-t path
  // chosen uniformly at random (nothing if s and t are not connected).
  void Sample(int32_t s, int32_t t, std::mt19937_64& rng, std::vector<int64_t>& counts) {
    if (uint64_t{clock_} + max_ticks_ > std::numeric_limits<Mark>::max()) {
      std::fill(mark_.begin(), mark_.end(), Marks{});
      clock_ = 0;
    }
    start_ = clock_;
    levels_[kS].assign(1, ++clock_);
    levels_[kT].assign(1, ++clock_);
    mark_[s].at[kS] = levels_[kS][0];
    sig_s_[s] = 1;
    mark_[t].at[kT] = levels_[kT][0];
    sig_t_[t] = 1;
    fs_.assign(1, s);
    ft_.assign(1, t);
    meet_.clear();
    // The ties leaving each frontier: the smaller side expands.
    int64_t ws = g_.Degree(s), wt = g_.Degree(t);
    while (meet_.empty()) {
      if (fs_.empty() || ft_.empty()) return;
      if (ws <= wt)
        ws = Expand<kS>(fs_, sig_s_);
      else
        wt = Expand<kT>(ft_, sig_t_);
    }
    double total = 0;
    for (int32_t y : meet_) total += sig_s_[y] * sig_t_[y];
    std::uniform_real_distribution<double> unif(0.0, 1.0);
    double pick = unif(rng) * total;
    int32_t y = meet_.back();
    for (int32_t c : meet_) {
      pick -= sig_s_[c] * sig_t_[c];
      if (pick <= 0) {
        y = c;
        break;
      }
    }
    if (y != s && y != t) ++counts[y];
    Walk<kS>(y, sig_s_, rng, counts);
    Walk<kT>(y, sig_t_, rng, counts);
  }

 private:
  static constexpr int kS = 0, kT = 1;  // the search from s, the search from t
  struct Marks {
    Mark at[2] = {0, 0};  // clock tick of the level each side reached the node on
  };

  // The level (distance from the side's root) of a node that side reached.
  template <int kSide>
  int32_t Level(int32_t v) const {
    const std::vector<Mark>& ticks = levels_[kSide];
    return static_cast<int32_t>(std::lower_bound(ticks.begin(), ticks.end(), mark_[v].at[kSide]) - ticks.begin());
  }

  // Expands one level; returns the ties leaving the new frontier.
  template <int kSide>
  int64_t Expand(std::vector<int32_t>& frontier, std::vector<double>& sig_vec) {
    constexpr int kOther = 1 - kSide;
    next_.clear();
    Marks* __restrict mark = mark_.data();
    double* __restrict sig = sig_vec.data();
    const int32_t* __restrict offsets = g_.offsets.data();
    const Mark start = start_, level = ++clock_;
    int64_t ties = 0;
    levels_[kSide].push_back(level);
    for (int32_t x : frontier) {
      const double sx = sig[x];
      for (int32_t y : g_.Neighbors(x)) {
        Marks& m = mark[y];
        if (m.at[kSide] <= start) {
          m.at[kSide] = level;
          sig[y] = sx;
          next_.push_back(y);
          ties += offsets[y + 1] - offsets[y];
          if (m.at[kOther] > start) meet_.push_back(y);
        } else if (m.at[kSide] == level) {
          sig[y] += sx;
        }
      }
    }
    frontier.swap(next_);
    return ties;
  }

  // Walks from y back to the side's root, choosing predecessors by sigma; counts interior vertices.
  template <int kSide>
  void Walk(int32_t y, const std::vector<double>& sig, std::mt19937_64& rng, std::vector<int64_t>& counts) {
    std::uniform_real_distribution<double> unif(0.0, 1.0);
    int32_t cur = y;
    for (int32_t d = Level<kSide>(y); d > 1; --d) {
      const Mark up = levels_[kSide][d - 1];
      double pick = unif(rng) * sig[cur];
      int32_t chosen = -1;
      for (int32_t p : g_.Neighbors(cur)) {
        if (mark_[p].at[kSide] != up) continue;
        chosen = p;
        pick -= sig[p];
        if (pick <= 0) break;
      }
      cur = chosen;
      ++counts[cur];
    }
  }

  const SamplerGraph& g_;
  const uint64_t max_ticks_;
  Mark clock_ = 0, start_ = 0;
  std::vector<Marks> mark_;
  std::vector<double> sig_s_, sig_t_;
  std::vector<Mark> levels_[2];  // clock tick of each level, per side
  std::vector<int32_t> fs_, ft_, next_, meet_;
};

}  // namespace

ApproxBetweenness ApproximateBetweenness(const Graph& g, const ApproxBetweennessOptions& options) {
  ApproxBetweenness result;
  const int32_t n = g.NodeCount();
  result.values.assign(n, 0.0);
  if (n < 3) return result;
  result.vertex_diameter = VertexDiameterBound(g);
  const double c = 0.5;  // the universal constant of Riondato–Kornaropoulos (2016)
  const double vd = std::max(1, result.vertex_diameter - 2);
  result.samples = static_cast<int64_t>(std::ceil(c / (options.epsilon * options.epsilon) *
                                                  (std::floor(std::log2(vd)) + 1 + std::log(1 / options.delta))));
  result.guarantee = options.epsilon * n / (n - 2.0);

  constexpr int64_t kBlock = 1024;
  const int64_t blocks = (result.samples + kBlock - 1) / kBlock;
  const int threads = std::max<int>(1, std::min<int64_t>(ResolveThreads(options.threads), blocks));
  std::vector<std::vector<int64_t>> partial(threads);
  std::atomic<int64_t> next{0};
  // One sample ticks a sampler's clock at most 2 * VD + 8 times (see PathSampler).
  const uint64_t max_ticks = 2 * static_cast<uint64_t>(result.vertex_diameter) + 8;
  const SamplerGraph sg(g);  // counts are by sampler index
  auto sample = [&]<typename Mark>(int tid) {
    partial[tid].assign(n, 0);
    PathSampler<Mark> sampler(sg, max_ticks);
    for (;;) {
      if (options.stop.stop_requested()) break;
      int64_t b = next.fetch_add(1);
      if (b >= blocks) break;
      std::mt19937_64 rng(SplitMix(options.seed * 0x100000001b3ULL + static_cast<uint64_t>(b)));
      std::uniform_int_distribution<int32_t> pick(0, n - 1);
      const int64_t end = std::min(result.samples, (b + 1) * kBlock);
      for (int64_t i = b * kBlock; i < end; ++i) {
        int32_t s = pick(rng), t = pick(rng);
        while (t == s) t = pick(rng);
        sampler.Sample(sg.to_new[s], sg.to_new[t], rng, partial[tid]);
      }
    }
  };
  const bool small_marks = max_ticks * 64 < std::numeric_limits<uint16_t>::max();
  RunThreads(threads, [&](int tid) {
    if (small_marks)
      sample.template operator()<uint16_t>(tid);
    else
      sample.template operator()<uint32_t>(tid);
  });
  const double scale = static_cast<double>(n) / (n - 2.0) / static_cast<double>(result.samples);
  for (const auto& p : partial)
    for (int32_t i = 0; i < n; ++i) result.values[sg.to_old[i]] += static_cast<double>(p[i]);
  for (double& x : result.values) x *= scale;
  return result;
}

}  // namespace verbinder::analysis
