// Small helpers over SOCI used by the domain services: running a statement
// with a dynamic list of bound string parameters, and catching SOCI
// exceptions into Status values at the service boundary.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "storage/database.h"
#include "util/status.h"

namespace verbinder::domain {

// Runs fn(session) and converts any exception into a Status.
template <typename T>
Result<T> WithSession(storage::Database& db, const std::function<Result<T>(soci::session&)>& fn) {
  try {
    soci::session sql(db.pool());
    return fn(sql);
  } catch (const std::exception& e) {
    return storage::FromDbError(e);
  }
}

// Placeholder list ":p0, :p1, ..." style: returns ":p<index>" and appends v to params.
inline std::string Bind(std::vector<std::string>& params, std::string v) {
  params.push_back(std::move(v));
  return ":p" + std::to_string(params.size() - 1);
}

// A prepared statement with positional string params; caller adds intos via
// `define`, then Execute() and Fetch() rows.
class DynStatement {
 public:
  DynStatement(soci::session& sql, const std::string& query, std::vector<std::string> params)
      : st_(sql), params_(std::move(params)) {
    st_.alloc();
    st_.prepare(query);
    for (auto& p : params_) st_.exchange(soci::use(p));
  }
  template <typename T>
  void Into(T& v) {
    st_.exchange(soci::into(v));
  }
  template <typename T>
  void Into(T& v, soci::indicator& ind) {
    st_.exchange(soci::into(v, ind));
  }
  bool Execute() {
    st_.define_and_bind();
    return st_.execute(true);
  }
  bool Fetch() { return st_.fetch(); }

 private:
  soci::statement st_;
  std::vector<std::string> params_;
};

inline long long CountOf(soci::session& sql, const std::string& query, std::vector<std::string> params) {
  long long n = 0;
  DynStatement st(sql, query, std::move(params));
  st.Into(n);
  st.Execute();
  return n;
}

}  // namespace verbinder::domain
