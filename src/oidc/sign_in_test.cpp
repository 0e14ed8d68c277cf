// Sign-in with a provider over a real database (SQLite, and PostgreSQL as
// oidc_sign_in_test_pg): single-use, expiring state; what a verified identity
// leads to (session, confirm-with-password link, new member by sign-up mode
// or by the leader's invitation, refusals); linked identities; the password
// sign-in switch.
#include "oidc/sign_in.h"

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <soci/soci.h>

#include "domain/accounts.h"
#include "domain/bulk_load.h"
#include "domain/members.h"
#include "storage/testing.h"

namespace verbinder::oidc {
namespace {

using domain::Viewer;

class SignInTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = storage::testing::FreshDatabase(::testing::UnitTest::GetInstance()->current_test_info()->name());
    ASSERT_TRUE(domain::EnsureDefaultSectors(*db_).ok());
    accounts_ = std::make_unique<domain::AccountService>(*db_, clock_);
    service_ = std::make_unique<SignInService>(*db_, clock_, *accounts_);
  }

  model::Id Member(const std::string& email, const std::string& password = "",
                   model::Role role = model::Role::kMember) {
    domain::MemberService members(*db_, clock_);
    model::Member m;
    m.name = "Lid " + email.substr(0, email.find('@'));
    m.email = email;
    m.languages = {"nl"};
    auto r = members.Create(Viewer::System(), m);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    if (!password.empty()) {
      domain::AccountService accounts(*db_, clock_);
      EXPECT_TRUE(accounts.CreateAccount(Viewer::System(), r->id, password, role).ok());
    }
    return r->id;
  }

  static IdClaims Claims(const std::string& sub, const std::string& email, bool verified = true) {
    IdClaims c;
    c.sub = sub;
    c.email = email;
    c.email_verified = verified;
    c.name = "Nieuw Lid";
    return c;
  }

  Result<Outcome> SignIn(const IdClaims& c, model::Id link = 0, const std::string& provider = "linkedin") {
    auto start = service_->Begin(provider, link, "nl");
    EXPECT_TRUE(start.ok());
    auto login = service_->Consume(start->state);
    EXPECT_TRUE(login.ok());
    return service_->Complete(provider, c, c.email_verified, *login);
  }

  // The leader invites `email` through an account service with a mailer (as
  // the server's has); returns the token of the link in the invitation mail.
  std::string Invite(const std::string& email, const std::string& name, const std::string& language = "nl") {
    struct Recorder : domain::AccountMailer {
      std::vector<domain::AccountMail> sent;
      Status Queue(soci::session&, const domain::AccountMail& m, int64_t) override {
        sent.push_back(m);
        return Status::Ok();
      }
    };
    auto recorder = std::make_shared<Recorder>();
    domain::AccountService wired(*db_, clock_, {recorder, nullptr});
    auto r = wired.Invite(Viewer::System(), {{email, name}}, language);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    if (recorder->sent.size() != 1) return "";
    const std::string& text = recorder->sent[0].text;
    auto at = text.find("token=");
    return at == std::string::npos ? "" : text.substr(at + 6, 64);
  }

  // The invitations with this status ("" = all), newest first.
  std::vector<domain::Invitation> Invitations(const std::string& status = "") {
    auto r = accounts_->Invitations(Viewer::System(), status);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : std::vector<domain::Invitation>{};
  }

  void InvitationOnly() { ASSERT_TRUE(accounts_->SetSignupMode(Viewer{1, model::Role::kAdmin}, "invitation").ok()); }

  long long Count(const std::string& table) {
    soci::session sql(db_->pool());
    long long n = 0;
    sql << "SELECT count(*) FROM " + table, soci::into(n);
    return n;
  }

  FakeClock clock_{1'800'000'000};
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<domain::AccountService> accounts_;  // injected, as the composition root injects its own
  std::unique_ptr<SignInService> service_;
};

TEST_F(SignInTest, StateIsSingleUseAndExpires) {
  auto a = service_->Begin("linkedin", 0, "en");
  ASSERT_TRUE(a.ok());
  EXPECT_NE(a->state, a->nonce);
  auto login = service_->Consume(a->state);
  ASSERT_TRUE(login.ok());
  EXPECT_EQ(login->provider, "linkedin");
  EXPECT_EQ(login->nonce, a->nonce);
  EXPECT_EQ(login->code_verifier, a->code_verifier);
  EXPECT_EQ(login->language, "en");
  EXPECT_EQ(service_->Consume(a->state).status().field(), "state");  // replayed
  EXPECT_EQ(service_->Consume("forged").status().field(), "state");
  auto b = service_->Begin("linkedin", 0, "nl");
  clock_.Advance(kLoginLifetime + 1);
  EXPECT_EQ(service_->Consume(b->state).status().field(), "state");  // too late
  EXPECT_EQ(Count("oidc_logins"), 0);                                // and gone
}

TEST_F(SignInTest, UnknownAddressFollowsTheSignupMode) {
  auto r = SignIn(Claims("sub-new", "Nieuw@Example.org"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->kind, Outcome::Kind::kSignedIn);
  EXPECT_TRUE(r->created);
  domain::AccountService& accounts = *accounts_;  // the one the service was given
  auto s = accounts.FindSession(r->session.token);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->member_id, r->member_id);
  // The new account has no password: password sign-in never lets anyone in.
  EXPECT_FALSE(accounts.Login("nieuw@example.org", "", "127.0.0.1").ok());
  // Again: the linked identity, no second member.
  auto again = SignIn(Claims("sub-new", "nieuw@example.org"));
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->created);
  EXPECT_EQ(again->member_id, r->member_id);

  ASSERT_TRUE(accounts.SetSignupMode(Viewer{1, model::Role::kAdmin}, "invitation").ok());
  long long members = Count("members");
  auto refused = SignIn(Claims("sub-other", "ander@example.org"));
  EXPECT_EQ(refused.status().code(), Code::kPermissionDenied);
  EXPECT_EQ(Count("members"), members);
}

TEST_F(SignInTest, UnverifiedAddressIsRefused) {
  Member("anja@example.org", "wachtwoord-van-anja");
  auto r = SignIn(Claims("sub-a", "anja@example.org", false));
  EXPECT_EQ(r.status().field(), "email");
  EXPECT_EQ(Count("oidc_identities"), 0);
  EXPECT_EQ(Count("oidc_pending_links"), 0);
}

TEST_F(SignInTest, AMemberWithAPasswordConfirmsTheLink) {
  model::Id anja = Member("anja@example.org", "wachtwoord-van-anja");
  model::Id piet = Member("piet@example.org", "wachtwoord-van-piet");
  auto r = SignIn(Claims("sub-a", "ANJA@example.org"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->kind, Outcome::Kind::kConfirmLink);
  EXPECT_EQ(r->member_id, anja);
  EXPECT_EQ(Count("oidc_identities"), 0);  // nothing linked yet
  EXPECT_EQ(service_->ConfirmLink(Viewer{piet, model::Role::kMember}, r->link_token).status().code(),
            Code::kPermissionDenied);
  auto linked = service_->ConfirmLink(Viewer{anja, model::Role::kMember}, r->link_token);
  ASSERT_TRUE(linked.ok());
  EXPECT_EQ(linked->provider, "linkedin");
  EXPECT_EQ(service_->ConfirmLink(Viewer{anja, model::Role::kMember}, r->link_token).status().field(), "token");
  auto next = SignIn(Claims("sub-a", "anja@example.org"));
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(next->kind, Outcome::Kind::kSignedIn);
  EXPECT_EQ(next->member_id, anja);
}

TEST_F(SignInTest, ThePendingLinkExpires) {
  model::Id anja = Member("anja@example.org", "wachtwoord-van-anja");
  auto r = SignIn(Claims("sub-a", "anja@example.org"));
  ASSERT_TRUE(r.ok());
  clock_.Advance(kPendingLinkLifetime + 1);
  EXPECT_EQ(service_->ConfirmLink(Viewer{anja, model::Role::kMember}, r->link_token).status().field(), "token");
}

TEST_F(SignInTest, AnImportedMemberWithoutAccountIsSignedIn) {
  model::Id imported = Member("kees@example.org");
  auto r = SignIn(Claims("sub-k", "kees@example.org"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->kind, Outcome::Kind::kSignedIn);
  EXPECT_EQ(r->member_id, imported);
  EXPECT_FALSE(r->created);
  EXPECT_EQ(Count("accounts"), 1);
}

TEST_F(SignInTest, PasswordSignInSwitchedOffLinksAVerifiedAddressDirectly) {
  model::Id anja = Member("anja@example.org", "wachtwoord-van-anja");
  EXPECT_TRUE(*service_->PasswordLoginEnabled());
  EXPECT_EQ(service_->SetPasswordLogin(Viewer{anja, model::Role::kOrganizer}, false).code(), Code::kPermissionDenied);
  ASSERT_TRUE(service_->SetPasswordLogin(Viewer{1, model::Role::kAdmin}, false).ok());
  EXPECT_FALSE(*service_->PasswordLoginEnabled());
  auto r = SignIn(Claims("sub-a", "anja@example.org"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->kind, Outcome::Kind::kSignedIn);
  EXPECT_EQ(r->member_id, anja);
}

TEST_F(SignInTest, LinkingFromSettingsAndRemoving) {
  model::Id anja = Member("anja@example.org", "wachtwoord-van-anja");
  model::Id piet = Member("piet@example.org", "wachtwoord-van-piet");
  // Anja links her work account, whatever address it carries.
  auto r = SignIn(Claims("sub-work", "a.kamphuis@werk.example"), anja, "werk");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->kind, Outcome::Kind::kLinked);
  // Piet cannot take it over.
  EXPECT_EQ(SignIn(Claims("sub-work", "a.kamphuis@werk.example"), piet, "werk").status().field(), "taken");
  auto mine = service_->Identities(Viewer{anja, model::Role::kMember});
  ASSERT_TRUE(mine.ok());
  ASSERT_EQ(mine->size(), 1u);
  EXPECT_EQ((*mine)[0].provider, "werk");
  EXPECT_TRUE(service_->Identities(Viewer{piet, model::Role::kMember})->empty());
  EXPECT_EQ(service_->Remove(Viewer{piet, model::Role::kMember}, (*mine)[0].id).code(), Code::kNotFound);
  ASSERT_TRUE(service_->Remove(Viewer{anja, model::Role::kMember}, (*mine)[0].id).ok());
  EXPECT_TRUE(service_->Identities(Viewer{anja, model::Role::kMember})->empty());
}

TEST_F(SignInTest, TheOnlyWayInCannotBeRemoved) {
  auto r = SignIn(Claims("sub-new", "nieuw@example.org"));
  ASSERT_TRUE(r.ok());
  Viewer me{r->member_id, model::Role::kMember};
  auto mine = service_->Identities(me);
  ASSERT_EQ(mine->size(), 1u);
  EXPECT_EQ(service_->Remove(me, (*mine)[0].id).code(), Code::kConflict);
  EXPECT_EQ(service_->Identities(me)->size(), 1u);
}

TEST_F(SignInTest, ADisabledAccountIsRefused) {
  model::Id kees = Member("kees@example.org", "wachtwoord-van-kees");
  ASSERT_TRUE(service_->SetPasswordLogin(Viewer{1, model::Role::kAdmin}, false).ok());
  {
    soci::session sql(db_->pool());
    long long id = kees;
    sql << "UPDATE accounts SET disabled = 1 WHERE member_id = :m", soci::use(id);
  }
  EXPECT_EQ(SignIn(Claims("sub-k", "kees@example.org")).status().code(), Code::kPermissionDenied);
}

// Sign-up by invitation only: the leader's invitation works whichever way the
// invitee signs in, when the provider verified the invited address.
TEST_F(SignInTest, AnInvitedVerifiedAddressJoinsAsTheInvitationSays) {
  InvitationOnly();
  std::string token = Invite("inge@example.org", "Inge de Vries", "en");
  ASSERT_EQ(token.size(), 64u);
  long long members = Count("members");
  // Another case than the invitation's: the address still matches.
  auto r = SignIn(Claims("sub-inge", "Inge@Example.ORG"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->kind, Outcome::Kind::kSignedIn);
  EXPECT_TRUE(r->created);
  EXPECT_EQ(Count("members"), members + 1);
  auto s = accounts_->FindSession(r->session.token);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->member_id, r->member_id);
  EXPECT_EQ(s->role, model::Role::kMember);
  {
    // The member as the invitation says: its name (not the provider's
    // "Nieuw Lid"), its address and language; an account without password.
    soci::session sql(db_->pool());
    long long id = r->member_id;
    std::string name, email, languages, hash, role;
    sql << "SELECT name, email, languages FROM members WHERE id = :i", soci::use(id), soci::into(name),
        soci::into(email), soci::into(languages);
    EXPECT_EQ(name, "Inge de Vries");
    EXPECT_EQ(email, "inge@example.org");
    EXPECT_EQ(languages, "en");
    sql << "SELECT password_hash, role FROM accounts WHERE member_id = :i", soci::use(id), soci::into(hash),
        soci::into(role);
    ASSERT_TRUE(sql.got_data());
    EXPECT_EQ(hash, "");
    EXPECT_EQ(role, "member");
  }
  // The invitation is used, for this member, as accepting it by link records it.
  auto all = Invitations();
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].status, "accepted");
  EXPECT_EQ(all[0].member_id, r->member_id);
  // The sign-in is linked to the new member.
  auto mine = service_->Identities(Viewer{r->member_id, model::Role::kMember});
  ASSERT_TRUE(mine.ok());
  ASSERT_EQ(mine->size(), 1u);
  EXPECT_EQ((*mine)[0].provider, "linkedin");
  EXPECT_EQ((*mine)[0].email, "inge@example.org");

  // A second use of the invitation is refused: by its link, and by the
  // verified-address path (no open invitation any more) ...
  auto again = accounts_->AcceptInvitation({token, "Iemand Anders", "een lang wachtwoord", "care", "Zorg BV", ""});
  EXPECT_EQ(again.status().code(), Code::kConflict);
  EXPECT_EQ(again.status().reason(), "account.link_used");
  auto direct = accounts_->AcceptInvitationOfVerifiedEmail("inge@example.org", "Iemand Anders",
                                                           [](soci::session&, model::Id) { return Status::Ok(); });
  ASSERT_TRUE(direct.ok()) << direct.status().ToString();
  EXPECT_FALSE(direct->has_value());
  EXPECT_EQ(Count("members"), members + 1);
  // ... while Inge signs in again as herself.
  auto next = SignIn(Claims("sub-inge", "inge@example.org"));
  ASSERT_TRUE(next.ok());
  EXPECT_FALSE(next->created);
  EXPECT_EQ(next->member_id, r->member_id);
}

TEST_F(SignInTest, AnInvitedButUnverifiedAddressIsRefused) {
  InvitationOnly();
  Invite("inge@example.org", "Inge de Vries");
  long long members = Count("members");
  auto r = SignIn(Claims("sub-inge", "inge@example.org", /*verified=*/false));
  EXPECT_EQ(r.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(r.status().field(), "email");
  EXPECT_EQ(r.status().reason(), "oidc.email_unverified");
  EXPECT_EQ(Count("members"), members);
  EXPECT_EQ(Count("oidc_identities"), 0);
  EXPECT_EQ(Invitations("pending").size(), 1u);  // still open
}

TEST_F(SignInTest, AnAddressWithoutInvitationIsRefused) {
  InvitationOnly();
  Invite("inge@example.org", "Inge de Vries");
  long long members = Count("members");
  auto r = SignIn(Claims("sub-jan", "jan@example.org"));
  EXPECT_EQ(r.status().code(), Code::kPermissionDenied);
  EXPECT_EQ(r.status().reason(), "account.signup_invitation_only");
  EXPECT_EQ(Count("members"), members);
  EXPECT_EQ(Count("oidc_identities"), 0);
  EXPECT_EQ(Invitations("pending").size(), 1u);  // Inge's is untouched
}

TEST_F(SignInTest, AnExpiredOrRevokedInvitationIsRefused) {
  InvitationOnly();
  Invite("inge@example.org", "Inge de Vries");
  Invite("piet@example.org", "Piet Jansen");
  long long members = Count("members");
  clock_.Advance(domain::kInvitationLifetime - 10);
  auto piet = Invitations();
  ASSERT_EQ(piet.size(), 2u);
  ASSERT_EQ(piet[0].email, "piet@example.org");
  ASSERT_TRUE(accounts_->RevokeInvitation(Viewer::System(), piet[0].id).ok());
  auto revoked = SignIn(Claims("sub-piet", "piet@example.org"));
  EXPECT_EQ(revoked.status().reason(), "account.signup_invitation_only");
  clock_.Advance(11);  // Inge's invitation has just expired
  auto r = SignIn(Claims("sub-inge", "inge@example.org"));
  EXPECT_EQ(r.status().code(), Code::kPermissionDenied);
  EXPECT_EQ(r.status().reason(), "account.signup_invitation_only");
  EXPECT_EQ(Count("members"), members);
  EXPECT_EQ(Count("oidc_identities"), 0);
  EXPECT_EQ(Invitations("expired").size(), 1u);
  EXPECT_EQ(Invitations("accepted").size(), 0u);
}

// When the step in the transaction (linking the sign-in) fails, nothing is
// left half-written: no member, no account, the invitation open again.
TEST_F(SignInTest, AFailedLinkLeavesNoMemberAndTheInvitationOpen) {
  Invite("inge@example.org", "Inge de Vries");
  long long members = Count("members"), accounts = Count("accounts");
  model::Id seen = 0;
  auto r = accounts_->AcceptInvitationOfVerifiedEmail("inge@example.org", "", [&](soci::session&, model::Id id) {
    seen = id;
    return AlreadyExists("this sign-in is already linked to another member", "taken");
  });
  EXPECT_EQ(r.status().code(), Code::kAlreadyExists);
  EXPECT_NE(seen, 0);                    // the member had been made ...
  EXPECT_EQ(Count("members"), members);  // ... and is gone again
  EXPECT_EQ(Count("accounts"), accounts);
  auto open = Invitations("pending");
  ASSERT_EQ(open.size(), 1u);
  EXPECT_EQ(open[0].member_id, 0);
  // The invitation still works afterwards.
  InvitationOnly();
  auto ok = SignIn(Claims("sub-inge", "inge@example.org"));
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_TRUE(ok->created);
  EXPECT_EQ(Invitations("accepted").size(), 1u);
}

}  // namespace
}  // namespace verbinder::oidc
