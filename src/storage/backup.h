// Backup and restore of a SQLite database file with SQLite's online backup API,
// safe while servers write to the database (`verbinder backup` / `restore`).
//
//   auto info = storage::BackupSqlite("/var/lib/verbinder/verbinder.db", "/srv/backup.db", false);
//   auto r = storage::RestoreSqlite("/srv/backup.db", "/var/lib/verbinder/verbinder.db", false);
//
// PostgreSQL is backed up with pg_dump; these functions take SQLite file paths only.
#pragma once

#include <string>

#include "util/status.h"

namespace verbinder::storage {

// What a verbinder database file holds, as read from its schema_migrations.
struct SnapshotInfo {
  int schema_version = 0;  // highest applied migration
  long long pages = 0;     // database pages copied
  long long bytes = 0;     // size of the file written
  long long members = 0;   // rows in members (a plausibility figure for the operator)
};

// Copies the SQLite database `db_path` into `out_path` as one consistent snapshot:
// the whole copy runs inside one read transaction of the source, so writers
// (WAL mode) keep going and the copy shows the database as of one instant.
// The copy is a single self-contained file (rollback journal, no -wal), written
// to a temporary name, checked with PRAGMA integrity_check, then renamed.
// Refuses an existing `out_path` unless `overwrite`. NotFound when `db_path`
// does not exist (it is never created); InvalidArgument when it is not a
// verbinder database.
Result<SnapshotInfo> BackupSqlite(const std::string& db_path, const std::string& out_path, bool overwrite);

// Checks that `path` is an intact verbinder database this binary can open:
// integrity_check passes, every recorded migration is one this binary knows
// (same version and name), and its version is not newer than this binary's.
Result<SnapshotInfo> CheckBackup(const std::string& path);

// Copies the backup `from` (checked with CheckBackup) into the SQLite database
// `db_path` with the backup API (one write transaction: other connections see
// the old or the new database, never a mix). Refuses a database that holds any
// data (a row in any table other than schema_migrations and sectors) unless
// `force`. Does not migrate: open the result with Database and Migrate().
// Stop every server on `db_path` first: their caches would not see the swap.
Result<SnapshotInfo> RestoreSqlite(const std::string& from, const std::string& db_path, bool force);

}  // namespace verbinder::storage
