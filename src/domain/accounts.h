// Accounts and access: Argon2id passwords (libsodium), login with throttling,
// sessions and API tokens. All state is in the database, so any server
// process can check a session made by another.
//
//   AccountService accounts(db, clock);
//   auto s = accounts.Login("anja@…", "secret", "127.0.0.1");  // → token + csrf
//   auto who = accounts.Authenticate(s->token);                 // → Viewer
//
// Tokens are 256-bit random values; only their BLAKE2b hash is stored.
// Thread-safety: safe for concurrent use.
#pragma once

#include <string>
#include <vector>

#include "domain/viewer.h"
#include "storage/database.h"
#include "util/clock.h"
#include "util/status.h"

namespace verbinder::domain {

inline constexpr int64_t kSessionLifetime = 14 * 24 * 3600;
inline constexpr int64_t kThrottleWindow = 15 * 60;
inline constexpr int kMaxFailuresPerEmail = 5;
inline constexpr int kMaxFailuresPerAddress = 30;
inline constexpr size_t kMinPasswordLength = 10;

struct Session {
  std::string token;       // secret; goes into the HttpOnly cookie
  std::string csrf_token;  // echoed by the client in X-CSRF-Token
  model::Id member_id = 0;
  model::Role role = model::Role::kMember;
  int64_t expires_at = 0;
};

struct ApiToken {
  model::Id id = 0;
  std::string name;
  std::string token;  // only set when just created
  int64_t created_at = 0;
};

// Argon2id hash in libsodium's string format, and its verification.
Result<std::string> HashPassword(const std::string& password);
bool VerifyPassword(const std::string& hash, const std::string& password);
std::string RandomToken();                      // 64 hex chars
std::string TokenHash(const std::string& token);  // hex BLAKE2b-256

class AccountService {
 public:
  AccountService(storage::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // Creates the account of an existing member. Admins may create any role;
  // organizers only members; anyone else nothing. System() may do all.
  Status CreateAccount(const Viewer& viewer, model::Id member_id, const std::string& password, model::Role role);
  Status SetRole(const Viewer& viewer, model::Id member_id, model::Role role);
  Status ChangePassword(const Viewer& viewer, const std::string& old_password, const std::string& new_password);

  // Unauthenticated for a wrong e-mail or password (the same message for both);
  // TooManyRequests when this e-mail or address failed too often recently.
  Result<Session> Login(const std::string& email, const std::string& password, const std::string& address);
  // The session behind a cookie token, or Unauthenticated.
  Result<Session> FindSession(const std::string& token);
  Status Logout(const std::string& token);

  Result<ApiToken> CreateApiToken(const Viewer& viewer, const std::string& name);
  Result<std::vector<ApiToken>> ApiTokens(const Viewer& viewer);
  Status RevokeApiToken(const Viewer& viewer, model::Id id);
  // The viewer behind an API token, or Unauthenticated.
  Result<Viewer> AuthenticateApiToken(const std::string& token);

  // Seconds until a throttled key may try again (0 when not throttled).
  int64_t RetryAfter(const std::string& email, const std::string& address);

 private:
  Result<int64_t> Failures(soci::session& sql, const std::string& key, int64_t since);

  storage::Database& db_;
  const Clock& clock_;
};

}  // namespace verbinder::domain
