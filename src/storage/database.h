// The database handle: a pool of SOCI sessions on SQLite (a file, WAL mode)
// or PostgreSQL (a postgresql:// URL), plus the migration runner.
//
//   auto db = Database::Open("./data/verbinder.db");          // or "postgresql://..."
//   if (!db) return db.status();
//   VB_RETURN_IF_ERROR((*db)->Migrate());
//   soci::session sql((*db)->pool());                        // borrows one session
//   sql << "SELECT count(*) FROM members", soci::into(n);
//
// Thread-safety: a Database is safe to use from many threads; each thread
// borrows its own soci::session from the pool (blocking while all are busy).
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <typeindex>
#include <typeinfo>
#include <unordered_map>
#include <vector>

#include <soci/connection-pool.h>
#include <soci/session.h>

#include "util/status.h"

namespace verbinder::storage {

enum class Backend { kSqlite, kPostgres };

class Database {
 public:
  // Opens `url`: a postgresql:// or postgres:// URL (libpq syntax) selects
  // PostgreSQL; anything else is a SQLite file path (parent directories are
  // created). Returns Unavailable when the server cannot be reached and
  // InvalidArgument for an unusable path.
  static Result<std::unique_ptr<Database>> Open(const std::string& url, int pool_size = 4);

  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Backend backend() const { return backend_; }
  soci::connection_pool& pool() { return *pool_; }
  int pool_size() const { return pool_size_; }
  // A printable form of the URL with any password removed.
  const std::string& display_url() const { return display_url_; }

  // A pooled connection held for the lifetime of the Lease, with a cache of
  // objects (prepared statements) that belong to that connection and survive
  // the lease. Hot read paths keep their prepared statements here instead of
  // re-parsing SQL on every request.
  class Lease {
   public:
    explicit Lease(Database& db) : db_(db), pos_(db.pool_->lease()), session_(db.pool_->at(pos_)) {}
    ~Lease() { db_.pool_->give_back(pos_); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;

    soci::session& session() { return session_; }
    // The object of type T cached under `key` for this connection, made with
    // make(session) on first use. T must stay usable across leases.
    template <typename T, typename Make>
    T& Cached(const std::string& key, Make make) {
      auto& slot = db_.caches_[pos_][key];
      if (!slot) slot = std::shared_ptr<void>(make(session_));
      return *static_cast<T*>(slot.get());
    }

   private:
    Database& db_;
    size_t pos_;
    soci::session& session_;
  };

  // The one object of type T this process keeps for this database, made with
  // T() on first use: state that every service on the database must share to
  // stay correct — the caches of member profiles (domain::MemberCache) and of
  // sessions — so that a write through any service instance drops what every
  // other would read, however many app_services::Services are built on it.
  // Keyed by the type (no name to mistype, no two types under one key).
  template <typename T>
  std::shared_ptr<T> Shared() {
    std::lock_guard lock(shared_mu_);
    auto& slot = shared_[std::type_index(typeid(T))];
    if (!slot) slot = std::make_shared<T>();
    return std::static_pointer_cast<T>(slot);
  }

  // Applies every migration not yet recorded, in order, each in a transaction.
  // Safe to call from several processes at once (PostgreSQL advisory lock,
  // SQLite write lock). Returns the number applied. `up_to_version` stops
  // after that version (tests build a previous release's schema with it).
  Result<int> Migrate(int up_to_version = 1 << 30);
  // The highest applied migration version, 0 for an empty database.
  Result<int> SchemaVersion();

 private:
  Database(Backend backend, int pool_size);

  Backend backend_;
  int pool_size_;
  std::string display_url_;
  std::unique_ptr<soci::connection_pool> pool_;
  // Per pooled connection: cached objects by key. Only the lessee of a
  // connection touches its map, so no lock is needed.
  std::vector<std::unordered_map<std::string, std::shared_ptr<void>>> caches_;
  std::mutex shared_mu_;
  std::unordered_map<std::type_index, std::shared_ptr<void>> shared_;  // Shared<T>(), one per type
};

// Turns a postgresql://user:password@host:port/dbname?key=value URL into a
// libpq keyword/value string (SOCI does not accept URIs). InvalidArgument on a
// malformed URL.
Result<std::string> PostgresConnInfo(const std::string& url);

// Expands {{ID}}/{{BOOL}} for a backend and splits a migration into statements.
std::vector<std::string> MigrationStatements(const std::string& sql, Backend backend);

// Maps an exception thrown by SOCI to a Status: unique violations become
// AlreadyExists, connection failures Unavailable, everything else Internal.
Status FromDbError(const std::exception& e);

}  // namespace verbinder::storage
