// igraph's C library keeps a global random number generator and error state;
// every call into igraph from this module holds this mutex.
#pragma once

#include <mutex>

namespace verbinder::analysis {

std::mutex& IgraphMutex();

}  // namespace verbinder::analysis
