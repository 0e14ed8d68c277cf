// API tokens: made, listed and revoked by their member; checked on every
// request that carries one (account_tokens.cpp). Only the BLAKE2b hash is
// stored. Reached through AccountService (accounts.h).
// Thread-safety: safe for concurrent use.
#pragma once

#include <string>
#include <vector>

#include "domain/accounts.h"

namespace verbinder::domain {

class ApiTokenService {
 public:
  ApiTokenService(storage::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  Result<ApiToken> Create(const Viewer& viewer, const std::string& name);
  Result<std::vector<ApiToken>> List(const Viewer& viewer);
  Status Revoke(const Viewer& viewer, model::Id id);
  Result<Viewer> Authenticate(const std::string& token);

 private:
  storage::Database& db_;
  const Clock& clock_;
};

}  // namespace verbinder::domain
