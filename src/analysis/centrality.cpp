#include "analysis/centrality.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <random>
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

// Upper bound on the vertex diameter: per component, 2 * eccentricity(first node) + 1.
int32_t VertexDiameterBound(const Graph& g) {
  const int32_t n = g.NodeCount();
  std::vector<int32_t> dist(n, -1), queue;
  queue.reserve(n);
  int32_t best = 1;
  for (int32_t r = 0; r < n; ++r) {
    if (dist[r] >= 0) continue;
    queue.clear();
    queue.push_back(r);
    dist[r] = 0;
    int32_t ecc = 0;
    for (size_t h = 0; h < queue.size(); ++h) {
      int32_t v = queue[h];
      ecc = std::max(ecc, dist[v]);
      for (int32_t w : g.Neighbors(v))
        if (dist[w] < 0) {
          dist[w] = dist[v] + 1;
          queue.push_back(w);
        }
    }
    best = std::max(best, 2 * ecc + 1);
  }
  return best;
}

// Per-thread state for sampling one uniform shortest path between s and t.
class PathSampler {
 public:
  explicit PathSampler(const Graph& g)
      : g_(g),
        stamp_s_(g.NodeCount(), 0),
        stamp_t_(g.NodeCount(), 0),
        dist_s_(g.NodeCount()),
        dist_t_(g.NodeCount()),
        sig_s_(g.NodeCount()),
        sig_t_(g.NodeCount()) {}

  // Adds 1 to counts[v] for each interior vertex v of one shortest s-t path
  // chosen uniformly at random (nothing if s and t are not connected).
  void Sample(int32_t s, int32_t t, std::mt19937_64& rng, std::vector<int64_t>& counts) {
    ++id_;
    stamp_s_[s] = id_;
    dist_s_[s] = 0;
    sig_s_[s] = 1;
    stamp_t_[t] = id_;
    dist_t_[t] = 0;
    sig_t_[t] = 1;
    fs_.assign(1, s);
    ft_.assign(1, t);
    meet_.clear();
    while (meet_.empty()) {
      if (fs_.empty() || ft_.empty()) return;
      int64_t ws = 0, wt = 0;
      for (int32_t x : fs_) ws += g_.Degree(x);
      for (int32_t x : ft_) wt += g_.Degree(x);
      if (ws <= wt)
        Expand(fs_, stamp_s_, dist_s_, sig_s_, stamp_t_);
      else
        Expand(ft_, stamp_t_, dist_t_, sig_t_, stamp_s_);
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
    Walk(y, stamp_s_, dist_s_, sig_s_, rng, counts);
    Walk(y, stamp_t_, dist_t_, sig_t_, rng, counts);
  }

 private:
  void Expand(std::vector<int32_t>& frontier, std::vector<uint32_t>& stamp, std::vector<int32_t>& dist,
              std::vector<double>& sig, const std::vector<uint32_t>& other) {
    next_.clear();
    const int32_t level = dist[frontier[0]] + 1;
    for (int32_t x : frontier) {
      const double sx = sig[x];
      for (int32_t y : g_.Neighbors(x)) {
        if (stamp[y] != id_) {
          stamp[y] = id_;
          dist[y] = level;
          sig[y] = sx;
          next_.push_back(y);
          if (other[y] == id_) meet_.push_back(y);
        } else if (dist[y] == level) {
          sig[y] += sx;
        }
      }
    }
    frontier.swap(next_);
  }

  // Walks from y back to the side's root, choosing predecessors by sigma; counts interior vertices.
  void Walk(int32_t y, const std::vector<uint32_t>& stamp, const std::vector<int32_t>& dist,
            const std::vector<double>& sig, std::mt19937_64& rng, std::vector<int64_t>& counts) {
    std::uniform_real_distribution<double> unif(0.0, 1.0);
    int32_t cur = y;
    while (dist[cur] > 1) {
      double pick = unif(rng) * sig[cur];
      int32_t chosen = -1;
      for (int32_t p : g_.Neighbors(cur)) {
        if (stamp[p] != id_ || dist[p] != dist[cur] - 1) continue;
        chosen = p;
        pick -= sig[p];
        if (pick <= 0) break;
      }
      cur = chosen;
      ++counts[cur];
    }
  }

  const Graph& g_;
  uint32_t id_ = 0;
  std::vector<uint32_t> stamp_s_, stamp_t_;
  std::vector<int32_t> dist_s_, dist_t_;
  std::vector<double> sig_s_, sig_t_;
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
  RunThreads(threads, [&](int tid) {
    partial[tid].assign(n, 0);
    PathSampler sampler(g);
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
        sampler.Sample(s, t, rng, partial[tid]);
      }
    }
  });
  const double scale = static_cast<double>(n) / (n - 2.0) / static_cast<double>(result.samples);
  for (const auto& p : partial)
    for (int32_t v = 0; v < n; ++v) result.values[v] += static_cast<double>(p[v]);
  for (double& x : result.values) x *= scale;
  return result;
}

}  // namespace verbinder::analysis
