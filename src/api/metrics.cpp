#include "api/metrics.h"

#include <sstream>

#include "util/strings.h"

namespace verbinder::api {

void Metrics::Record(const std::string& method, const std::string& route, int status, double seconds) {
  std::lock_guard<std::mutex> lock(mu_);
  ++requests_[method + "|" + route + "|" + std::to_string(status)];
  auto& s = latency_[method + "|" + route];
  ++s.count;
  s.sum += seconds;
  for (size_t i = 0; i < kBuckets.size(); ++i)
    if (seconds <= kBuckets[i]) ++s.buckets[i];
}

std::string Metrics::Render() const {
  std::lock_guard<std::mutex> lock(mu_);
  std::ostringstream o;
  o << "# HELP verbinder_http_requests_total HTTP requests by method, route and status.\n"
       "# TYPE verbinder_http_requests_total counter\n";
  for (const auto& [k, v] : requests_) {
    auto p = Split(k, '|');
    o << "verbinder_http_requests_total{method=\"" << p[0] << "\",route=\"" << p[1] << "\",status=\"" << p[2] << "\"} "
      << v << "\n";
  }
  o << "# HELP verbinder_http_request_duration_seconds Request handling time.\n"
       "# TYPE verbinder_http_request_duration_seconds histogram\n";
  for (const auto& [k, s] : latency_) {
    auto p = Split(k, '|');
    std::string labels = "method=\"" + p[0] + "\",route=\"" + p[1] + "\"";
    for (size_t i = 0; i < kBuckets.size(); ++i)
      o << "verbinder_http_request_duration_seconds_bucket{" << labels << ",le=\"" << kBuckets[i] << "\"} "
        << s.buckets[i] << "\n";
    o << "verbinder_http_request_duration_seconds_bucket{" << labels << ",le=\"+Inf\"} " << s.count << "\n";
    o << "verbinder_http_request_duration_seconds_sum{" << labels << "} " << s.sum << "\n";
    o << "verbinder_http_request_duration_seconds_count{" << labels << "} " << s.count << "\n";
  }
  return o.str();
}

}  // namespace verbinder::api
