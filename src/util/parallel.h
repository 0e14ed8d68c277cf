// Tiny helpers for running a function on a fixed number of std::threads, for
// the engines (analysis, matching) that split one computation over the cores.
// Thread-safety: the callers' functions must only write thread-private state.
#pragma once

#include <thread>
#include <vector>

namespace verbinder::util {

// threads <= 0 means std::thread::hardware_concurrency() (at least 1).
inline int ResolveThreads(int threads) {
  if (threads > 0) return threads;
  const unsigned hc = std::thread::hardware_concurrency();
  return hc == 0 ? 1 : static_cast<int>(hc);
}

// Calls fn(thread_index) on `threads` threads (inline when threads <= 1) and joins them.
template <typename Fn>
void RunThreads(int threads, Fn fn) {
  if (threads <= 1) {
    fn(0);
    return;
  }
  std::vector<std::thread> pool;
  pool.reserve(threads);
  for (int t = 0; t < threads; ++t) pool.emplace_back(fn, t);
  for (auto& th : pool) th.join();
}

}  // namespace verbinder::util
