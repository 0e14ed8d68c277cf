// A write transaction that takes the write lock when it begins, and on SQLite
// takes this process's writer turn first.
//
//   storage::Transaction tr(sql);   // instead of soci::transaction
//   ... reads and writes ...
//   tr.commit();                    // rolled back if destroyed before commit
//
// Why: on SQLite a plain (deferred) BEGIN reads first and upgrades to a write
// lock at the first write; if another connection wrote in between, SQLite
// answers "database is locked" at once (18-29 % of writes were refused under
// concurrent writers). BEGIN IMMEDIATE waits for the lock instead — but
// SQLite waits by sleeping in steps of up to 100 ms, which put p99 of a
// congress evening's writes at ~170 ms. So the writers of one process queue
// on a mutex per database file (woken the moment the previous one commits)
// and only then BEGIN IMMEDIATE; other processes on the same file are still
// kept out by SQLite's lock, waited for by a busy handler with short sleeps
// (Database::Open). A writer that waits more than 30 s gets "database is
// busy" (mapped to 503 with Retry-After). A nested Transaction on the same
// file in the same thread does not take the turn again (it would wait for
// itself); SQLite then decides as before.
//
// On PostgreSQL it is a plain BEGIN. Use it for every transaction that writes.
// Thread-safety: like the session it wraps (one thread at a time).
#pragma once

#include <mutex>
#include <string>

#include <soci/soci.h>

namespace verbinder::storage {

class Transaction {
 public:
  explicit Transaction(soci::session& sql);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  void commit();
  void rollback();

 private:
  void ReleaseTurn();

  soci::session& sql_;
  std::unique_lock<std::timed_mutex> turn_;  // SQLite: this process's writer turn for the file
  std::string file_;                         // the file whose turn this thread holds
  bool done_ = false;
};

}  // namespace verbinder::storage
