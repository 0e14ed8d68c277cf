// The JSON API over real HTTP (RESTinio + libcurl) on a real database: a
// SQLite file, or PostgreSQL with VERBINDER_TEST_BACKEND=postgres.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <ctime>

#include <chrono>
#include <set>

#include "api/openapi.h"
#include "api/test_client.h"
#include "domain/accounts.h"
#include "domain/member_cache.h"
#include "util/strings.h"

namespace verbinder::api {

namespace {

using testing::Client;
using testing::kPassword;
using Json = nlohmann::json;

class ApiTest : public testing::ApiServerTest<> {
 protected:
  // Today, standing still: the caches' windows pass only when a test advances it.
  ApiTest() : ApiServerTest({}, static_cast<int64_t>(std::time(nullptr))) {}
  void Seed() override {
    // An organizer, an admin, two members (one hidden).
    organizer_ =
        AddMember("Lotte Leider", "leider@x.example", "other", model::Visibility::kMembers, model::Role::kOrganizer);
    admin_ = AddMember("Ad Min", "admin@x.example", "other", model::Visibility::kHidden, model::Role::kAdmin);
    anja_ = AddMember("Anja de Vries", "anja@x.example", "care", model::Visibility::kMembers, model::Role::kMember);
    pieter_ =
        AddMember("Pieter Bakker", "pieter@x.example", "industry", model::Visibility::kHidden, model::Role::kMember);
  }
  using ApiServerTest::AddMember;
  model::Id AddMember(const std::string& name, const std::string& email, const std::string& sector,
                      model::Visibility vis, model::Role role) {
    model::Member m = NewMember(name, email, sector);
    m.visibility = vis;
    return AddMember(m, role);
  }

  model::Id organizer_ = 0, admin_ = 0, anja_ = 0, pieter_ = 0;
};

TEST_F(ApiTest, HealthMetricsAndErrorsAreJson) {
  Client c(Base());
  auto h = c.Get("/healthz");
  EXPECT_EQ(h.status, 200);
  EXPECT_EQ(h.Json()["status"], "ok");
  auto nf = c.Get("/api/v1/nope");
  EXPECT_EQ(nf.status, 404);
  EXPECT_EQ(nf.Json()["error"]["code"], "not_found");
  auto na = c.Request("PUT", "/healthz", "{}");
  EXPECT_EQ(na.status, 405);
  auto m = c.Get("/metrics");
  EXPECT_EQ(m.status, 200);
  EXPECT_NE(m.body.find("verbinder_http_requests_total{method=\"GET\",route=\"/healthz\",status=\"200\"} 1"),
            std::string::npos)
      << m.body;
  EXPECT_EQ(c.Get("/api/v1/members").status, 401);
  EXPECT_EQ(c.Get("/api/v1/members/%ZZ").status, 400);
}

TEST_F(ApiTest, LoginSetsHttpOnlyCookieAndCsrfGuardsChanges) {
  Client c(Base());
  auto bad = c.Login("anja@x.example", "wrong password");
  EXPECT_EQ(bad.status, 401);
  EXPECT_EQ(c.Post("/api/v1/auth/login", {{"email", "anja@x.example"}}).ErrorField(), "password");
  EXPECT_EQ(c.Post("/api/v1/auth/login", {{"email", "a"}, {"password", "b"}, {"remember", true}}).ErrorField(),
            "remember");
  auto ok = c.Login("anja@x.example", kPassword);
  ASSERT_EQ(ok.status, 200) << ok.body;
  bool http_only = false;
  for (auto [it, end] = ok.headers.equal_range("set-cookie"); it != end; ++it)
    if (StartsWith(it->second, "vb_session="))
      http_only =
          it->second.find("HttpOnly") != std::string::npos && it->second.find("SameSite=Lax") != std::string::npos;
  EXPECT_TRUE(http_only);
  auto me = c.Get("/api/v1/auth/me");
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(me.Json()["member"]["id"], anja_);

  std::string csrf = c.csrf;
  c.csrf.clear();
  auto no_csrf = c.Patch("/api/v1/members/" + std::to_string(anja_), {{"title", "Wijkverpleegkundige"}});
  EXPECT_EQ(no_csrf.status, 403);
  c.csrf = std::string(1, csrf[0] == 'a' ? 'b' : 'a') + csrf.substr(1);
  EXPECT_EQ(c.Patch("/api/v1/members/" + std::to_string(anja_), {{"title", "x"}}).status, 403);
  c.csrf = csrf;
  auto with = c.Patch("/api/v1/members/" + std::to_string(anja_), {{"title", "Wijkverpleegkundige"}});
  EXPECT_EQ(with.status, 200) << with.body;
  EXPECT_EQ(with.Json()["title"], "Wijkverpleegkundige");

  EXPECT_EQ(c.Request("POST", "/api/v1/auth/logout").status, 204);
  EXPECT_EQ(c.Get("/api/v1/auth/me").status, 401);
}

TEST_F(ApiTest, BadInputGetsPreciseErrorsAndWritesNothing) {
  Client c(Base());
  ASSERT_EQ(c.Login("leider@x.example", kPassword).status, 200);
  auto count = [&] { return c.Get("/api/v1/members?limit=500").Json()["total"].get<int>(); };
  const int before = count();
  struct Case {
    std::string body;
    std::string field;
    long status;
  };
  std::vector<Case> cases = {
      {R"({"name": "X", "email": "not-an-email"})", "email", 400},
      {R"({"name": "X"})", "email", 400},
      {R"({"email": "x@y.example"})", "name", 400},
      {R"({"name": 12, "email": "x@y.example"})", "name", 400},
      {R"({"name": "X", "email": "x@y.example", "shoe_size": 44})", "shoe_size", 400},
      {R"({"name": "X", "email": "x@y.example", "sector": "astrology"})", "sector", 400},
      {R"({"name": "X", "email": "x@y.example", "expertise": {"tags": ["ok", 3]}})", "expertise.tags[1]", 400},
      {R"({"name": "X", "email": "x@y.example", "languages": ["nederlands"]})", "languages[0]", 400},
      {R"({"name": "X", "email": "x@y.example", "challenges": [{"title": ""}]})", "challenges[0].title", 400},
      {R"({"name": "X", "email": "x@y.example", "visibility": "public"})", "visibility", 400},
      {R"({"name": ")" + std::string(300, 'a') + R"(", "email": "x@y.example"})", "name", 400},
      {R"({"name": "X", "email": "ANJA@x.example"})", "email", 409},
      {R"({"name": "X", "email": )", "body", 400},
      {"[1, 2]", "body", 400},
      {"", "body", 400},
      {"{\"name\": \"\xC3\x28\", \"email\": \"x@y.example\"}", "body", 400},
  };
  for (const auto& k : cases) {
    auto r = c.Request("POST", "/api/v1/members", k.body);
    EXPECT_EQ(r.status, k.status) << k.body << " → " << r.body;
    EXPECT_EQ(r.ErrorField(), k.field) << k.body << " → " << r.body;
  }
  auto wrong_type = c.Request("POST", "/api/v1/members", R"({"name": "X"})", {"Content-Type: text/plain"}, false);
  EXPECT_EQ(wrong_type.status, 415);
  auto huge = c.Request("POST", "/api/v1/members", "{\"bio\": \"" + std::string(kMaxBodyBytes, 'x') + "\"}");
  EXPECT_EQ(huge.status, 413);
  EXPECT_EQ(c.Get("/api/v1/members?limit=0").ErrorField(), "limit");
  EXPECT_EQ(c.Get("/api/v1/members?limit=abc").ErrorField(), "limit");
  EXPECT_EQ(c.Get("/api/v1/members?colour=red").ErrorField(), "colour");
  EXPECT_EQ(c.Get("/api/v1/members/abc").ErrorField(), "id");
  EXPECT_EQ(c.Get("/api/v1/members/999999").status, 404);
  EXPECT_EQ(count(), before);  // nothing was written
}

TEST_F(ApiTest, MembersCrudPaginationAndVisibility) {
  Client org(Base());
  ASSERT_EQ(org.Login("leider@x.example", kPassword).status, 200);
  for (int i = 0; i < 7; ++i) {
    auto r = org.Post("/api/v1/members", {{"name", "Lid " + std::to_string(i)},
                                          {"email", "lid" + std::to_string(i) + "@x.example"},
                                          {"sector", "education"},
                                          {"expertise", {{"tags", {"stages"}}}}});
    ASSERT_EQ(r.status, 201) << r.body;
  }
  auto p1 = org.Get("/api/v1/members?sector=education&limit=5");
  auto p2 = org.Get("/api/v1/members?sector=education&limit=5&offset=5");
  EXPECT_EQ(p1.Json()["total"], 7);
  EXPECT_EQ(p1.Json()["items"].size(), 5u);
  EXPECT_EQ(p2.Json()["items"].size(), 2u);
  EXPECT_EQ(org.Get("/api/v1/members?expertise=stage").Json()["total"], 7);

  Client anja(Base());
  ASSERT_EQ(anja.Login("anja@x.example", kPassword).status, 200);
  // Pieter is hidden: not in list, search, or by id; the admin is hidden too.
  EXPECT_EQ(anja.Get("/api/v1/members?q=pieter").Json()["total"], 0);
  EXPECT_EQ(anja.Get("/api/v1/members/" + std::to_string(pieter_)).status, 404);
  auto all = anja.Get("/api/v1/members?limit=500").Json();
  for (const auto& m : all["items"]) {
    EXPECT_NE(m["id"], pieter_);
    EXPECT_FALSE(m.contains("email") && m["id"] != anja_) << "e-mail of others is private";
  }
  // Members cannot edit others or create members.
  EXPECT_EQ(anja.Patch("/api/v1/members/" + std::to_string(organizer_), {{"title", "x"}}).status, 403);
  EXPECT_EQ(anja.Post("/api/v1/members", {{"name", "Y"}, {"email", "y@x.example"}}).status, 403);
  // Challenges: add, patch status, delete.
  auto ch = anja.Post("/api/v1/members/" + std::to_string(anja_) + "/challenges",
                      {{"title", "Wachtlijsten in de wijkzorg"}, {"text", "Hoe krijgen we de doorlooptijd omlaag?"}});
  ASSERT_EQ(ch.status, 201) << ch.body;
  auto cid = ch.Json()["id"].get<int64_t>();
  EXPECT_EQ(org.Get("/api/v1/members?challenge=doorlooptijd").Json()["total"], 1);
  auto solved = anja.Patch("/api/v1/challenges/" + std::to_string(cid), {{"status", "solved"}});
  EXPECT_EQ(solved.status, 200) << solved.body;
  EXPECT_EQ(solved.Json()["title"], "Wachtlijsten in de wijkzorg");
  EXPECT_EQ(org.Get("/api/v1/members?challenge=doorlooptijd").Json()["total"], 0);
  EXPECT_EQ(anja.Patch("/api/v1/challenges/" + std::to_string(cid), {{"status", "maybe"}}).ErrorField(), "status");
  // Delete self.
  auto victim = org.Post("/api/v1/members", {{"name", "Weg"}, {"email", "weg@x.example"}}).Json()["id"].get<int64_t>();
  EXPECT_EQ(org.Delete("/api/v1/members/" + std::to_string(victim)).status, 403);  // organizers are not admins
  Client admin(Base());
  ASSERT_EQ(admin.Login("admin@x.example", kPassword).status, 200);
  EXPECT_EQ(admin.Delete("/api/v1/members/" + std::to_string(victim)).status, 204);
  EXPECT_EQ(org.Get("/api/v1/members/" + std::to_string(victim)).status, 404);
}

TEST_F(ApiTest, ConnectionsLedgerAndTies) {
  Client anja(Base()), org(Base());
  ASSERT_EQ(anja.Login("anja@x.example", kPassword).status, 200);
  ASSERT_EQ(org.Login("leider@x.example", kPassword).status, 200);
  auto req = anja.Post("/api/v1/connections", {{"to", organizer_}, {"message", "Koffie?"}});
  ASSERT_EQ(req.status, 201) << req.body;
  auto id = req.Json()["id"].get<int64_t>();
  EXPECT_EQ(anja.Post("/api/v1/connections", {{"to", pieter_}}).status, 404);  // hidden
  EXPECT_EQ(anja.Post("/api/v1/connections", {{"to", "x"}}).ErrorField(), "to");
  EXPECT_EQ(anja.Request("POST", "/api/v1/connections/" + std::to_string(id) + "/accept").status, 403);
  EXPECT_EQ(org.Request("POST", "/api/v1/connections/" + std::to_string(id) + "/accept").status, 200);
  EXPECT_EQ(org.Request("POST", "/api/v1/connections/" + std::to_string(id) + "/accept").status, 409);
  auto ties = anja.Get("/api/v1/members/" + std::to_string(anja_) + "/ties").Json();
  ASSERT_EQ(ties["total"], 1);
  EXPECT_EQ(ties["items"][0]["real"], false);
  auto rec = org.Post("/api/v1/interactions", {{"a", anja_}, {"b", organizer_}, {"kind", "meeting_held"}});
  ASSERT_EQ(rec.status, 201) << rec.body;
  EXPECT_EQ(org.Post("/api/v1/interactions", {{"a", anja_}, {"b", organizer_}, {"kind", "liked"}}).ErrorField(),
            "kind");
  EXPECT_EQ(org.Post("/api/v1/interactions", {{"a", anja_}, {"b", anja_}, {"kind", "met_at_event"}}).ErrorField(), "b");
  EXPECT_EQ(anja.Post("/api/v1/interactions", {{"a", anja_}, {"b", organizer_}, {"kind", "met_at_event"}}).status, 403);
  auto tie = anja.Get("/api/v1/ties/" + std::to_string(organizer_) + "/" + std::to_string(anja_)).Json();
  EXPECT_EQ(tie["real"], true);
  EXPECT_EQ(tie["history"].size(), 2u);
  EXPECT_EQ(org.Get("/api/v1/interactions?kind=meeting_held").Json()["total"], 1);
}

TEST_F(ApiTest, LoginThrottlingAnswers429WithRetryAfter) {
  Client c(Base());
  for (int i = 0; i < domain::kMaxFailuresPerEmail; ++i)
    EXPECT_EQ(c.Login("anja@x.example", "wrong " + std::to_string(i)).status, 401);
  auto r = c.Login("anja@x.example", kPassword);
  EXPECT_EQ(r.status, 429);
  EXPECT_EQ(r.headers.count("retry-after"), 1u);
}

TEST_F(ApiTest, ApiTokensWorkWithoutCookiesOrCsrf) {
  Client c(Base());
  ASSERT_EQ(c.Login("leider@x.example", kPassword).status, 200);
  auto t = c.Post("/api/v1/auth/tokens", {{"name", "import script"}});
  ASSERT_EQ(t.status, 201);
  Client script(Base());
  script.bearer = t.Json()["token"].get<std::string>();
  EXPECT_EQ(script.Post("/api/v1/members", {{"name", "Via script"}, {"email", "script@x.example"}}).status, 201);
  script.bearer = "vbt_" + std::string(64, 'a');
  EXPECT_EQ(script.Get("/api/v1/members").status, 401);
}

TEST_F(ApiTest, SessionMadeOnOneServerWorksOnAnother) {
  // A second, independent server process-equivalent on the same database.
  auto db2 = storage::Database::Open(
      storage::testing::UsePostgres() ? std::getenv("VERBINDER_TEST_PG_URL") : db_->display_url(), 2);
  ASSERT_TRUE(db2.ok());
  App app2(**db2, clock_);
  int port2 = testing::FreePort();
  Server server2(app2, {"127.0.0.1", static_cast<uint16_t>(port2), 2});
  ASSERT_TRUE(server2.Start().ok());
  Client one(Base()), two("http://127.0.0.1:" + std::to_string(port2));
  ASSERT_EQ(one.Login("anja@x.example", kPassword).status, 200);
  one.ShareCookiesWith(two);
  two.csrf = one.csrf;
  auto me = two.Get("/api/v1/auth/me");
  EXPECT_EQ(me.status, 200) << me.body;
  const std::string path = "/api/v1/members/" + std::to_string(anja_);
  EXPECT_NE(one.Get(path).Json()["region"], "Twente");  // now in server one's profile cache
  EXPECT_EQ(two.Patch(path, {{"region", "Twente"}}).status, 200);
  EXPECT_EQ(two.Get(path).Json()["region"], "Twente");  // at once on the server that wrote
  // On the other within the profile cache's window (domain/member_cache.h).
  EXPECT_NE(one.Get(path).Json()["region"], "Twente");  // still from the cache within the window
  clock_.AdvanceSteady(domain::MemberCache::kWindow);
  EXPECT_EQ(one.Get(path).Json()["region"], "Twente");
  // A logout on one server ends the session there at once, on the other within
  // the session cache's window.
  Client same_browser(Base());  // keeps the cookie that the logout clears in `one`
  one.ShareCookiesWith(same_browser);
  EXPECT_EQ(two.Get("/api/v1/auth/me").status, 200);
  EXPECT_EQ(same_browser.Get("/api/v1/auth/me").status, 200);
  EXPECT_EQ(one.Post("/api/v1/auth/logout", Json::object()).status, 204);
  EXPECT_EQ(same_browser.Get("/api/v1/auth/me").status, 401);
  EXPECT_EQ(two.Get("/api/v1/auth/me").status, 200);  // still cached there within the window
  clock_.AdvanceSteady(domain::kSessionCacheWindow);
  EXPECT_EQ(two.Get("/api/v1/auth/me").status, 401);
  auto metrics = one.Get("/metrics").body;
  EXPECT_NE(metrics.find("verbinder_profile_cache_lookups_total{result=\"hit\"} "), std::string::npos) << metrics;
  server2.Stop();
}

TEST_F(ApiTest, OpenApiDocumentsExactlyTheRoutes) {
  auto doc = Json::parse(OpenApiDocument());
  ASSERT_EQ(doc["openapi"].get<std::string>().substr(0, 2), "3.");
  std::set<std::string> documented, routed;
  for (auto& [path, ops] : doc["paths"].items())
    for (auto& [method, op] : ops.items())
      if (method != "parameters") documented.insert(AsciiLower(method) + " " + path);
  for (const auto& r : app_->routes()) {
    // The web UI's pages and static files (routes_web.cpp) are not part of the API.
    if (!r.pattern.starts_with("/api/") && r.pattern != "/healthz" && r.pattern != "/metrics") continue;
    std::string p;
    for (const auto& s : r.segments) {
      if (s.empty()) continue;
      p += "/" + (s[0] == ':' ? "{" + s.substr(1) + "}" : s);
    }
    routed.insert(AsciiLower(std::string(ToString(r.method))) + " " + p);
  }
  for (const auto& r : routed) EXPECT_TRUE(documented.count(r)) << "undocumented route: " << r;
  for (const auto& d : documented) EXPECT_TRUE(routed.count(d)) << "documented but not routed: " << d;
  Client c(Base());
  EXPECT_EQ(c.Get("/api/v1/openapi.json").Json()["info"]["title"], doc["info"]["title"]);
}

}  // namespace
}  // namespace verbinder::api
