// The platform subcommands: serve, migrate, demo, generate, import, account,
// export. Each parses its options with CLI11 (util/cli_parse.h), opens the
// database through CommandEnv (command_env.h: the services built once, as for
// `serve`; migrate opens it bare) and calls the libraries; exit codes per
// util/exit_codes.h.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <thread>

#include <soci/soci.h>

#include <spdlog/spdlog.h>

#include "api/app.h"
#include "api/server.h"
#include "oidc/registry.h"
#include "domain/member_cache.h"
#include "cli/command_env.h"
#include "cli/commands.h"
#include "demo/demo.h"
#include "demo/generator.h"
#include "domain/bulk_load.h"
#include "domain/json_codec.h"
#include "domain/members.h"
#include "events/demo_networking.h"
#include "events/encounters.h"
#include "matching/suggest.h"
#include "newsletter/demo_newsletter.h"
#include "questions/demo_questions.h"
#include "importers/importers.h"
#include "newsletter/sender.h"
#include "notify/delivery.h"
#include "storage/database.h"
#include "util/csv.h"
#include "util/strings.h"
#include "storage/transaction.h"
#include "util/cli_parse.h"

namespace verbinder::cli {
namespace {

constexpr const char* kDbHelp = "SQLite file path or postgresql://user@host:port/db URL";

// Parses args with CLI11 (util/cli_parse.h); returns -1 to continue, or the exit code to return.
int Parse(CLI::App& app, const Args& args) {
  return ParseCommandLine(app, args, app.get_name());
}

// Progress on stderr when it is a terminal: "\r  45% (45000/100000)".
domain::ProgressFn TerminalProgress(const std::string& what) {
  if (!isatty(STDERR_FILENO)) return {};
  return [what, last = -1](int64_t done, int64_t total) mutable {
    int pct = total ? static_cast<int>(100 * done / total) : 100;
    if (pct == last) return;
    last = pct;
    std::fprintf(stderr, "\r%s %3d%% (%lld/%lld)%s", what.c_str(), pct, static_cast<long long>(done),
                 static_cast<long long>(total), pct >= 100 ? "\n" : "");
    std::fflush(stderr);
  };
}

Status RefuseNonEmpty(storage::Database& db, bool replace) {
  soci::session sql(db.pool());
  long long n = 0;
  sql << "SELECT count(*) FROM members", soci::into(n);
  if (n == 0) return Status::Ok();
  if (!replace)
    return Conflict("the database already holds " + std::to_string(n) + " members; use --replace to wipe it first",
                    "db");
  // Every data table, read from the catalogue, so a table added by a later
  // migration is never forgotten; the schema version, settings (mail set-up)
  // and the configured sectors stay.
  std::vector<std::string> tables;
  {
    std::string q = db.backend() == storage::Backend::kSqlite
                        ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                        : "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()";
    soci::rowset<std::string> rs = (sql.prepare << q);
    for (const auto& t : rs)
      if (t != "schema_migrations" && t != "settings" && t != "sectors") tables.push_back(t);
  }
  if (tables.empty()) return Status::Ok();
  if (db.backend() == storage::Backend::kSqlite) {
    sql << "PRAGMA foreign_keys = OFF";  // lets SQLite delete in any order
    {
      storage::Transaction tr(sql);
      for (const auto& t : tables) sql << "DELETE FROM \"" + t + "\"";
      tr.commit();
    }
    sql << "PRAGMA foreign_keys = ON";
  } else {
    std::string list;
    for (const auto& t : tables) list += (list.empty() ? "\"" : ", \"") + t + "\"";
    sql << "TRUNCATE " + list + " RESTART IDENTITY";
  }
  return Status::Ok();
}

void PrintStats(const domain::LoadStats& s, double secs) {
  std::cout << "loaded " << s.members << " members, " << s.organizations << " organizations, " << s.challenges
            << " challenges, " << s.connections << " connections, " << s.events << " events, " << s.registrations
            << " registrations, " << s.interactions << " interactions, " << s.accounts << " accounts in " << secs
            << " s\n";
}

// True for a host name or address that only this machine can reach:
// localhost, 127.0.0.0/8 and ::1.
bool IsLoopbackHost(const std::string& host) {
  std::string h = host;
  if (h.size() >= 2 && h.front() == '[' && h.back() == ']') h = h.substr(1, h.size() - 2);
  if (AsciiLower(h) == "localhost") return true;
  in_addr v4{};
  if (inet_pton(AF_INET, h.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
  in6_addr v6{};
  if (inet_pton(AF_INET6, h.c_str(), &v6) == 1) return IN6_IS_ADDR_LOOPBACK(&v6);
  return false;
}

double Since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace

int RunServe(const Args& args) {
  CLI::App app("Serve the JSON API and web UI.", "serve");
  std::string db_url = kDefaultDb, host = "127.0.0.1";
  int port = 8080;
  int threads = static_cast<int>(std::max(2u, std::thread::hardware_concurrency()));
  bool secure = false, precompute_map = false, insecure = false;
  int profile_cache_mb = static_cast<int>(domain::MemberCache::kDefaultBudgetBytes >> 20);
  app.add_option("--db", db_url, kDbHelp);
  app.add_option("--host", host, "address to listen on")->capture_default_str();
  app.add_option("--port", port, "TCP port")->check(CLI::Range(1, 65535))->capture_default_str();
  app.add_option("--threads", threads, "HTTP worker threads")->check(CLI::Range(1, 256));
  app.add_flag("--secure-cookies", secure, "mark cookies Secure (when served behind TLS)");
  app.add_flag("--insecure", insecure,
               "allow a non-loopback --host without --secure-cookies (plain HTTP on the network: only for tests "
               "on a closed network)");
  // Every option can also come from a config file (`name = value`, as in
  // packaging/verbinder.conf); the command line wins over the file.
  app.set_config("--config", "",
                 "read options from FILE (one `name = value` per line, e.g. port = 8080; "
                 "see /etc/verbinder/verbinder.conf); the command line wins");
  app.allow_config_extras(CLI::config_extras_mode::error);  // a misspelt name is an error, not ignored
  app.add_option("--profile-cache-mb", profile_cache_mb,
                 "memory for cached member profiles (about 1 KB each; 0 turns the cache off)")
      ->check(CLI::Range(0, 1 << 20))
      ->capture_default_str();
  app.add_flag("--precompute-map", precompute_map,
               "compute the leader's network map at start-up instead of on the first request");
  std::vector<std::string> proxy_args;
  app.add_option("--trusted-proxy", proxy_args,
                 "a reverse proxy (CIDR such as 10.0.0.0/8 or ::1/128; repeatable) whose X-Forwarded-For header "
                 "names the client; from any other peer the header is ignored")
      ->allow_extra_args(false);
  std::string oidc_config;
  app.add_option("--oidc-config", oidc_config,
                 "sign-in providers (OpenID Connect: LinkedIn, Microsoft Entra ID, any other) from FILE; "
                 "see docs/oidc.md")
      ->check(CLI::ExistingFile);
  if (int rc = Parse(app, args); rc >= 0) return rc;
  // Without TLS in front, a session cookie sent over the network can be read on
  // the way; serving beyond this machine needs --secure-cookies (a TLS proxy).
  if (!secure && !insecure && !IsLoopbackHost(host)) {
    std::cerr << "verbinder serve: --host " << host
              << " is reachable from the network: put a TLS proxy in front and add --secure-cookies "
                 "(docs/operations.md), or add --insecure to serve plain HTTP anyway\n";
    return kExitUsage;
  }
  std::vector<api::IpNetwork> trusted_proxies;
  for (const auto& p : proxy_args) {
    auto n = api::IpNetwork::Parse(p);
    if (!n) {
      std::cerr << "verbinder serve: --trusted-proxy: " << n.status().message() << " (see --help)\n";
      return kExitUsage;
    }
    trusted_proxies.push_back(*n);
  }
  // The database, clock and every service, built once (the composition root).
  auto env = CommandEnv::Open(db_url, threads + 4);  // + the outbox deliverer, the newsletter sender, the follow-up
  if (!env) return Fail("serve", env.status());
  storage::Database& db = (*env)->db();
  const Clock& clock = (*env)->clock();
  std::shared_ptr<oidc::Registry> oidc_providers;
  if (!oidc_config.empty()) {
    auto cfg = oidc::LoadOidcConfig(oidc_config);
    if (!cfg) {
      std::cerr << "verbinder serve: --oidc-config: " << cfg.status().message() << "\n";
      return kExitUsage;
    }
    oidc_providers = std::make_shared<oidc::Registry>(std::move(*cfg), std::make_unique<oidc::CurlHttpClient>(), clock);
  }
  api::App api_app((*env)->services(), {.secure_cookies = secure,
                                        .precompute_map = precompute_map,
                                        .trusted_proxies = trusted_proxies,
                                        .oidc = oidc_providers});
  api_app.members().SetProfileCacheBudget(static_cast<size_t>(profile_cache_mb) << 20);
  // The word-search index is read before the port opens, so no search waits for it.
  if (Status s = api_app.members().WarmSearchIndex(); !s.ok()) return Fail("serve", s);
  // So is the thesaurus the suggestions share.
  matching::PrepareSuggest();
  api::Server server(api_app, {host, static_cast<uint16_t>(port), static_cast<size_t>(threads)});
  // Block the stop signals before threads start, so only sigwait sees them.
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  if (Status s = server.Start(); !s.ok()) return Fail("serve", s);
  // Newsletter issues the leader asked to send go out in the background.
  std::atomic<bool> stop_newsletter{false};
  std::thread newsletter_sender([&] { newsletter::RunSendLoop(db, clock, stop_newsletter); });
  // The mail outbox (notifications, account mails) is delivered in the background.
  std::atomic<bool> stop_outbox{false};
  std::thread outbox([&] { notify::RunDeliveryLoop(db, clock, stop_outbox); });
  // The day after an event: shared small tables as evidence, "wie sprak je?".
  std::atomic<bool> stop_followup{false};
  std::thread followup([&] { events::RunFollowUpLoop(db, clock, stop_followup); });
  std::cout << "verbinder serving " << db.display_url() << " on http://" << (host == "0.0.0.0" ? "localhost" : host)
            << ":" << port << "/" << std::endl;
  int sig = 0;
  sigwait(&set, &sig);
  std::cout << "verbinder: stopping" << std::endl;
  server.Stop();
  stop_newsletter = true;
  newsletter_sender.join();
  stop_outbox = true;
  outbox.join();
  stop_followup = true;
  followup.join();
  return kExitOk;
}

int RunMigrate(const Args& args) {
  CLI::App app("Apply database migrations and exit.", "migrate");
  std::string db_url = kDefaultDb;
  app.add_option("--db", db_url, kDbHelp);
  if (int rc = Parse(app, args); rc >= 0) return rc;
  auto db = storage::Database::Open(db_url, 1);
  if (!db) return Fail("migrate", db.status());
  auto n = (*db)->Migrate();
  if (!n) return Fail("migrate", n.status());
  if (Status s = domain::EnsureDefaultSectors(**db); !s.ok()) return Fail("migrate", s);
  std::cout << "applied " << *n << " migration(s); schema version " << *(*db)->SchemaVersion() << "\n";
  return kExitOk;
}

int RunDemo(const Args& args) {
  CLI::App app("Load the demo network (Congres Zorg & Industrie, ~300 members in Twente).", "demo");
  std::string db_url = kDefaultDb;
  bool replace = false;
  app.add_option("--db", db_url, kDbHelp);
  app.add_flag("--replace", replace, "wipe existing data first");
  if (int rc = Parse(app, args); rc >= 0) return rc;
  auto env = CommandEnv::Open(db_url);
  if (!env) return Fail("demo", env.status());
  storage::Database& db = (*env)->db();
  if (Status s = RefuseNonEmpty(db, replace); !s.ok()) return Fail("demo", s);
  auto t0 = std::chrono::steady_clock::now();
  demo::Demo d = demo::BuildDemo();
  const Clock& clock = (*env)->clock();
  auto st = domain::LoadNetwork(db, d.network, clock, TerminalProgress("demo"));
  if (!st) return Fail("demo", st.status());
  // The upcoming congress's networking rounds, schedule and group tables.
  auto rounds = events::SeedDemoNetworking(db, clock, d.network.events[d.story.congress_2027 - 1].title,
                                           std::string(demo::kDemoAnjaEmail), std::string(demo::kDemoPieterEmail));
  if (!rounds) return Fail("demo", rounds.status());
  // Articles of this month and last, and confirmed member subscribers: the monthly issue can be previewed.
  auto news = newsletter::SeedDemoNewsletter(db, clock);
  if (!news) return Fail("demo", news.status());
  // Questions to the network, routed by the engine: the questions page, the home page and the issue show them.
  auto asked = questions::SeedDemoQuestions(db, clock);
  if (!asked) return Fail("demo", asked.status());
  PrintStats(*st, Since(t0));
  std::cout << "demo logins (password '" << demo::kDemoPassword << "'): leader " << demo::kDemoLeaderEmail << ", admin "
            << demo::kDemoAdminEmail << ", members " << demo::kDemoAnjaEmail << " and " << demo::kDemoPieterEmail
            << "\n";
  return kExitOk;
}

int RunGenerate(const Args& args) {
  CLI::App app("Generate a synthetic network (deterministic by --seed) into --db.", "generate");
  std::string db_url = kDefaultDb;
  demo::GeneratorOptions o;
  bool replace = false, no_text = false;
  app.add_option("--db", db_url, kDbHelp);
  app.add_option("--members", o.members, "number of members")
      ->required()
      ->check(CLI::Range(int64_t{1}, demo::kMaxGeneratedMembers));
  app.add_option("--interactions", o.interactions, "ledger entries (default 10 x members)");
  app.add_option("--seed", o.seed, "random seed")->capture_default_str();
  app.add_flag("--no-text", no_text, "skip bios, expertise and challenges");
  app.add_flag("--replace", replace, "wipe existing data first");
  if (int rc = Parse(app, args); rc >= 0) return rc;
  o.with_text = !no_text;
  if (Status s = demo::ValidateGeneratorOptions(o); !s.ok()) {
    Fail("generate", s);
    return kExitUsage;
  }
  auto env = CommandEnv::Open(db_url);
  if (!env) return Fail("generate", env.status());
  storage::Database& db = (*env)->db();
  if (Status s = RefuseNonEmpty(db, replace); !s.ok()) return Fail("generate", s);
  auto t0 = std::chrono::steady_clock::now();
  model::Network net = demo::GenerateNetwork(o);
  double gen = Since(t0);
  const Clock& clock = (*env)->clock();
  auto st = domain::LoadNetwork(db, net, clock, TerminalProgress("generate"));
  if (!st) return Fail("generate", st.status());
  std::cout << "generated in " << gen << " s; ";
  PrintStats(*st, Since(t0));
  return kExitOk;
}

int RunImport(const Args& args) {
  CLI::App app("Import data from CSV files.", "import");
  app.require_subcommand(1);
  std::string db_url = kDefaultDb, file;
  bool skip_bad = false;
  int64_t member = 0;
  auto* members = app.add_subcommand(
      "members",
      "import members from CSV. Columns: name,email (required), organization, title, sector, region, languages "
      "(nl;en), bio, expertise_tags (a;b), expertise_text, challenges (a|b), hosts_visits (yes/no), visit_location, "
      "visibility (members/organizers/hidden), linkedin_url. If any row is bad, the whole file is rejected and every "
      "bad row is listed with its line; with --skip-bad the good rows are imported and each bad row is reported. "
      "Either way nothing is half-written.");
  members->add_option("FILE", file, "CSV file")->required();
  members->add_option("--db", db_url, kDbHelp);
  members->add_flag("--skip-bad", skip_bad, "import the good rows, report the bad ones");
  auto* linkedin = app.add_subcommand(
      "linkedin",
      "import a member's LinkedIn Connections.csv as online ties. Rows are matched to members by e-mail, LinkedIn URL "
      "or unique name; nobody is created. Bad rows are reported and skipped.");
  linkedin->add_option("FILE", file, "Connections.csv")->required();
  linkedin->add_option("--member", member, "id of the member whose export this is")
      ->required()
      ->check(CLI::PositiveNumber);
  linkedin->add_option("--db", db_url, kDbHelp);
  if (int rc = Parse(app, args); rc >= 0) return rc;
  auto text = ReadFile(file);
  if (!text) return Fail("import", text.status());
  auto env = CommandEnv::Open(db_url);
  if (!env) return Fail("import", env.status());
  storage::Database& db = (*env)->db();
  const Clock& clock = (*env)->clock();
  if (members->parsed()) {
    auto sectors = (*env)->services().members.SectorKeys();
    if (!sectors) return Fail("import", sectors.status());
    std::set<std::string> existing;
    {
      soci::session sql(db.pool());
      soci::rowset<std::string> rs = (sql.prepare << "SELECT email FROM members");
      for (const auto& e : rs) existing.insert(e);
    }
    auto plan = importers::PlanMemberImport(*text, *sectors, existing);
    if (!plan)
      return Fail("import", Status(plan.status().code(), plan.status().message(), file + ": " + plan.status().field()));
    for (const auto& e : plan->errors) std::cerr << file << ": " << e.ToString() << "\n";
    if (!plan->errors.empty() && !skip_bad) {
      std::cerr << "verbinder import: " << plan->errors.size() << " bad row(s) of " << plan->rows
                << "; nothing imported (fix them, or use --skip-bad)\n";
      return kExitFailure;
    }
    auto st = importers::ApplyMemberImport(db, *plan, clock, TerminalProgress("import"));
    if (!st) return Fail("import", st.status());
    // Newsletter subscribers with an imported member's address belong to that member.
    auto linked = (*env)->services().subscriptions.LinkMembers();
    if (!linked) return Fail("import", linked.status());
    std::cout << "imported " << st->members << " member(s), " << st->organizations << " new organization(s)";
    if (!plan->errors.empty()) std::cout << "; skipped " << plan->errors.size() << " bad row(s)";
    std::cout << "\n";
    return kExitOk;
  }
  auto plan = importers::ParseLinkedInConnections(*text);
  if (!plan)
    return Fail("import", Status(plan.status().code(), plan.status().message(), file + ": " + plan.status().field()));
  for (const auto& e : plan->errors) std::cerr << file << ": " << e.ToString() << "\n";
  auto r = importers::ApplyLinkedInImport(db, member, *plan, clock);
  if (!r) return Fail("import", r.status());
  for (const auto& e : r->ambiguous) std::cerr << file << ": " << e.ToString() << "\n";
  std::cout << "linkedin: " << plan->rows.size() << " connection(s) read, " << r->matched << " are members, "
            << r->added << " new online tie(s), " << r->already << " already known, " << r->not_members
            << " not members, " << r->ambiguous.size() << " ambiguous (several members match), " << plan->errors.size()
            << " bad row(s)\n";
  return kExitOk;
}

int RunAccount(const Args& args) {
  CLI::App app("Manage accounts (the operator's way to create the first admin).", "account");
  app.require_subcommand(1);
  std::string db_url = kDefaultDb, email, role_s = "member", password_file;
  auto* create = app.add_subcommand("create",
                                    "give an existing member an account; the password is read from "
                                    "--password-file or the first line of standard input");
  create->add_option("--email", email, "the member's e-mail address")->required();
  create->add_option("--role", role_s, "member, organizer or admin")
      ->check(CLI::IsMember({"member", "organizer", "admin"}));
  create->add_option("--password-file", password_file, "file whose first line is the password");
  create->add_option("--db", db_url, kDbHelp);
  auto* role_cmd = app.add_subcommand("role", "change the role of an account");
  role_cmd->add_option("--email", email, "the member's e-mail address")->required();
  role_cmd->add_option("--role", role_s, "member, organizer or admin")
      ->required()
      ->check(CLI::IsMember({"member", "organizer", "admin"}));
  role_cmd->add_option("--db", db_url, kDbHelp);
  if (int rc = Parse(app, args); rc >= 0) return rc;
  auto env = CommandEnv::Open(db_url);
  if (!env) return Fail("account", env.status());
  domain::MemberService& members = (*env)->services().members;
  domain::AccountService& accounts = (*env)->services().accounts;  // the server's wiring: mail through the outbox
  auto member = members.FindByEmail(domain::Viewer::System(), email);
  if (!member) return Fail("account", member.status());
  model::Id id = member->id;
  auto role = *model::ParseRole(role_s);
  if (role_cmd->parsed()) {
    if (Status s = accounts.SetRole(domain::Viewer::System(), id, role); !s.ok()) return Fail("account", s);
    std::cout << "role of " << email << " is now " << role_s << "\n";
    return kExitOk;
  }
  std::string password;
  if (!password_file.empty()) {
    auto text = ReadFile(password_file);
    if (!text) return Fail("account", text.status());
    password = Split(*text, '\n')[0];
  } else {
    std::getline(std::cin, password);
  }
  if (!password.empty() && password.back() == '\r') password.pop_back();
  if (Status s = accounts.CreateAccount(domain::Viewer::System(), id, password, role); !s.ok())
    return Fail("account", s);
  std::cout << "account created for " << email << " (" << role_s << ")\n";
  return kExitOk;
}

int RunExport(const Args& args) {
  CLI::App app("Export all data (every member, hidden ones too: this is the operator's backup) as JSON.", "export");
  std::string db_url = kDefaultDb, out;
  app.add_option("--db", db_url, kDbHelp);
  app.add_option("-o,--out", out, "write to FILE instead of standard output");
  if (int rc = Parse(app, args); rc >= 0) return rc;
  auto env = CommandEnv::Open(db_url);
  if (!env) return Fail("export", env.status());
  storage::Database& db = (*env)->db();
  auto j = domain::ExportAll(db, domain::Viewer::System());
  if (!j) return Fail("export", j.status());
  std::string text = j->dump(1);
  if (out.empty()) {
    std::cout << text << "\n";
    return kExitOk;
  }
  std::string tmp = out + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary);
    if (!(f << text << "\n")) return Fail("export", InvalidArgument("cannot write " + out, "out"));
  }
  if (std::rename(tmp.c_str(), out.c_str()) != 0) return Fail("export", InvalidArgument("cannot write " + out, "out"));
  return kExitOk;
}

}  // namespace verbinder::cli
