#include "analysis/centrality.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <span>
#include <thread>

#include "util/parallel.h"

namespace verbinder::analysis {

using util::ResolveThreads;
using util::RunThreads;

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
          if (m.at[kOther] > start) {  // the searches meet: this is the last level
            m.at[kSide] = level;
            sig[y] = sx;
            meet_.push_back(y);
          } else if (meet_.empty()) {
            // Once they have met, the rest of this level matters only for the
            // meeting nodes (their path counts): no frontier, marks or degrees
            // for the others. Same meeting nodes, counts and walks as a full level.
            m.at[kSide] = level;
            sig[y] = sx;
            next_.push_back(y);
            ties += offsets[y + 1] - offsets[y];
          }
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

namespace {

constexpr int64_t kBlock = 1024;  // samples per block: one seeded generator each

// Riondato–Kornaropoulos (2016): this many samples give every estimate within
// epsilon with probability >= 1 - delta (c = 0.5, their universal constant).
int64_t RkSamples(double epsilon, double delta, int32_t vertex_diameter) {
  const double vd = std::max(1, vertex_diameter - 2);
  return static_cast<int64_t>(
      std::ceil(0.5 / (epsilon * epsilon) * (std::floor(std::log2(vd)) + 1 + std::log(1 / delta))));
}

// Samples [first, last) of the stream `seed` (first a multiple of kBlock),
// added to counts (by sampler index). Sample i uses the generator of block
// i / kBlock, so the counts do not depend on the thread count.
void SampleRange(const SamplerGraph& sg, uint64_t seed, int64_t first, int64_t last, int threads, int32_t vd,
                 const std::stop_token& stop, std::vector<int64_t>& counts) {
  const int32_t n = sg.NodeCount();
  const int64_t first_block = first / kBlock, blocks = (last + kBlock - 1) / kBlock - first_block;
  if (blocks <= 0) return;
  threads = std::max<int>(1, std::min<int64_t>(threads, blocks));
  std::vector<std::vector<int64_t>> partial(threads);
  std::atomic<int64_t> next{0};
  // One sample ticks a sampler's clock at most 2 * VD + 8 times (see PathSampler).
  const uint64_t max_ticks = 2 * static_cast<uint64_t>(vd) + 8;
  auto sample = [&]<typename Mark>(int tid) {
    partial[tid].assign(n, 0);
    PathSampler<Mark> sampler(sg, max_ticks);
    for (;;) {
      if (stop.stop_requested()) break;
      const int64_t b = first_block + next.fetch_add(1);
      if (b >= first_block + blocks) break;
      std::mt19937_64 rng(SplitMix(seed * 0x100000001b3ULL + static_cast<uint64_t>(b)));
      std::uniform_int_distribution<int32_t> pick(0, n - 1);
      const int64_t end = std::min(last, (b + 1) * kBlock);
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
  for (const auto& p : partial)
    for (int32_t i = 0; i < n; ++i) counts[i] += p[i];
}

// Bernoulli relative entropy KL(p || q), q in (0, 1).
double Kl(double p, double q) {
  double r = 0;
  if (p > 0) r += p * std::log(p / q);
  if (p < 1) r += (1 - p) * std::log((1 - p) / (1 - q));
  return r;
}

// The largest l such that {q : m KL(p||q) <= l} lies within [p - eps, p + eps],
// divided by m: min(KL(p||p+eps), KL(p||p-eps)), a side that leaves [0, 1] not counting.
double Room(double p, double eps) {
  double room = std::numeric_limits<double>::infinity();
  if (p + eps < 1) room = std::min(room, Kl(p, p + eps));
  if (p - eps > 0) room = std::min(room, Kl(p, p - eps));
  return room;
}

}  // namespace

ApproxBetweenness ApproximateBetweenness(const Graph& g, const ApproxBetweennessOptions& options) {
  ApproxBetweenness result;
  const int32_t n = g.NodeCount();
  result.values.assign(n, 0.0);
  if (n < 3) return result;
  result.vertex_diameter = VertexDiameterBound(g);
  const double eps = options.epsilon, delta = options.delta;
  result.guarantee = eps * n / (n - 2.0);
  const int threads = ResolveThreads(options.threads);
  const int32_t vd = result.vertex_diameter;
  const int64_t rk = RkSamples(eps, delta, vd);
  const SamplerGraph sg(g);  // counts are by sampler index
  std::vector<int64_t> counts(n, 0);
  result.samples = rk;

  // Staged (see the header): a pilot from another stream sizes the first stage
  // and splits delta1 = 0.9 delta over the members; the first stage's estimate
  // is kept if every member's Chernoff (KL) interval at its share lies within
  // epsilon of it; else the sampling goes on to the R–K size for delta2 = 0.1 delta.
  const int64_t pilot = std::max<int64_t>(2 * kBlock, (rk / 24 + kBlock - 1) / kBlock * kBlock);
  const double delta1 = 0.9 * delta, delta2 = 0.1 * delta;
  int64_t stage = 0;
  std::vector<double> share_log;  // ln(2 / delta_v) per sampler index
  if (options.staged && eps < 0.5 && rk >= 8 * pilot) {
    std::vector<int64_t> pc(n, 0);
    SampleRange(sg, SplitMix(options.seed ^ 0x7069'6c6f'7400ULL), 0, pilot, threads, vd, options.stop, pc);
    result.pilot_samples = pilot;
    // Each member's planning rate: the end of its pilot's KL interval at
    // ln(n) + 4 nearer to 1/2, where the Bernoulli variance is largest (all of
    // them hold with probability >= 1 - 2e^-4; a plan that is off only costs
    // the fallback, never the guarantee).
    // Members with the same pilot count share a rate, so plan per count.
    std::vector<std::pair<int64_t, int64_t>> by_count;  // (pilot count, members)
    {
      std::vector<int64_t> sorted(pc);
      std::sort(sorted.begin(), sorted.end());
      for (int64_t c : sorted)
        if (by_count.empty() || by_count.back().first != c)
          by_count.push_back({c, 1});
        else
          ++by_count.back().second;
    }
    const double m0 = static_cast<double>(pilot);
    const double pilot_level = std::log(static_cast<double>(n)) + 4;
    std::vector<double> room_of_count(by_count.size());
    for (size_t k = 0; k < by_count.size(); ++k) {
      const double p = static_cast<double>(by_count[k].first) / m0;
      double lo = p, hi = 0.5;  // bisection: lo inside the interval, hi outside
      if (m0 * Kl(p, 0.5) <= pilot_level) lo = hi = 0.5;
      for (int it = 0; it < 60 && lo != hi; ++it) {
        const double mid = 0.5 * (lo + hi);
        (m0 * Kl(p, mid) <= pilot_level ? lo : hi) = mid;
      }
      room_of_count[k] = Room(hi, eps);
    }
    auto plan_room = [&](int64_t c) {
      const auto it = std::lower_bound(by_count.begin(), by_count.end(), std::pair<int64_t, int64_t>{c, 0});
      return room_of_count[it - by_count.begin()];
    };
    // ln of the sum over members of 2 exp(-m room_v): the delta the
    // stage needs with m samples (in logarithms: the terms underflow doubles).
    auto log_needed = [&](double m) {
      double top = -std::numeric_limits<double>::infinity(), sum = 0;
      for (auto [c, k] : by_count) top = std::max(top, std::log(2.0 * static_cast<double>(k)) - m * plan_room(c));
      for (auto [c, k] : by_count) sum += std::exp(std::log(2.0 * static_cast<double>(k)) - m * plan_room(c) - top);
      return top + std::log(sum);
    };
    const double log_delta1 = std::log(delta1 * (1 - 1e-9));  // the 1e-9 covers rounding
    int64_t lo = 1, hi = (rk - pilot) / kBlock;               // in blocks
    if (log_needed(static_cast<double>(hi * kBlock)) <= log_delta1) {
      while (lo < hi) {
        const int64_t mid = (lo + hi) / 2;
        if (log_needed(static_cast<double>(mid * kBlock)) <= log_delta1)
          hi = mid;
        else
          lo = mid + 1;
      }
      stage = options.stage_samples > 0 ? std::min(hi, (options.stage_samples + kBlock - 1) / kBlock) * kBlock
                                        : hi * kBlock;
      // delta_v = 2 exp(-m room_v) * delta1 / needed(m): they sum to
      // delta1, so ln(2 / delta_v) = m room_v + ln(needed(m) / delta1).
      const double m = static_cast<double>(hi * kBlock), shift = log_needed(m) - log_delta1;
      share_log.resize(n);
      for (int32_t i = 0; i < n; ++i) share_log[i] = m * plan_room(pc[i]) + shift;
    }
  }
  if (stage > 0) {
    SampleRange(sg, options.seed, 0, stage, threads, vd, options.stop, counts);
    bool within = true;
    const double ms = static_cast<double>(stage);
    for (int32_t i = 0; i < n && within; ++i) within = ms * Room(counts[i] / ms, eps) >= share_log[i];
    result.samples = stage;
    if (!within) {
      result.samples = RkSamples(eps, delta2, vd);
      SampleRange(sg, options.seed, stage, result.samples, threads, vd, options.stop, counts);
    }
  } else {
    SampleRange(sg, options.seed, 0, rk, threads, vd, options.stop, counts);
  }
  const double scale = static_cast<double>(n) / (n - 2.0) / static_cast<double>(result.samples);
  for (int32_t i = 0; i < n; ++i) result.values[sg.to_old[i]] = static_cast<double>(counts[i]) * scale;
  return result;
}

}  // namespace verbinder::analysis
