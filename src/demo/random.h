// Portable, seeded randomness for the demo network and the synthetic generator.
// std::mt19937_64's output sequence is fixed by the C++ standard, but
// std::uniform_int_distribution, std::shuffle & co. are not (libstdc++, libc++
// and MSVC give different numbers), so these helpers turn raw 64-bit draws into
// integers, reals and permutations the same way on every platform.
//
//   Rng rng(42);
//   int64_t day = rng.Between(1, 28);   // inclusive
//   if (rng.Chance(0.25)) ...
//   rng.Shuffle(v.begin(), v.end());
//
// Only integer arithmetic and one exact scaling to double are used, so results
// are bit-identical across compilers. Thread-safety: an Rng is a plain value;
// use one per thread.
#pragma once

#include <cassert>
#include <cstdint>
#include <iterator>
#include <random>
#include <utility>
#include <vector>

namespace verbinder::demo {

class Rng {
 public:
  explicit Rng(uint64_t seed) : engine_(seed) {}

  uint64_t Next() { return engine_(); }

  // Uniform integer in [0, n). Requires n > 0. Lemire's multiply-shift with
  // rejection: unbiased and one draw almost always.
  uint64_t Below(uint64_t n) {
    assert(n > 0);
    uint64_t x = engine_();
    unsigned __int128 m = static_cast<unsigned __int128>(x) * n;
    uint64_t low = static_cast<uint64_t>(m);
    if (low < n) {
      const uint64_t threshold = (0 - n) % n;
      while (low < threshold) {
        x = engine_();
        m = static_cast<unsigned __int128>(x) * n;
        low = static_cast<uint64_t>(m);
      }
    }
    return static_cast<uint64_t>(m >> 64);
  }

  // Uniform integer in [lo, hi], both inclusive. Requires lo <= hi.
  int64_t Between(int64_t lo, int64_t hi) {
    assert(lo <= hi);
    return lo + static_cast<int64_t>(Below(static_cast<uint64_t>(hi - lo) + 1));
  }

  // Uniform real in [0, 1) with 53 random bits (exact, portable).
  double Unit() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }

  // True with probability p.
  bool Chance(double p) { return Unit() < p; }

  // A uniformly chosen element. Requires a non-empty container.
  template <class Container>
  const auto& Pick(const Container& c) {
    assert(std::size(c) > 0);
    return *(std::begin(c) + static_cast<std::ptrdiff_t>(Below(std::size(c))));
  }

  // Fisher–Yates shuffle (std::shuffle's algorithm is unspecified).
  template <class It>
  void Shuffle(It first, It last) {
    auto n = static_cast<uint64_t>(last - first);
    for (uint64_t i = n; i > 1; --i) {
      uint64_t j = Below(i);
      using std::swap;
      swap(first[static_cast<std::ptrdiff_t>(i - 1)], first[static_cast<std::ptrdiff_t>(j)]);
    }
  }

 private:
  std::mt19937_64 engine_;
};

}  // namespace verbinder::demo
