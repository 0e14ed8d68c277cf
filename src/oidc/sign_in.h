// Signing in with an OpenID Connect provider, over the database: the sign-in
// under way (state, nonce, PKCE verifier: single use, 10 minutes), what a
// verified identity leads to (a session, a link the member must confirm with
// their password, a new member when sign-up is open or the leader invited the
// verified address, or a refusal), linked
// identities in the member's settings, and the admin's switch for password
// sign-in. Rules and their reasons: docs/oidc.md. The account service is
// borrowed from the composition root (app_services::Services), so sign-up
// goes through the one AccountService the server and the CLI use, with its
// wiring (outbox mailer, member-data owners).
//
//   SignInService s(db, clock, services.accounts);
//   auto start = s.Begin("linkedin", 0, "nl");          // → state, nonce, verifier
//   auto login = s.Consume(state);                      // once; then NotFound
//   auto outcome = s.Complete(login->provider, claims, email_verified, *login);
//
// Thread-safety: safe for concurrent use.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/account_external.h"
#include "domain/accounts.h"
#include "domain/viewer.h"
#include "oidc/id_token.h"
#include "storage/database.h"
#include "util/clock.h"
#include "util/status.h"

namespace verbinder::oidc {

inline constexpr int64_t kLoginLifetime = 600;        // from leaving for the provider to coming back
inline constexpr int64_t kPendingLinkLifetime = 900;  // to confirm a link with the password
inline constexpr const char* kPasswordLoginKey = "accounts.password_login";  // "on" (default) or "off"

struct LoginStart {
  std::string state, nonce, code_verifier;
};

struct PendingLogin {
  std::string provider, nonce, code_verifier, language;
  model::Id link_member_id = 0;  // a signed-in member linking another sign-in
};

struct Outcome {
  enum class Kind { kSignedIn, kLinked, kConfirmLink } kind = Kind::kSignedIn;
  domain::Session session;  // kSignedIn
  std::string link_token;   // kConfirmLink: the member signs in with the password, then confirms
  model::Id member_id = 0;
  bool created = false;  // a new member was made (open sign-up, or an invitation accepted)
};

struct LinkedIdentity {
  model::Id id = 0;
  std::string provider, email;
  int64_t created_at = 0, last_used_at = 0;
};

class SignInService {
 public:
  // `accounts` must outlive this service (the composition root owns both).
  SignInService(storage::Database& db, const Clock& clock, domain::AccountService& accounts)
      : db_(db), clock_(clock), accounts_(accounts), external_(db, clock) {}

  // The account service this one asks (the sign-up mode): the composition root's.
  const domain::AccountService& account_service() const { return accounts_; }

  // Stores a new sign-in under way and returns its secrets.
  Result<LoginStart> Begin(const std::string& provider, model::Id link_member_id, const std::string& language);
  // Takes the sign-in under way for `state` (deleting it: a second call
  // answers InvalidArgument(state)); InvalidArgument(state) too when unknown
  // or older than kLoginLifetime.
  Result<PendingLogin> Consume(const std::string& state);
  // What a verified identity leads to. Errors (field): email (no verified
  // address), signup (unknown address, sign-up is not open and the address
  // has no open invitation; an invitation is accepted — the member made as it
  // says, and linked — in one go), taken (the identity is linked to another
  // member), disabled (account disabled).
  Result<Outcome> Complete(const std::string& provider, const IdClaims& claims, bool email_verified,
                           const PendingLogin& login);
  // The member signed in with their password confirms a pending link.
  // InvalidArgument(token) when unknown, used or expired, PermissionDenied
  // when it is another member's.
  Result<LinkedIdentity> ConfirmLink(const domain::Viewer& viewer, const std::string& token);

  Result<std::vector<LinkedIdentity>> Identities(const domain::Viewer& viewer);
  // Conflict when it is the last way in (no password, no other identity).
  Status Remove(const domain::Viewer& viewer, model::Id id);

  Result<bool> PasswordLoginEnabled();
  Status SetPasswordLogin(const domain::Viewer& viewer, bool enabled);

 private:
  Result<LinkedIdentity> Link(const std::string& provider, const std::string& subject, const std::string& email,
                              model::Id member_id);

  storage::Database& db_;
  const Clock& clock_;
  domain::AccountService& accounts_;   // borrowed: the composition root's
  domain::ExternalAccounts external_;  // stateless: sessions and members without a password
};

}  // namespace verbinder::oidc
