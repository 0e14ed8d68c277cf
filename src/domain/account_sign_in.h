// Sign-in and sessions: accounts of existing members and their roles, login
// with throttling, password change, the session lookup behind every signed-in
// request and its per-process cache (account_sign_in.cpp). Reached through
// AccountService (accounts.h). Thread-safety: safe for concurrent use.
#pragma once

#include <string>

#include "domain/accounts.h"

namespace verbinder::domain {

class SignInService {
 public:
  SignInService(storage::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  Status CreateAccount(const Viewer& viewer, model::Id member_id, const std::string& password, model::Role role);
  Status SetRole(const Viewer& viewer, model::Id member_id, model::Role role);
  Status ChangePassword(const Viewer& viewer, const PasswordChange& c);
  Result<Session> Login(const std::string& email, const std::string& password, const std::string& address);
  // Cached for kSessionCacheWindow of the clock's monotonic time.
  Result<Session> FindSession(const std::string& token);
  Status Logout(const std::string& token);
  int64_t RetryAfter(const std::string& email, const std::string& address);

 private:
  // A password guess against `email` from `address` (login, change of
  // password): counted as a failure *before* the (slow) check, so parallel
  // guesses cannot all slip under the limit; TooManyRequests (and not
  // counted) when over it. A wrong guess stays counted; after a right one
  // ForgiveGuess takes it back, with this client's failures for the account
  // (not its failures for other accounts).
  Status StartGuess(soci::session& sql, const std::string& email, const std::string& address, int64_t now);
  void ForgiveGuess(soci::session& sql, const std::string& email, const std::string& address, int64_t now);

  storage::Database& db_;
  const Clock& clock_;
};

}  // namespace verbinder::domain
