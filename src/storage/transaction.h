// A write transaction that takes the write lock when it begins. On SQLite a
// plain (deferred) BEGIN reads first and upgrades to a write lock at the first
// write; if another connection wrote in between, SQLite answers "database is
// locked" at once, without waiting for the busy timeout — under concurrent
// writers (a congress evening) that refused 18-29 % of writes. BEGIN IMMEDIATE
// waits its turn (busy_timeout) instead. On PostgreSQL it is a plain BEGIN.
//
//   storage::Transaction tr(sql);   // instead of soci::transaction
//   ... reads and writes ...
//   tr.commit();                    // rolled back if destroyed before commit
//
// Use it for every transaction that writes. Thread-safety: like the session
// it wraps (one thread at a time).
#pragma once

#include <soci/soci.h>

namespace verbinder::storage {

class Transaction {
 public:
  explicit Transaction(soci::session& sql) : sql_(sql) {
    if (sql_.get_backend_name() == "sqlite3") {
      sql_ << "BEGIN IMMEDIATE";
    } else {
      sql_.begin();
    }
  }
  ~Transaction() {
    if (done_) return;
    try {
      sql_.rollback();
    } catch (...) {
      // The connection may be gone; nothing was committed.
    }
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  void commit() {
    sql_.commit();
    done_ = true;
  }
  void rollback() {
    sql_.rollback();
    done_ = true;
  }

 private:
  soci::session& sql_;
  bool done_ = false;
};

}  // namespace verbinder::storage
