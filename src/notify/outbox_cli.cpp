// `verbinder outbox status|list|deliver`: the mail outbox on the command line.
// It builds no service: it reads the outbox and runs one OutboxDeliverer (the
// job `serve` runs in the background) for this run.
#include "notify/outbox_cli.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>

#include <nlohmann/json.hpp>
#include <soci/soci.h>

#include "notify/delivery.h"
#include "notify/outbox.h"
#include "storage/database.h"
#include "util/cli_parse.h"

namespace verbinder::notify {
namespace {

constexpr const char* kDbHelp = "SQLite file path or postgresql://user@host:port/db URL";
using cli::kDefaultDb;

Result<std::unique_ptr<storage::Database>> Open(const std::string& url) {
  VB_ASSIGN_OR_RETURN(auto db, storage::Database::Open(url, 2));
  VB_ASSIGN_OR_RETURN(int applied, db->Migrate());
  (void)applied;
  return db;
}

void PrintHelp() {
  std::cout << "usage: verbinder outbox <status|list|deliver> [--db URL] [options]\n\n"
               "  status    counts of queued, in-flight, sent and failed mail (JSON)\n"
               "  list      the newest mails (--status pending|sending|sent|failed, --limit N)\n"
               "  deliver   send what is due now over SMTP (settings mail.smtp_url, mail.from_email)\n";
}

}  // namespace

int RunOutbox(const cli::Args& args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    PrintHelp();
    return args.empty() ? cli::kExitUsage : cli::kExitOk;
  }
  const std::string& sub = args[0];
  cli::Args rest(args.begin() + 1, args.end());
  CLI::App app("verbinder outbox " + sub, sub);
  std::string db_url = kDefaultDb, status;
  int limit = 20, max_rounds = 100;
  app.add_option("--db", db_url, kDbHelp);
  if (sub == "list") {
    app.add_option("--status", status, "pending, sending, sent or failed")
        ->check(CLI::IsMember({"pending", "sending", "sent", "failed"}));
    app.add_option("--limit", limit, "how many")->check(CLI::Range(1, 10000));
  } else if (sub == "deliver") {
    app.add_option("--max-rounds", max_rounds, "at most this many batches of 100")->check(CLI::Range(1, 100000));
  } else if (sub != "status") {
    std::cerr << "verbinder outbox: unknown subcommand '" << sub << "' (see verbinder outbox --help)\n";
    return cli::kExitUsage;
  }
  if (int rc = cli::ParseCommandLine(app, rest, "outbox " + sub); rc >= 0) return rc;
  auto db = Open(db_url);
  if (!db.ok()) return cli::Fail("outbox " + sub, db.status());
  try {
    if (sub == "status") {
      soci::session sql((*db)->pool());
      auto c = CountOutbox(sql);
      std::cout << nlohmann::json{{"pending", c.pending},
                                  {"sending", c.sending},
                                  {"sent", c.sent},
                                  {"failed", c.failed}}
                       .dump(1)
                << "\n";
      return cli::kExitOk;
    }
    if (sub == "list") {
      soci::session sql((*db)->pool());
      nlohmann::json items = nlohmann::json::array();
      for (const auto& e : ListOutbox(sql, status, limit))
        items.push_back({{"id", e.id},
                         {"kind", e.kind},
                         {"to", e.to_email},
                         {"subject", e.subject},
                         {"status", e.status},
                         {"attempts", e.attempts},
                         {"last_error", e.last_error},
                         {"created_at", e.created_at},
                         {"sent_at", e.sent_at}});
      std::cout << items.dump(1) << "\n";
      return cli::kExitOk;
    }
  } catch (const std::exception& e) {
    return cli::Fail("outbox " + sub, storage::FromDbError(e));
  }
  // deliver
  SystemClock clock;
  OutboxDeliverer d(**db, clock, {.owner = "cli"});
  DeliveryReport total;
  for (int round = 0; round < max_rounds; ++round) {
    auto r = d.DeliverDue();
    if (!r.ok()) return cli::Fail("outbox deliver", r.status());
    total.configured = r->configured;
    total.sent += r->sent;
    total.failed += r->failed;
    total.deferred += r->deferred;
    total.remaining = r->remaining;
    if (!r->configured || r->deferred > 0 || r->remaining == 0 || (r->sent + r->failed) == 0) break;
  }
  std::cout << nlohmann::json{{"configured", total.configured},
                              {"sent", total.sent},
                              {"failed", total.failed},
                              {"deferred", total.deferred},
                              {"still_due", total.remaining}}
                   .dump(1)
            << "\n";
  if (!total.configured) {
    std::cerr << "verbinder outbox deliver: mail delivery is not configured (verbinder settings set mail.smtp_url ...,"
                 " mail.from_email ...); "
              << total.remaining << " mail(s) stay queued\n";
    return cli::kExitFailure;
  }
  if (total.deferred > 0) {
    std::cerr << "verbinder outbox deliver: the SMTP server did not take the mail now; it is retried later\n";
    return cli::kExitFailure;
  }
  return cli::kExitOk;
}

}  // namespace verbinder::notify
