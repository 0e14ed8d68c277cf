#include "events/session.h"

#include <soci/sqlite3/soci-sqlite3.h>

namespace verbinder::events::internal {

void ReleaseStaleReads(soci::session& sql) {
  // static_cast after checking the name: the SOCI backend's typeinfo is not exported.
  if (sql.get_backend_name() != "sqlite3" || !sql.get_backend()) return;
  auto* backend = static_cast<soci::sqlite3_session_backend*>(sql.get_backend());
  if (!backend->conn_) return;
  for (auto* st = sqlite_api::sqlite3_next_stmt(backend->conn_, nullptr); st;
       st = sqlite_api::sqlite3_next_stmt(backend->conn_, st)) {
    if (sqlite_api::sqlite3_stmt_busy(st)) sqlite_api::sqlite3_reset(st);
  }
}

}  // namespace verbinder::events::internal
