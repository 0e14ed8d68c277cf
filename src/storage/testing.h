// Test-only helper: a fresh, migrated database for each test, on the backend
// chosen by the environment — VERBINDER_TEST_BACKEND=postgres uses
// VERBINDER_TEST_PG_URL (its public schema is wiped first); anything else a
// new SQLite file under the temp directory. The same suite thus runs on both.
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include "storage/database.h"

namespace verbinder::storage::testing {

inline bool UsePostgres() {
  const char* b = std::getenv("VERBINDER_TEST_BACKEND");
  return b && std::string(b) == "postgres";
}

// The URL FreshDatabaseUrl(name) returned, without emptying it: a second
// Database on it stands for another process sharing the database.
inline std::string SameDatabaseUrl(const std::string& name) {
  if (UsePostgres()) return std::getenv("VERBINDER_TEST_PG_URL");
  return (std::filesystem::temp_directory_path() / ("verbinder-test-" + std::to_string(::getpid())) / (name + ".db"))
      .string();
}

// Returns the URL of an empty database (not yet migrated).
inline std::string FreshDatabaseUrl(const std::string& name) {
  if (UsePostgres()) {
    const char* url = std::getenv("VERBINDER_TEST_PG_URL");
    if (!url || !*url) throw std::runtime_error("VERBINDER_TEST_BACKEND=postgres needs VERBINDER_TEST_PG_URL");
    auto info = PostgresConnInfo(url);
    if (!info) throw std::runtime_error(info.status().ToString());
    soci::session s(soci::postgresql, *info);
    s << "SET client_min_messages TO WARNING";
    s << "DROP SCHEMA IF EXISTS public CASCADE";
    s << "CREATE SCHEMA public";
    return url;
  }
  std::string path = SameDatabaseUrl(name);
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(path + ext);
  return path;
}

inline std::unique_ptr<Database> FreshDatabase(const std::string& name, int pool = 4) {
  auto db = Database::Open(FreshDatabaseUrl(name), pool);
  if (!db.ok()) throw std::runtime_error(db.status().ToString());
  auto m = (*db)->Migrate();
  if (!m.ok()) throw std::runtime_error(m.status().ToString());
  return std::move(*db);
}

}  // namespace verbinder::storage::testing
