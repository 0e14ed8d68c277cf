// The one way every subcommand parses its command line: CLI11, with --help on
// standard output (exit 0) and a usage error as one line on standard error
// (exit kExitUsage, util/exit_codes.h). Header only; CLI11 is header only too.
//
//   CLI::App app("Schedule 1:1 meetings.", "schedule");
//   app.add_option("--db", db_url, "SQLite file or postgresql:// URL");
//   if (int rc = cli::ParseCommandLine(app, args, "schedule"); rc >= 0) return rc;
#pragma once

#include <CLI/CLI.hpp>
#include <iostream>
#include <string>
#include <vector>

#include "util/exit_codes.h"

namespace verbinder::cli {

// Parses `args` (argv after the subcommand) into `app`. Returns -1 when the
// command is to run, else the exit code to return at once: kExitOk after
// printing the help (of the subcommand asked for, if any), kExitUsage after
// printing "verbinder <command>: <what is wrong> (see --help)".
inline int ParseCommandLine(CLI::App& app, const Args& args, const std::string& command) {
  std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 consumes from the back
  try {
    app.parse(reversed);
  } catch (const CLI::CallForAllHelp&) {
    std::cout << app.help("", CLI::AppFormatMode::All);
    return kExitOk;
  } catch (const CLI::CallForHelp&) {
    std::cout << app.help();
    return kExitOk;
  } catch (const CLI::ConfigError& e) {
    // CLI11 says "INI was not able to parse NAME" for a name no option has.
    std::string what = e.what();
    const std::string unknown = "INI was not able to parse ";
    if (what.rfind(unknown, 0) == 0) what = "unknown option '" + what.substr(unknown.size()) + "'";
    return UsageError(command, "config file: " + what + " (see --help)");
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) {  // CLI::Success and the like
      std::cout << app.help();
      return kExitOk;
    }
    std::string what = e.what();
    for (char& c : what)
      if (c == '\n') c = ' ';  // one line, always
    return UsageError(command, what + " (see --help)");
  }
  return -1;
}

}  // namespace verbinder::cli
