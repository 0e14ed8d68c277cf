// The subcommand table of the `verbinder` binary. One table drives both
// dispatch and `verbinder --help` (as Ninja's kTools[] does).
//
//   int main(int argc, char** argv) { return verbinder::cli::Main(argc, argv); }
#pragma once

#include <span>
#include <string_view>

#include "util/exit_codes.h"

namespace verbinder::cli {

struct Command {
  std::string_view name;
  std::string_view summary;  // one line for `verbinder --help`
  int (*run)(const Args& args);
};

// All subcommands, in the order `--help` lists them.
std::span<const Command> Commands();

// Dispatches argv[1] to its command. Returns the process exit code.
int Main(int argc, char** argv);

// Platform commands (cli/platform_commands.cpp).
int RunServe(const Args& args);
int RunMigrate(const Args& args);
int RunDemo(const Args& args);
int RunGenerate(const Args& args);
int RunImport(const Args& args);
int RunExport(const Args& args);
int RunAccount(const Args& args);
// `verbinder backup` / `verbinder restore` (cli/backup_command.cpp).
int RunBackup(const Args& args);
int RunRestore(const Args& args);
// `verbinder settings` (cli/settings_command.cpp).
int RunSettings(const Args& args);
// `verbinder events ...` (cli/events_command.cpp).
int RunEvents(const Args& args);
// `verbinder newsletter ...` (cli/newsletter_command.cpp).
int RunNewsletter(const Args& args);

}  // namespace verbinder::cli
