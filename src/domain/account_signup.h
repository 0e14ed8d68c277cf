// Becoming a member with an account: sign-up by the person themself with an
// e-mail confirmation (account_signup.cpp), and invitations by the network
// leader (account_invitations.cpp). Mails go through the wired AccountMailer.
// Reached through AccountService (accounts.h). Thread-safety: safe for
// concurrent use (two clicks on one link create one member).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/accounts.h"

namespace verbinder::domain {

class SignupService {
 public:
  SignupService(storage::Database& db, const Clock& clock, const AccountWiring& wiring)
      : db_(db), clock_(clock), wiring_(wiring) {}

  Result<std::string> SignupMode();
  Status SetSignupMode(const Viewer& viewer, const std::string& mode);
  Status SignUp(const Signup& s, const std::string& address);
  Result<model::Id> ConfirmSignup(const std::string& token);

 private:
  storage::Database& db_;
  const Clock& clock_;
  const AccountWiring& wiring_;
};

class InvitationService {
 public:
  InvitationService(storage::Database& db, const Clock& clock, const AccountWiring& wiring)
      : db_(db), clock_(clock), wiring_(wiring) {}

  Result<std::vector<Invitation>> Invite(const Viewer& viewer, const std::vector<Invitee>& invitees,
                                         const std::string& language);
  Result<std::vector<Invitation>> List(const Viewer& viewer, const std::string& status);
  Result<Invitation> Resend(const Viewer& viewer, model::Id id);
  Result<Invitation> Revoke(const Viewer& viewer, model::Id id);
  Result<Invitation> Check(const std::string& token);
  Result<model::Id> Accept(const Acceptance& a);
  Result<std::optional<model::Id>> AcceptVerifiedEmail(const std::string& email, const std::string& name,
                                                       const std::function<Status(soci::session&, model::Id)>& also);

 private:
  // Claims `inv` (UsedLink when it is no longer open), creates `m` with an
  // account (password hash; "" = none), then records the member on the
  // invitation and runs `also` in one transaction; on failure undoes both.
  Result<model::Id> Fulfil(const Invitation& inv, const model::Member& m, const std::string& hash,
                           const std::function<Status(soci::session&, model::Id)>& also);

  storage::Database& db_;
  const Clock& clock_;
  const AccountWiring& wiring_;
};

}  // namespace verbinder::domain
