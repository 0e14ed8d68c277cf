#include "cli/commands.h"

#include <algorithm>
#include <iostream>
#include <string_view>

#include "analysis/analysis_cli.h"
#include "notify/outbox_cli.h"
#include "matching/matching_cli.h"

namespace verbinder::cli {
namespace {

constexpr Command kCommands[] = {
    {"serve", "serve the JSON API and web UI (--db, --host, --port)", RunServe},
    {"migrate", "apply database migrations and exit (--db)", RunMigrate},
    {"demo", "load the demo network (Congres Zorg & Industrie) into --db", RunDemo},
    {"generate", "generate a synthetic network (--members N --seed S) into --db", RunGenerate},
    {"import", "import members FILE.csv | linkedin FILE.csv --member ID", RunImport},
    {"account", "create an account for a member, or change its role (--email, --role)", RunAccount},
    {"settings", "installation settings: list, get KEY, set KEY VALUE (e.g. mail.smtp_url)", RunSettings},
    {"export", "export all data visible to an organizer as JSON (--db, -o FILE)", RunExport},
    {"backup", "copy a SQLite database while it serves (--db, --out FILE); PostgreSQL: pg_dump", RunBackup},
    {"restore", "restore a backup into a SQLite database and migrate it (--from FILE --db FILE)", RunRestore},
    {"suggest", "whom to meet: suggestions from PROFILES.json (--top K, -o FILE)", matching::RunSuggest},
    {"schedule", "schedule 1:1 meetings for INSTANCE.json into slots and tables (-o FILE)", matching::RunSchedule},
    {"seat", "seat attendees at group tables over rounds from INSTANCE.json (-o FILE)", matching::RunSeat},
    {"events", "events: list, create, registrations, rounds, auto-schedule (see events --help)", RunEvents},
    {"newsletter", "articles and the monthly newsletter: compose, preview, send (see newsletter --help)",
     RunNewsletter},
    {"outbox", "the mail outbox: status, list, deliver (see outbox --help)", notify::RunOutbox},
    {"analyze", "analyse a network from members.csv/ties.csv (--format json|csv|graphml|gexf)", analysis::RunAnalyze},
};

void PrintHelp(std::ostream& out) {
  out << "verbinder — turns online contact into real, face-to-face connection.\n\n"
         "usage: verbinder <command> [options]   (verbinder <command> --help for its options)\n\n"
         "commands:\n";
  size_t width = 0;  // the longest name plus two spaces, so no summary runs into its name
  for (const auto& c : kCommands) width = std::max(width, std::string_view(c.name).size() + 2);
  for (const auto& c : kCommands) {
    std::string name(c.name);
    name.resize(width, ' ');
    out << "  " << name << c.summary << "\n";
  }
  out << "\nexit codes: 0 success, 1 failure, 2 bad usage.\n";
}

}  // namespace

std::span<const Command> Commands() {
  return kCommands;
}

int Main(int argc, char** argv) {
  if (argc < 2) {
    PrintHelp(std::cerr);
    return kExitUsage;
  }
  std::string_view name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    PrintHelp(std::cout);
    return kExitOk;
  }
  if (name == "--version") {
    std::cout << "verbinder 0.1.0\n";
    return kExitOk;
  }
  for (const auto& c : kCommands) {
    if (c.name == name) {
      Args args(argv + 2, argv + argc);
      try {
        return c.run(args);
      } catch (const std::exception& e) {
        std::cerr << "verbinder " << name << ": " << e.what() << "\n";
        return kExitFailure;
      }
    }
  }
  std::cerr << "verbinder: unknown command '" << name << "' (see verbinder --help)\n";
  return kExitUsage;
}

}  // namespace verbinder::cli
