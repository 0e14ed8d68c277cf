// Accounts and access: Argon2id passwords (libsodium), login with throttling,
// sessions and API tokens. All state is in the database, so any server
// process can check a session made by another.
//
//   AccountService accounts(db, clock, app_services::AccountWiring());
//   auto s = accounts.Login("anja@…", "secret", "127.0.0.1");  // → token + csrf
//   auto who = accounts.FindSession(s->token);                  // → Session
//
// Tokens are 256-bit random values; only their BLAKE2b hash is stored.
// Thread-safety: safe for concurrent use.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/member_data.h"
#include "domain/viewer.h"
#include "storage/database.h"
#include "util/clock.h"
#include "util/status.h"

namespace verbinder::domain {

inline constexpr int64_t kSessionLifetime = 14 * 24 * 3600;
// FindSession keeps a looked-up session this long per process: a logout, role
// change or account deletion made through another process (another server on
// the same PostgreSQL database, the CLI) takes effect here within it. Through
// this process it takes effect at once (ForgetCachedSessions). Measured on
// the injected clock's monotonic time (Clock::Steady).
inline constexpr std::chrono::milliseconds kSessionCacheWindow{1000};
// Password guessing (login and the old password of a password change) is
// counted per account *and* client address, and per client address; never per
// account alone, so nobody's failures lock out the owner on another client
// (docs/accounts.md). IPv6 clients count per /64.
inline constexpr int64_t kThrottleWindow = 15 * 60;
inline constexpr int kMaxFailuresPerEmail = 5;     // per account (e-mail address) and client address
inline constexpr int kMaxFailuresPerAddress = 30;  // per client address, over all accounts
inline constexpr size_t kMinPasswordLength = 10;
inline constexpr int64_t kSignupLifetime = 48 * 3600;           // confirmation link
inline constexpr int64_t kInvitationLifetime = 14 * 24 * 3600;  // invitation link
inline constexpr int64_t kResetLifetime = 3600;                 // password reset link
inline constexpr int kMaxResetsPerEmail = 3;                    // reset mails per address per throttle window
inline constexpr int kMaxSignupsPerEmail = 3;                   // confirmation mails per address per window
inline constexpr int kMaxMailsPerAddress = 30;                  // account mails per client address per window
inline constexpr size_t kMaxInvitationsPerCall = 200;

// A mail the account service sends (confirmation, invitation, password reset).
struct AccountMail {
  std::string to_email, to_name, subject, text, html, kind;
};

// The one path of account mails: queued inside the caller's transaction.
// notify implements it with its outbox (notify/account_mailer.h); an error
// rolls the change back. Thread-safety: implementations are safe for
// concurrent use.
class AccountMailer {
 public:
  virtual ~AccountMailer() = default;
  virtual Status Queue(soci::session& sql, const AccountMail& mail, int64_t now) = 0;
};

// What the composition root plugs into the account service
// (app_services/account_wiring.h builds the one used by the API and the CLI).
// Without a mailer, sign-up, invitations and reset fail (Internal) instead of
// sending; without member_data, deletion and export cover the domain tables
// only (ON DELETE CASCADE takes the rest, without cancellations or notices).
struct AccountWiring {
  std::shared_ptr<AccountMailer> mailer;
  std::shared_ptr<const MemberDataRegistry> member_data;
};

// Sign-up by the person themself: nothing is stored as a member until the
// e-mail address is confirmed.
struct Signup {
  std::string name, email, password, sector, organization;
  std::string language = "nl";  // of the confirmation mail: nl or en
};

struct Invitee {
  std::string email, name;
};

struct Invitation {
  model::Id id = 0;
  std::string email, name, language;
  std::string status;  // pending, accepted, revoked, expired (pending past its expiry)
  model::Id invited_by = 0, member_id = 0;
  int sent_count = 0;
  int64_t created_at = 0, updated_at = 0, expires_at = 0;
};

// What an invitee fills in when accepting.
struct Acceptance {
  std::string token, name, password, sector, organization, title;
};

struct Session {
  std::string token;       // secret; goes into the HttpOnly cookie
  std::string csrf_token;  // echoed by the client in X-CSRF-Token
  model::Id member_id = 0;
  model::Role role = model::Role::kMember;
  int64_t expires_at = 0;
};

// A member changes their own password (POST /api/v1/auth/password).
struct PasswordChange {
  std::string old_password, new_password;
  std::string address;       // the client's address, for throttling
  std::string keep_session;  // cookie token of the session asking; every other session ends ("" = end all)
  bool keep_tokens = false;  // keep the member's API tokens (default: revoked)
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
std::string RandomToken();                        // 64 hex chars
std::string TokenHash(const std::string& token);  // hex BLAKE2b-256

// Drops this process's cached sessions of `db` (after a committed change to
// sessions, accounts or roles).
void ForgetCachedSessions(storage::Database& db);

class SignInService;
class ApiTokenService;
class SignupService;
class InvitationService;
class PasswordResetService;
class OwnDataService;

// The accounts of real people, one facade over the use cases, each its own
// class: SignInService (accounts, roles, login, password change, sessions
// and their cache; account_sign_in.h), ApiTokenService (account_tokens.h),
// SignupService and InvitationService (account_signup.h),
// PasswordResetService (account_reset.h) and OwnDataService (deletion and
// export; account_deletion.h). Not copyable: the use cases refer to its wiring.
class AccountService {
 public:
  // Without wiring: no account mails and no other module's member data (see
  // AccountWiring) — for tests and tools that only sign in.
  AccountService(storage::Database& db, const Clock& clock);
  AccountService(storage::Database& db, const Clock& clock, AccountWiring wiring);
  ~AccountService();
  AccountService(const AccountService&) = delete;
  AccountService& operator=(const AccountService&) = delete;

  // Creates the account of an existing member. Admins may create any role;
  // organizers only members; anyone else nothing. System() may do all.
  Status CreateAccount(const Viewer& viewer, model::Id member_id, const std::string& password, model::Role role);
  Status SetRole(const Viewer& viewer, model::Id member_id, model::Role role);
  // Checks the old password (InvalidArgument(old_password); a wrong one counts
  // as a failed login of this account from c.address, and TooManyRequests as
  // for Login), sets the new one (InvalidArgument(new_password)), ends every
  // session but c.keep_session, revokes the API tokens unless c.keep_tokens,
  // and retires open reset links — all in one transaction. Conflict when the
  // password changed meanwhile.
  Status ChangePassword(const Viewer& viewer, const PasswordChange& c);

  // Unauthenticated for a wrong e-mail or password (the same message for both);
  // TooManyRequests when this client failed too often recently for this
  // account (kMaxFailuresPerEmail) or for any (kMaxFailuresPerAddress). The
  // failures of other clients never refuse this one.
  Result<Session> Login(const std::string& email, const std::string& password, const std::string& address);
  // The session behind a cookie token, or Unauthenticated.
  Result<Session> FindSession(const std::string& token);
  Status Logout(const std::string& token);

  Result<ApiToken> CreateApiToken(const Viewer& viewer, const std::string& name);
  Result<std::vector<ApiToken>> ApiTokens(const Viewer& viewer);
  Status RevokeApiToken(const Viewer& viewer, model::Id id);
  // The viewer behind an API token, or Unauthenticated.
  Result<Viewer> AuthenticateApiToken(const std::string& token);

  // Seconds until this client may try this account again (0 when not throttled).
  int64_t RetryAfter(const std::string& email, const std::string& address);

  // --- Accounts for real people (sign-up, invitations, reset, deletion). ---
  // "open" (anyone may sign up) or "invitation" (only invitees); setting
  // accounts.signup_mode, default open.
  Result<std::string> SignupMode();
  Status SetSignupMode(const Viewer& viewer, const std::string& mode);

  // Validates, stores the pending sign-up and queues the confirmation mail.
  // When a member already has this address, nothing is stored and the member
  // gets a mail instead ("someone tried to sign up with your address") — the
  // caller sees the same Ok either way, so sign-up reveals no accounts.
  // PermissionDenied when sign-up is by invitation only; TooManyRequests when
  // this address or client asked too often. A new sign-up replaces a pending one.
  Status SignUp(const Signup& s, const std::string& address);
  // Confirms: creates the member and the account. InvalidArgument(token) for
  // an unknown or expired link, Conflict(token) for a used one.
  Result<model::Id> ConfirmSignup(const std::string& token);

  // Organizers invite people by e-mail, all or nothing: InvalidArgument or
  // AlreadyExists naming "invitees[i].email" and nothing is sent.
  Result<std::vector<Invitation>> Invite(const Viewer& viewer, const std::vector<Invitee>& invitees,
                                         const std::string& language);
  Result<std::vector<Invitation>> Invitations(const Viewer& viewer, const std::string& status);
  Result<Invitation> ResendInvitation(const Viewer& viewer, model::Id id);
  Result<Invitation> RevokeInvitation(const Viewer& viewer, model::Id id);
  // The invitation behind a link (for the accept page), or the token errors.
  Result<Invitation> CheckInvitation(const std::string& token);
  // Creates the member and the account; returns the member id.
  Result<model::Id> AcceptInvitation(const Acceptance& a);
  // Accepts the open, unexpired invitation of `email` for someone whose
  // address an identity provider verified (src/oidc; the caller checks that):
  // like AcceptInvitation, but the member is as the invitation says (its name,
  // else `name`; its language) with an account without password, and `also`
  // (e.g. linking the sign-in) runs in the transaction that records the member
  // on the invitation — when anything fails, no member stays and the
  // invitation is open again. nullopt when there is no open invitation
  // (none, expired, revoked, or just used).
  Result<std::optional<model::Id>> AcceptInvitationOfVerifiedEmail(
      const std::string& email, const std::string& name,
      const std::function<Status(soci::session&, model::Id member_id)>& also);

  // Always succeeds for a well-formed address (no account enumeration);
  // queues a reset link only when the member has an account.
  // TooManyRequests like Login.
  Status RequestPasswordReset(const std::string& email, const std::string& address);
  // Sets the new password, marks the link used, ends every session and
  // revokes every API token.
  Status ResetPassword(const std::string& token, const std::string& new_password);

  // The member themself (with their password), an organizer (members only)
  // or an admin (anyone) deletes a member and everything that is theirs; see
  // docs/accounts.md for what happens to the ledger.
  Status DeleteMember(const Viewer& viewer, model::Id member_id, const std::string& password);
  // The checks of DeleteMember without deleting (callers that first tidy up elsewhere).
  Status CheckDeletion(const Viewer& viewer, model::Id member_id, const std::string& password);

  // Everything the system holds about the viewer, as JSON (GET /api/v1/me/export).
  Result<nlohmann::json> ExportOwnData(const Viewer& viewer);

 private:
  AccountWiring wiring_;
  std::unique_ptr<SignInService> sign_in_;
  std::unique_ptr<ApiTokenService> tokens_;
  std::unique_ptr<SignupService> signup_;
  std::unique_ptr<InvitationService> invitations_;
  std::unique_ptr<PasswordResetService> reset_;
  std::unique_ptr<OwnDataService> own_data_;
};

}  // namespace verbinder::domain
