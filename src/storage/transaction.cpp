#include "storage/transaction.h"

#include <chrono>
#include <memory>
#include <set>
#include <unordered_map>

#include <soci/sqlite3/soci-sqlite3.h>

namespace verbinder::storage {
namespace {

constexpr auto kMaxWriterWait = std::chrono::seconds(30);

// The writer turn of each SQLite file in this process. Entries live as long
// as the process (one per file ever written; a handful in practice).
std::timed_mutex& TurnFor(const std::string& file) {
  static std::mutex registry_mu;
  static std::unordered_map<std::string, std::unique_ptr<std::timed_mutex>> turns;
  std::lock_guard lock(registry_mu);
  auto& slot = turns[file];
  if (!slot) slot = std::make_unique<std::timed_mutex>();
  return *slot;
}

// The files whose turn the current thread holds (to let a nested Transaction through).
thread_local std::set<std::string> held_by_this_thread;

std::string FileOf(soci::session& sql) {
  auto* backend = static_cast<soci::sqlite3_session_backend*>(sql.get_backend());
  const char* name = sqlite_api::sqlite3_db_filename(backend->conn_, "main");
  if (name && *name) return name;
  // In-memory and temporary databases belong to one connection.
  return "connection:" + std::to_string(reinterpret_cast<uintptr_t>(backend->conn_));
}

}  // namespace

Transaction::Transaction(soci::session& sql) : sql_(sql) {
  if (sql_.get_backend_name() != "sqlite3") {
    sql_.begin();
    return;
  }
  std::string file = FileOf(sql_);
  if (!held_by_this_thread.count(file)) {
    std::unique_lock<std::timed_mutex> turn(TurnFor(file), std::defer_lock);
    if (!turn.try_lock_for(kMaxWriterWait)) throw soci::soci_error("database is busy: no writer turn within 30 s");
    turn_ = std::move(turn);
    file_ = file;
    held_by_this_thread.insert(file_);
  }
  try {
    sql_ << "BEGIN IMMEDIATE";
  } catch (...) {
    ReleaseTurn();
    throw;
  }
}

Transaction::~Transaction() {
  if (!done_) {
    try {
      sql_.rollback();
    } catch (...) {
      // The connection may be gone; nothing was committed.
    }
  }
  ReleaseTurn();
}

void Transaction::commit() {
  sql_.commit();
  done_ = true;
  ReleaseTurn();
}

void Transaction::rollback() {
  sql_.rollback();
  done_ = true;
  ReleaseTurn();
}

void Transaction::ReleaseTurn() {
  if (!turn_.owns_lock()) return;
  held_by_this_thread.erase(file_);
  turn_.unlock();
}

}  // namespace verbinder::storage
