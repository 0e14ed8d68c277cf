// Per-process request metrics in Prometheus text format (GET /metrics).
// Thread-safety: Record() and Render() are safe from any thread.
#pragma once

#include <array>
#include <atomic>
#include <map>
#include <mutex>
#include <string>

namespace verbinder::api {

class Metrics {
 public:
  // route = the matched pattern (bounded cardinality), or "unmatched".
  void Record(const std::string& method, const std::string& route, int status, double seconds);
  std::string Render() const;

 private:
  static constexpr std::array<double, 10> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 2.5};
  struct Series {
    uint64_t count = 0;
    double sum = 0;
    std::array<uint64_t, kBuckets.size()> buckets{};
  };
  mutable std::mutex mu_;
  std::map<std::string, uint64_t> requests_;  // key: method|route|status
  std::map<std::string, Series> latency_;     // key: method|route
};

}  // namespace verbinder::api
