// util::RunThreads: every index runs once, and an exception in one thread
// reaches the caller after all threads have finished.
#include "util/parallel.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <vector>

namespace verbinder::util {
namespace {

TEST(RunThreads, RunsEveryIndexOnce) {
  for (int threads : {1, 2, 5}) {
    std::vector<std::atomic<int>> runs(threads);
    RunThreads(threads, [&](int t) { runs[t].fetch_add(1); });
    for (int t = 0; t < threads; ++t) EXPECT_EQ(runs[t].load(), 1) << threads << " threads, index " << t;
  }
}

TEST(RunThreads, AnExceptionReachesTheCallerAfterEveryThreadFinished) {
  std::atomic<int> finished{0};
  try {
    RunThreads(4, [&](int t) {
      if (t == 2) throw std::runtime_error("slot 2 failed");
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      finished.fetch_add(1);
    });
    FAIL() << "the exception was swallowed";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "slot 2 failed");
  }
  EXPECT_EQ(finished.load(), 3) << "the other threads ran to the end before RunThreads returned";
  // Inline (one thread) the exception passes straight through.
  EXPECT_THROW(RunThreads(1, [](int) { throw std::logic_error("inline"); }), std::logic_error);
}

}  // namespace
}  // namespace verbinder::util
