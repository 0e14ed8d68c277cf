// How the events services borrow a database session. Like
// domain::WithSession, plus one SQLite safeguard: before the callback runs,
// statements left mid-result on the pooled connection (e.g. prepared
// statements cached across leases by other modules) are reset. Such a
// statement keeps an old read snapshot open, which makes every later write
// transaction on that connection fail at once with "database is locked"
// (SQLITE_BUSY_SNAPSHOT) and every read see old data. Resetting an idle
// statement is harmless: its next execution starts over anyway.
// Thread-safety: as domain::WithSession.
#pragma once

#include <functional>

#include <soci/soci.h>

#include "storage/database.h"
#include "util/status.h"

namespace verbinder::events::internal {

// Resets idle, unfinished statements of a SQLite connection (no-op on PostgreSQL).
void ReleaseStaleReads(soci::session& sql);

template <typename T>
Result<T> WithSession(storage::Database& db, const std::function<Result<T>(soci::session&)>& fn) {
  try {
    soci::session sql(db.pool());
    if (db.backend() == storage::Backend::kSqlite) ReleaseStaleReads(sql);
    return fn(sql);
  } catch (const std::exception& e) {
    return storage::FromDbError(e);
  }
}

}  // namespace verbinder::events::internal
