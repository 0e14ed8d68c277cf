// Time as a side effect behind one interface: wall time (Unix seconds, for
// what is stored and shown) and monotonic time (for caches, throttles, pacing
// and pass timings). SystemClock in production; FakeClock in tests, where
// Advance() moves both so that a test never sleeps to let a cache expire.
// Thread-safety: SystemClock is stateless; FakeClock is atomic.
//
//   FakeClock clock(1'800'000'000);
//   cache.Get(clock);  clock.Advance(61);  // the 60 s window has passed
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <ctime>

namespace verbinder {

class Clock {
 public:
  using Monotonic = std::chrono::steady_clock::duration;  // since an arbitrary start
  virtual ~Clock() = default;
  // Unix seconds, UTC.
  virtual int64_t Now() const = 0;
  // Monotonic time: never goes back, unaffected by wall-clock changes.
  virtual Monotonic Steady() const = 0;
  // Seconds between two Steady() readings.
  static double Seconds(Monotonic from, Monotonic to) { return std::chrono::duration<double>(to - from).count(); }
};

class SystemClock : public Clock {
 public:
  int64_t Now() const override { return static_cast<int64_t>(std::time(nullptr)); }
  Monotonic Steady() const override { return std::chrono::steady_clock::now().time_since_epoch(); }
};

// The process-wide system clock, for code that has no Clock injected
// (benchmarks, CLI timings). Services take a `const Clock&` instead.
inline const Clock& SystemClockInstance() {
  static const SystemClock clock;
  return clock;
}

class FakeClock : public Clock {
 public:
  explicit FakeClock(int64_t now) : now_(now) {}
  int64_t Now() const override { return now_.load(); }
  Monotonic Steady() const override { return Monotonic(steady_.load()); }
  // Moves wall and monotonic time forward together.
  void Advance(int64_t seconds) {
    now_ += seconds;
    steady_ += std::chrono::duration_cast<Monotonic>(std::chrono::seconds(seconds)).count();
  }
  // Moves monotonic time only (sub-second windows).
  void AdvanceSteady(Monotonic d) { steady_ += d.count(); }
  // Sets wall time only (monotonic time never goes back).
  void Set(int64_t now) { now_ = now; }

 private:
  std::atomic<int64_t> now_;
  std::atomic<Monotonic::rep> steady_{0};
};

}  // namespace verbinder
