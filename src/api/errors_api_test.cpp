// The API's error body names what went wrong in a language-neutral way (issue
// #17 point 4): `error.reason` and `error.params`, which the web UI words in the
// viewer's language (web/src/strings/errors.ts). Real HTTP on a real database
// (SQLite file, or PostgreSQL with VERBINDER_TEST_BACKEND=postgres).
#include <gtest/gtest.h>

#include "api/test_client.h"

namespace verbinder::api {
namespace {

using testing::Client;
using Json = nlohmann::json;

class ErrorsApiTest : public testing::ApiServerTest<> {
 protected:
  ErrorsApiTest() : ApiServerTest({}, 1'800'000'000) {}
  void Seed() override {
    organizer_ = AddMember("Lotte Leider", "leider@x.example", model::Role::kOrganizer);
    anja_ = AddMember("Anja de Vries", "anja@x.example", model::Role::kMember);
  }

  model::Id organizer_ = 0, anja_ = 0;
};

// The error object of a response, with the checks every error body passes.
Json ErrorOf(const testing::HttpResult& r) {
  Json j = r.Json();
  EXPECT_TRUE(j.is_object() && j.contains("error")) << r.body;
  if (!j.is_object() || !j.contains("error")) return Json::object();
  const Json& e = j["error"];
  EXPECT_TRUE(e["code"].is_string() && e["message"].is_string()) << r.body;
  // reason and params come together, params an object of strings.
  EXPECT_EQ(e.contains("reason"), e.contains("params")) << r.body;
  if (e.contains("params")) {
    EXPECT_TRUE(e["params"].is_object()) << r.body;
    for (const auto& [k, v] : e["params"].items()) EXPECT_TRUE(v.is_string()) << k << " in " << r.body;
  }
  return e;
}

TEST_F(ErrorsApiTest, AMissingRequiredFieldNamesTheFieldWithReasonFieldRequired) {
  Client c(Base());
  auto r = c.Post("/api/v1/auth/signup", {{"email", "sanne@smit.example"},
                                          {"password", "mijn geheime zin"},
                                          {"sector", "industry"},
                                          {"organization", "Smit Metaal"}});
  ASSERT_EQ(r.status, 400) << r.body;
  Json e = ErrorOf(r);
  EXPECT_EQ(e["code"], "invalid_argument");
  EXPECT_EQ(e["field"], "name");
  EXPECT_EQ(e["reason"], "field.required");
  EXPECT_EQ(e["params"], Json::object());
  // A value of the wrong type: its own reason, the field named.
  auto t = c.Post("/api/v1/auth/signup", {{"name", 5}});
  EXPECT_EQ(ErrorOf(t)["reason"], "field.not_a_string");
  EXPECT_EQ(ErrorOf(t)["field"], "name");
}

TEST_F(ErrorsApiTest, LimitsTravelAsParams) {
  Client c(Base());
  auto r = c.Post("/api/v1/auth/signup", {{"name", "Sanne Smit"},
                                          {"email", "sanne@smit.example"},
                                          {"password", "kort"},
                                          {"sector", "industry"},
                                          {"organization", "Smit Metaal"}});
  ASSERT_EQ(r.status, 400) << r.body;
  Json e = ErrorOf(r);
  EXPECT_EQ(e["reason"], "account.password_too_short");
  EXPECT_EQ(e["field"], "password");
  EXPECT_EQ(e["params"], (Json{{"min", "10"}}));

  auto anja = SignedIn("anja@x.example");
  auto p = anja->Patch("/api/v1/members/" + std::to_string(anja_), {{"title", std::string(201, 'x')}});
  ASSERT_EQ(p.status, 400) << p.body;
  EXPECT_EQ(ErrorOf(p)["reason"], "field.too_long");
  EXPECT_EQ(ErrorOf(p)["field"], "title");
  EXPECT_EQ(ErrorOf(p)["params"], (Json{{"max", "200"}}));
  // An empty question title is missing, not "too short".
  auto q = anja->Post("/api/v1/questions", {{"title", "  "}});
  ASSERT_EQ(q.status, 400) << q.body;
  EXPECT_EQ(ErrorOf(q)["reason"], "field.required");
  EXPECT_EQ(ErrorOf(q)["field"], "title");
  auto q2 = anja->Post("/api/v1/questions", {{"title", "ab"}});
  EXPECT_EQ(ErrorOf(q2)["reason"], "field.too_short");
  EXPECT_EQ(ErrorOf(q2)["params"], (Json{{"min", "3"}}));
}

TEST_F(ErrorsApiTest, ATakenEmailAddressIsAccountEmailTaken) {
  auto leader = SignedIn("leider@x.example");
  auto r = leader->Post("/api/v1/members", {{"name", "Tweede Anja"}, {"email", "ANJA@x.example"}, {"sector", "care"}});
  ASSERT_EQ(r.status, 409) << r.body;
  Json e = ErrorOf(r);
  EXPECT_EQ(e["code"], "already_exists");
  EXPECT_EQ(e["reason"], "account.email_taken");
  EXPECT_EQ(e["field"], "email");
  // Inviting a member: the address travels as a parameter for the sentence.
  auto i = leader->Post("/api/v1/invitations", {{"invitees", {{{"email", "anja@x.example"}}}}});
  ASSERT_EQ(i.status, 409) << i.body;
  EXPECT_EQ(ErrorOf(i)["reason"], "invitation.already_member");
  EXPECT_EQ(ErrorOf(i)["params"], (Json{{"email", "anja@x.example"}}));
}

TEST_F(ErrorsApiTest, SignInAndConnectionFailuresHaveReasons) {
  Client c(Base());
  auto r = c.Login("anja@x.example", "niet mijn wachtwoord");
  ASSERT_EQ(r.status, 401) << r.body;
  EXPECT_EQ(ErrorOf(r)["reason"], "account.login_failed");

  auto anja = SignedIn("anja@x.example");
  auto self = anja->Post("/api/v1/connections", {{"to", anja_}});
  ASSERT_EQ(self.status, 400) << self.body;
  EXPECT_EQ(ErrorOf(self)["reason"], "connection.self");
  ASSERT_EQ(anja->Post("/api/v1/connections", {{"to", organizer_}}).status, 201);
  auto twice = anja->Post("/api/v1/connections", {{"to", organizer_}});
  ASSERT_EQ(twice.status, 409) << twice.body;
  EXPECT_EQ(ErrorOf(twice)["reason"], "connection.exists");

  auto wrong = anja->Post("/api/v1/auth/password",
                          {{"old_password", "niet mijn wachtwoord"}, {"new_password", "een ander lang wachtwoord"}});
  ASSERT_EQ(wrong.status, 400) << wrong.body;
  EXPECT_EQ(ErrorOf(wrong)["reason"], "account.wrong_password");
  EXPECT_EQ(ErrorOf(wrong)["field"], "old_password");
}

TEST_F(ErrorsApiTest, WithoutAReasonTheBodyHasNeitherReasonNorParams) {
  auto anja = SignedIn("anja@x.example");
  // An unknown endpoint: the code says enough, no reason.
  auto r = anja->Get("/api/v1/no-such-thing");
  ASSERT_EQ(r.status, 404) << r.body;
  Json e = ErrorOf(r);
  EXPECT_EQ(e["code"], "not_found");
  EXPECT_FALSE(e.contains("reason"));
  EXPECT_FALSE(e.contains("params"));
}

}  // namespace
}  // namespace verbinder::api
