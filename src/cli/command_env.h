// What a database command of the CLI works on, built once per run the way
// `serve` builds it: the database named by --db (migrated, default sectors),
// the system clock, and app_services::Services on them — so a command and the
// server use one wiring (account mail through notify's outbox, every module's
// member data, the shared profile cache), and no command builds a service.
//
//   auto env = CommandEnv::Open(db_url);
//   if (!env) return Fail("events list", env.status());
//   auto page = (*env)->services().events.List(domain::Viewer::System(), {});
//
// Thread-safety: as app_services::Services (every service may be called from
// many threads; `serve` does).
#pragma once

#include <memory>
#include <string>

#include "app_services/services.h"
#include "storage/database.h"
#include "util/clock.h"
#include "util/status.h"

namespace verbinder::cli {

class CommandEnv {
 public:
  // Opens and migrates `db_url` with `pool_size` pooled sessions, ensures the
  // default sectors, and builds the services.
  static Result<std::unique_ptr<CommandEnv>> Open(const std::string& db_url, int pool_size = 2);

  CommandEnv(const CommandEnv&) = delete;
  CommandEnv& operator=(const CommandEnv&) = delete;

  storage::Database& db() { return *db_; }
  const Clock& clock() const { return clock_; }
  app_services::Services& services() { return *services_; }

 private:
  CommandEnv() = default;

  std::unique_ptr<storage::Database> db_;  // declared first: outlives the services
  SystemClock clock_;
  std::unique_ptr<app_services::Services> services_;
};

}  // namespace verbinder::cli
