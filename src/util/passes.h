// Named, timed passes with a verify step: the one pass runner of the
// scheduler, the seating and the analysis report (STYLE.md, "Passes").
// Each pass can be switched off by name, is timed on the monotonic clock,
// is skipped once a stop is requested, and the caller verifies after the last.
//
//   util::PassRunner passes({.skip = {"improve"}, .stop = token});
//   passes.Run("fill", [&] { Fill(state); });
//   passes.Run("improve", [&] { Improve(state); });
//   Status ok = passes.Verify([&] { return Check(state); });
//   for (const util::PassRecord& r : passes.records()) ...   // name, ran, seconds
#pragma once

#include <functional>
#include <set>
#include <stop_token>
#include <string>
#include <vector>

#include "util/clock.h"
#include "util/status.h"

namespace verbinder::util {

struct PassRecord {
  std::string name;
  bool ran = false;      // false: switched off, or skipped after a stop request
  bool stopped = false;  // skipped because a stop was requested
  double seconds = 0;    // wall time of the body on the monotonic clock
};

struct PassOptions {
  std::set<std::string> skip;    // names of passes switched off
  std::stop_token stop;          // a requested stop skips the remaining passes
  const Clock* clock = nullptr;  // nullptr: the system clock
};

// Not thread-safe: one runner per pipeline run. Bodies may poll stop_requested().
class PassRunner {
 public:
  explicit PassRunner(PassOptions options = {}) : options_(std::move(options)) {}

  // Runs `body` unless the pass is switched off (by name, or `enabled` false)
  // or a stop was requested. Records the pass either way; returns whether it ran.
  bool Run(const std::string& name, bool enabled, const std::function<void()>& body) {
    PassRecord r;
    r.name = name;
    r.stopped = stop_requested();
    r.ran = enabled && !r.stopped && !options_.skip.count(name);
    const Clock& clock = this->clock();
    const auto t0 = clock.Steady();
    if (r.ran) body();
    r.seconds = r.ran ? Clock::Seconds(t0, clock.Steady()) : 0.0;
    records_.push_back(std::move(r));
    return records_.back().ran;
  }
  bool Run(const std::string& name, const std::function<void()>& body) { return Run(name, true, body); }

  // The verify step after the last pass; recorded as the pass "verify" (never skipped).
  Status Verify(const std::function<Status()>& check) {
    const Clock& clock = this->clock();
    const auto t0 = clock.Steady();
    Status s = check();
    records_.push_back({"verify", true, false, Clock::Seconds(t0, clock.Steady())});
    return s;
  }

  bool stop_requested() const { return options_.stop.stop_requested(); }
  bool switched_off(const std::string& name) const { return options_.skip.count(name) > 0; }
  const std::vector<PassRecord>& records() const { return records_; }
  PassRecord& last() { return records_.back(); }
  double total_seconds() const {
    double t = 0;
    for (const PassRecord& r : records_) t += r.seconds;
    return t;
  }

 private:
  const Clock& clock() const { return options_.clock ? *options_.clock : SystemClockInstance(); }
  PassOptions options_;
  std::vector<PassRecord> records_;
};

}  // namespace verbinder::util
