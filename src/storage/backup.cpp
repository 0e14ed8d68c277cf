// SQLite online backup (sqlite3_backup_*) on connections of its own: the
// caller's Database pool is not involved, so a backup never waits for a pooled
// session and never holds one.
#include "storage/backup.h"

#include <sqlite3.h>

#include <filesystem>
#include <memory>
#include <vector>

#include "storage/migrations.h"

namespace verbinder::storage {
namespace {

namespace fs = std::filesystem;

struct CloseDb {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using DbPtr = std::unique_ptr<sqlite3, CloseDb>;

Result<DbPtr> OpenFile(const std::string& path, int flags) {
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  DbPtr db(raw);
  if (rc != SQLITE_OK)
    return Status(Code::kUnavailable, "cannot open " + path + ": " + (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)));
  sqlite3_busy_timeout(db.get(), 30000);
  return db;
}

// Runs `sql` and returns every row's first column as text (NULL as "").
Result<std::vector<std::string>> Column(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &raw, nullptr) != SQLITE_OK)
    return InvalidArgument(std::string("not a verbinder database (") + sqlite3_errmsg(db) + ")", "db");
  std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> stmt(raw, sqlite3_finalize);
  std::vector<std::string> out;
  int rc;
  while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
    const unsigned char* t = sqlite3_column_text(stmt.get(), 0);
    out.emplace_back(t ? reinterpret_cast<const char*>(t) : "");
  }
  if (rc != SQLITE_DONE) return InvalidArgument(std::string("cannot read the database: ") + sqlite3_errmsg(db), "db");
  return out;
}

Status Exec(sqlite3* db, const std::string& sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errmsg(db);
    sqlite3_free(err);
    return Internal("database: " + msg);
  }
  return Status::Ok();
}

// Reads and checks what CheckBackup documents, on an open connection.
Result<SnapshotInfo> Inspect(sqlite3* db, const std::string& what) {
  VB_ASSIGN_OR_RETURN(auto integrity, Column(db, "PRAGMA integrity_check"));
  if (integrity.size() != 1 || integrity[0] != "ok")
    return InvalidArgument(
        what + " is damaged: integrity_check reports " + (integrity.empty() ? std::string("nothing") : integrity[0]),
        "db");
  VB_ASSIGN_OR_RETURN(auto has_table,
                      Column(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"));
  if (has_table.empty()) return InvalidArgument(what + " is not a verbinder database (no schema_migrations)", "db");
  VB_ASSIGN_OR_RETURN(auto rows, Column(db, "SELECT version || ' ' || name FROM schema_migrations ORDER BY version"));
  SnapshotInfo info;
  const auto& known = Migrations();
  for (const auto& row : rows) {
    int version = std::atoi(row.c_str());
    std::string name = row.substr(row.find(' ') + 1);
    if (version > known.back().version)
      return InvalidArgument(what + " has schema version " + std::to_string(version) + ", newer than this verbinder (" +
                                 std::to_string(known.back().version) + "): install the newer verbinder first",
                             "db");
    bool ok = false;
    for (const auto& m : known) ok = ok || (m.version == version && name == m.name);
    if (!ok)
      // NOLINTNEXTLINE(performance-inefficient-string-concatenation): the error return, built once
      return InvalidArgument(what + " records migration '" + row + "', which this verbinder does not know", "db");
    info.schema_version = std::max(info.schema_version, version);
  }
  VB_ASSIGN_OR_RETURN(auto has_members,
                      Column(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'members'"));
  if (!has_members.empty()) {
    VB_ASSIGN_OR_RETURN(auto n, Column(db, "SELECT count(*) FROM members"));
    info.members = std::atoll(n[0].c_str());
  }
  VB_ASSIGN_OR_RETURN(auto pages, Column(db, "PRAGMA page_count"));
  info.pages = std::atoll(pages[0].c_str());
  return info;
}

// Copies every page of `src` into `dst` in one step: one read transaction on
// the source (a consistent snapshot), one write transaction on the target.
Status CopyAll(sqlite3* src, sqlite3* dst) {
  sqlite3_backup* b = sqlite3_backup_init(dst, "main", src, "main");
  if (!b) return Internal(std::string("backup: ") + sqlite3_errmsg(dst));
  int rc;
  // BUSY/LOCKED: another connection holds the target's write lock (or, rarely,
  // a checkpoint blocks the source); the step is retried as a whole.
  for (int tries = 0; (rc = sqlite3_backup_step(b, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED; ++tries) {
    if (tries == 300) break;
    sqlite3_sleep(100);
  }
  sqlite3_backup_finish(b);
  if (rc != SQLITE_DONE) return Status(Code::kUnavailable, std::string("backup: ") + sqlite3_errstr(rc));
  return Status::Ok();
}

bool IsPostgres(const std::string& url) {
  return url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0;
}

}  // namespace

Result<SnapshotInfo> CheckBackup(const std::string& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return NotFound("no such file: " + path, "from");
  VB_ASSIGN_OR_RETURN(auto db, OpenFile(path, SQLITE_OPEN_READONLY));
  VB_ASSIGN_OR_RETURN(auto info, Inspect(db.get(), path));
  info.bytes = static_cast<long long>(fs::file_size(path, ec));
  return info;
}

Result<SnapshotInfo> BackupSqlite(const std::string& db_path, const std::string& out_path, bool overwrite) {
  if (IsPostgres(db_path)) return InvalidArgument("not a SQLite file: back up PostgreSQL with pg_dump", "db");
  std::error_code ec;
  if (!fs::is_regular_file(db_path, ec)) return NotFound("no database file at " + db_path, "db");
  if (fs::exists(out_path, ec) && !overwrite)
    return Conflict(out_path + " exists; choose a new name or add --force to replace it", "out");
  if (fs::is_directory(out_path, ec)) return InvalidArgument(out_path + " is a directory", "out");
  // Read-write without CREATE: a WAL database needs its -shm, and a mistyped
  // path must not leave an empty database behind.
  VB_ASSIGN_OR_RETURN(auto src, OpenFile(db_path, SQLITE_OPEN_READWRITE));
  const std::string tmp = out_path + ".part";
  fs::remove(tmp, ec);
  SnapshotInfo info;
  {
    VB_ASSIGN_OR_RETURN(auto dst, OpenFile(tmp, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE));
    Status copied = CopyAll(src.get(), dst.get());
    // The copy stands alone: no -wal file beside it.
    if (copied.ok()) copied = Exec(dst.get(), "PRAGMA journal_mode=DELETE");
    if (copied.ok()) {
      auto checked = Inspect(dst.get(), "the copy of " + db_path);
      if (checked)
        info = *checked;
      else
        copied = checked.status();
    }
    if (!copied.ok()) {
      dst.reset();
      fs::remove(tmp, ec);
      return copied;
    }
  }
  fs::rename(tmp, out_path, ec);
  if (ec) {
    fs::remove(tmp, ec);
    return InvalidArgument("cannot write " + out_path + ": " + ec.message(), "out");
  }
  info.bytes = static_cast<long long>(fs::file_size(out_path, ec));
  return info;
}

Result<SnapshotInfo> RestoreSqlite(const std::string& from, const std::string& db_path, bool force) {
  if (IsPostgres(db_path))
    return InvalidArgument("restore writes a SQLite file; restore PostgreSQL from pg_dump with pg_restore", "db");
  VB_ASSIGN_OR_RETURN(auto info, CheckBackup(from));
  std::error_code ec;
  if (fs::is_directory(db_path, ec)) return InvalidArgument(db_path + " is a directory", "db");
  if (fs::equivalent(from, db_path, ec)) return InvalidArgument("the backup and the database are the same file", "db");
  if (fs::exists(db_path, ec) && fs::file_size(db_path, ec) > 0 && !force) {
    VB_ASSIGN_OR_RETURN(auto target, OpenFile(db_path, SQLITE_OPEN_READONLY));
    VB_ASSIGN_OR_RETURN(auto tables, Column(target.get(),
                                            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                                            "'sqlite_%' AND name NOT IN ('schema_migrations', 'sectors')"));
    for (const auto& t : tables) {
      VB_ASSIGN_OR_RETURN(auto any, Column(target.get(), "SELECT 1 FROM \"" + t + "\" LIMIT 1"));
      if (!any.empty())
        // NOLINTNEXTLINE(performance-inefficient-string-concatenation): the error return, built once
        return Conflict(db_path + " already holds data (table " + t + "); add --force to replace it with the backup",
                        "db");
    }
  }
  if (fs::path(db_path).has_parent_path()) fs::create_directories(fs::path(db_path).parent_path(), ec);
  VB_ASSIGN_OR_RETURN(auto src, OpenFile(from, SQLITE_OPEN_READONLY));
  VB_ASSIGN_OR_RETURN(auto dst, OpenFile(db_path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE));
  VB_RETURN_IF_ERROR(CopyAll(src.get(), dst.get()));
  VB_ASSIGN_OR_RETURN(auto restored, Inspect(dst.get(), db_path));
  restored.bytes = info.bytes;
  return restored;
}

}  // namespace verbinder::storage
