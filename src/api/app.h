// The API application: a route table, authentication (session cookie or
// Bearer API token), CSRF checks, request limits, error mapping and metrics —
// everything between a parsed HTTP request and the domain services. Free of
// RESTinio: api/server.cpp feeds it requests from the network, tests call
// Handle() directly or over a real socket.
//
//   App app(db, clock, {});
//   Response r = app.Handle(request);
//
// Thread-safety: Handle() may be called from many threads at once.
#pragma once

#include <array>
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/http.h"
#include "app_services/services.h"
#include "domain/accounts.h"
#include "domain/members.h"
#include "domain/network.h"
#include "storage/database.h"
#include "util/clock.h"

namespace verbinder::oidc {
class Registry;
}  // namespace verbinder::oidc

namespace verbinder::api {

inline constexpr size_t kMaxBodyBytes = 1 << 20;  // 1 MiB; larger bodies get 413
inline constexpr const char* kSessionCookie = "vb_session";
inline constexpr const char* kCsrfCookie = "vb_csrf";
inline constexpr const char* kCsrfHeader = "x-csrf-token";

enum class Access { kPublic, kMember, kOrganizer, kAdmin };

struct Ctx {
  const Request& req;
  domain::Viewer viewer;
  std::optional<domain::Session> session;  // set when signed in by cookie
};

using Handler = std::function<Result<Response>(Ctx&)>;

struct Route {
  Method method;
  std::string pattern;  // "/api/v1/members/:id"
  Access access;
  Handler handler;
  std::vector<std::string> segments;  // pattern split on '/'
};

// An IPv4 or IPv6 network, for serve --trusted-proxy.
struct IpNetwork {
  std::array<unsigned char, 16> bytes{};  // IPv4 as IPv4-mapped IPv6 (::ffff:a.b.c.d), host bits zero
  int prefix = 0;                         // leading bits of `bytes` that count, 0..128

  // "10.0.0.0/8", "2001:db8::/32"; a bare address is one host (/32, /128).
  // InvalidArgument(trusted_proxy) for anything else.
  static Result<IpNetwork> Parse(std::string_view cidr);
  // False for anything that is not an IP address.
  bool Contains(std::string_view address) const;
};

struct AppOptions {
  bool secure_cookies = false;  // add Secure to cookies (behind TLS)
  bool precompute_map = false;  // compute the leader's map at start-up, not on the first request
  // Reverse proxies whose X-Forwarded-For names the client (serve --trusted-proxy).
  // Empty: the socket peer is always the client.
  std::vector<IpNetwork> trusted_proxies;
  // Sign-in providers (serve --oidc-config); null: password sign-in only.
  std::shared_ptr<oidc::Registry> oidc;
};

class Metrics;

class App {
 public:
  // Builds its own services (tests, tools) ...
  App(storage::Database& db, const Clock& clock, AppOptions options = {});
  // ... or serves the ones the caller built once (serve: the composition root).
  App(app_services::Services& services, AppOptions options = {});
  ~App();

  // Takes the request by value: the router fills in its path parameters.
  Response Handle(Request req);

  void Add(Method method, const std::string& pattern, Access access, Handler handler);
  const std::vector<Route>& routes() const { return routes_; }

  storage::Database& db() { return db_; }
  const Clock& clock() const { return clock_; }
  // Every service, built once (app_services/services.h); routes borrow them.
  app_services::Services& services() { return services_; }
  domain::MemberService& members() { return services_.members; }
  domain::AccountService& accounts() { return services_.accounts; }
  domain::NetworkService& network() { return services_.network; }
  const AppOptions& options() const { return options_; }
  Metrics& metrics() { return *metrics_; }

 private:
  App(std::unique_ptr<app_services::Services>&& owned, AppOptions options);
  App(std::unique_ptr<app_services::Services>&& owned, app_services::Services& services, AppOptions options);
  Result<Response> Dispatch(Request& req, const Route** matched);

  storage::Database& db_;
  const Clock& clock_;
  AppOptions options_;
  std::unique_ptr<app_services::Services> owned_services_;  // set by the (db, clock) constructor
  app_services::Services& services_;
  std::vector<Route> routes_;
  std::unique_ptr<Metrics> metrics_;
};

// Helpers for handlers.
// The client's address, as throttling counts it (docs/accounts.md): the
// socket peer; only when the peer is one of `trusted_proxies`, the right-most
// X-Forwarded-For entry that is not itself a trusted proxy (entries further
// left were written by the client and are ignored). A malformed entry ends
// the walk at the last good hop. IPv4 comes back dotted (also when the peer
// was IPv4-mapped IPv6).
std::string ClientAddress(const Request& req, const std::vector<IpNetwork>& trusted_proxies);
Result<Json> ParseJsonBody(const Request& req);
Result<int64_t> PathId(const Ctx& ctx, const std::string& name = "id");
Result<int> QueryInt(const Request& req, const std::string& name, int fallback, int min, int max);
std::string QueryString(const Request& req, const std::string& name);
Status CheckQueryParams(const Request& req, std::initializer_list<const char*> known);

// Route registration, one function per area (api/routes_*.cpp).
void RegisterSystemRoutes(App& app);
void RegisterAuthRoutes(App& app);
void RegisterAccountRoutes(App& app);  // sign-up, invitations, reset, deletion, own data
void RegisterMemberRoutes(App& app);
void RegisterNetworkRoutes(App& app);
void RegisterNetworkAnalysisRoutes(App& app);  // /api/v1/network/... (analysis engine)
void RegisterEventsRoutes(App& app);           // events, registrations, rounds, meetings, visits
void RegisterNewsletterRoutes(App& app);       // articles, subscriptions, newsletter
void RegisterQuestionsRoutes(App& app);        // questions to the network (vraagstukken)
void RegisterNotificationsRoutes(App& app);    // my notifications and their e-mail choices
void RegisterOidcRoutes(App& app);             // sign-in with OpenID Connect (routes_oidc.cpp)
// Refuses (and ends) a password session of a non-admin while an admin has
// switched password sign-in off (routes_oidc.cpp).
Status CheckPasswordLoginAllowed(App& app, const domain::Session& s);
void RegisterLeaderMemberRoutes(App& app);  // the leader's members table (search, filters, last active)
void RegisterWebRoutes(App& app);           // the web UI (static assets); registered last
// The HTML "not found" page for a GET of an unknown path outside /api/ (routes_web.cpp).
Response WebNotFoundPage();

}  // namespace verbinder::api
