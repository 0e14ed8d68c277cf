// Password reset by mail: a single-use link for an address with an account,
// and setting the new password through it (account_reset.cpp). Reached
// through AccountService (accounts.h). Thread-safety: safe for concurrent use.
#pragma once

#include <string>

#include "domain/accounts.h"

namespace verbinder::domain {

class PasswordResetService {
 public:
  PasswordResetService(storage::Database& db, const Clock& clock, const AccountWiring& wiring)
      : db_(db), clock_(clock), wiring_(wiring) {}

  Status Request(const std::string& email, const std::string& address);
  Status Reset(const std::string& token, const std::string& new_password);

 private:
  storage::Database& db_;
  const Clock& clock_;
  const AccountWiring& wiring_;
};

}  // namespace verbinder::domain
