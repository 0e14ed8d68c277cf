// Deterministic generator of benchmark networks: members in sectors and
// communities, heavy-tailed degrees (Chung–Lu weights, Pareto exponent 2.5),
// 80% of ties inside a community, kinds and dates like a real ledger.
//
//   analysis_generate MEMBERS TIES SEED OUTDIR   → OUTDIR/members.csv, OUTDIR/ties.csv
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <unordered_set>
#include <vector>

int main(int argc, char** argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: analysis_generate MEMBERS TIES SEED OUTDIR\n");
    return 2;
  }
  const int64_t n = std::atoll(argv[1]), m = std::atoll(argv[2]);
  const uint64_t seed = std::strtoull(argv[3], nullptr, 10);
  const std::string dir = argv[4];
  static const char* kSectors[] = {"care", "industry", "government", "education", "finance", "culture"};
  static const char* kKinds[] = {"connected", "answered", "met_at_event", "meeting_held", "visit_held"};
  static const double kKindWeight[] = {1.0, 1.5, 2.0, 4.0, 6.0};
  static const double kKindShare[] = {0.6, 0.12, 0.18, 0.07, 0.03};
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> unif(0, 1);
  const int64_t communities = std::max<int64_t>(1, n / 100);
  std::vector<int64_t> community(n);
  std::vector<double> theta(n);
  for (int64_t v = 0; v < n; ++v) {
    community[v] = static_cast<int64_t>(rng() % communities);
    theta[v] = std::pow(1.0 - unif(rng), -1.0 / 1.5);  // Pareto, tail exponent 2.5
  }
  // Cumulative weights, globally and per community.
  std::vector<std::vector<int64_t>> members(communities);
  for (int64_t v = 0; v < n; ++v) members[community[v]].push_back(v);
  std::vector<double> cum(n);
  std::partial_sum(theta.begin(), theta.end(), cum.begin());
  std::vector<std::vector<double>> ccum(communities);
  for (int64_t c = 0; c < communities; ++c) {
    double s = 0;
    for (int64_t v : members[c]) ccum[c].push_back(s += theta[v]);
  }
  auto pick_global = [&] {
    double x = unif(rng) * cum.back();
    return static_cast<int64_t>(std::lower_bound(cum.begin(), cum.end(), x) - cum.begin());
  };
  auto pick_in = [&](int64_t c) {
    double x = unif(rng) * ccum[c].back();
    return members[c][std::lower_bound(ccum[c].begin(), ccum[c].end(), x) - ccum[c].begin()];
  };
  std::FILE* mf = std::fopen((dir + "/members.csv").c_str(), "w");
  std::FILE* tf = std::fopen((dir + "/ties.csv").c_str(), "w");
  if (!mf || !tf) {
    std::fprintf(stderr, "cannot write to %s\n", dir.c_str());
    return 1;
  }
  std::fprintf(mf, "id,name,sector\n");
  for (int64_t v = 0; v < n; ++v) {
    const int s = unif(rng) < 0.7 ? static_cast<int>(community[v] % 6) : static_cast<int>(rng() % 6);
    std::fprintf(mf, "m%lld,Member %lld,%s\n", static_cast<long long>(v), static_cast<long long>(v), kSectors[s]);
  }
  std::unordered_set<uint64_t> seen;
  seen.reserve(static_cast<size_t>(m) * 2);
  std::fprintf(tf, "source,target,weight,kind,date\n");
  int64_t written = 0;
  while (written < m) {
    const int64_t u = pick_global();
    const int64_t v = unif(rng) < 0.8 ? pick_in(community[u]) : pick_global();
    if (u == v) continue;
    const uint64_t key = static_cast<uint64_t>(std::min(u, v)) << 32 | static_cast<uint64_t>(std::max(u, v));
    if (!seen.insert(key).second) continue;
    double x = unif(rng);
    int k = 0;
    while (k < 4 && x > kKindShare[k]) x -= kKindShare[k++];
    const int day = 1 + static_cast<int>(rng() % 28), month = 1 + static_cast<int>(rng() % 12);
    const int year = 2023 + static_cast<int>(rng() % 3);
    std::fprintf(tf, "m%lld,m%lld,%g,%s,%04d-%02d-%02d\n", static_cast<long long>(u), static_cast<long long>(v),
                 kKindWeight[k], kKinds[k], year, month, day);
    ++written;
  }
  std::fclose(mf);
  std::fclose(tf);
  return 0;
}
