// Credentials over real HTTP on a real database (SQLite file, or PostgreSQL
// with VERBINDER_TEST_BACKEND=postgres), issue #15 parts 3 and 4: a password
// change ends the member's other sessions and API tokens, a reset ends all;
// guessing passwords is throttled per account and client address and per
// client address, so nobody's failures lock the owner out on another client;
// X-Forwarded-For names the client only behind a trusted proxy; sign-up with
// a member's address answers as for a new one and mails the owner.
//
// The server listens on 127.0.0.1; with 127.0.0.1/32 as trusted proxy the
// tests play several clients by sending X-Forwarded-For.
#include <gtest/gtest.h>

#include <soci/soci.h>

#include "api/test_client.h"

namespace verbinder::api {
namespace {

using testing::Client;
using testing::HttpResult;
using testing::kPassword;
using Json = nlohmann::json;

constexpr const char* kNewPassword = "een nieuw lang wachtwoord";
constexpr const char* kOwner = "198.51.100.2";    // Anja's client
constexpr const char* kAttacker = "203.0.113.7";  // someone else's

IpNetwork Net(const std::string& cidr) {
  auto n = IpNetwork::Parse(cidr);
  EXPECT_TRUE(n.ok()) << cidr;
  return n.ok() ? *n : IpNetwork{};
}

class CredentialsApiTest : public testing::ApiServerTest<> {
 protected:
  CredentialsApiTest() : ApiServerTest({.app = {.trusted_proxies = {Net("127.0.0.1/32")}}}, 1'800'000'000) {}
  void Seed() override {
    organizer_ = AddMember("Lotte Leider", "leider@x.example", model::Role::kOrganizer);
    anja_ = AddMember("Anja de Vries", "anja@x.example", model::Role::kMember);
  }

  // Signs in as a client at `from` (X-Forwarded-For; "" sends none).
  static HttpResult LoginFrom(Client& c, const std::string& from, const std::string& email,
                              const std::string& password) {
    std::vector<std::string> headers;
    if (!from.empty()) headers.push_back("X-Forwarded-For: " + from);
    auto r = c.Request("POST", "/api/v1/auth/login", Json{{"email", email}, {"password", password}}.dump(), headers);
    if (r.status == 200) c.csrf = r.Json()["csrf_token"].get<std::string>();
    return r;
  }
  static HttpResult ChangePassword(Client& c, const Json& body, const std::string& from = "") {
    std::vector<std::string> headers;
    if (!from.empty()) headers.push_back("X-Forwarded-For: " + from);
    return c.Request("POST", "/api/v1/auth/password", body.dump(), headers);
  }
  static HttpResult SignUp(Client& c, const std::string& email) {
    return c.Post("/api/v1/auth/signup", {{"name", "Sanne Smit"},
                                          {"email", email},
                                          {"password", "mijn geheime zin"},
                                          {"sector", "industry"},
                                          {"organization", "Smit Metaal"},
                                          {"language", "nl"}});
  }

  long long Mails(const std::string& to, const std::string& kind) {
    soci::session sql(db_->pool());
    long long n = 0;
    sql << "SELECT count(*) FROM outbox WHERE to_email = :e AND kind = :k", soci::use(to), soci::use(kind),
        soci::into(n);
    return n;
  }
  std::string TokenFromMail(const std::string& to) {
    std::string text = LastMailText(to);
    auto at = text.find("token=");
    return at == std::string::npos ? "" : text.substr(at + 6, 64);
  }

  model::Id organizer_ = 0, anja_ = 0;
};

// --- Who the client is -------------------------------------------------------

TEST(ClientAddressTest, NetworksParseAndContain) {
  for (const char* bad : {"", "10.0.0.0/33", "10.0.0/8", "::1/129", "10.0.0.0/", "10.0.0.0/-1", "localhost",
                          "10.0.0.0/8/8", " 10.0.0.1", "2001:db8::/x"})
    EXPECT_FALSE(IpNetwork::Parse(bad).ok()) << bad;
  EXPECT_EQ(IpNetwork::Parse("nope").status().field(), "trusted_proxy");
  auto ten = Net("10.0.0.0/8");
  EXPECT_TRUE(ten.Contains("10.1.2.3"));
  EXPECT_TRUE(ten.Contains("::ffff:10.1.2.3"));  // IPv4 as a dual-stack socket reports it
  EXPECT_FALSE(ten.Contains("11.0.0.1"));
  EXPECT_FALSE(ten.Contains("garbage"));
  auto host = Net("192.0.2.5");  // a bare address: one host
  EXPECT_TRUE(host.Contains("192.0.2.5"));
  EXPECT_FALSE(host.Contains("192.0.2.6"));
  auto odd = Net("192.0.2.77/26");  // host bits are ignored
  EXPECT_TRUE(odd.Contains("192.0.2.64"));
  EXPECT_TRUE(odd.Contains("192.0.2.127"));
  EXPECT_FALSE(odd.Contains("192.0.2.128"));
  auto v6 = Net("2001:db8:1::/48");
  EXPECT_TRUE(v6.Contains("2001:db8:1:ffff::1"));
  EXPECT_FALSE(v6.Contains("2001:db8:2::1"));
  EXPECT_FALSE(v6.Contains("10.0.0.1"));
  EXPECT_TRUE(Net("0.0.0.0/0").Contains("203.0.113.7"));
  EXPECT_FALSE(Net("0.0.0.0/0").Contains("2001:db8::1"));
}

TEST(ClientAddressTest, ForwardedForOnlyFromTrustedPeers) {
  const std::vector<IpNetwork> trusted = {Net("10.0.0.0/8"), Net("::1/128")};
  auto from = [&](const std::string& peer, const std::string& xff) {
    Request r;
    r.remote_address = peer;
    if (!xff.empty()) r.headers["x-forwarded-for"] = xff;
    return ClientAddress(r, trusted);
  };
  EXPECT_EQ(from("192.0.2.1", "203.0.113.7"), "192.0.2.1");  // not a proxy of ours: the header is ignored
  EXPECT_EQ(from("10.0.0.2", ""), "10.0.0.2");
  EXPECT_EQ(from("10.0.0.2", "203.0.113.7"), "203.0.113.7");
  EXPECT_EQ(from("10.0.0.2", " 198.51.100.2 , 203.0.113.7 "), "203.0.113.7");  // the client wrote the left part
  EXPECT_EQ(from("10.0.0.2", "203.0.113.7, 10.0.0.9"), "203.0.113.7");         // through two proxies of ours
  EXPECT_EQ(from("10.0.0.2", "10.0.0.8, 10.0.0.9"), "10.0.0.8");
  EXPECT_EQ(from("10.0.0.2", "198.51.100.2, garbage, 10.0.0.9"), "10.0.0.9");  // stop at the last good hop
  EXPECT_EQ(from("10.0.0.2", "unknown"), "10.0.0.2");
  EXPECT_EQ(from("10.0.0.2", "203.0.113.7:4711"), "203.0.113.7");
  EXPECT_EQ(from("10.0.0.2", "[2001:db8::7]:443"), "2001:db8::7");
  EXPECT_EQ(from("::1", "2001:DB8:0::7"), "2001:db8::7");
  EXPECT_EQ(from("::ffff:10.0.0.2", "203.0.113.7"), "203.0.113.7");
  EXPECT_EQ(from("::ffff:192.0.2.1", "203.0.113.7"), "192.0.2.1");
  EXPECT_EQ(ClientAddress(Request{}, trusted), "");  // no peer (a direct Handle call)
  Request r;
  r.remote_address = "10.0.0.2";
  r.headers["x-forwarded-for"] = "203.0.113.7";
  EXPECT_EQ(ClientAddress(r, {}), "10.0.0.2");  // no trusted proxies: always the peer
}

// --- Password change and reset --------------------------------------------------

TEST_F(CredentialsApiTest, PasswordChangeEndsOtherSessionsAndRevokesTokens) {
  Client phone(Base()), laptop(Base()), script(Base()), lotte(Base()), anon(Base());
  ASSERT_EQ(phone.Login("anja@x.example", kPassword).status, 200);
  ASSERT_EQ(laptop.Login("anja@x.example", kPassword).status, 200);
  ASSERT_EQ(lotte.Login("leider@x.example", kPassword).status, 200);
  auto t = laptop.Post("/api/v1/auth/tokens", {{"name", "script"}});
  ASSERT_EQ(t.status, 201) << t.body;
  script.bearer = t.Json()["token"].get<std::string>();
  ASSERT_EQ(script.Get("/api/v1/auth/me").status, 200);
  // A reset link asked for before the change must not outlive it.
  ASSERT_EQ(anon.Post("/api/v1/auth/password/forgot", {{"email", "anja@x.example"}}).status, 202);
  std::string reset = TokenFromMail("anja@x.example");
  ASSERT_EQ(reset.size(), 64u);

  auto wrong = ChangePassword(phone, {{"old_password", "niet mijn wachtwoord"}, {"new_password", kNewPassword}});
  EXPECT_EQ(wrong.status, 400);
  EXPECT_EQ(wrong.ErrorField(), "old_password");
  EXPECT_EQ(ChangePassword(phone, {{"old_password", kPassword}, {"new_password", "kort"}}).ErrorField(),
            "new_password");
  EXPECT_EQ(laptop.Get("/api/v1/auth/me").status, 200);  // nothing changed yet

  auto r = ChangePassword(phone, {{"old_password", kPassword}, {"new_password", kNewPassword}});
  ASSERT_EQ(r.status, 204) << r.body;
  EXPECT_EQ(phone.Get("/api/v1/auth/me").status, 200);   // the session that changed it stays
  EXPECT_EQ(laptop.Get("/api/v1/auth/me").status, 401);  // every other one ends
  EXPECT_EQ(script.Get("/api/v1/auth/me").status, 401);  // API tokens are revoked
  EXPECT_EQ(phone.Get("/api/v1/auth/tokens").Json()["total"], 0);
  EXPECT_EQ(lotte.Get("/api/v1/auth/me").status, 200);  // someone else's session is untouched
  EXPECT_EQ(Count("SELECT count(*) FROM sessions WHERE member_id = " + std::to_string(anja_)), 1);
  auto dead = anon.Post("/api/v1/auth/password/reset", {{"token", reset}, {"password", "nog een wachtwoord"}});
  EXPECT_EQ(dead.status, 409) << dead.body;
  EXPECT_EQ(LoginFrom(anon, "", "anja@x.example", kPassword).status, 401);
  EXPECT_EQ(LoginFrom(anon, "", "anja@x.example", kNewPassword).status, 200);
}

TEST_F(CredentialsApiTest, PasswordChangeMayKeepTheApiTokens) {
  Client phone(Base()), laptop(Base()), script(Base());
  ASSERT_EQ(phone.Login("anja@x.example", kPassword).status, 200);
  ASSERT_EQ(laptop.Login("anja@x.example", kPassword).status, 200);
  script.bearer = phone.Post("/api/v1/auth/tokens", {{"name", "script"}}).Json()["token"].get<std::string>();
  auto bad =
      ChangePassword(phone, {{"old_password", kPassword}, {"new_password", kNewPassword}, {"keep_tokens", "yes"}});
  EXPECT_EQ(bad.ErrorField(), "keep_tokens");
  EXPECT_EQ(laptop.Get("/api/v1/auth/me").status, 200);
  auto r = ChangePassword(phone, {{"old_password", kPassword}, {"new_password", kNewPassword}, {"keep_tokens", true}});
  ASSERT_EQ(r.status, 204) << r.body;
  EXPECT_EQ(script.Get("/api/v1/auth/me").status, 200);
  EXPECT_EQ(laptop.Get("/api/v1/auth/me").status, 401);
  EXPECT_EQ(phone.Get("/api/v1/auth/me").status, 200);
}

TEST_F(CredentialsApiTest, PasswordChangeWithAnApiTokenEndsEverySession) {
  Client phone(Base()), script(Base());
  ASSERT_EQ(phone.Login("anja@x.example", kPassword).status, 200);
  script.bearer = phone.Post("/api/v1/auth/tokens", {{"name", "script"}}).Json()["token"].get<std::string>();
  ASSERT_EQ(ChangePassword(script, {{"old_password", kPassword}, {"new_password", kNewPassword}}).status, 204);
  EXPECT_EQ(phone.Get("/api/v1/auth/me").status, 401);   // no session asked: none is kept
  EXPECT_EQ(script.Get("/api/v1/auth/me").status, 401);  // its own token went with the others
}

TEST_F(CredentialsApiTest, PasswordResetEndsEverySessionAndToken) {
  Client phone(Base()), laptop(Base()), script(Base()), anon(Base());
  ASSERT_EQ(phone.Login("anja@x.example", kPassword).status, 200);
  ASSERT_EQ(laptop.Login("anja@x.example", kPassword).status, 200);
  script.bearer = phone.Post("/api/v1/auth/tokens", {{"name", "script"}}).Json()["token"].get<std::string>();
  ASSERT_EQ(script.Get("/api/v1/auth/me").status, 200);
  ASSERT_EQ(anon.Post("/api/v1/auth/password/forgot", {{"email", "anja@x.example"}}).status, 202);
  auto r = anon.Post("/api/v1/auth/password/reset",
                     {{"token", TokenFromMail("anja@x.example")}, {"password", kNewPassword}});
  ASSERT_EQ(r.status, 204) << r.body;
  EXPECT_EQ(phone.Get("/api/v1/auth/me").status, 401);
  EXPECT_EQ(laptop.Get("/api/v1/auth/me").status, 401);
  EXPECT_EQ(script.Get("/api/v1/auth/me").status, 401);
  EXPECT_EQ(Count("SELECT count(*) FROM api_tokens"), 0);
  EXPECT_EQ(LoginFrom(anon, "", "anja@x.example", kNewPassword).status, 200);
}

TEST_F(CredentialsApiTest, GuessingTheOldPasswordIsThrottledLikeLogin) {
  Client thief(Base()), owner(Base());
  // A stolen session, used from the thief's address.
  ASSERT_EQ(LoginFrom(thief, kAttacker, "anja@x.example", kPassword).status, 200);
  for (int i = 0; i < domain::kMaxFailuresPerEmail; ++i) {
    auto r = ChangePassword(
        thief, {{"old_password", "gok nummer " + std::to_string(i)}, {"new_password", kNewPassword}}, kAttacker);
    ASSERT_EQ(r.status, 400) << i << r.body;
    EXPECT_EQ(r.ErrorField(), "old_password");
  }
  auto t = ChangePassword(thief, {{"old_password", kPassword}, {"new_password", kNewPassword}}, kAttacker);
  EXPECT_EQ(t.status, 429) << t.body;  // even the right one: this client is throttled
  EXPECT_EQ(t.headers.count("retry-after"), 1u);
  // The same counters as login: this client cannot sign in to the account either ...
  Client again(Base());
  EXPECT_EQ(LoginFrom(again, kAttacker, "anja@x.example", kPassword).status, 429);
  // ... but the owner elsewhere can, and can change the password.
  ASSERT_EQ(LoginFrom(owner, kOwner, "anja@x.example", kPassword).status, 200);
  auto ok = ChangePassword(owner, {{"old_password", kPassword}, {"new_password", kNewPassword}}, kOwner);
  EXPECT_EQ(ok.status, 204) << ok.body;
  EXPECT_EQ(thief.Get("/api/v1/auth/me").status, 401);
  // Failed logins count towards the change, too.
  Client lotte(Base());
  ASSERT_EQ(LoginFrom(lotte, kOwner, "leider@x.example", kPassword).status, 200);
  for (int i = 0; i < domain::kMaxFailuresPerEmail; ++i)
    ASSERT_EQ(LoginFrom(again, "192.0.2.44", "leider@x.example", "fout " + std::to_string(i)).status, 401);
  EXPECT_EQ(ChangePassword(lotte, {{"old_password", kPassword}, {"new_password", kNewPassword}}, "192.0.2.44").status,
            429);
  // The window passes.
  clock_.Advance(domain::kThrottleWindow + 1);
  EXPECT_EQ(ChangePassword(lotte, {{"old_password", kPassword}, {"new_password", kNewPassword}}, "192.0.2.44").status,
            204);
}

// --- No lockout by others ----------------------------------------------------------

TEST_F(CredentialsApiTest, AnotherAddressCannotLockTheOwnerOut) {
  Client attacker(Base()), owner(Base()), local(Base());
  for (int i = 0; i < domain::kMaxFailuresPerEmail; ++i)
    ASSERT_EQ(LoginFrom(attacker, kAttacker, "anja@x.example", "gok " + std::to_string(i)).status, 401) << i;
  auto t = LoginFrom(attacker, kAttacker, "anja@x.example", kPassword);
  EXPECT_EQ(t.status, 429);  // the guessing client is throttled, even with the right password
  EXPECT_EQ(t.headers.count("retry-after"), 1u);
  EXPECT_GT(app_->accounts().RetryAfter("anja@x.example", kAttacker), 0);
  EXPECT_LE(app_->accounts().RetryAfter("anja@x.example", kAttacker), domain::kThrottleWindow + 1);
  EXPECT_EQ(app_->accounts().RetryAfter("anja@x.example", kOwner), 0);
  // The owner on another client: in, also after a typo of their own, while the attacker goes on.
  EXPECT_EQ(LoginFrom(owner, kOwner, "anja@x.example", "een typfout").status, 401);
  for (int i = 0; i < 20; ++i) ASSERT_EQ(LoginFrom(attacker, kAttacker, "anja@x.example", "meer").status, 429);
  EXPECT_EQ(LoginFrom(owner, kOwner, "anja@x.example", kPassword).status, 200);
  EXPECT_EQ(owner.Get("/api/v1/auth/me").status, 200);
  EXPECT_EQ(LoginFrom(local, "", "anja@x.example", kPassword).status, 200);  // the proxy itself as client
  // The attacker's own client, for another account: not refused by the failures on Anja's.
  EXPECT_EQ(LoginFrom(attacker, kAttacker, "leider@x.example", kPassword).status, 200);
  // A client left of the proxy cannot pose as another: entries it wrote are not read.
  EXPECT_EQ(LoginFrom(attacker, std::string(kOwner) + ", " + kAttacker, "anja@x.example", kPassword).status, 429);
  EXPECT_EQ(LoginFrom(attacker, std::string(kAttacker) + ", 127.0.0.1", "anja@x.example", kPassword).status, 429);

  // Per client address over all accounts: at most kMaxFailuresPerAddress failures (unknown accounts count too).
  const std::string sprayer = "203.0.113.99";
  for (int i = 0; i < domain::kMaxFailuresPerAddress; ++i)
    ASSERT_EQ(LoginFrom(attacker, sprayer, "iemand" + std::to_string(i) + "@x.example", "gok").status, 401) << i;
  EXPECT_EQ(LoginFrom(attacker, sprayer, "leider@x.example", kPassword).status, 429);
  Client lotte(Base());
  EXPECT_EQ(LoginFrom(lotte, "192.0.2.10", "leider@x.example", kPassword).status, 200);

  // After the window the attacker may guess again (and is told it is wrong).
  clock_.Advance(domain::kThrottleWindow + 1);
  EXPECT_EQ(LoginFrom(attacker, kAttacker, "anja@x.example", "gok").status, 401);
  EXPECT_EQ(LoginFrom(attacker, sprayer, "leider@x.example", kPassword).status, 200);
}

TEST_F(CredentialsApiTest, IPv6ClientsCountPerSlash64) {
  Client attacker(Base()), owner(Base());
  // Walking through one /64 gains nothing ...
  for (int i = 0; i < domain::kMaxFailuresPerEmail; ++i)
    ASSERT_EQ(LoginFrom(attacker, "2001:db8:1:2::" + std::to_string(i + 1), "anja@x.example", "gok").status, 401);
  EXPECT_EQ(LoginFrom(attacker, "2001:db8:1:2::ff", "anja@x.example", kPassword).status, 429);
  // ... another /64 is another client.
  EXPECT_EQ(LoginFrom(owner, "2001:db8:1:3::1", "anja@x.example", kPassword).status, 200);
}

TEST_F(CredentialsApiTest, ForwardedForIsIgnoredWithoutATrustedProxy) {
  StartServer({});  // no --trusted-proxy: the socket peer (127.0.0.1) is every client here
  Client attacker(Base()), owner(Base());
  for (int i = 0; i < domain::kMaxFailuresPerEmail; ++i)
    ASSERT_EQ(LoginFrom(attacker, kAttacker, "anja@x.example", "gok " + std::to_string(i)).status, 401) << i;
  // Claiming another address changes nothing: it is the same client.
  EXPECT_EQ(LoginFrom(owner, kOwner, "anja@x.example", kPassword).status, 429);
  EXPECT_EQ(LoginFrom(owner, "", "anja@x.example", kPassword).status, 429);
  // A proxy elsewhere is not this peer either.
  StartServer({.trusted_proxies = {Net("10.0.0.0/8")}});
  Client other(Base());
  EXPECT_EQ(LoginFrom(other, "192.0.2.200", "anja@x.example", kPassword).status, 429);
  EXPECT_EQ(LoginFrom(other, "", "leider@x.example", kPassword).status, 200);
}

// --- Sign-up reveals nothing ---------------------------------------------------------

TEST_F(CredentialsApiTest, SignUpWithAKnownAddressAnswersAsForANewOne) {
  Client c(Base());
  auto fresh = SignUp(c, "nieuw@x.example");
  auto known = SignUp(c, "Anja@X.example");
  ASSERT_EQ(fresh.status, 202) << fresh.body;
  EXPECT_EQ(known.status, fresh.status);
  EXPECT_EQ(known.body, fresh.body);
  auto ct = [](const HttpResult& r) {
    auto it = r.headers.find("content-type");
    return it == r.headers.end() ? "" : it->second;
  };
  EXPECT_EQ(ct(known), ct(fresh));
  // The new address gets its confirmation link; the owner of the known one a warning, without a link to confirm.
  EXPECT_EQ(Mails("nieuw@x.example", "account.confirm"), 1);
  EXPECT_EQ(Mails("anja@x.example", "account.confirm"), 0);
  ASSERT_EQ(Mails("anja@x.example", "account.signup_existing"), 1);
  std::string text = LastMailText("anja@x.example");
  EXPECT_NE(text.find("Anja de Vries"), std::string::npos) << text;
  EXPECT_NE(text.find("/login"), std::string::npos) << text;
  EXPECT_NE(text.find("Wachtwoord vergeten"), std::string::npos) << text;
  EXPECT_EQ(text.find("token="), std::string::npos) << text;
  EXPECT_EQ(Count("SELECT count(*) FROM signups WHERE email = :e", "anja@x.example"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM members WHERE email = :e", "anja@x.example"), 1);
  EXPECT_EQ(LoginFrom(c, "", "anja@x.example", kPassword).status, 200);  // the account is untouched

  // Throttled alike: the same 429 after kMaxSignupsPerEmail, known or not.
  Client d(Base());
  for (int i = 1; i < domain::kMaxSignupsPerEmail; ++i) {
    ASSERT_EQ(SignUp(d, "nieuw@x.example").status, 202);
    ASSERT_EQ(SignUp(d, "anja@x.example").status, 202);
  }
  auto tn = SignUp(d, "nieuw@x.example"), tk = SignUp(d, "anja@x.example");
  EXPECT_EQ(tn.status, 429);
  EXPECT_EQ(tk.status, tn.status);
  EXPECT_EQ(tk.body, tn.body);
  EXPECT_EQ(Mails("anja@x.example", "account.signup_existing"), domain::kMaxSignupsPerEmail);
}

TEST_F(CredentialsApiTest, SignUpWithTheAddressOfAMemberWithoutALogin) {
  AddMember(NewMember("Kees Bouwman", "kees@bouw.example"), /*role=*/std::nullopt);  // no account
  Client c(Base());
  auto r = SignUp(c, "kees@bouw.example");
  ASSERT_EQ(r.status, 202) << r.body;
  EXPECT_EQ(r.Json()["status"], "confirmation_sent");
  ASSERT_EQ(Mails("kees@bouw.example", "account.signup_existing"), 1);
  EXPECT_NE(LastMailText("kees@bouw.example").find("netwerkleider"), std::string::npos);
  EXPECT_EQ(Count("SELECT count(*) FROM signups"), 0);
}

}  // namespace
}  // namespace verbinder::api
