// Test-only: a tiny blocking HTTP client over libcurl that keeps cookies per
// client (like one browser) and exposes status, headers and JSON body; and
// ApiServerTest, the fixture of the tests over real HTTP (a fresh database per
// test or one per suite, the App and its Server, members with accounts,
// signed-in clients).
#pragma once

#include <arpa/inet.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>
#include <soci/soci.h>

#include "api/app.h"
#include "api/server.h"
#include "domain/bulk_load.h"
#include "storage/testing.h"
#include "util/clock.h"
#include "util/free_port.h"

namespace verbinder::api::testing {

struct HttpResult {
  long status = 0;
  std::string body;
  std::multimap<std::string, std::string> headers;  // lowercased names
  nlohmann::json Json() const { return nlohmann::json::parse(body, nullptr, false); }
  std::string ErrorField() const {
    auto j = Json();
    return j.contains("error") && j["error"]["field"].is_string() ? j["error"]["field"].get<std::string>() : "";
  }
};

inline size_t WriteBody(char* p, size_t s, size_t n, void* ud) {
  static_cast<std::string*>(ud)->append(p, s * n);
  return s * n;
}

inline size_t WriteHeader(char* p, size_t s, size_t n, void* ud) {
  std::string line(p, s * n);
  auto colon = line.find(':');
  if (colon != std::string::npos) {
    std::string k = line.substr(0, colon), v = line.substr(colon + 1);
    for (auto& c : k) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    while (!v.empty() && v.front() == ' ') v.erase(v.begin());
    while (!v.empty() && (v.back() == '\r' || v.back() == '\n')) v.pop_back();
    static_cast<std::multimap<std::string, std::string>*>(ud)->emplace(k, v);
  }
  return s * n;
}

class Client {
 public:
  explicit Client(std::string base) : base_(std::move(base)) {
    curl_ = curl_easy_init();
    curl_easy_setopt(curl_, CURLOPT_COOKIEFILE, "");
  }
  ~Client() { curl_easy_cleanup(curl_); }
  Client(const Client&) = delete;

  // Copies this client's cookies into another (the same browser talking to another server).
  void ShareCookiesWith(Client& other) {
    struct curl_slist* cookies = nullptr;
    curl_easy_getinfo(curl_, CURLINFO_COOKIELIST, &cookies);
    for (auto* c = cookies; c; c = c->next) {
      // Rewrite the host column so the cookie applies to the other server's host too.
      curl_easy_setopt(other.curl_, CURLOPT_COOKIELIST, c->data);
    }
    curl_slist_free_all(cookies);
  }

  HttpResult Request(const std::string& method, const std::string& path, const std::string& body = "",
                     std::vector<std::string> headers = {}, bool json_body = true) {
    HttpResult r;
    curl_easy_setopt(curl_, CURLOPT_URL, (base_ + path).c_str());
    curl_easy_setopt(curl_, CURLOPT_CUSTOMREQUEST, method.c_str());
    curl_easy_setopt(curl_, CURLOPT_NOBODY, method == "HEAD" ? 1L : 0L);
    curl_easy_setopt(curl_, CURLOPT_POSTFIELDS, body.empty() && method == "GET" ? nullptr : body.c_str());
    curl_easy_setopt(curl_, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
    if (method == "GET") {
      curl_easy_setopt(curl_, CURLOPT_HTTPGET, 1L);
      curl_easy_setopt(curl_, CURLOPT_CUSTOMREQUEST, nullptr);
    }
    struct curl_slist* hs = nullptr;
    if (json_body && !body.empty()) headers.push_back("Content-Type: application/json");
    if (!csrf.empty()) headers.push_back("X-CSRF-Token: " + csrf);
    if (!bearer.empty()) headers.push_back("Authorization: Bearer " + bearer);
    headers.push_back("Expect:");
    for (const auto& h : headers) hs = curl_slist_append(hs, h.c_str());
    curl_easy_setopt(curl_, CURLOPT_HTTPHEADER, hs);
    curl_easy_setopt(curl_, CURLOPT_WRITEFUNCTION, &WriteBody);
    curl_easy_setopt(curl_, CURLOPT_WRITEDATA, &r.body);
    curl_easy_setopt(curl_, CURLOPT_HEADERFUNCTION, &WriteHeader);
    curl_easy_setopt(curl_, CURLOPT_HEADERDATA, &r.headers);
    CURLcode rc = curl_easy_perform(curl_);
    if (rc == CURLE_OK) curl_easy_getinfo(curl_, CURLINFO_RESPONSE_CODE, &r.status);
    curl_slist_free_all(hs);
    return r;
  }
  HttpResult Get(const std::string& path) { return Request("GET", path); }
  HttpResult Post(const std::string& path, const nlohmann::json& j) { return Request("POST", path, j.dump()); }
  HttpResult Patch(const std::string& path, const nlohmann::json& j) { return Request("PATCH", path, j.dump()); }
  HttpResult Delete(const std::string& path) { return Request("DELETE", path); }

  // Signs in; keeps the session cookie and the CSRF token for later requests.
  HttpResult Login(const std::string& email, const std::string& password) {
    auto r = Post("/api/v1/auth/login", {{"email", email}, {"password", password}});
    if (r.status == 200) csrf = r.Json()["csrf_token"].get<std::string>();
    return r;
  }

  std::string csrf;
  std::string bearer;

 private:
  std::string base_;
  CURL* curl_;
};

// A port that was free a moment ago on 127.0.0.1.
using util::testing::FreePort;

// ---- A running server on a fresh database ----

// The password of every account ApiServerTest::AddMember makes.
inline constexpr const char* kPassword = "een lang wachtwoord";

struct ApiServerOptions {
  int db_pool = 4;      // database connections
  size_t threads = 2;   // server threads
  AppOptions app = {};  // the App's options (StartServer restarts with others)
};

// The fixture of the API tests: per test a fresh database — a SQLite file, or
// PostgreSQL with VERBINDER_TEST_BACKEND=postgres (the `_pg` run of every
// DB_SUITE test) — with the default sectors, an App on it and its Server on a
// free loopback port; then Seed(). The clock is the fixture's own (FakeClock
// unless the test needs wall time); the constructor takes the options and the
// clock's arguments:
//
//   class SiteApiTest : public testing::ApiServerTest<> {
//    protected:
//     SiteApiTest() : ApiServerTest({.db_pool = 8}, 1'800'000'000) {}
//     void Seed() override { anja_ = AddMember("Anja", "anja@x.example", model::Role::kMember); }
//     model::Id anja_ = 0;
//   };
//   TEST_F(SiteApiTest, X) { auto anja = SignedIn("anja@x.example"); ... }
//
// A suite whose data is expensive to build (e.g. the demo network) and whose
// tests leave it as they found it may share one database over all its tests
// instead (each test still gets its own App, Server and Seed()):
//
//   static void SetUpTestSuite() { ShareDatabase("network_api", [](storage::Database& db) { ... }); }
//   static void TearDownTestSuite() { ReleaseSharedDatabase(); }
template <typename ClockT = FakeClock>
class ApiServerTest : public ::testing::Test {
 protected:
  template <typename... ClockArgs>
  explicit ApiServerTest(ApiServerOptions options, ClockArgs&&... clock_args)
      : clock_(std::forward<ClockArgs>(clock_args)...), options_(std::move(options)) {}

  void SetUp() override {
    if (suite_shares_database_) {
      ASSERT_TRUE(suite_db_) << "the suite's shared database did not load";
      db_ = suite_db_;
    } else {
      const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
      db_ =
          storage::testing::FreshDatabase(std::string(test->test_suite_name()) + "_" + test->name(), options_.db_pool);
      ASSERT_TRUE(domain::EnsureDefaultSectors(*db_).ok());
    }
    StartServer(options_.app);
    if (HasFatalFailure()) return;
    Seed();
  }
  void TearDown() override { StopServer(); }

  // From SetUpTestSuite: one fresh database (`pool` connections) with the
  // default sectors for every test of the suite, filled once by `load`
  // (which may use ASSERT_*; on a fatal failure every test of the suite fails).
  static void ShareDatabase(const std::string& name, const std::function<void(storage::Database&)>& load,
                            int pool = 4) {
    suite_shares_database_ = true;
    std::shared_ptr<storage::Database> db = storage::testing::FreshDatabase(name, pool);
    ASSERT_TRUE(domain::EnsureDefaultSectors(*db).ok());
    load(*db);
    if (::testing::Test::HasFatalFailure()) return;
    suite_db_ = std::move(db);
  }
  // From TearDownTestSuite: the next suite starts on fresh databases again.
  static void ReleaseSharedDatabase() {
    suite_db_.reset();
    suite_shares_database_ = false;
  }

  // What every test of the fixture starts with (members, events ...); runs once the server is up.
  virtual void Seed() {}
  // Runs on every new App before its server starts (routes only this test has).
  virtual void Prepare(App& /*app*/) {}

  // (Re)starts the App and its server, with these options, on the same database.
  void StartServer(AppOptions app_options) {
    StopServer();
    app_ = std::make_unique<App>(*db_, clock_, std::move(app_options));
    Prepare(*app_);
    port_ = FreePort();
    server_ =
        std::make_unique<Server>(*app_, ServerOptions{"127.0.0.1", static_cast<uint16_t>(port_), options_.threads});
    ASSERT_TRUE(server_->Start().ok());
  }
  void StopServer() {
    if (server_) server_->Stop();
    server_.reset();
  }
  std::string Base() const { return "http://127.0.0.1:" + std::to_string(port_); }

  // A member with a name, an e-mail address and a sector; set any other field before AddMember.
  static model::Member NewMember(const std::string& name, const std::string& email,
                                 const std::string& sector = "care") {
    model::Member m;
    m.name = name;
    m.email = email;
    m.sector = sector;
    return m;
  }
  // Creates the member and, given a role, an account with kPassword; returns its id (0 on failure).
  model::Id AddMember(const model::Member& m, std::optional<model::Role> role = model::Role::kMember) {
    auto r = app_->members().Create(domain::Viewer::System(), m);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    if (!r.ok()) return 0;
    if (role) {
      auto account = app_->accounts().CreateAccount(domain::Viewer::System(), r->id, kPassword, *role);
      EXPECT_TRUE(account.ok()) << m.email;
    }
    return r->id;
  }
  model::Id AddMember(const std::string& name, const std::string& email, model::Role role,
                      const std::string& sector = "care") {
    return AddMember(NewMember(name, email, sector), role);
  }
  // A client (one browser) signed in as `email`.
  std::unique_ptr<Client> SignedIn(const std::string& email, const std::string& password = kPassword) {
    auto c = std::make_unique<Client>(Base());
    EXPECT_EQ(c->Login(email, password).status, 200) << email;
    return c;
  }

  // The one number a query such as "SELECT count(*) FROM ..." returns; `param` fills its one placeholder.
  long long Count(const std::string& query) {
    soci::session sql(db_->pool());
    long long n = 0;
    sql << query, soci::into(n);
    return n;
  }
  long long Count(const std::string& query, const std::string& param) {
    soci::session sql(db_->pool());
    long long n = 0;
    sql << query, soci::use(param), soci::into(n);
    return n;
  }
  // The text of the newest mail queued for `to` (of `kind`, when given); "" when none.
  std::string LastMailText(const std::string& to, const std::string& kind = "") {
    soci::session sql(db_->pool());
    std::string text;
    if (kind.empty()) {
      soci::rowset<std::string> rs =
          (sql.prepare << "SELECT text_body FROM outbox WHERE to_email = :e ORDER BY id", soci::use(to));
      for (const auto& t : rs) text = t;
    } else {
      soci::rowset<std::string> rs =
          (sql.prepare << "SELECT text_body FROM outbox WHERE to_email = :e AND kind = :k ORDER BY id", soci::use(to),
           soci::use(kind));
      for (const auto& t : rs) text = t;
    }
    return text;
  }
  // Sets a row of the settings table.
  void SetSetting(const std::string& key, const std::string& value) {
    soci::session sql(db_->pool());
    sql << "DELETE FROM settings WHERE key = :k", soci::use(key);
    sql << "INSERT INTO settings (key, value) VALUES (:k, :v)", soci::use(key), soci::use(value);
  }

  ClockT clock_;
  ApiServerOptions options_;
  // The test's database: its own, or the suite's (ShareDatabase).
  std::shared_ptr<storage::Database> db_;
  static inline std::shared_ptr<storage::Database> suite_db_;  // set by ShareDatabase
  static inline bool suite_shares_database_ = false;
  std::unique_ptr<App> app_;
  std::unique_ptr<Server> server_;
  int port_ = 0;
};

}  // namespace verbinder::api::testing
