// Tiny helpers for running a function on a fixed number of std::threads, for
// the engines (analysis, matching) that split one computation over the cores.
// Thread-safety: the callers' functions must only write thread-private state.
#pragma once

#include <exception>
#include <thread>
#include <vector>

namespace verbinder::util {

// threads <= 0 means std::thread::hardware_concurrency() (at least 1).
inline int ResolveThreads(int threads) {
  if (threads > 0) return threads;
  const unsigned hc = std::thread::hardware_concurrency();
  return hc == 0 ? 1 : static_cast<int>(hc);
}

// Calls fn(thread_index) on `threads` threads (inline when threads <= 1) and
// joins them. An exception thrown by fn, or by starting a thread, reaches the
// caller after every started thread has finished (the first one, by thread
// index), as it would from a plain loop: never std::terminate.
template <typename Fn>
void RunThreads(int threads, Fn fn) {
  if (threads <= 1) {
    fn(0);
    return;
  }
  std::vector<std::exception_ptr> failed(threads);
  std::vector<std::thread> pool;
  pool.reserve(threads);
  try {
    for (int t = 0; t < threads; ++t) {
      pool.emplace_back([&fn, &failed, t] {
        try {
          fn(t);
        } catch (...) {
          failed[t] = std::current_exception();
        }
      });
    }
  } catch (...) {
    for (auto& th : pool) th.join();
    throw;
  }
  for (auto& th : pool) th.join();
  for (const std::exception_ptr& e : failed)
    if (e) std::rethrow_exception(e);
}

}  // namespace verbinder::util
