#include "storage/database.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <thread>

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#if defined(SPDLOG_COMPILED_LIB) || defined(SPDLOG_HEADER_ONLY)
#include <spdlog/spdlog.h>
#endif

#include "storage/migrations.h"
#include "util/strings.h"

namespace verbinder::storage {
namespace {

bool IsPostgresUrl(const std::string& url) {
  return StartsWith(url, "postgresql://") || StartsWith(url, "postgres://");
}

std::string RedactPassword(const std::string& url) {
  // postgresql://user:secret@host → postgresql://user:***@host
  auto scheme = url.find("://");
  auto at = url.find('@');
  if (scheme == std::string::npos || at == std::string::npos) return url;
  auto colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon + 1) + "***" + url.substr(at);
}

void ReplaceAll(std::string& s, const std::string& from, const std::string& to) {
  for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) s.replace(p, from.size(), to);
}

std::string PercentDecode(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

int ShortSleepBusyHandler(void*, int attempt) {
  thread_local std::chrono::steady_clock::time_point started;
  const auto now = std::chrono::steady_clock::now();
  if (attempt == 0) started = now;
  if (now - started > std::chrono::seconds(30)) return 0;  // give up: "database is locked" -> 503
  std::this_thread::sleep_for(attempt < 50 ? std::chrono::microseconds(200) : std::chrono::milliseconds(2));
  return 1;
}

std::string QuoteConnValue(const std::string& v) {
  std::string out = "'";
  for (char c : v) {
    if (c == '\\' || c == '\'') out += '\\';
    out += c;
  }
  return out + "'";
}

}  // namespace

Result<std::string> PostgresConnInfo(const std::string& url) {
  auto scheme = url.find("://");
  if (scheme == std::string::npos) return InvalidArgument("not a postgresql:// URL", "db");
  std::string rest = url.substr(scheme + 3);
  std::string query;
  if (auto q = rest.find('?'); q != std::string::npos) {
    query = rest.substr(q + 1);
    rest = rest.substr(0, q);
  }
  std::string path;
  if (auto sl = rest.find('/'); sl != std::string::npos) {
    path = rest.substr(sl + 1);
    rest = rest.substr(0, sl);
  }
  std::string userinfo, hostport = rest;
  if (auto at = rest.rfind('@'); at != std::string::npos) {
    userinfo = rest.substr(0, at);
    hostport = rest.substr(at + 1);
  }
  std::vector<std::pair<std::string, std::string>> kv;
  if (!userinfo.empty()) {
    auto colon = userinfo.find(':');
    kv.push_back({"user", PercentDecode(userinfo.substr(0, colon))});
    if (colon != std::string::npos) kv.push_back({"password", PercentDecode(userinfo.substr(colon + 1))});
  }
  if (!hostport.empty()) {
    std::string host = hostport, port;
    if (hostport.front() == '[') {  // [::1]:5432
      auto close = hostport.find(']');
      if (close == std::string::npos) return InvalidArgument("malformed IPv6 host in URL", "db");
      host = hostport.substr(1, close - 1);
      if (close + 1 < hostport.size() && hostport[close + 1] == ':') port = hostport.substr(close + 2);
    } else if (auto colon = hostport.rfind(':'); colon != std::string::npos) {
      host = hostport.substr(0, colon);
      port = hostport.substr(colon + 1);
    }
    if (!host.empty()) kv.push_back({"host", PercentDecode(host)});
    if (!port.empty()) {
      if (port.find_first_not_of("0123456789") != std::string::npos)
        return InvalidArgument("port must be a number", "db");
      kv.push_back({"port", port});
    }
  }
  if (!path.empty()) kv.push_back({"dbname", PercentDecode(path)});
  for (const auto& p : Split(query, '&')) {
    if (p.empty()) continue;
    auto eq = p.find('=');
    if (eq == std::string::npos) return InvalidArgument("malformed query parameter '" + p + "'", "db");
    kv.push_back({PercentDecode(p.substr(0, eq)), PercentDecode(p.substr(eq + 1))});
  }
  std::string out;
  for (const auto& [k, v] : kv) out += (out.empty() ? "" : " ") + k + "=" + QuoteConnValue(v);
  return out;
}

Database::Database(Backend backend, int pool_size)
    : backend_(backend),
      pool_size_(pool_size),
      pool_(std::make_unique<soci::connection_pool>(pool_size)),
      caches_(pool_size) {}

Database::~Database() {
  caches_.clear();  // cached statements go before their connections
}

Result<std::unique_ptr<Database>> Database::Open(const std::string& url, int pool_size) {
  if (url.empty()) return InvalidArgument("the database location is empty", "db");
  if (pool_size < 1) pool_size = 1;
  const bool pg = IsPostgresUrl(url);
  // Each connection is used by one thread at a time (the pool), so SQLite's
  // per-call mutexes are pure overhead: multi-thread mode drops them. It must
  // be set before SQLite initialises; later calls fail harmlessly.
  static std::once_flag sqlite_mode;
  std::call_once(sqlite_mode, [] { sqlite_api::sqlite3_config(SQLITE_CONFIG_MULTITHREAD); });
  std::unique_ptr<Database> db(new Database(pg ? Backend::kPostgres : Backend::kSqlite, pool_size));
  db->display_url_ = RedactPassword(url);
  if (!pg) {
    std::error_code ec;
    auto path = std::filesystem::path(url);
    if (std::filesystem::is_directory(path, ec))
      return InvalidArgument("is a directory, not a database file: " + url, "db");
    if (path.has_parent_path()) {
      std::filesystem::create_directories(path.parent_path(), ec);
      if (ec)
        return InvalidArgument("cannot create directory " + path.parent_path().string() + ": " + ec.message(), "db");
    }
  }
  try {
    for (int i = 0; i < pool_size; ++i) {
      soci::session& s = db->pool_->at(i);
      if (pg) {
        auto info = PostgresConnInfo(url);
        if (!info) return info.status();
        s.open(soci::postgresql, *info);
        s << "SET client_min_messages TO WARNING";
      } else {
        s.open(soci::sqlite3, "db=" + url + " timeout=30");
        s << "PRAGMA journal_mode=WAL";
        s << "PRAGMA synchronous=NORMAL";
        s << "PRAGMA foreign_keys=ON";
        // Waiting for another process's write lock (or a checkpoint): short
        // sleeps, at most 30 s. SQLite's own busy_timeout sleeps in steps of
        // up to 100 ms, which a queue of writers turns into long tails. The
        // writers of this process queue on their turn first (transaction.cpp).
        auto* backend = static_cast<soci::sqlite3_session_backend*>(s.get_backend());
        sqlite_api::sqlite3_busy_handler(backend->conn_, &ShortSleepBusyHandler, nullptr);
        // Hot reads (session, member by id, search terms) hit random pages of a
        // 100k-member file: SQLite's default 2 MB cache per connection re-read
        // them with a pread per page. Pages come from a shared memory map instead
        // (no syscall, one copy for all pooled connections) and each connection
        // keeps 8 MB of cache; together well within the server's memory budget.
        s << "PRAGMA mmap_size=134217728";
        s << "PRAGMA cache_size=-8192";
      }
    }
  } catch (const std::exception& e) {
    return Status(Code::kUnavailable, "cannot open database " + db->display_url_ + ": " + Trim(e.what()), "db");
  }
  return db;
}

std::vector<std::string> MigrationStatements(const std::string& sql, Backend backend) {
  std::string s = sql;
  ReplaceAll(s, "{{ID}}",
             backend == Backend::kPostgres ? "BIGSERIAL PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT");
  ReplaceAll(s, "{{BOOL}}", "INTEGER");
  // SQLite: store a table in its primary-key B-tree (one tree instead of two).
  ReplaceAll(s, "{{WITHOUT_ROWID}}", backend == Backend::kSqlite ? " WITHOUT ROWID" : "");
  // Byte-wise ordering for prefix range scans, whatever the server's locale.
  ReplaceAll(s, "{{CTEXT}}", backend == Backend::kPostgres ? "TEXT COLLATE \"C\"" : "TEXT");
  std::vector<std::string> out;
  std::string current;
  for (const auto& line : Split(s, '\n')) {
    std::string t = Trim(line);
    if (t.empty() || StartsWith(t, "--")) continue;
    current += line + "\n";
    if (!t.empty() && t.back() == ';') {
      out.push_back(current);
      current.clear();
    }
  }
  if (!Trim(current).empty()) out.push_back(current);
  return out;
}

Result<int> Database::SchemaVersion() {
  try {
    soci::session sql(*pool_);
    sql << "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
           "applied_at BIGINT NOT NULL)";
    long long v = 0;
    soci::indicator ind;
    sql << "SELECT max(version) FROM schema_migrations", soci::into(v, ind);
    return ind == soci::i_ok ? static_cast<int>(v) : 0;
  } catch (const std::exception& e) {
    return FromDbError(e);
  }
}

Result<int> Database::Migrate(int up_to_version) {
  int applied = 0;
  try {
    soci::session sql(*pool_);
    sql << "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
           "applied_at BIGINT NOT NULL)";
    if (backend_ == Backend::kPostgres) sql << "SELECT pg_advisory_lock(7458231)";
    struct Unlock {
      soci::session& s;
      Backend b;
      ~Unlock() {
        try {
          if (b == Backend::kPostgres) s << "SELECT pg_advisory_unlock(7458231)";
        } catch (...) {}
      }
    } unlock{sql, backend_};
    for (const auto& m : Migrations()) {
      if (m.version > up_to_version) break;
      soci::transaction tr(sql);
      if (backend_ == Backend::kSqlite) {
        // Take the write lock before reading, so two processes don't both apply.
        sql << "UPDATE schema_migrations SET version = version WHERE 0";
      }
      long long count = 0;
      sql << "SELECT count(*) FROM schema_migrations WHERE version = :v", soci::use(m.version), soci::into(count);
      if (count > 0) {
        tr.rollback();
        continue;
      }
      for (const auto& stmt : MigrationStatements(m.sql, backend_)) sql << stmt;
      long long now = static_cast<long long>(std::time(nullptr));
      std::string name = m.name;
      sql << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, :n, :t)", soci::use(m.version),
          soci::use(name), soci::use(now);
      tr.commit();
      ++applied;
    }
  } catch (const std::exception& e) {
    return FromDbError(e);
  }
  return applied;
}

namespace {

enum class DbFailure { kDuplicate, kBusy, kUnreachable, kOther };

// Classifies by the backend's own code where it has one, else by the text of
// the error itself — never by what SOCI appends (the statement and its
// parameters, which may name any table: "INSERT INTO connections ...").
DbFailure Classify(const std::exception& e) {
  if (const auto* pg = dynamic_cast<const soci::postgresql_soci_error*>(&e)) {
    const std::string state = pg->sqlstate();
    if (state == "23505") return DbFailure::kDuplicate;  // unique_violation
    // serialization_failure, deadlock_detected, lock_not_available, query_canceled (statement/lock timeout)
    if (state == "40001" || state == "40P01" || state == "55P03" || state == "57014") return DbFailure::kBusy;
    // connection_exception (08xxx), admin/crash shutdown, cannot_connect_now, too_many_connections
    if (StartsWith(state, "08") || state == "57P01" || state == "57P02" || state == "57P03" || state == "53300")
      return DbFailure::kUnreachable;
  }
  if (const auto* lite = dynamic_cast<const soci::sqlite3_soci_error*>(&e)) {
    const int primary = lite->result() & 0xff;                  // extended codes carry the primary one in the low byte
    if (primary == 5 || primary == 6) return DbFailure::kBusy;  // SQLITE_BUSY, SQLITE_LOCKED
  }
  const auto* soci_error = dynamic_cast<const soci::soci_error*>(&e);
  const std::string text = AsciiLower(soci_error ? soci_error->get_error_message() : std::string(e.what()));
  auto has = [&text](const char* s) { return text.find(s) != std::string::npos; };
  if (has("unique constraint") || has("duplicate key")) return DbFailure::kDuplicate;
  if (has("database is locked") || has("database table is locked") || has("database is busy") ||
      has("could not serialize access") || has("deadlock detected") || has("lock timeout"))
    return DbFailure::kBusy;
  if (has("could not connect") || has("connection to server") || has("server closed the connection") ||
      has("no connection to the server") || has("terminating connection") || has("connection refused") ||
      has("cannot establish connection"))
    return DbFailure::kUnreachable;
  return DbFailure::kOther;
}

// The full text (statement, parameter values) goes to the log only. Through
// spdlog when this library is built against it (verbinder_storage linking
// spdlog::spdlog), else the same line on stderr.
void LogDbError(bool expected, const std::string& what) {
#if defined(SPDLOG_COMPILED_LIB) || defined(SPDLOG_HEADER_ONLY)
  if (expected)
    spdlog::warn("database: {}", what);
  else
    spdlog::error("database: {}", what);
#else
  std::fprintf(stderr, "[%s] database: %s\n", expected ? "warning" : "error", what.c_str());
#endif
}

}  // namespace

Status FromDbError(const std::exception& e) {
  const DbFailure failure = Classify(e);
  LogDbError(failure != DbFailure::kOther, Trim(e.what()));
  switch (failure) {
    case DbFailure::kDuplicate:
      return AlreadyExists("already exists");
    case DbFailure::kBusy:
      return Status(Code::kUnavailable, "the database is busy, try again");
    case DbFailure::kUnreachable:
      return Status(Code::kUnavailable, "the database is unavailable, try again");
    case DbFailure::kOther:
      break;
  }
  return Internal("internal error");
}

}  // namespace verbinder::storage
