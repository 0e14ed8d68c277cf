// `verbinder backup` and `verbinder restore`: the operator's backup of a SQLite
// database while servers run (storage/backup.h), and its way back. PostgreSQL
// is backed up with pg_dump; `backup` says so after checking the connection.
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/commands.h"
#include "domain/bulk_load.h"
#include "storage/backup.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "util/cli_parse.h"

namespace verbinder::cli {
namespace {

constexpr const char* kDbHelp = "SQLite file path or postgresql://user@host:port/db URL";

int Parse(CLI::App& app, const Args& args) {
  return ParseCommandLine(app, args, app.get_name());
}

bool IsPostgres(const std::string& url) {
  return url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0;
}

std::string Mb(long long bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / 1e6);
  return buf;
}

}  // namespace

int RunBackup(const Args& args) {
  CLI::App app(
      "Copy a SQLite database to FILE while servers keep running (one consistent snapshot, checked). "
      "For PostgreSQL it checks the connection and names the pg_dump command to use.",
      "backup");
  std::string db_url, out;
  bool force = false;
  app.add_option("--db", db_url, kDbHelp)->required();
  app.add_option("--out", out, "the backup file to write (refused if it exists, unless --force)");
  app.add_flag("--force", force, "replace an existing --out file");
  if (int rc = Parse(app, args); rc >= 0) return rc;
  if (IsPostgres(db_url)) {
    auto db = storage::Database::Open(db_url, 1);
    if (!db) return Fail("backup", db.status());
    auto version = (*db)->SchemaVersion();
    if (!version) return Fail("backup", version.status());
    std::cerr << "verbinder backup: " << (*db)->display_url() << " is reachable (schema version " << *version
              << "); back up PostgreSQL with pg_dump: pg_dump --format=custom --file=" << (out.empty() ? "FILE" : out)
              << " '" << (*db)->display_url() << "'\n";
    return kExitFailure;  // no backup was written: a cron job must not think otherwise
  }
  if (out.empty()) {
    std::cerr << "verbinder backup: --out is required for a SQLite database (see --help)\n";
    return kExitUsage;
  }
  auto info = storage::BackupSqlite(db_url, out, force);
  if (!info) return Fail("backup", info.status());
  std::cout << "backup of " << db_url << " written to " << out << ": " << Mb(info->bytes) << ", schema version "
            << info->schema_version << ", " << info->members << " members, integrity ok\n";
  return kExitOk;
}

int RunRestore(const Args& args) {
  CLI::App app(
      "Restore a backup made by `verbinder backup` into a SQLite database and migrate it to this "
      "version's schema. Stop the service first.",
      "restore");
  std::string from, db_url;
  bool force = false;
  app.add_option("--from", from, "the backup file")->required();
  app.add_option("--db", db_url, "the SQLite database file to restore into")->required();
  app.add_flag("--force", force, "replace a database that already holds data");
  if (int rc = Parse(app, args); rc >= 0) return rc;
  auto restored = storage::RestoreSqlite(from, db_url, force);
  if (!restored) return Fail("restore", restored.status());
  // Forward to this binary's schema (a backup from an older release).
  auto db = storage::Database::Open(db_url, 1);
  if (!db) return Fail("restore", db.status());
  auto applied = (*db)->Migrate();
  if (!applied) return Fail("restore", applied.status());
  if (Status s = domain::EnsureDefaultSectors(**db); !s.ok()) return Fail("restore", s);
  auto version = (*db)->SchemaVersion();
  if (!version) return Fail("restore", version.status());
  std::cout << "restored " << from << " into " << db_url << ": " << restored->members << " members, schema version "
            << restored->schema_version;
  if (*applied > 0) std::cout << " migrated to " << *version;
  std::cout << "\n";
  return kExitOk;
}

}  // namespace verbinder::cli
