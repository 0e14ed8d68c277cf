// Tiny helpers for running a function on a fixed number of std::threads.
// Thread-safety: the callers' functions must only write thread-private state.
#pragma once

#include <thread>
#include <vector>

namespace verbinder::analysis {

// threads <= 0 means std::thread::hardware_concurrency() (at least 1).
int ResolveThreads(int threads);

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

}  // namespace verbinder::analysis
