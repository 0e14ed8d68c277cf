// Exit codes and the failure line shared by every subcommand, in util so that
// each module's CLI (engines, events, newsletter, outbox) can use them without
// depending on cli/, which sits above every module.
//
//   if (!status.ok()) return util::Fail("schedule", status);   // prints one line, returns 1
//
// 0 success, 1 failure, 2 bad usage. A failing command prints exactly one line
// "verbinder <cmd>: <reason>" on stderr.
#pragma once

#include <iostream>
#include <string>
#include <vector>

#include "util/status.h"

namespace verbinder::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

// The database a command opens when it is given no --db: the one `scripts/run.sh` serves.
inline constexpr const char* kDefaultDb = "./data/verbinder.db";

// Arguments after the subcommand name (argv[2..]).
using Args = std::vector<std::string>;

// Prints "verbinder <command>: [field: ]<message>" on stderr and returns
// kExitFailure: the command ran and failed (bad input in a file included).
inline int Fail(const std::string& command, const Status& status) {
  std::string msg = status.message();
  if (!status.field().empty()) msg = status.field() + ": " + msg;
  std::cerr << "verbinder " << command << ": " << msg << "\n";
  return kExitFailure;
}

// Prints "verbinder <command>: <message>" on stderr and returns kExitUsage:
// the command line itself was wrong (unknown option, missing argument).
inline int UsageError(const std::string& command, const std::string& message) {
  std::cerr << "verbinder " << command << ": " << message << "\n";
  return kExitUsage;
}

}  // namespace verbinder::cli
