// `verbinder events <subcommand>`: the organizer's events tools on the command
// line. One table drives dispatch and help. Every subcommand opens --db through
// CommandEnv (the server's services, built once per run) and acts as the
// system (an admin viewer); output is JSON on stdout (or iCalendar / printable
// text where said).
#include <algorithm>
#include <ctime>
#include <fstream>
#include <iostream>
#include <map>

#include "cli/command_env.h"
#include "cli/commands.h"
#include "events/events_json.h"
#include "events/printable.h"
#include "matching/matching_cli.h"
#include "util/cli_parse.h"

namespace verbinder::cli {
namespace {

using events::EventInfo;
using events::Json;
using events::RegistrationStatus;
using events::Round;
using events::ToJson;

constexpr const char* kDbHelp = "SQLite file path or postgresql://user@host:port/db URL";

// One line on stderr; exit 2 for bad input on the command line, else 1
// (the convention of util/exit_codes.h).
int EventsFail(const std::string& sub, const Status& s) {
  std::cerr << "verbinder events " << sub << ": " << (s.field().empty() ? "" : s.field() + ": ") << s.message() << "\n";
  return s.code() == Code::kInvalidArgument ? kExitUsage : kExitFailure;
}

int Parse(CLI::App& app, const Args& args) {
  return ParseCommandLine(app, args, "events " + app.get_name());
}

Result<model::Id> MemberByEmail(CommandEnv& env, const std::string& email) {
  VB_ASSIGN_OR_RETURN(auto m, env.services().members.FindByEmail(domain::Viewer::System(), email));
  return m.id;
}

int Emit(const std::string& text, const std::string& out) {
  if (out.empty() || out == "-") {
    std::cout << text;
    return kExitOk;
  }
  std::ofstream f(out, std::ios::binary);
  f << text;
  if (!f) {
    std::cerr << "verbinder events: cannot write " << out << "\n";
    return kExitFailure;
  }
  return kExitOk;
}

int List(const Args& args) {
  CLI::App app("List events as JSON.", "list");
  std::string db = kDefaultDb;
  bool upcoming = false;
  app.add_option("--db", db, kDbHelp);
  app.add_flag("--upcoming", upcoming, "only events that have not ended");
  if (int rc = Parse(app, args); rc >= 0) return rc;
  auto env = CommandEnv::Open(db);
  if (!env) return EventsFail("list", env.status());
  auto& events = (*env)->services().events;
  auto page = events.List(domain::Viewer::System(), {.upcoming_only = upcoming, .limit = 500});
  if (!page) return EventsFail("list", page.status());
  Json items = Json::array();
  for (const auto& e : page->items) items.push_back(ToJson(e));
  std::cout << items.dump(1) << "\n";
  return kExitOk;
}

int Create(const Args& args) {
  CLI::App app("Create an event from a JSON file (the API's event shape).", "create");
  std::string db = kDefaultDb, file;
  app.add_option("--db", db, kDbHelp);
  app.add_option("file", file, "JSON file with title, kind, starts_at, ends_at, ...")->required();
  if (int rc = Parse(app, args); rc >= 0) return rc;
  std::ifstream in(file);
  if (!in) return EventsFail("create", InvalidArgument("cannot read " + file, "file"));
  Json j = Json::parse(in, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return EventsFail("create", InvalidArgument("is not a JSON object", "file"));
  EventInfo info;
  if (Status s = EventFromJson(j, info); !s.ok()) return EventsFail("create", s);
  auto env = CommandEnv::Open(db);
  if (!env) return EventsFail("create", env.status());
  auto& events = (*env)->services().events;
  auto created = events.Create(domain::Viewer::System(), info);
  if (!created) return EventsFail("create", created.status());
  std::cout << ToJson(*created).dump(1) << "\n";
  return kExitOk;
}

int RegisterOrCancel(const Args& args, bool cancel) {
  const std::string name = cancel ? "cancel" : "register";
  CLI::App app(cancel ? "Cancel a member's registration (promotes the waitlist)." : "Register a member for an event.",
               name);
  std::string db = kDefaultDb, email;
  int64_t event = 0;
  app.add_option("--db", db, kDbHelp);
  app.add_option("--event", event, "event id")->required();
  app.add_option("--member", email, "the member's e-mail address")->required();
  if (int rc = Parse(app, args); rc >= 0) return rc;
  auto env = CommandEnv::Open(db);
  if (!env) return EventsFail(name, env.status());
  auto member = MemberByEmail(**env, email);
  if (!member) return EventsFail(name, member.status());
  auto& events = (*env)->services().events;
  auto r = cancel ? events.Cancel(domain::Viewer::System(), event, *member)
                  : events.Register(domain::Viewer::System(), event, *member);
  if (!r) return EventsFail(name, r.status());
  std::cout << ToJson(*r).dump(1) << "\n";
  return kExitOk;
}

int Register(const Args& args) {
  return RegisterOrCancel(args, false);
}
int Cancel(const Args& args) {
  return RegisterOrCancel(args, true);
}

int Attendees(const Args& args) {
  CLI::App app("List an event's registrations (queue order) as JSON.", "attendees");
  std::string db = kDefaultDb, status, q;
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
    return EventsFail("attendees", InvalidArgument("must be registered, waitlisted or cancelled", "status"));
  auto env = CommandEnv::Open(db);
  if (!env) return EventsFail("attendees", env.status());
  auto& events = (*env)->services().events;
  Json items = Json::array();
  for (int offset = 0;; offset += 500) {
    auto page = events.Registrations(domain::Viewer::System(), event, st, q, 500, offset);
    if (!page) return EventsFail("attendees", page.status());
    for (const auto& r : page->items) items.push_back(ToJson(r));
    if (offset + 500 >= page->total) break;
  }
  std::cout << items.dump(1) << "\n";
  return kExitOk;
}

int CheckIn(const Args& args) {
  CLI::App app("Check a member in by code (attendance only: presence is not a tie).", "checkin");
  std::string db = kDefaultDb, code;
  int64_t event = 0;
  app.add_option("--db", db, kDbHelp);
  app.add_option("--event", event, "event id")->required();
  app.add_option("--code", code, "the registration's check-in code")->required();
  if (int rc = Parse(app, args); rc >= 0) return rc;
  auto env = CommandEnv::Open(db);
  if (!env) return EventsFail("checkin", env.status());
  auto& events = (*env)->services().events;
  auto r = events.CheckIn(domain::Viewer::System(), event, code);
  if (!r) return EventsFail("checkin", r.status());
  std::cout << ToJson(*r).dump(1) << "\n";
  return kExitOk;
}

int FollowUp(const Args& args) {
  CLI::App app(
      "The day after events: record shared small tables as evidence and ask every attendee "
      "'wie sprak je?' (what `serve` does every few minutes). Prints what it did as JSON.",
      "follow-up");
  std::string db = kDefaultDb;
  app.add_option("--db", db, kDbHelp);
  if (int rc = Parse(app, args); rc >= 0) return rc;
  auto env = CommandEnv::Open(db);
  if (!env) return EventsFail("follow-up", env.status());
  auto& svc = (*env)->services().follow_up;
  auto r = svc.Sweep();
  if (!r) return EventsFail("follow-up", r.status());
  std::cout << Json{{"events", r->events}, {"table_pairs", r->table_pairs}, {"notified", r->notified}}.dump(1) << "\n";
  return kExitOk;
}

int Ics(const Args& args) {
  CLI::App app("Write iCalendar: a member's invite (--event --member) or the public feed (neither).", "ics");
  std::string db = kDefaultDb, email, out;
  int64_t event = 0;
  app.add_option("--db", db, kDbHelp);
  app.add_option("--event", event, "event id");
  app.add_option("--member", email, "the member's e-mail address");
  app.add_option("-o,--output", out, "file to write (default stdout)");
  if (int rc = Parse(app, args); rc >= 0) return rc;
  if ((event == 0) != email.empty())
    return EventsFail("ics", InvalidArgument("give both --event and --member, or neither", "member"));
  auto env = CommandEnv::Open(db);
  if (!env) return EventsFail("ics", env.status());
  auto& cal = (*env)->services().calendar;
  Result<std::string> text = std::string();
  if (event) {
    auto member = MemberByEmail(**env, email);
    if (!member) return EventsFail("ics", member.status());
    text = cal.RegistrationInvite(domain::Viewer::System(), event, *member);
  } else {
    text = cal.PublicFeed();
  }
  if (!text) return EventsFail("ics", text.status());
  return Emit(*text, out);
}

int RoundCreate(const Args& args) {
  CLI::App app("Create a networking round from a JSON file ({title, tables, max_meetings, slots}).", "round");
  std::string db = kDefaultDb, file;
  int64_t event = 0;
  app.add_option("--db", db, kDbHelp);
  app.add_option("--event", event, "event id")->required();
  app.add_option("file", file, "JSON file")->required();
  if (int rc = Parse(app, args); rc >= 0) return rc;
  std::ifstream in(file);
  Json j = Json::parse(in, nullptr, false);
  if (!in.good() && j.is_discarded()) return EventsFail("round", InvalidArgument("cannot read " + file, "file"));
  if (j.is_discarded() || !j.is_object()) return EventsFail("round", InvalidArgument("is not a JSON object", "file"));
  Round r;
  if (Status s = RoundFromJson(j, r); !s.ok()) return EventsFail("round", s);
  auto env = CommandEnv::Open(db);
  if (!env) return EventsFail("round", env.status());
  auto& meetings = (*env)->services().meetings;
  auto created = meetings.CreateRound(domain::Viewer::System(), event, r);
  if (!created) return EventsFail("round", created.status());
  std::cout << ToJson(*created).dump(1) << "\n";
  return kExitOk;
}

int Schedule(const Args& args) {
  CLI::App app("Auto-schedule a round: accepted requests first, then suggestions.", "schedule");
  std::string db = kDefaultDb;
  int64_t round = 0;
  bool show_passes = false;
  app.add_option("--db", db, kDbHelp);
  app.add_option("--round", round, "round id")->required();
  app.add_flag("--passes,--timings", show_passes,
               "print each pass's time, objective and bound on standard error (as `verbinder schedule`)");
  if (int rc = Parse(app, args); rc >= 0) return rc;
  auto env = CommandEnv::Open(db);
  if (!env) return EventsFail("schedule", env.status());
  auto& meetings = (*env)->services().meetings;
  auto run = meetings.AutoSchedule(domain::Viewer::System(), round);
  if (!run) return EventsFail("schedule", run.status());
  if (show_passes) matching::PrintPasses("events schedule", run->passes, true);
  std::cout << ToJson(*run).dump(1) << "\n";
  return kExitOk;
}

int Sheets(const Args& args) {
  CLI::App app("Print a round's meetings per table (plain text, for printing).", "sheets");
  std::string db = kDefaultDb, out;
  int64_t round = 0;
  app.add_option("--db", db, kDbHelp);
  app.add_option("--round", round, "round id")->required();
  app.add_option("-o,--output", out, "file to write (default stdout)");
  if (int rc = Parse(app, args); rc >= 0) return rc;
  auto env = CommandEnv::Open(db);
  if (!env) return EventsFail("sheets", env.status());
  auto& meetings = (*env)->services().meetings;
  auto rows = meetings.RoundMeetings(domain::Viewer::System(), round);
  if (!rows) return EventsFail("sheets", rows.status());
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
int Tables(const Args& args) {
  CLI::App app("Group tables for the borrel: seat attendees over rounds (mixed sectors, colleagues apart, no repeats).",
               "tables");
  std::string db = kDefaultDb, title = "Borrel", out;
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
    return EventsFail("tables", InvalidArgument("give either --event or --seating", "event"));
  auto env = CommandEnv::Open(db);
  if (!env) return EventsFail("tables", env.status());
  auto& seating = (*env)->services().seating;
  const auto system = domain::Viewer::System();
  if (event > 0) {
    auto created =
        seating.Create(system, event, {.title = title, .tables = tables, .table_size = size, .rounds = rounds});
    if (!created) return EventsFail("tables", created.status());
    seating_id = created->id;
  }
  auto plan = seating.Run(system, seating_id);
  if (!plan) return EventsFail("tables", plan.status());
  if (!html) return Emit(ToJson(*plan).dump(1) + "\n", out);
  auto& events = (*env)->services().events;
  auto info = events.Get(system, plan->seating.event_id);
  if (!info) return EventsFail("tables", info.status());
  // The sheets name each sector by its stored label, as the server's print page does.
  auto sectors = (*env)->services().members.Sectors();
  if (!sectors) return EventsFail("tables", sectors.status());
  std::map<std::string, std::string> sector_labels;
  for (const auto& sc : *sectors) sector_labels[sc.key] = sc.label_nl;
  return Emit(TableSheetsHtml(*info, {}, {*plan}, "nl", sector_labels), out);
}

// The event-yield report (JSON): attendance and no-shows, meetings held vs
// scheduled, usefulness, new real ties.
int Report(const Args& args) {
  CLI::App app("Event-yield report: registered vs checked in, meetings held, usefulness, new ties.", "report");
  std::string db = kDefaultDb;
  int64_t event = 0;
  app.add_option("--db", db, kDbHelp);
  app.add_option("--event", event, "event id")->required();
  if (int rc = Parse(app, args); rc >= 0) return rc;
  auto env = CommandEnv::Open(db);
  if (!env) return EventsFail("report", env.status());
  auto& reports = (*env)->services().reports;
  auto y = reports.Yield(domain::Viewer::System(), event);
  if (!y) return EventsFail("report", y.status());
  std::cout << ToJson(*y).dump(1) << "\n";
  return kExitOk;
}

struct Sub {
  const char* name;
  const char* help;
  int (*run)(const Args&);
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
    {"schedule", "auto-schedule a round (--round; --passes: the engine's pass table)", Schedule},
    {"sheets", "printable per-table sheet of a round (--round)", Sheets},
    {"tables", "group tables: seat attendees over rounds (--event or --seating)", Tables},
    {"report", "event-yield report (--event)", Report},
};

}  // namespace

int RunEvents(const Args& args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::cout << "usage: verbinder events <subcommand> [options]   (each takes --help)\n\nsubcommands:\n";
    for (const auto& s : kSubs)
      std::cout << "  " << s.name << std::string(12 - std::string(s.name).size(), ' ') << s.help << "\n";
    return args.empty() ? kExitUsage : kExitOk;
  }
  for (const auto& s : kSubs)
    if (args[0] == s.name) return s.run(Args(args.begin() + 1, args.end()));
  std::cerr << "verbinder events: unknown subcommand '" << args[0] << "' (see verbinder events --help)\n";
  return kExitUsage;
}

}  // namespace verbinder::cli
