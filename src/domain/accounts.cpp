// AccountService: the facade over the account use cases (accounts.h), each
// in its own file — account_sign_in, account_tokens, account_signup,
// account_invitations, account_reset, account_deletion; shared helpers in
// account_common.
#include "domain/accounts.h"

#include "domain/account_deletion.h"
#include "domain/account_reset.h"
#include "domain/account_sign_in.h"
#include "domain/account_signup.h"
#include "domain/account_tokens.h"

namespace verbinder::domain {

AccountService::AccountService(storage::Database& db, const Clock& clock) : AccountService(db, clock, {}) {}

AccountService::AccountService(storage::Database& db, const Clock& clock, AccountWiring wiring)
    : wiring_(std::move(wiring)),
      sign_in_(std::make_unique<SignInService>(db, clock)),
      tokens_(std::make_unique<ApiTokenService>(db, clock)),
      signup_(std::make_unique<SignupService>(db, clock, wiring_)),
      invitations_(std::make_unique<InvitationService>(db, clock, wiring_)),
      reset_(std::make_unique<PasswordResetService>(db, clock, wiring_)),
      own_data_(std::make_unique<OwnDataService>(db, clock, wiring_)) {}

AccountService::~AccountService() = default;

Status AccountService::CreateAccount(const Viewer& viewer, model::Id member_id, const std::string& password,
                                     model::Role role) {
  return sign_in_->CreateAccount(viewer, member_id, password, role);
}
Status AccountService::SetRole(const Viewer& viewer, model::Id member_id, model::Role role) {
  return sign_in_->SetRole(viewer, member_id, role);
}
Status AccountService::ChangePassword(const Viewer& viewer, const PasswordChange& c) {
  return sign_in_->ChangePassword(viewer, c);
}
Result<Session> AccountService::Login(const std::string& email, const std::string& password,
                                      const std::string& address) {
  return sign_in_->Login(email, password, address);
}
Result<Session> AccountService::FindSession(const std::string& token) {
  return sign_in_->FindSession(token);
}
Status AccountService::Logout(const std::string& token) {
  return sign_in_->Logout(token);
}
int64_t AccountService::RetryAfter(const std::string& email, const std::string& address) {
  return sign_in_->RetryAfter(email, address);
}

Result<ApiToken> AccountService::CreateApiToken(const Viewer& viewer, const std::string& name) {
  return tokens_->Create(viewer, name);
}
Result<std::vector<ApiToken>> AccountService::ApiTokens(const Viewer& viewer) {
  return tokens_->List(viewer);
}
Status AccountService::RevokeApiToken(const Viewer& viewer, model::Id id) {
  return tokens_->Revoke(viewer, id);
}
Result<Viewer> AccountService::AuthenticateApiToken(const std::string& token) {
  return tokens_->Authenticate(token);
}

Result<std::string> AccountService::SignupMode() {
  return signup_->SignupMode();
}
Status AccountService::SetSignupMode(const Viewer& viewer, const std::string& mode) {
  return signup_->SetSignupMode(viewer, mode);
}
Status AccountService::SignUp(const Signup& s, const std::string& address) {
  return signup_->SignUp(s, address);
}
Result<model::Id> AccountService::ConfirmSignup(const std::string& token) {
  return signup_->ConfirmSignup(token);
}

Result<std::vector<Invitation>> AccountService::Invite(const Viewer& viewer, const std::vector<Invitee>& invitees,
                                                       const std::string& language) {
  return invitations_->Invite(viewer, invitees, language);
}
Result<std::vector<Invitation>> AccountService::Invitations(const Viewer& viewer, const std::string& status) {
  return invitations_->List(viewer, status);
}
Result<Invitation> AccountService::ResendInvitation(const Viewer& viewer, model::Id id) {
  return invitations_->Resend(viewer, id);
}
Result<Invitation> AccountService::RevokeInvitation(const Viewer& viewer, model::Id id) {
  return invitations_->Revoke(viewer, id);
}
Result<Invitation> AccountService::CheckInvitation(const std::string& token) {
  return invitations_->Check(token);
}
Result<model::Id> AccountService::AcceptInvitation(const Acceptance& a) {
  return invitations_->Accept(a);
}
Result<std::optional<model::Id>> AccountService::AcceptInvitationOfVerifiedEmail(
    const std::string& email, const std::string& name,
    const std::function<Status(soci::session&, model::Id member_id)>& also) {
  return invitations_->AcceptVerifiedEmail(email, name, also);
}

Status AccountService::RequestPasswordReset(const std::string& email, const std::string& address) {
  return reset_->Request(email, address);
}
Status AccountService::ResetPassword(const std::string& token, const std::string& new_password) {
  return reset_->Reset(token, new_password);
}

Status AccountService::DeleteMember(const Viewer& viewer, model::Id member_id, const std::string& password) {
  return own_data_->DeleteMember(viewer, member_id, password);
}
Status AccountService::CheckDeletion(const Viewer& viewer, model::Id member_id, const std::string& password) {
  return own_data_->CheckDeletion(viewer, member_id, password);
}
Result<nlohmann::json> AccountService::ExportOwnData(const Viewer& viewer) {
  return own_data_->Export(viewer);
}

}  // namespace verbinder::domain
