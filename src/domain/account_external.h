// Accounts and sessions for sign-in through an outside identity provider
// (OpenID Connect, src/oidc): find a member by a verified e-mail address,
// start a session for a known member, create a member whose account has no
// password. Kept apart from AccountService (accounts.h) so password sign-in
// stays in one place; the session rows are the same as Login's.
//
//   ExternalAccounts ext(db, clock);
//   auto s = ext.StartSession(member_id);   // → token + csrf, like Login
//
// Thread-safety: safe for concurrent use.
#pragma once

#include <optional>
#include <string>

#include "domain/accounts.h"
#include "model/model.h"
#include "storage/database.h"
#include "util/clock.h"
#include "util/status.h"

namespace verbinder::domain {

struct ExternalMember {
  model::Id member_id = 0;
  std::string name, email;
  bool has_account = false;   // a row in accounts
  bool has_password = false;  // that account can sign in with a password
  bool disabled = false;
};

class ExternalAccounts {
 public:
  ExternalAccounts(storage::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // The member with this e-mail address (compared lower-cased), or nullopt.
  Result<std::optional<ExternalMember>> FindByEmail(const std::string& email);
  Result<std::optional<ExternalMember>> FindById(model::Id member_id);
  // A new session for a member, as Login makes one. A member without an
  // account gets one without a password (role member) first.
  // PermissionDenied for a disabled account.
  Result<Session> StartSession(model::Id member_id);
  // Creates a member (name, e-mail, language nl/en) with an account that has
  // no password; AlreadyExists(email) when the address is taken.
  Result<model::Id> CreateMember(const std::string& name, const std::string& email, const std::string& language);

 private:
  storage::Database& db_;
  const Clock& clock_;
};

}  // namespace verbinder::domain
