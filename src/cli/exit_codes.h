// Exit codes shared by every subcommand: 0 success, 1 failure, 2 bad usage.
// A failing command prints exactly one line "verbinder <cmd>: <reason>" on stderr.
#pragma once

#include <iostream>
#include <string>
#include <vector>

#include "util/status.h"

namespace verbinder::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

// Arguments after the subcommand name (argv[2..]).
using Args = std::vector<std::string>;

// Prints "verbinder <command>: <status>" on stderr and returns the exit code
// for it: kExitUsage for InvalidArgument on the command line, else kExitFailure.
// Inline so that every module's CLI (engines, events, newsletter) can use it
// without linking the command table.
inline int Fail(const std::string& command, const Status& status) {
  std::string msg = status.message();
  if (!status.field().empty()) msg = status.field() + ": " + msg;
  std::cerr << "verbinder " << command << ": " << msg << "\n";
  return kExitFailure;
}

}  // namespace verbinder::cli
