// `verbinder events <subcommand>`: the organizer's events tools on the command
// line. One table drives dispatch and help. Every subcommand opens --db,
// migrates it, and acts as the system (an admin viewer); output is JSON on
// stdout (or iCalendar / printable text where said).
#include "events/events_cli.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <ctime>
#include <fstream>
#include <iostream>

#include "domain/bulk_load.h"
#include "domain/members.h"
#include "events/calendar.h"
#include "events/encounters.h"
#include "events/events.h"
#include "events/events_json.h"
#include "events/meetings.h"
#include "events/printable.h"
#include "events/report.h"
#include "events/seating.h"
#include "storage/database.h"

namespace verbinder::events {
namespace {

constexpr const char* kDbHelp = "SQLite file path or postgresql://user@host:port/db URL";

struct Env {
  std::unique_ptr<storage::Database> db;
  SystemClock clock;
};

Result<std::unique_ptr<Env>> OpenEnv(const std::string& url) {
  auto env = std::make_unique<Env>();
  VB_ASSIGN_OR_RETURN(env->db, storage::Database::Open(url, 2));
  VB_ASSIGN_OR_RETURN(int applied, env->db->Migrate());
  (void)applied;
  VB_RETURN_IF_ERROR(domain::EnsureDefaultSectors(*env->db));
  return env;
}

int Parse(CLI::App& app, std::vector<std::string> args) {
  std::reverse(args.begin(), args.end());
  try {
    app.parse(args);
  } catch (const CLI::CallForHelp&) {
    std::cout << app.help();
    return cli::kExitOk;
  } catch (const CLI::ParseError& e) {
    std::cerr << "verbinder events " << app.get_name() << ": " << e.what() << " (see --help)\n";
    return cli::kExitUsage;
  }
  return -1;
}

// One line on stderr; exit 2 for bad input on the command line, else 1
// (the convention of util/exit_codes.h).
int Fail(const std::string& sub, const Status& s) {
  std::cerr << "verbinder events " << sub << ": " << (s.field().empty() ? "" : s.field() + ": ") << s.message() << "\n";
  return s.code() == Code::kInvalidArgument ? cli::kExitUsage : cli::kExitFailure;
}

Result<model::Id> MemberByEmail(Env& env, const std::string& email) {
  domain::MemberService members(*env.db, env.clock);
  VB_ASSIGN_OR_RETURN(auto m, members.FindByEmail(domain::Viewer::System(), email));
  return m.id;
}

int Emit(const std::string& text, const std::string& out) {
  if (out.empty() || out == "-") {
    std::cout << text;
    return cli::kExitOk;
  }
  std::ofstream f(out, std::ios::binary);
  f << text;
  if (!f) {
    std::cerr << "verbinder events: cannot write " << out << "\n";
    return cli::kExitFailure;
  }
  return cli::kExitOk;
}

int List(const cli::Args& args) {
  CLI::App app("List events as JSON.", "list");
  std::string db = cli::kDefaultDb;
  bool upcoming = false;
  app.add_option("--db", db, kDbHelp);
  app.add_flag("--upcoming", upcoming, "only events that have not ended");
  if (int rc = Parse(app, args); rc >= 0) return rc;
  auto env = OpenEnv(db);
  if (!env) return Fail("list", env.status());
  EventService events(*(*env)->db, (*env)->clock);
  auto page = events.List(domain::Viewer::System(), {.upcoming_only = upcoming, .limit = 500});
  if (!page) return Fail("list", page.status());
  Json items = Json::array();
  for (const auto& e : page->items) items.push_back(ToJson(e));
  std::cout << items.dump(1) << "\n";
  return cli::kExitOk;
}

int Create(const cli::Args& args) {
  CLI::App app("Create an event from a JSON file (the API's event shape).", "create");
  std::string db = cli::kDefaultDb, file;
  app.add_option("--db", db, kDbHelp);
  app.add_option("file", file, "JSON file with title, kind, starts_at, ends_at, ...")->required();
  if (int rc = Parse(app, args); rc >= 0) return rc;
  std::ifstream in(file);
  if (!in) return Fail("create", InvalidArgument("cannot read " + file, "file"));
  Json j = Json::parse(in, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return Fail("create", InvalidArgument("is not a JSON object", "file"));
  EventInfo info;
  if (Status s = EventFromJson(j, info); !s.ok()) return Fail("create", s);
  auto env = OpenEnv(db);
  if (!env) return Fail("create", env.status());
  EventService events(*(*env)->db, (*env)->clock);
  auto created = events.Create(domain::Viewer::System(), info);
  if (!created) return Fail("create", created.status());
  std::cout << ToJson(*created).dump(1) << "\n";
  return cli::kExitOk;
}

int RegisterOrCancel(const cli::Args& args, bool cancel) {
  const std::string name = cancel ? "cancel" : "register";
  CLI::App app(cancel ? "Cancel a member's registration (promotes the waitlist)." : "Register a member for an event.",
               name);
  std::string db = cli::kDefaultDb, email;
  int64_t event = 0;
  app.add_option("--db", db, kDbHelp);
  app.add_option("--event", event, "event id")->required();
  app.add_option("--member", email, "the member's e-mail address")->required();
  if (int rc = Parse(app, args); rc >= 0) return rc;
  auto env = OpenEnv(db);
  if (!env) return Fail(name, env.status());
  auto member = MemberByEmail(**env, email);
  if (!member) return Fail(name, member.status());
  EventService events(*(*env)->db, (*env)->clock);
  auto r = cancel ? events.Cancel(domain::Viewer::System(), event, *member)
                  : events.Register(domain::Viewer::System(), event, *member);
  if (!r) return Fail(name, r.status());
  std::cout << ToJson(*r).dump(1) << "\n";
  return cli::kExitOk;
}

int Register(const cli::Args& args) {
  return RegisterOrCancel(args, false);
}
int Cancel(const cli::Args& args) {
  return RegisterOrCancel(args, true);
}

int Attendees(const cli::Args& args) {
  CLI::App app("List an event's registrations (queue order) as JSON.", "attendees");
  std::string db = cli::kDefaultDb, status, q;
  int64_t event = 0;
  app.add_option("--db", db, kDbHelp);
  app.add_option("--event", event, "event id")->required();
  app.add_option("--status", status, "registered, waitlisted or cancelled");
  app.add_option("--name", q, "part of a name (check-in by name)");
  if (int rc = Parse(app, args); rc >= 0) return rc;
  std::optional<RegistrationStatus> st;
  for (auto s : {RegistrationStatus::kRegistered, RegistrationStatus::kWaitlisted, RegistrationStatus::kCancelled})
    if (status == ToString(s)) st = s;
  if (!status.empty() && !st)
    return Fail("attendees", InvalidArgument("must be registered, waitlisted or cancelled", "status"));
  auto env = OpenEnv(db);
  if (!env) return Fail("attendees", env.status());
  EventService events(*(*env)->db, (*env)->clock);
  Json items = Json::array();
  for (int offset = 0;; offset += 500) {
    auto page = events.Registrations(domain::Viewer::System(), event, st, q, 500, offset);
    if (!page) return Fail("attendees", page.status());
    for (const auto& r : page->items) items.push_back(ToJson(r));
    if (offset + 500 >= page->total) break;
  }
  std::cout << items.dump(1) << "\n";
  return cli::kExitOk;
}

int CheckIn(const cli::Args& args) {
  CLI::App app("Check a member in by code (attendance only: presence is not a tie).", "checkin");
  std::string db = cli::kDefaultDb, code;
  int64_t event = 0;
  app.add_option("--db", db, kDbHelp);
  app.add_option("--event", event, "event id")->required();
  app.add_option("--code", code, "the registration's check-in code")->required();
  if (int rc = Parse(app, args); rc >= 0) return rc;
  auto env = OpenEnv(db);
  if (!env) return Fail("checkin", env.status());
  EventService events(*(*env)->db, (*env)->clock);
  auto r = events.CheckIn(domain::Viewer::System(), event, code);
  if (!r) return Fail("checkin", r.status());
  std::cout << ToJson(*r).dump(1) << "\n";
  return cli::kExitOk;
}

int FollowUp(const cli::Args& args) {
  CLI::App app(
      "The day after events: record shared small tables as evidence and ask every attendee "
      "'wie sprak je?' (what `serve` does every few minutes). Prints what it did as JSON.",
      "follow-up");
  std::string db = cli::kDefaultDb;
  app.add_option("--db", db, kDbHelp);
  if (int rc = Parse(app, args); rc >= 0) return rc;
  auto env = OpenEnv(db);
  if (!env) return Fail("follow-up", env.status());
  FollowUpService svc(*(*env)->db, (*env)->clock);
  auto r = svc.Sweep();
  if (!r) return Fail("follow-up", r.status());
  std::cout << Json{{"events", r->events}, {"table_pairs", r->table_pairs}, {"notified", r->notified}}.dump(1) << "\n";
  return cli::kExitOk;
}

int Ics(const cli::Args& args) {
  CLI::App app("Write iCalendar: a member's invite (--event --member) or the public feed (neither).", "ics");
  std::string db = cli::kDefaultDb, email, out;
  int64_t event = 0;
  app.add_option("--db", db, kDbHelp);
  app.add_option("--event", event, "event id");
  app.add_option("--member", email, "the member's e-mail address");
  app.add_option("-o,--output", out, "file to write (default stdout)");
  if (int rc = Parse(app, args); rc >= 0) return rc;
  if ((event == 0) != email.empty())
    return Fail("ics", InvalidArgument("give both --event and --member, or neither", "member"));
  auto env = OpenEnv(db);
  if (!env) return Fail("ics", env.status());
  CalendarService cal(*(*env)->db, (*env)->clock);
  Result<std::string> text = std::string();
  if (event) {
    auto member = MemberByEmail(**env, email);
    if (!member) return Fail("ics", member.status());
    text = cal.RegistrationInvite(domain::Viewer::System(), event, *member);
  } else {
    text = cal.PublicFeed();
  }
  if (!text) return Fail("ics", text.status());
  return Emit(*text, out);
}

int RoundCreate(const cli::Args& args) {
  CLI::App app("Create a networking round from a JSON file ({title, tables, max_meetings, slots}).", "round");
  std::string db = cli::kDefaultDb, file;
  int64_t event = 0;
  app.add_option("--db", db, kDbHelp);
  app.add_option("--event", event, "event id")->required();
  app.add_option("file", file, "JSON file")->required();
  if (int rc = Parse(app, args); rc >= 0) return rc;
  std::ifstream in(file);
  Json j = Json::parse(in, nullptr, false);
  if (!in.good() && j.is_discarded()) return Fail("round", InvalidArgument("cannot read " + file, "file"));
  if (j.is_discarded() || !j.is_object()) return Fail("round", InvalidArgument("is not a JSON object", "file"));
  Round r;
  if (Status s = RoundFromJson(j, r); !s.ok()) return Fail("round", s);
  auto env = OpenEnv(db);
  if (!env) return Fail("round", env.status());
  MeetingService meetings(*(*env)->db, (*env)->clock);
  auto created = meetings.CreateRound(domain::Viewer::System(), event, r);
  if (!created) return Fail("round", created.status());
  std::cout << ToJson(*created).dump(1) << "\n";
  return cli::kExitOk;
}

int Schedule(const cli::Args& args) {
  CLI::App app("Auto-schedule a round: accepted requests first, then suggestions.", "schedule");
  std::string db = cli::kDefaultDb;
  int64_t round = 0;
  app.add_option("--db", db, kDbHelp);
  app.add_option("--round", round, "round id")->required();
  if (int rc = Parse(app, args); rc >= 0) return rc;
  auto env = OpenEnv(db);
  if (!env) return Fail("schedule", env.status());
  MeetingService meetings(*(*env)->db, (*env)->clock);
  auto run = meetings.AutoSchedule(domain::Viewer::System(), round);
  if (!run) return Fail("schedule", run.status());
  std::cout << ToJson(*run).dump(1) << "\n";
  return cli::kExitOk;
}

int Sheets(const cli::Args& args) {
  CLI::App app("Print a round's meetings per table (plain text, for printing).", "sheets");
  std::string db = cli::kDefaultDb, out;
  int64_t round = 0;
  app.add_option("--db", db, kDbHelp);
  app.add_option("--round", round, "round id")->required();
  app.add_option("-o,--output", out, "file to write (default stdout)");
  if (int rc = Parse(app, args); rc >= 0) return rc;
  auto env = OpenEnv(db);
  if (!env) return Fail("sheets", env.status());
  MeetingService meetings(*(*env)->db, (*env)->clock);
  auto rows = meetings.RoundMeetings(domain::Viewer::System(), round);
  if (!rows) return Fail("sheets", rows.status());
  std::string text;
  for (const auto& m : *rows) {
    if (m.status != "scheduled") continue;
    char when[32];
    std::time_t t = m.starts_at;
    std::strftime(when, sizeof when, "%Y-%m-%d %H:%M UTC", std::gmtime(&t));
    text += "table " + std::to_string(m.table) + "  " + when + "  " + m.a_name + "  x  " + m.b_name + "\n";
  }
  return Emit(text, out);
}

// Group tables: create a seating (--title, --tables, --size, --rounds) and run
// it, or re-run an existing one (--seating). Prints the plan as JSON, or the
// per-table sheets as HTML with --html.
int Tables(const cli::Args& args) {
  CLI::App app("Group tables for the borrel: seat attendees over rounds (mixed sectors, colleagues apart, no repeats).",
               "tables");
  std::string db = cli::kDefaultDb, title = "Borrel", out;
  int64_t event = 0, seating_id = 0;
  int tables = 0, size = 8, rounds = 1;
  bool html = false;
  app.add_option("--db", db, kDbHelp);
  app.add_option("--event", event, "event id (creates a new seating)");
  app.add_option("--seating", seating_id, "re-run this seating instead");
  app.add_option("--title", title, "seating title");
  app.add_option("--tables", tables, "number of tables");
  app.add_option("--size", size, "seats per table");
  app.add_option("--rounds", rounds, "rounds");
  app.add_flag("--html", html, "print the per-table sheets (HTML) instead of JSON");
  app.add_option("-o,--output", out, "file to write (default stdout)");
  if (int rc = Parse(app, args); rc >= 0) return rc;
  if ((event > 0) == (seating_id > 0))
    return Fail("tables", InvalidArgument("give either --event or --seating", "event"));
  auto env = OpenEnv(db);
  if (!env) return Fail("tables", env.status());
  SeatingService seating(*(*env)->db, (*env)->clock);
  const auto system = domain::Viewer::System();
  if (event > 0) {
    auto created =
        seating.Create(system, event, {.title = title, .tables = tables, .table_size = size, .rounds = rounds});
    if (!created) return Fail("tables", created.status());
    seating_id = created->id;
  }
  auto plan = seating.Run(system, seating_id);
  if (!plan) return Fail("tables", plan.status());
  if (!html) return Emit(ToJson(*plan).dump(1) + "\n", out);
  EventService events(*(*env)->db, (*env)->clock);
  auto info = events.Get(system, plan->seating.event_id);
  if (!info) return Fail("tables", info.status());
  return Emit(TableSheetsHtml(*info, {}, {*plan}, "nl"), out);
}

// The event-yield report (JSON): attendance and no-shows, meetings held vs
// scheduled, usefulness, new real ties.
int Report(const cli::Args& args) {
  CLI::App app("Event-yield report: registered vs checked in, meetings held, usefulness, new ties.", "report");
  std::string db = cli::kDefaultDb;
  int64_t event = 0;
  app.add_option("--db", db, kDbHelp);
  app.add_option("--event", event, "event id")->required();
  if (int rc = Parse(app, args); rc >= 0) return rc;
  auto env = OpenEnv(db);
  if (!env) return Fail("report", env.status());
  ReportService reports(*(*env)->db, (*env)->clock);
  auto y = reports.Yield(domain::Viewer::System(), event);
  if (!y) return Fail("report", y.status());
  std::cout << ToJson(*y).dump(1) << "\n";
  return cli::kExitOk;
}

struct Sub {
  const char* name;
  const char* help;
  int (*run)(const cli::Args&);
};

constexpr Sub kSubs[] = {
    {"list", "list events (JSON)", List},
    {"create", "create an event from a JSON file", Create},
    {"register", "register a member (--event, --member e-mail)", Register},
    {"cancel", "cancel a registration; promotes the waitlist", Cancel},
    {"attendees", "registrations in queue order (JSON)", Attendees},
    {"checkin", "check in by code (--event, --code)", CheckIn},
    {"follow-up", "after events: shared small tables into the ledger, 'wie sprak je?' to attendees", FollowUp},
    {"ics", "iCalendar: a member's invite, or the public feed", Ics},
    {"round", "create a networking round from a JSON file", RoundCreate},
    {"schedule", "auto-schedule a round (--round)", Schedule},
    {"sheets", "printable per-table sheet of a round (--round)", Sheets},
    {"tables", "group tables: seat attendees over rounds (--event or --seating)", Tables},
    {"report", "event-yield report (--event)", Report},
};

}  // namespace

int RunEvents(const cli::Args& args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::cout << "usage: verbinder events <subcommand> [options]   (each takes --help)\n\nsubcommands:\n";
    for (const auto& s : kSubs)
      std::cout << "  " << s.name << std::string(12 - std::string(s.name).size(), ' ') << s.help << "\n";
    return args.empty() ? cli::kExitUsage : cli::kExitOk;
  }
  for (const auto& s : kSubs)
    if (args[0] == s.name) return s.run(cli::Args(args.begin() + 1, args.end()));
  std::cerr << "verbinder events: unknown subcommand '" << args[0] << "' (see verbinder events --help)\n";
  return cli::kExitUsage;
}

}  // namespace verbinder::events
