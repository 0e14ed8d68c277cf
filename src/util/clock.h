// Time as a side effect behind an interface: SystemClock in production,
// FakeClock in tests (sessions expiring, throttling windows, fading members).
// Thread-safety: SystemClock is stateless; FakeClock is atomic.
#pragma once

#include <atomic>
#include <cstdint>
#include <ctime>

namespace verbinder {

class Clock {
 public:
  virtual ~Clock() = default;
  // Unix seconds, UTC.
  virtual int64_t Now() const = 0;
};

class SystemClock : public Clock {
 public:
  int64_t Now() const override { return static_cast<int64_t>(std::time(nullptr)); }
};

class FakeClock : public Clock {
 public:
  explicit FakeClock(int64_t now) : now_(now) {}
  int64_t Now() const override { return now_.load(); }
  void Advance(int64_t seconds) { now_ += seconds; }
  void Set(int64_t now) { now_ = now; }

 private:
  std::atomic<int64_t> now_;
};

}  // namespace verbinder
