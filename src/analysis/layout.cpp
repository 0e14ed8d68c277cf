#include "analysis/layout.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <numeric>

#include "util/parallel.h"

namespace verbinder::analysis {

using util::ResolveThreads;
using util::RunThreads;

namespace {

// splitmix64: small, fast, and fully determined by its seed.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }  // [0, 1)
  uint32_t Below(uint32_t bound) { return static_cast<uint32_t>((Next() >> 32) * bound >> 32); }

 private:
  uint64_t state_;
};

// One level of the hierarchy: a weighted graph (CSR, each tie twice) whose nodes
// carry a mass (the sum of degree + 1 over the members they stand for) and whose
// tie weights count the member ties between them.
struct LevelGraph {
  int32_t n = 0;
  std::vector<int64_t> offsets{0};
  std::vector<int32_t> adj;
  std::vector<double> weight;
  std::vector<double> mass;
};

constexpr int32_t kCoarsest = 48;       // coarsen until at most this many nodes
constexpr int32_t kExactLimit = 256;    // up to this many nodes: exact O(n^2) repulsion
constexpr int32_t kParallelMin = 4096;  // smaller levels run on one thread
constexpr int32_t kLeafSize = 16;       // points per quadtree leaf
constexpr double kTheta = 1.2;          // Barnes–Hut opening: cell side / distance
constexpr int kFinestIterations = 12;
constexpr int kLevelIterations = 8;
constexpr double kOwnWeight = 2.0;  // start of a finer node: own cluster's spot vs its ties' clusters
constexpr double kStepScale = 4.0;  // first step of a level, times sqrt(mean mass)

// Clusters g by a greedy heavy-edge merge: nodes in random order join the
// neighbour (or its cluster) with the densest tie (weight over product of
// masses), as long as the merged mass stays under three times the average.
// Unlike plain matching this also shrinks stars around hubs. Returns the
// coarse graph; parent[v] is v's coarse node.
LevelGraph Coarsen(const LevelGraph& g, Rng& rng, std::vector<int32_t>& parent) {
  const int32_t n = g.n;
  std::vector<int32_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  for (int32_t i = n - 1; i > 0; --i) std::swap(order[i], order[rng.Below(static_cast<uint32_t>(i + 1))]);
  const double total = std::accumulate(g.mass.begin(), g.mass.end(), 0.0);
  const double cap = 3.0 * total / n;
  parent.assign(n, -1);
  LevelGraph c;
  for (int32_t u : order) {
    if (parent[u] >= 0) continue;
    int32_t best = -1;
    double best_score = 0;
    for (int64_t e = g.offsets[u]; e < g.offsets[u + 1]; ++e) {
      const int32_t v = g.adj[e];
      const double mv = parent[v] < 0 ? g.mass[v] : c.mass[parent[v]];
      if (g.mass[u] + mv > cap) continue;
      const double score = g.weight[e] / (g.mass[u] * mv);
      if (score > best_score) best_score = score, best = v;
    }
    if (best < 0) {
      parent[u] = static_cast<int32_t>(c.mass.size());
      c.mass.push_back(g.mass[u]);
    } else if (parent[best] < 0) {
      parent[u] = parent[best] = static_cast<int32_t>(c.mass.size());
      c.mass.push_back(g.mass[u] + g.mass[best]);
    } else {
      parent[u] = parent[best];
      c.mass[parent[best]] += g.mass[u];
    }
  }
  c.n = static_cast<int32_t>(c.mass.size());
  // Members of each coarse node (counting sort), then merged ties per coarse node.
  std::vector<int32_t> start(c.n + 1, 0), members(n);
  for (int32_t v = 0; v < n; ++v) ++start[parent[v] + 1];
  for (int32_t k = 0; k < c.n; ++k) start[k + 1] += start[k];
  {
    std::vector<int32_t> fill(start.begin(), start.end() - 1);
    for (int32_t v = 0; v < n; ++v) members[fill[parent[v]]++] = v;
  }
  std::vector<int32_t> mark(c.n, -1);
  std::vector<int64_t> slot(c.n, 0);
  c.offsets.assign(c.n + 1, 0);
  c.adj.reserve(g.adj.size() / 2);
  c.weight.reserve(g.adj.size() / 2);
  for (int32_t k = 0; k < c.n; ++k) {
    for (int32_t i = start[k]; i < start[k + 1]; ++i) {
      const int32_t u = members[i];
      for (int64_t e = g.offsets[u]; e < g.offsets[u + 1]; ++e) {
        const int32_t q = parent[g.adj[e]];
        if (q == k) continue;
        if (mark[q] != k) {
          mark[q] = k;
          slot[q] = static_cast<int64_t>(c.adj.size());
          c.adj.push_back(q);
          c.weight.push_back(g.weight[e]);
        } else {
          c.weight[slot[q]] += g.weight[e];
        }
      }
    }
    c.offsets[k + 1] = static_cast<int64_t>(c.adj.size());
  }
  return c;
}

// Two and four doubles, computed lane by lane with the scalar operations (SSE2
// and AVX on x86-64; plain scalar code elsewhere).
typedef double V2 __attribute__((vector_size(16)));
typedef double V4 __attribute__((vector_size(32)));

// Barnes–Hut quadtree over weighted points: points are sorted along a Morton
// curve, each node is a range of that order; a node far enough away (side / distance
// below theta) acts as one point at its centre of mass.
class QuadTree {
 public:
  void Build(const std::vector<double>& x, const std::vector<double>& y, const std::vector<double>& m) {
    const int32_t n = static_cast<int32_t>(x.size());
    double minx = x[0], maxx = x[0], miny = y[0], maxy = y[0];
    for (int32_t v = 1; v < n; ++v) {
      minx = std::min(minx, x[v]), maxx = std::max(maxx, x[v]);
      miny = std::min(miny, y[v]), maxy = std::max(maxy, y[v]);
    }
    const double side = std::max({maxx - minx, maxy - miny, 1e-9}) * (1 + 1e-9);
    keys_.resize(n);
    order_.resize(n);
    const double scale = 65535.0 / side;
    for (int32_t v = 0; v < n; ++v) {
      const uint32_t qx = static_cast<uint32_t>((x[v] - minx) * scale),
                     qy = static_cast<uint32_t>((y[v] - miny) * scale);
      keys_[v] = Spread(qx) | Spread(qy) << 1;
      order_[v] = v;
    }
    SortByKey();
    sx_.resize(n), sy_.resize(n), sm_.resize(n), skey_.resize(n);
    for (int32_t i = 0; i < n; ++i) {
      const int32_t v = order_[i];
      sx_[i] = x[v], sy_[i] = y[v], sm_[i] = m[v], skey_[i] = keys_[v];
    }
    nodes_.clear();
    leaves_.clear();
    nodes_.reserve(static_cast<size_t>(n / 2) + 16);
    BuildNode(0, n, 0, side);
  }

  // For every point (in sorted order): fx, fy += sum over j != i of m_j (p_i - p_j) / |p_i - p_j|^2.
  // Walks the tree once per leaf: a node far enough from the leaf's bounding box acts
  // on all its points as one mass; nearer leaves act point by point.
  void AllRepulsion(double theta2, int threads, std::vector<double>& fx, std::vector<double>& fy) const {
    const int32_t leaves = static_cast<int32_t>(leaves_.size());
    const int32_t points = static_cast<int32_t>(sx_.size());
    auto run = [&](int32_t lb, int32_t le) {
      std::vector<double> far_x, far_y, far_m;
      std::vector<int32_t> near;
      int32_t stack[128];
      for (int32_t li = lb; li < le; ++li) {
        const Node& leaf = nodes_[leaves_[li]];
        double bx0 = sx_[leaf.begin], bx1 = bx0, by0 = sy_[leaf.begin], by1 = by0;
        for (int32_t i = leaf.begin + 1; i < leaf.end; ++i) {
          bx0 = std::min(bx0, sx_[i]), bx1 = std::max(bx1, sx_[i]);
          by0 = std::min(by0, sy_[i]), by1 = std::max(by1, sy_[i]);
        }
        far_x.clear(), far_y.clear(), far_m.clear(), near.clear();
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
          const int32_t id = stack[--top];
          const Node& nd = nodes_[id];
          const double dx = std::max({bx0 - nd.cx, 0.0, nd.cx - bx1}), dy = std::max({by0 - nd.cy, 0.0, nd.cy - by1});
          const bool holds_leaf = leaf.begin >= nd.begin && leaf.begin < nd.end;  // never approximate oneself
          if (!holds_leaf && nd.side * nd.side < theta2 * (dx * dx + dy * dy)) {
            far_x.push_back(nd.cx), far_y.push_back(nd.cy), far_m.push_back(nd.mass);
          } else if (nd.child[0] < 0) {
            near.push_back(id);
          } else {
            for (int c = 0; c < 4 && nd.child[c] >= 0; ++c) stack[top++] = nd.child[c];
          }
        }
        LeafForces(leaf.begin, leaf.end, far_x, far_y, far_m, near, fx, fy);
      }
    };
    if (threads <= 1 || points < kParallelMin) {
      run(0, leaves);
    } else {
      RunThreads(threads, [&](int t) {
        run(static_cast<int32_t>(static_cast<int64_t>(leaves) * t / threads),
            static_cast<int32_t>(static_cast<int64_t>(leaves) * (t + 1) / threads));
      });
    }
  }

  // The forces on the points [begin, end) of one leaf from the far cells and
  // the near leaves' points: on AVX machines four points at a time, else two.
  void LeafForces(int32_t begin, int32_t end, const std::vector<double>& far_x, const std::vector<double>& far_y,
                  const std::vector<double>& far_m, const std::vector<int32_t>& near, std::vector<double>& fx,
                  std::vector<double>& fy) const {
#if defined(__x86_64__) && defined(__GNUC__)
    static const bool avx = __builtin_cpu_supports("avx");
    if (avx) return LeafForcesAvx(begin, end, far_x, far_y, far_m, near, fx, fy);
#endif
    LeafForcesLanes<V2, 2>(begin, end, far_x, far_y, far_m, near, fx, fy);
  }

  const std::vector<int32_t>& order() const {
    return order_;
  }

 private:
  struct Node {
    double cx = 0, cy = 0, mass = 0, side = 0;
    int32_t child[4] = {-1, -1, -1, -1};
    int32_t begin = 0, end = 0;
  };

#if defined(__x86_64__) && defined(__GNUC__)
  __attribute__((target("avx"))) void LeafForcesAvx(int32_t begin, int32_t end, const std::vector<double>& far_x,
                                                    const std::vector<double>& far_y, const std::vector<double>& far_m,
                                                    const std::vector<int32_t>& near, std::vector<double>& fx,
                                                    std::vector<double>& fy) const {
    LeafForcesLanes<V4, 4>(begin, end, far_x, far_y, far_m, near, fx, fy);
  }
#endif

  // W points at a time, one per lane of a W-double vector V: each lane does
  // exactly the scalar arithmetic (no fused multiply-add), in the scalar order
  // (far cells, then near points), so the forces are bit for bit the same for
  // any W. Lanes past the leaf's end repeat its last point.
  template <typename V, int W>
  [[gnu::always_inline]] inline void LeafForcesLanes(int32_t begin, int32_t end, const std::vector<double>& far_x,
                                                     const std::vector<double>& far_y, const std::vector<double>& far_m,
                                                     const std::vector<int32_t>& near, std::vector<double>& fx,
                                                     std::vector<double>& fy) const {
    const int32_t nf = static_cast<int32_t>(far_x.size());
    for (int32_t i = begin; i < end; i += W) {
      V px{}, py{}, rx{}, ry{};
      for (int l = 0; l < W; ++l) {
        const int32_t p = std::min(i + l, end - 1);
        px[l] = sx_[p], py[l] = sy_[p], rx[l] = 0, ry[l] = 0;
      }
      for (int32_t k = 0; k < nf; ++k) {
        const V dx = px - far_x[k], dy = py - far_y[k];
        const V f = far_m[k] / (dx * dx + dy * dy);
        rx += f * dx, ry += f * dy;
      }
      for (int32_t id : near) {
        const Node& nd = nodes_[id];
        for (int32_t j = nd.begin; j < nd.end; ++j) {
          const V ex = px - sx_[j], ey = py - sy_[j], e2 = ex * ex + ey * ey;
          bool plain = j < i || j >= i + W;  // not one of the lanes' own points
          for (int l = 0; l < W; ++l) plain = plain && e2[l] >= 1e-18;
          if (plain) {
            const V f = sm_[j] / e2;
            rx += f * ex, ry += f * ey;
            continue;
          }
          for (int l = 0; l < W; ++l) {  // oneself, or a point on top of another
            const int32_t p = std::min(i + l, end - 1);
            if (j == p) continue;
            double qx = ex[l], qy = ey[l], q2 = e2[l];
            if (q2 < 1e-18) {  // same point: push apart in a direction fixed by the pair
              const double a =
                  static_cast<double>((static_cast<uint32_t>(p) * 2654435761u) ^ (static_cast<uint32_t>(j) * 40503u));
              qx = std::cos(a) * 1e-6, qy = std::sin(a) * 1e-6, q2 = 1e-12;
            }
            const double f = sm_[j] / q2;
            rx[l] += f * qx, ry[l] += f * qy;
          }
        }
      }
      for (int l = 0; l < W && i + l < end; ++l) fx[i + l] = rx[l], fy[i + l] = ry[l];
    }
  }

  static uint32_t Spread(uint32_t v) {  // 16 bits -> even bits of 32
    v &= 0xffff;
    v = (v | v << 8) & 0x00ff00ff;
    v = (v | v << 4) & 0x0f0f0f0f;
    v = (v | v << 2) & 0x33333333;
    v = (v | v << 1) & 0x55555555;
    return v;
  }

  void SortByKey() {
    const size_t n = order_.size();
    if (n < 2048) {
      std::sort(order_.begin(), order_.end(),
                [&](int32_t a, int32_t b) { return keys_[a] < keys_[b] || (keys_[a] == keys_[b] && a < b); });
      return;
    }
    tmp_.resize(n);
    for (int pass = 0; pass < 2; ++pass) {  // LSD radix, 16 bits a pass: stable
      const int shift = 16 * pass;
      count_.assign(65537, 0);
      for (int32_t v : order_) ++count_[((keys_[v] >> shift) & 0xffff) + 1];
      for (int k = 0; k < 65536; ++k) count_[k + 1] += count_[k];
      for (int32_t v : order_) tmp_[count_[(keys_[v] >> shift) & 0xffff]++] = v;
      order_.swap(tmp_);
    }
  }

  int32_t BuildNode(int32_t lo, int32_t hi, int depth, double side) {
    const int32_t id = static_cast<int32_t>(nodes_.size());
    nodes_.emplace_back();
    nodes_[id].side = side;
    nodes_[id].begin = lo, nodes_[id].end = hi;
    double mass = 0, cx = 0, cy = 0;
    if (hi - lo <= kLeafSize || depth == 16) {
      leaves_.push_back(id);
      for (int32_t i = lo; i < hi; ++i) mass += sm_[i], cx += sm_[i] * sx_[i], cy += sm_[i] * sy_[i];
    } else {
      const int shift = 30 - 2 * depth;
      int32_t b = lo;
      int c = 0;
      for (uint32_t q = 0; q < 4 && b < hi; ++q) {
        const int32_t e =
            static_cast<int32_t>(std::partition_point(skey_.begin() + b, skey_.begin() + hi,
                                                      [&](uint32_t k) { return ((k >> shift) & 3u) <= q; }) -
                                 skey_.begin());
        if (e > b) {
          const int32_t child = BuildNode(b, e, depth + 1, side / 2);
          nodes_[id].child[c++] = child;
          const Node& ch = nodes_[child];
          mass += ch.mass, cx += ch.mass * ch.cx, cy += ch.mass * ch.cy;
        }
        b = e;
      }
    }
    nodes_[id].mass = mass;
    nodes_[id].cx = mass > 0 ? cx / mass : 0;
    nodes_[id].cy = mass > 0 ? cy / mass : 0;
    return id;
  }

  std::vector<uint32_t> keys_, skey_;
  std::vector<int32_t> order_, tmp_;
  std::vector<int32_t> count_;
  std::vector<double> sx_, sy_, sm_;
  std::vector<Node> nodes_;
  std::vector<int32_t> leaves_;
};

template <typename Fn>
void ParallelRange(int threads, int32_t n, Fn fn) {
  if (threads <= 1 || n < kParallelMin) {
    fn(0, n);
    return;
  }
  RunThreads(threads, [&](int t) {
    fn(static_cast<int32_t>(static_cast<int64_t>(n) * t / threads),
       static_cast<int32_t>(static_cast<int64_t>(n) * (t + 1) / threads));
  });
}

// The force model of ForceAtlas2 (Jacomy et al. 2014) without gravity: a tie of
// weight w pulls with w * d, any two nodes push with m_u * m_v / d, where a
// member's mass is its degree + 1 (so hubs get room and loosely tied members
// do not crowd them; Noack showed this energy's minima separate dense groups).
// Each iteration moves every node by `step` along its net force; the step grows
// after five iterations of falling energy and shrinks otherwise (Hu's adaptive
// cooling). Forces of one iteration are computed from the previous positions, so
// the result does not depend on the number of threads.
struct RefineParams {
  int iterations;
  double step;
  double theta;
  int threads;
  std::stop_token stop;                           // a requested stop ends the iterations early
  const std::atomic<int>* threads_now = nullptr;  // if set: read at each iteration instead of threads
};

void Refine(const LevelGraph& g, std::vector<double>& x, std::vector<double>& y, const RefineParams& p) {
  const int32_t n = g.n;
  if (n < 2) return;
  std::vector<double> fx(n), fy(n), sfx(n), sfy(n);
  QuadTree tree;
  double step = p.step, energy = std::numeric_limits<double>::infinity();
  int progress = 0;
  const double theta2 = p.theta * p.theta;
  for (int it = 0; it < p.iterations && !p.stop.stop_requested(); ++it) {
    const int threads = p.threads_now ? std::max(1, p.threads_now->load(std::memory_order_relaxed)) : p.threads;
    if (n > kExactLimit) {
      tree.Build(x, y, g.mass);
      const auto& order = tree.order();
      tree.AllRepulsion(theta2, threads, sfx, sfy);
      for (int32_t i = 0; i < n; ++i) {
        const int32_t v = order[i];
        fx[v] = sfx[i] * g.mass[v], fy[v] = sfy[i] * g.mass[v];
      }
    } else {
      for (int32_t u = 0; u < n; ++u) {
        double rx = 0, ry = 0;
        for (int32_t v = 0; v < n; ++v) {
          if (v == u) continue;
          double dx = x[u] - x[v], dy = y[u] - y[v], d2 = dx * dx + dy * dy;
          if (d2 < 1e-18) dx = (u < v ? 1e-6 : -1e-6), dy = 0, d2 = 1e-12;
          rx += g.mass[v] * dx / d2, ry += g.mass[v] * dy / d2;
        }
        fx[u] = rx * g.mass[u], fy[u] = ry * g.mass[u];
      }
    }
    ParallelRange(threads, n, [&](int32_t b, int32_t e) {
      for (int32_t u = b; u < e; ++u) {
        double ax = 0, ay = 0;
        for (int64_t s = g.offsets[u]; s < g.offsets[u + 1]; ++s) {
          const int32_t v = g.adj[s];
          const double dx = x[v] - x[u], dy = y[v] - y[u];
          ax += g.weight[s] * dx, ay += g.weight[s] * dy;
        }
        fx[u] += ax, fy[u] += ay;
      }
    });
    double e = 0;
    for (int32_t u = 0; u < n; ++u) {
      const double f2 = fx[u] * fx[u] + fy[u] * fy[u];
      if (f2 <= 0) continue;
      const double s = step / std::sqrt(f2);
      x[u] += s * fx[u], y[u] += s * fy[u];
      e += f2;
    }
    if (e < energy) {
      if (++progress >= 5) progress = 0, step /= 0.9;
    } else {
      progress = 0, step *= 0.9;
    }
    energy = e;
  }
}

// Lays out one connected component (n >= 2) with the multilevel scheme.
void LayoutComponent(LevelGraph base, Rng& rng, int threads, const std::atomic<int>* threads_now,
                     const std::stop_token& stop, std::vector<double>& x, std::vector<double>& y) {
  std::vector<LevelGraph> levels;
  std::vector<std::vector<int32_t>> parents;
  levels.push_back(std::move(base));
  while (levels.back().n > kCoarsest) {
    std::vector<int32_t> parent;
    LevelGraph c = Coarsen(levels.back(), rng, parent);
    const int32_t before = levels.back().n;
    if (c.n == before) break;  // nothing merges any more (e.g. a star whose hub is over the cap)
    parents.push_back(std::move(parent));
    levels.push_back(std::move(c));
    if (levels.back().n > 0.9 * before) break;  // stalled: more levels would not pay
  }
  // Coarsest level: random start, long cooling (exact forces when small).
  const LevelGraph& top = levels.back();
  const double total = std::accumulate(top.mass.begin(), top.mass.end(), 0.0);
  const double extent = std::sqrt(total);
  x.assign(top.n, 0), y.assign(top.n, 0);
  for (int32_t v = 0; v < top.n; ++v) x[v] = extent * rng.Uniform(), y[v] = extent * rng.Uniform();
  const int top_iterations = top.n <= kExactLimit ? 300 : std::clamp(static_cast<int>(3e6 / top.n), 30, 150);
  Refine(top, x, y, {top_iterations, 0.1 * extent, kTheta, threads, stop, threads_now});
  // Finer levels: each node starts near its coarse node (uniform in a disc that grows
  // with the coarse node's mass), drawn towards its ties' coarse nodes; then a few
  // iterations settle it.
  for (int l = static_cast<int>(levels.size()) - 2; l >= 0; --l) {
    const LevelGraph& g = levels[l];
    const std::vector<int32_t>& parent = parents[l];
    const LevelGraph& c = levels[l + 1];
    std::vector<double> nx(g.n), ny(g.n);
    for (int32_t v = 0; v < g.n; ++v) {
      const double r = 0.3 * std::sqrt(c.mass[parent[v]]) * std::sqrt(rng.Uniform());
      const double a = 6.283185307179586 * rng.Uniform();
      nx[v] = x[parent[v]] + r * std::cos(a), ny[v] = y[parent[v]] + r * std::sin(a);
    }
    // Draw each start towards the clusters its ties lead to: the weighted mean of its
    // jittered spot (weight kOwnWeight * (outside ties + 1)) and those clusters'
    // positions, so the iterations begin near where the ties pull it.
    std::vector<double> sx(g.n), sy(g.n);
    for (int32_t v = 0; v < g.n; ++v) {
      double ax = 0, ay = 0, aw = 0;
      for (int64_t e = g.offsets[v]; e < g.offsets[v + 1]; ++e) {
        const int32_t q = parent[g.adj[e]];
        if (q == parent[v]) continue;
        ax += g.weight[e] * x[q], ay += g.weight[e] * y[q], aw += g.weight[e];
      }
      const double own = kOwnWeight * (aw + 1);
      sx[v] = (own * nx[v] + ax) / (own + aw), sy[v] = (own * ny[v] + ay) / (own + aw);
    }
    x.swap(sx), y.swap(sy);
    Refine(g, x, y,
           {l == 0 ? kFinestIterations : kLevelIterations, kStepScale * std::sqrt(total / g.n), kTheta, threads, stop,
            threads_now});
  }
}

}  // namespace

Layout ComputeLayout(const Graph& g, const LayoutOptions& options) {
  const int32_t n = g.NodeCount();
  Layout out;
  out.x.assign(n, 500.0);
  out.y.assign(n, 500.0);
  if (n <= 1) return out;
  const int threads = ResolveThreads(options.threads);
  // Connected components, in order of their smallest member.
  std::vector<int32_t> comp(n, -1), local(n, -1);
  std::vector<std::vector<int32_t>> comps;
  for (int32_t s = 0; s < n; ++s) {
    if (comp[s] >= 0) continue;
    const int32_t id = static_cast<int32_t>(comps.size());
    comps.emplace_back();
    auto& members = comps.back();
    comp[s] = id;
    members.push_back(s);
    for (size_t i = 0; i < members.size(); ++i)
      for (int32_t v : g.Neighbors(members[i]))
        if (comp[v] < 0) comp[v] = id, members.push_back(v);
  }
  // Each component laid out on its own, then packed.
  struct Box {
    double minx = 0, miny = 0, w = 0, h = 0;
  };
  std::vector<Box> boxes(comps.size());
  std::vector<double> px(n, 0), py(n, 0);
  for (size_t c = 0; c < comps.size(); ++c) {
    const auto& members = comps[c];
    if (members.size() == 1) continue;
    for (size_t i = 0; i < members.size(); ++i) local[members[i]] = static_cast<int32_t>(i);
    LevelGraph base;
    base.n = static_cast<int32_t>(members.size());
    base.mass.resize(base.n);
    base.offsets.resize(base.n + 1);
    for (int32_t i = 0; i < base.n; ++i) {
      base.mass[i] = 1.0 + g.Degree(members[i]);
      for (int32_t v : g.Neighbors(members[i])) base.adj.push_back(local[v]);
      base.offsets[i + 1] = static_cast<int64_t>(base.adj.size());
    }
    base.weight.assign(base.adj.size(), 1.0);
    Rng rng(options.seed * 0x9e3779b97f4a7c15ull + c * 0xd1b54a32d192ed03ull + 1);
    std::vector<double> x, y;
    LayoutComponent(std::move(base), rng, threads, options.threads_now, options.stop, x, y);
    double minx = x[0], maxx = x[0], miny = y[0], maxy = y[0];
    for (int32_t i = 0; i < static_cast<int32_t>(members.size()); ++i) {
      px[members[i]] = x[i], py[members[i]] = y[i];
      minx = std::min(minx, x[i]), maxx = std::max(maxx, x[i]);
      miny = std::min(miny, y[i]), maxy = std::max(maxy, y[i]);
    }
    boxes[c] = {minx, miny, maxx - minx, maxy - miny};
  }
  // Shelf packing, largest box first, rows about as wide as the total area is square;
  // the gap between boxes (and between isolated members) is twice the mean spacing
  // of members in the largest component.
  size_t largest = 0;
  for (size_t c = 1; c < comps.size(); ++c)
    if (comps[c].size() > comps[largest].size()) largest = c;
  const double gap = comps[largest].size() < 2
                         ? 1.0
                         : 2.0 * std::max(std::sqrt(boxes[largest].w * boxes[largest].h / comps[largest].size()), 1e-3);
  std::vector<int32_t> by_size(comps.size());
  std::iota(by_size.begin(), by_size.end(), 0);
  std::stable_sort(by_size.begin(), by_size.end(), [&](int32_t a, int32_t b) {
    return (boxes[a].w + gap) * (boxes[a].h + gap) > (boxes[b].w + gap) * (boxes[b].h + gap);
  });
  double area = 0, widest = 0;
  for (const Box& b : boxes) area += (b.w + gap) * (b.h + gap), widest = std::max(widest, b.w + gap);
  const double row_width = std::max(widest, std::sqrt(area));
  double cx = 0, cy = 0, row_height = 0;
  std::vector<double> ox(comps.size()), oy(comps.size());
  for (int32_t c : by_size) {
    const Box& b = boxes[c];
    if (cx > 0 && cx + b.w + gap > row_width + 1e-9) cx = 0, cy += row_height, row_height = 0;
    ox[c] = cx - b.minx, oy[c] = cy - b.miny;
    cx += b.w + gap;
    row_height = std::max(row_height, b.h + gap);
  }
  double minx = std::numeric_limits<double>::infinity(), miny = minx, maxx = -minx, maxy = -minx;
  for (int32_t v = 0; v < n; ++v) {
    px[v] += ox[comp[v]], py[v] += oy[comp[v]];
    minx = std::min(minx, px[v]), maxx = std::max(maxx, px[v]);
    miny = std::min(miny, py[v]), maxy = std::max(maxy, py[v]);
  }
  // Into [0, 1000]^2, aspect kept, the shorter side centred.
  const double span = std::max({maxx - minx, maxy - miny, 1e-12});
  const double sx = (span - (maxx - minx)) / 2, sy = (span - (maxy - miny)) / 2;
  for (int32_t v = 0; v < n; ++v) {
    out.x[v] = std::clamp((px[v] - minx + sx) / span * 1000.0, 0.0, 1000.0);
    out.y[v] = std::clamp((py[v] - miny + sy) / span * 1000.0, 0.0, 1000.0);
  }
  return out;
}

}  // namespace verbinder::analysis
