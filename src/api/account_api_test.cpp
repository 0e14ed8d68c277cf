// Accounts for real people over real HTTP on a real database (SQLite file, or
// PostgreSQL with VERBINDER_TEST_BACKEND=postgres): sign-up and confirmation,
// invitations, password reset, deleting an account, the own-data export.
// Links are read from the mail outbox, as a person would read their mail.
#include <gtest/gtest.h>

#include <regex>

#include "api/test_client.h"

namespace verbinder::api {
namespace {

using testing::Client;
using testing::kPassword;
using Json = nlohmann::json;

class AccountApiTest : public testing::ApiServerTest<> {
 protected:
  AccountApiTest() : ApiServerTest({}, 1'800'000'000) {}
  void Seed() override {
    organizer_ = Add("Lotte Leider", "leider@x.example", model::Visibility::kMembers, model::Role::kOrganizer);
    admin_ = Add("Ad Min", "admin@x.example", model::Visibility::kHidden, model::Role::kAdmin);
    anja_ = Add("Anja de Vries", "anja@x.example", model::Visibility::kMembers, model::Role::kMember);
    pieter_ = Add("Pieter Bakker", "pieter@x.example", model::Visibility::kHidden, model::Role::kMember);
  }
  model::Id Add(const std::string& name, const std::string& email, model::Visibility vis, model::Role role) {
    model::Member m = NewMember(name, email);
    m.visibility = vis;
    return AddMember(m, role);
  }

  long long Mails(const std::string& to) { return Count("SELECT count(*) FROM outbox WHERE to_email = :e", to); }
  // The token of the newest mail to `to` of `kind`, read from its link.
  std::string TokenFromMail(const std::string& to, const std::string& kind) {
    const std::string text = LastMailText(to, kind);
    std::smatch m;
    if (!std::regex_search(text, m, std::regex("token=([0-9a-f]{64})"))) return "";
    return m[1];
  }

  model::Id organizer_ = 0, admin_ = 0, anja_ = 0, pieter_ = 0;
};

Json SignupBody(const std::string& email) {
  return {{"name", "Sanne Smit"},          {"email", email},  {"password", "mijn geheime zin"}, {"sector", "industry"},
          {"organization", "Smit Metaal"}, {"language", "nl"}};
}

TEST_F(AccountApiTest, SignUpConfirmThenLogIn) {
  Client c(Base());
  EXPECT_EQ(c.Get("/api/v1/auth/signup-mode").Json()["mode"], "open");
  auto r = c.Post("/api/v1/auth/signup", SignupBody("Sanne@Smit.example"));
  ASSERT_EQ(r.status, 202) << r.body;
  EXPECT_EQ(r.body.find("token"), std::string::npos);  // never in a response
  // Not a member yet: cannot log in, not in the directory.
  EXPECT_EQ(c.Login("sanne@smit.example", "mijn geheime zin").status, 401);
  EXPECT_EQ(Count("SELECT count(*) FROM members WHERE email = 'sanne@smit.example'"), 0);
  ASSERT_EQ(Mails("sanne@smit.example"), 1);
  std::string token = TokenFromMail("sanne@smit.example", "account.confirm");
  ASSERT_EQ(token.size(), 64u);

  // Forged and malformed links.
  std::string forged = token;
  forged[0] = forged[0] == 'a' ? 'b' : 'a';
  auto f = c.Post("/api/v1/auth/signup/confirm", {{"token", forged}});
  EXPECT_EQ(f.status, 400);
  EXPECT_EQ(f.ErrorField(), "token");
  EXPECT_EQ(c.Post("/api/v1/auth/signup/confirm", {{"token", "../etc"}}).status, 400);
  EXPECT_EQ(c.Post("/api/v1/auth/signup/confirm", {{"token", 5}}).ErrorField(), "token");
  EXPECT_EQ(Count("SELECT count(*) FROM members WHERE email = 'sanne@smit.example'"), 0);

  auto ok = c.Post("/api/v1/auth/signup/confirm", {{"token", token}});
  ASSERT_EQ(ok.status, 200) << ok.body;
  auto again = c.Post("/api/v1/auth/signup/confirm", {{"token", token}});
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.ErrorField(), "token");
  EXPECT_EQ(Count("SELECT count(*) FROM members WHERE email = 'sanne@smit.example'"), 1);

  auto in = c.Login("sanne@smit.example", "mijn geheime zin");
  ASSERT_EQ(in.status, 200) << in.body;
  auto me = c.Get("/api/v1/auth/me").Json();
  EXPECT_EQ(me["member"]["name"], "Sanne Smit");
  EXPECT_EQ(me["member"]["sector"], "industry");
  EXPECT_EQ(me["member"]["organization"], "Smit Metaal");
  EXPECT_EQ(me["role"], "member");
  // Now in the directory and search of others.
  Client anja(Base());
  ASSERT_EQ(anja.Login("anja@x.example", kPassword).status, 200);
  EXPECT_EQ(anja.Get("/api/v1/members?q=sanne").Json()["total"], 1);
  // Signing up again with the address of a member answers as for a new address
  // (issue #15: sign-up reveals nothing) and mails the owner instead.
  const long long before = Mails("sanne@smit.example");
  EXPECT_EQ(c.Post("/api/v1/auth/signup", SignupBody("sanne@smit.example")).status, 202);
  EXPECT_EQ(Mails("sanne@smit.example"), before + 1);
}

TEST_F(AccountApiTest, SignUpBadInputWritesNothing) {
  Client c(Base());
  auto field = [&](const Json& body) { return c.Post("/api/v1/auth/signup", body).ErrorField(); };
  Json weak = SignupBody("a@b.example");
  weak["password"] = "kort";
  EXPECT_EQ(field(weak), "password");
  EXPECT_EQ(field(SignupBody("not-an-address")), "email");
  Json nosector = SignupBody("a@b.example");
  nosector["sector"] = "astrology";
  EXPECT_EQ(field(nosector), "sector");
  Json noorg = SignupBody("a@b.example");
  noorg["organization"] = "  ";
  EXPECT_EQ(field(noorg), "organization");
  Json extra = SignupBody("a@b.example");
  extra["role"] = "admin";
  EXPECT_EQ(field(extra), "role");
  Json lang = SignupBody("a@b.example");
  lang["language"] = "fr";
  EXPECT_EQ(field(lang), "language");
  // A member's address: the same answer as a new one, no sign-up stored, a mail to the owner.
  auto dup = c.Post("/api/v1/auth/signup", SignupBody("ANJA@x.example"));
  EXPECT_EQ(dup.status, 202);
  EXPECT_EQ(c.Request("POST", "/api/v1/auth/signup", "{not json").status, 400);
  EXPECT_EQ(Count("SELECT count(*) FROM signups"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM outbox"), 1);
  EXPECT_EQ(Mails("anja@x.example"), 1);
}

TEST_F(AccountApiTest, ExpiredConfirmationLinkAndThrottledSignUp) {
  Client c(Base());
  ASSERT_EQ(c.Post("/api/v1/auth/signup", SignupBody("late@x.example")).status, 202);
  std::string token = TokenFromMail("late@x.example", "account.confirm");
  clock_.Advance(domain::kSignupLifetime + 1);
  auto r = c.Post("/api/v1/auth/signup/confirm", {{"token", token}});
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("expired"), std::string::npos) << r.body;
  // A new sign-up replaces the pending one; the old link stays dead.
  ASSERT_EQ(c.Post("/api/v1/auth/signup", SignupBody("late@x.example")).status, 202);
  std::string fresh = TokenFromMail("late@x.example", "account.confirm");
  EXPECT_NE(fresh, token);
  EXPECT_EQ(c.Post("/api/v1/auth/signup/confirm", {{"token", token}}).status, 400);
  EXPECT_EQ(Count("SELECT count(*) FROM signups"), 1);
  // Per-address mail throttle: at most kMaxSignupsPerEmail sign-ups for one address in the window
  // (the first one, 48 hours ago, is outside it).
  for (int i = 1; i < domain::kMaxSignupsPerEmail; ++i)
    ASSERT_EQ(c.Post("/api/v1/auth/signup", SignupBody("late@x.example")).status, 202);
  auto t = c.Post("/api/v1/auth/signup", SignupBody("late@x.example"));
  EXPECT_EQ(t.status, 429);
  EXPECT_EQ(t.headers.count("retry-after"), 1u);
  EXPECT_EQ(c.Post("/api/v1/auth/signup/confirm", {{"token", fresh}}).status, 400);  // replaced by the third
  EXPECT_EQ(
      c.Post("/api/v1/auth/signup/confirm", {{"token", TokenFromMail("late@x.example", "account.confirm")}}).status,
      200);
}

TEST_F(AccountApiTest, InvitationOnlyMode) {
  Client anon(Base()), org(Base()), anja(Base());
  ASSERT_EQ(org.Login("leider@x.example", kPassword).status, 200);
  ASSERT_EQ(anja.Login("anja@x.example", kPassword).status, 200);
  EXPECT_EQ(anja.Request("PUT", "/api/v1/auth/signup-mode", R"({"mode":"invitation"})").status, 403);
  EXPECT_EQ(org.Request("PUT", "/api/v1/auth/signup-mode", R"({"mode":"closed"})").ErrorField(), "mode");
  ASSERT_EQ(org.Request("PUT", "/api/v1/auth/signup-mode", R"({"mode":"invitation"})").status, 200);
  EXPECT_EQ(anon.Get("/api/v1/auth/signup-mode").Json()["mode"], "invitation");
  EXPECT_EQ(anon.Post("/api/v1/auth/signup", SignupBody("new@x.example")).status, 403);
  EXPECT_EQ(Count("SELECT count(*) FROM signups"), 0);
  EXPECT_EQ(Mails("new@x.example"), 0);
}

TEST_F(AccountApiTest, InviteAcceptResendRevoke) {
  Client org(Base()), anja(Base()), anon(Base());
  ASSERT_EQ(org.Login("leider@x.example", kPassword).status, 200);
  ASSERT_EQ(anja.Login("anja@x.example", kPassword).status, 200);
  Json two = {
      {"invitees", {{{"email", "Kees@Bouw.example"}, {"name", "Kees Bouwman"}}, {{"email", "els@school.example"}}}},
      {"language", "en"}};
  EXPECT_EQ(anja.Post("/api/v1/invitations", two).status, 403);
  // All or nothing: one bad address in the list, nothing is written or mailed.
  Json bad = two;
  bad["invitees"].push_back({{"email", "not an address"}});
  auto b = org.Post("/api/v1/invitations", bad);
  EXPECT_EQ(b.status, 400);
  EXPECT_EQ(b.ErrorField(), "invitees[2].email");
  Json dup = two;
  dup["invitees"].push_back({{"email", "kees@bouw.example"}});
  EXPECT_EQ(org.Post("/api/v1/invitations", dup).ErrorField(), "invitees[2].email");
  Json member = two;
  member["invitees"].push_back({{"email", "anja@x.example"}});
  auto m = org.Post("/api/v1/invitations", member);
  EXPECT_EQ(m.status, 409);
  EXPECT_EQ(m.ErrorField(), "invitees[2].email");
  EXPECT_EQ(org.Post("/api/v1/invitations", {{"invitees", Json::array()}}).ErrorField(), "invitees");
  EXPECT_EQ(
      org.Post("/api/v1/invitations", {{"invitees", {{{"email", "a@b.example"}, {"role", "admin"}}}}}).ErrorField(),
      "invitees[0].role");
  EXPECT_EQ(Count("SELECT count(*) FROM invitations"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM outbox"), 0);

  auto created = org.Post("/api/v1/invitations", two);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.Json()["items"].size(), 2u);
  EXPECT_EQ(created.body.find("token"), std::string::npos);
  EXPECT_EQ(org.Post("/api/v1/invitations", {{"invitees", {{{"email", "kees@bouw.example"}}}}}).status, 409);
  auto list = org.Get("/api/v1/invitations?status=pending").Json();
  EXPECT_EQ(list["total"], 2);
  EXPECT_EQ(anja.Get("/api/v1/invitations").status, 403);

  std::string token = TokenFromMail("kees@bouw.example", "account.invitation");
  ASSERT_EQ(token.size(), 64u);
  auto check = anon.Post("/api/v1/auth/invitation/check", {{"token", token}});
  ASSERT_EQ(check.status, 200);
  EXPECT_EQ(check.Json()["email"], "kees@bouw.example");
  EXPECT_EQ(check.Json()["name"], "Kees Bouwman");
  Json accept = {{"token", token},       {"name", "Kees Bouwman"},       {"password", "kort"},
                 {"sector", "industry"}, {"organization", "Bouwman BV"}, {"title", "Directeur"}};
  EXPECT_EQ(anon.Post("/api/v1/auth/invitation/accept", accept).ErrorField(), "password");
  accept["password"] = "een sterk wachtwoord";
  accept["sector"] = "nope";
  EXPECT_EQ(anon.Post("/api/v1/auth/invitation/accept", accept).ErrorField(), "sector");
  accept["sector"] = "industry";
  EXPECT_EQ(Count("SELECT count(*) FROM members WHERE email = 'kees@bouw.example'"), 0);
  auto ok = anon.Post("/api/v1/auth/invitation/accept", accept);
  ASSERT_EQ(ok.status, 201) << ok.body;
  auto reused = anon.Post("/api/v1/auth/invitation/accept", accept);
  EXPECT_EQ(reused.status, 409);
  EXPECT_EQ(reused.ErrorField(), "token");
  ASSERT_EQ(anon.Login("kees@bouw.example", "een sterk wachtwoord").status, 200);
  EXPECT_EQ(anon.Get("/api/v1/auth/me").Json()["member"]["title"], "Directeur");
  EXPECT_EQ(anon.Get("/api/v1/auth/me").Json()["member"]["languages"], Json::array({"en"}));
  auto accepted = org.Get("/api/v1/invitations?status=accepted").Json();
  ASSERT_EQ(accepted["total"], 1);
  EXPECT_EQ(accepted["items"][0]["member_id"], ok.Json()["member_id"]);
  int64_t kees_inv = accepted["items"][0]["id"];
  EXPECT_EQ(org.Post("/api/v1/invitations/" + std::to_string(kees_inv) + "/resend", Json::object()).status, 409);
  EXPECT_EQ(org.Post("/api/v1/invitations/" + std::to_string(kees_inv) + "/revoke", Json::object()).status, 409);

  // Resend: a new link; the old one stops working.
  int64_t els_inv = org.Get("/api/v1/invitations?status=pending").Json()["items"][0]["id"];
  std::string old = TokenFromMail("els@school.example", "account.invitation");
  auto rs = org.Post("/api/v1/invitations/" + std::to_string(els_inv) + "/resend", Json::object());
  ASSERT_EQ(rs.status, 200) << rs.body;
  EXPECT_EQ(rs.Json()["sent_count"], 2);
  std::string fresh = TokenFromMail("els@school.example", "account.invitation");
  EXPECT_NE(old, fresh);
  EXPECT_EQ(anon.Post("/api/v1/auth/invitation/check", {{"token", old}}).status, 400);
  EXPECT_EQ(anon.Post("/api/v1/auth/invitation/check", {{"token", fresh}}).status, 200);
  // Revoke: the link is dead.
  ASSERT_EQ(org.Post("/api/v1/invitations/" + std::to_string(els_inv) + "/revoke", Json::object()).status, 200);
  EXPECT_EQ(anon.Post("/api/v1/auth/invitation/check", {{"token", fresh}}).status, 400);
  EXPECT_EQ(org.Post("/api/v1/invitations/999/revoke", Json::object()).status, 404);
  EXPECT_EQ(org.Get("/api/v1/invitations?status=bogus").ErrorField(), "status");
}

TEST_F(AccountApiTest, ExpiredInvitation) {
  Client org(Base()), anon(Base());
  ASSERT_EQ(org.Login("leider@x.example", kPassword).status, 200);
  ASSERT_EQ(org.Post("/api/v1/invitations", {{"invitees", {{{"email", "laat@x.example"}}}}}).status, 201);
  std::string token = TokenFromMail("laat@x.example", "account.invitation");
  clock_.Advance(domain::kInvitationLifetime + 1);
  ASSERT_EQ(org.Login("leider@x.example", kPassword).status, 200);  // the old session expired too
  Json accept = {{"token", token},
                 {"name", "Laat"},
                 {"password", "een sterk wachtwoord"},
                 {"sector", "care"},
                 {"organization", "Zorg"}};
  auto r = anon.Post("/api/v1/auth/invitation/accept", accept);
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("expired"), std::string::npos);
  EXPECT_EQ(org.Get("/api/v1/invitations?status=expired").Json()["total"], 1);
  EXPECT_EQ(Count("SELECT count(*) FROM members WHERE email = 'laat@x.example'"), 0);
  // An expired invitation may be sent again.
  ASSERT_EQ(org.Post("/api/v1/invitations", {{"invitees", {{{"email", "laat@x.example"}}}}}).status, 201);
  accept["token"] = TokenFromMail("laat@x.example", "account.invitation");
  EXPECT_EQ(anon.Post("/api/v1/auth/invitation/accept", accept).status, 201);
}

TEST_F(AccountApiTest, PasswordResetEndsSessionsAndIsSingleUse) {
  Client anon(Base()), phone(Base()), laptop(Base());
  ASSERT_EQ(phone.Login("anja@x.example", kPassword).status, 200);
  ASSERT_EQ(laptop.Login("anja@x.example", kPassword).status, 200);
  // The same answer for an unknown address; nothing is mailed.
  auto unknown = anon.Post("/api/v1/auth/password/forgot", {{"email", "nobody@x.example"}});
  auto known = anon.Post("/api/v1/auth/password/forgot", {{"email", "Anja@x.example"}});
  EXPECT_EQ(unknown.status, 202);
  EXPECT_EQ(known.status, 202);
  EXPECT_EQ(unknown.body, known.body);
  EXPECT_EQ(Mails("nobody@x.example"), 0);
  ASSERT_EQ(Mails("anja@x.example"), 1);
  EXPECT_EQ(anon.Post("/api/v1/auth/password/forgot", {{"email", "bad"}}).ErrorField(), "email");
  std::string token = TokenFromMail("anja@x.example", "account.password_reset");
  ASSERT_EQ(token.size(), 64u);

  EXPECT_EQ(anon.Post("/api/v1/auth/password/reset", {{"token", token}, {"password", "kort"}}).ErrorField(),
            "password");
  std::string forged = std::string(64, 'a');
  EXPECT_EQ(anon.Post("/api/v1/auth/password/reset", {{"token", forged}, {"password", "nieuw wachtwoord 1"}}).status,
            400);
  EXPECT_EQ(phone.Get("/api/v1/auth/me").status, 200);  // nothing changed yet
  auto r = anon.Post("/api/v1/auth/password/reset", {{"token", token}, {"password", "nieuw wachtwoord 1"}});
  ASSERT_EQ(r.status, 204) << r.body;
  EXPECT_EQ(phone.Get("/api/v1/auth/me").status, 401);
  EXPECT_EQ(laptop.Get("/api/v1/auth/me").status, 401);
  EXPECT_EQ(anon.Login("anja@x.example", kPassword).status, 401);
  EXPECT_EQ(anon.Login("anja@x.example", "nieuw wachtwoord 1").status, 200);
  auto reused = anon.Post("/api/v1/auth/password/reset", {{"token", token}, {"password", "nog een wachtwoord"}});
  EXPECT_EQ(reused.status, 409);
  EXPECT_EQ(reused.ErrorField(), "token");
}

TEST_F(AccountApiTest, ResetLinkExpiresAndRequestsAreThrottled) {
  Client anon(Base());
  ASSERT_EQ(anon.Post("/api/v1/auth/password/forgot", {{"email", "anja@x.example"}}).status, 202);
  std::string token = TokenFromMail("anja@x.example", "account.password_reset");
  clock_.Advance(domain::kResetLifetime + 1);
  auto r = anon.Post("/api/v1/auth/password/reset", {{"token", token}, {"password", "nieuw wachtwoord 1"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("expired"), std::string::npos);
  // Throttled per address like login, whether or not it has an account (the first request
  // is outside the window by now).
  for (const std::string email : {"anja@x.example", "nobody@x.example"}) {
    for (int i = 0; i < domain::kMaxResetsPerEmail; ++i)
      ASSERT_EQ(anon.Post("/api/v1/auth/password/forgot", {{"email", email}}).status, 202) << email << i;
    auto t = anon.Post("/api/v1/auth/password/forgot", {{"email", email}});
    EXPECT_EQ(t.status, 429) << email;
    EXPECT_EQ(t.headers.count("retry-after"), 1u);
  }
  EXPECT_EQ(Mails("anja@x.example"), 1 + domain::kMaxResetsPerEmail);
  EXPECT_EQ(Mails("nobody@x.example"), 0);
}

TEST_F(AccountApiTest, DeletingMyAccountRemovesEverythingOfMine) {
  Client org(Base()), anja(Base()), pieter(Base()), admin(Base());
  ASSERT_EQ(org.Login("leider@x.example", kPassword).status, 200);
  ASSERT_EQ(anja.Login("anja@x.example", kPassword).status, 200);
  ASSERT_EQ(pieter.Login("pieter@x.example", kPassword).status, 200);
  ASSERT_EQ(admin.Login("admin@x.example", kPassword).status, 200);
  // Anja: a challenge, a connection to Pieter, ledger entries with both others.
  ASSERT_EQ(
      anja.Post("/api/v1/members/" + std::to_string(anja_) + "/challenges", {{"title", "Roosters in de nacht"}}).status,
      201);
  auto conn = anja.Post("/api/v1/connections", {{"to", organizer_}});
  ASSERT_EQ(conn.status, 201) << conn.body;
  // (Pieter is hidden: only an admin sees him, so the admin records these.)
  ASSERT_EQ(admin.Post("/api/v1/interactions", {{"a", anja_}, {"b", organizer_}, {"kind", "meeting_held"}}).status,
            201);
  ASSERT_EQ(admin.Post("/api/v1/interactions", {{"a", anja_}, {"b", pieter_}, {"kind", "met_at_event"}}).status, 201);
  ASSERT_EQ(admin.Post("/api/v1/interactions", {{"a", organizer_}, {"b", pieter_}, {"kind", "connected"}}).status, 201);
  ASSERT_EQ(anja.Post("/api/v1/auth/tokens", {{"name", "script"}}).status, 201);
  ASSERT_EQ(Client(Base()).Post("/api/v1/auth/password/forgot", {{"email", "anja@x.example"}}).status, 202);

  // The export first: everything of hers, the hidden Pieter not named.
  auto ex = anja.Get("/api/v1/me/export");
  ASSERT_EQ(ex.status, 200) << ex.body;
  EXPECT_NE(ex.headers.find("content-disposition")->second.find("attachment"), std::string::npos);
  Json data = ex.Json();
  EXPECT_EQ(data["profile"]["id"], anja_);
  EXPECT_EQ(data["profile"]["email"], "anja@x.example");
  EXPECT_EQ(data["profile"]["challenges"].size(), 1u);
  EXPECT_EQ(data["connections"].size(), 1u);
  EXPECT_EQ(data["interactions"].size(), 2u);
  EXPECT_EQ(data["api_tokens"].size(), 1u);
  EXPECT_EQ(data["account"][0]["role"], "member");
  EXPECT_EQ(data["mails"].size(), 1u);
  bool pieter_named = false;
  for (const auto& i : data["interactions"]) {
    EXPECT_TRUE(i["a"] == anja_ || i["b"] == anja_);
    if (i["a"] == pieter_ || i["b"] == pieter_) pieter_named = true;
  }
  EXPECT_FALSE(pieter_named) << "a hidden member must not be named in the export";
  for (const auto& t : data["ties"]) EXPECT_NE(t["member"], pieter_);
  EXPECT_EQ(ex.body.find("password_hash"), std::string::npos);
  EXPECT_EQ(ex.body.find("token_hash"), std::string::npos);
  EXPECT_EQ(ex.body.find("token="), std::string::npos);  // no live links from mails
  EXPECT_EQ(Client(Base()).Get("/api/v1/me/export").status, 401);

  // Wrong or missing password: 400 and nothing deleted.
  EXPECT_EQ(anja.Post("/api/v1/me/delete", {{"password", "fout wachtwoord"}}).ErrorField(), "password");
  EXPECT_EQ(anja.Post("/api/v1/me/delete", Json::object()).ErrorField(), "password");
  EXPECT_EQ(Count("SELECT count(*) FROM members WHERE email = 'anja@x.example'"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM interactions"), 3);

  auto del = anja.Post("/api/v1/me/delete", {{"password", kPassword}});
  ASSERT_EQ(del.status, 204) << del.body;
  EXPECT_EQ(anja.Get("/api/v1/auth/me").status, 401);
  EXPECT_EQ(Client(Base()).Login("anja@x.example", kPassword).status, 401);
  // Gone from search, member pages, ties, the ledger and the leader's export.
  EXPECT_EQ(org.Get("/api/v1/members?q=anja").Json()["total"], 0);
  EXPECT_EQ(org.Get("/api/v1/members/" + std::to_string(anja_)).status, 404);
  auto ties = org.Get("/api/v1/members/" + std::to_string(organizer_) + "/ties").Json();
  for (const auto& t : ties["items"]) EXPECT_NE(t["member"], anja_);
  EXPECT_EQ(Count("SELECT count(*) FROM interactions"), 1);  // only the tie between the others stays
  auto all = org.Get("/api/v1/export");
  if (all.status == 200) EXPECT_EQ(all.body.find("anja@x.example"), std::string::npos);
  for (const char* q :
       {"SELECT count(*) FROM accounts WHERE member_id NOT IN (SELECT id FROM members)",
        "SELECT count(*) FROM sessions WHERE member_id NOT IN (SELECT id FROM members)",
        "SELECT count(*) FROM api_tokens WHERE member_id NOT IN (SELECT id FROM members)",
        "SELECT count(*) FROM challenges WHERE member_id NOT IN (SELECT id FROM members)",
        "SELECT count(*) FROM connections WHERE from_member NOT IN (SELECT id FROM members)",
        "SELECT count(*) FROM password_resets", "SELECT count(*) FROM outbox WHERE to_email = 'anja@x.example'",
        "SELECT count(*) FROM member_terms WHERE member_id NOT IN (SELECT id FROM members)"})
    EXPECT_EQ(Count(q), 0) << q;
  EXPECT_EQ(pieter.Get("/api/v1/auth/me").status, 200);
}

TEST_F(AccountApiTest, TheLeaderDeletesAMember) {
  Client org(Base()), anja(Base()), pieter(Base());
  ASSERT_EQ(org.Login("leider@x.example", kPassword).status, 200);
  ASSERT_EQ(anja.Login("anja@x.example", kPassword).status, 200);
  EXPECT_EQ(anja.Delete("/api/v1/accounts/" + std::to_string(pieter_)).status, 403);
  EXPECT_EQ(org.Delete("/api/v1/accounts/" + std::to_string(admin_)).status, 403);  // admins only by admins
  EXPECT_EQ(org.Delete("/api/v1/accounts/" + std::to_string(organizer_)).ErrorField(), "id");
  EXPECT_EQ(org.Delete("/api/v1/accounts/99999").status, 404);
  ASSERT_EQ(org.Delete("/api/v1/accounts/" + std::to_string(pieter_)).status, 204);
  EXPECT_EQ(pieter.Login("pieter@x.example", kPassword).status, 401);
  EXPECT_EQ(Count("SELECT count(*) FROM members WHERE email = 'pieter@x.example'"), 0);
  EXPECT_EQ(anja.Get("/api/v1/auth/me").status, 200);
  // The last admin cannot go.
  Client admin(Base());
  ASSERT_EQ(admin.Login("admin@x.example", kPassword).status, 200);
  EXPECT_EQ(admin.Post("/api/v1/me/delete", {{"password", kPassword}}).status, 409);
}

TEST_F(AccountApiTest, DeletingARegisteredMemberPromotesTheWaitlist) {
  Client org(Base()), anja(Base()), pieter(Base());
  ASSERT_EQ(org.Login("leider@x.example", kPassword).status, 200);
  ASSERT_EQ(anja.Login("anja@x.example", kPassword).status, 200);
  ASSERT_EQ(pieter.Login("pieter@x.example", kPassword).status, 200);
  int64_t start = clock_.Now() + 7 * 86400;
  auto ev = org.Post("/api/v1/events", {{"title", "Netwerkborrel"},
                                        {"kind", "network_drinks"},
                                        {"starts_at", start},
                                        {"ends_at", start + 7200},
                                        {"capacity", 1}});
  ASSERT_EQ(ev.status, 201) << ev.body;
  std::string path = "/api/v1/events/" + std::to_string(ev.Json()["id"].get<int64_t>());
  ASSERT_EQ(anja.Request("POST", path + "/registrations").status, 201);
  auto waiting = pieter.Request("POST", path + "/registrations");
  ASSERT_EQ(waiting.status, 201) << waiting.body;
  EXPECT_EQ(waiting.Json()["status"], "waitlisted");
  ASSERT_EQ(anja.Post("/api/v1/me/delete", {{"password", kPassword}}).status, 204);
  auto mine = pieter.Get(path + "/registration");
  ASSERT_EQ(mine.status, 200) << mine.body;
  EXPECT_EQ(mine.Json()["status"], "registered");
  EXPECT_EQ(Count("SELECT count(*) FROM registrations WHERE member_id NOT IN (SELECT id FROM members)"), 0);
}

// issue_16: deleting an account used to drop its open visits silently.
TEST_F(AccountApiTest, Issue16DeletingAMemberCancelsTheirVisitsAndTellsTheHost) {
  Client org(Base()), anja(Base());
  ASSERT_EQ(org.Login("leider@x.example", kPassword).status, 200);
  ASSERT_EQ(anja.Login("anja@x.example", kPassword).status, 200);
  auto host = org.Request("PATCH", "/api/v1/members/" + std::to_string(organizer_),
                          Json{{"hosts_visits", true}, {"visit_location", "Hengelo"}}.dump());
  ASSERT_EQ(host.status, 200) << host.body;
  auto v =
      anja.Post("/api/v1/visits",
                {{"host_id", organizer_}, {"reason", "Kom eens kijken"}, {"proposed", {clock_.Now() + 5 * 86400}}});
  ASSERT_EQ(v.status, 201) << v.body;
  ASSERT_EQ(anja.Post("/api/v1/me/delete", {{"password", kPassword}}).status, 204);
  EXPECT_EQ(Count("SELECT count(*) FROM visits"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM event_notifications WHERE member_id = " + std::to_string(organizer_) +
                  " AND kind = 'visit_cancelled'"),
            1);
}

// The export and the deletion reach every module that holds member data
// (events, questions, newsletter, notify) through its MemberDataOwner, as
// wired for the server: every module's part is in the export, and after the
// deletion nothing of the member remains in any of them.
TEST_F(AccountApiTest, ExportAndDeletionCoverEveryModule) {
  Client org(Base()), anja(Base());
  ASSERT_EQ(org.Login("leider@x.example", kPassword).status, 200);
  ASSERT_EQ(anja.Login("anja@x.example", kPassword).status, 200);
  const std::string a = std::to_string(anja_);
  // events: a registration for an event to come, and a visit request.
  int64_t start = clock_.Now() + 7 * 86400;
  auto ev = org.Post("/api/v1/events", {{"title", "Netwerkborrel"},
                                        {"kind", "network_drinks"},
                                        {"starts_at", start},
                                        {"ends_at", start + 7200},
                                        {"capacity", 10}});
  ASSERT_EQ(ev.status, 201) << ev.body;
  const std::string event = "/api/v1/events/" + std::to_string(ev.Json()["id"].get<int64_t>());
  ASSERT_EQ(anja.Request("POST", event + "/registrations").status, 201);
  ASSERT_EQ(org.Request("PATCH", "/api/v1/members/" + std::to_string(organizer_),
                        Json{{"hosts_visits", true}, {"visit_location", "Hengelo"}}.dump())
                .status,
            200);
  auto visit =
      anja.Post("/api/v1/visits",
                {{"host_id", organizer_}, {"reason", "Kom eens kijken"}, {"proposed", {clock_.Now() + 5 * 86400}}});
  ASSERT_EQ(visit.status, 201) << visit.body;
  // questions: one asked by Anja (answered by the leader, which tells her), and
  // an answer of hers to the leader's question.
  auto mine =
      anja.Post("/api/v1/questions", {{"title", "Wie plant onderhoudsrondes?"}, {"text", "Onze planning loopt vast."}});
  ASSERT_EQ(mine.status, 201) << mine.body;
  const std::string mine_path = "/api/v1/questions/" + std::to_string(mine.Json()["id"].get<int64_t>());
  ASSERT_EQ(org.Post(mine_path + "/answers", {{"text", "Vraag het Pieter."}}).status, 201);
  auto theirs = org.Post("/api/v1/questions", {{"title", "Wie kent een goede roosteraar?"}});
  ASSERT_EQ(theirs.status, 201) << theirs.body;
  const int64_t theirs_id = theirs.Json()["id"].get<int64_t>();
  ASSERT_EQ(anja.Post("/api/v1/questions/" + std::to_string(theirs_id) + "/answers", {{"text", "Ik!"}}).status, 201);
  // newsletter: an article submitted by her, and her subscription.
  auto article = anja.Post("/api/v1/articles", {{"title", "Roosters"}, {"summary", "Kort"}, {"body", "Tekst"}});
  ASSERT_EQ(article.status, 201) << article.body;
  auto sub = anja.Post("/api/v1/newsletter/subscriptions/me", {{"language", "nl"}});
  ASSERT_EQ(sub.status, 200) << sub.body;
  // notify: a mail to her address.
  ASSERT_EQ(Client(Base()).Post("/api/v1/auth/password/forgot", {{"email", "anja@x.example"}}).status, 202);

  auto ex = anja.Get("/api/v1/me/export");
  ASSERT_EQ(ex.status, 200) << ex.body;
  Json data = ex.Json();
  for (const char* key : {"registrations", "visits", "questions", "answers", "articles", "newsletter_subscriptions",
                          "notifications", "mails", "account", "interactions"}) {
    ASSERT_TRUE(data.contains(key)) << key;
  }
  for (const char* key : {"registrations", "visits", "questions", "answers", "articles", "newsletter_subscriptions",
                          "notifications", "mails"})
    EXPECT_FALSE(data[key].empty()) << key;
  for (const char* key :
       {"events_organized", "calendar_feed", "meeting_requests", "meetings", "meeting_feedback", "unavailable_slots",
        "notification_preferences", "questions_routed_to_me", "invitation", "sessions", "api_tokens", "connections"})
    EXPECT_TRUE(data.contains(key)) << key;
  EXPECT_EQ(data["visits"][0]["host_id"], organizer_);  // the leader is visible to her

  ASSERT_EQ(anja.Post("/api/v1/me/delete", {{"password", kPassword}}).status, 204);
  for (const std::string& q : std::vector<std::string>{
           "SELECT count(*) FROM registrations WHERE member_id = " + a, std::string("SELECT count(*) FROM visits"),
           "SELECT count(*) FROM questions WHERE asker_id = " + a,
           "SELECT count(*) FROM question_answers WHERE author_id = " + a,
           "SELECT count(*) FROM articles WHERE author_id = " + a,
           "SELECT count(*) FROM subscribers WHERE member_id = " + a,
           std::string("SELECT count(*) FROM subscribers WHERE email = 'anja@x.example'"),
           "SELECT count(*) FROM event_notifications WHERE member_id = " + a,
           std::string("SELECT count(*) FROM outbox WHERE to_email = 'anja@x.example'"),
           "SELECT count(*) FROM members WHERE id = " + a})
    EXPECT_EQ(Count(q), 0) << q;
  // The leader's question counts her answer no more; the host was told.
  EXPECT_EQ(Count("SELECT answer_count FROM questions WHERE id = " + std::to_string(theirs_id)), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM event_notifications WHERE member_id = " + std::to_string(organizer_) +
                  " AND kind = 'visit_cancelled'"),
            1);
}

}  // namespace
}  // namespace verbinder::api
