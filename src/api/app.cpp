#include "api/app.h"

#include <arpa/inet.h>

#include <algorithm>
#include <chrono>
#include <optional>

#include <soci/error.h>
#include <spdlog/spdlog.h>

#include "api/error_mapping.h"
#include "api/metrics.h"
#include "app_services/account_wiring.h"
#include "domain/json_codec.h"
#include "util/strings.h"

namespace verbinder::api {
namespace {

bool IsStateChanging(Method m) {
  return m == Method::kPost || m == Method::kPut || m == Method::kPatch || m == Method::kDelete;
}

// Whether `route` matches the path split into `segs`; fills `params` (":id" → "12").
bool PathMatches(const Route& route, const std::vector<std::string>& segs, std::map<std::string, std::string>* params) {
  if (route.segments.size() != segs.size()) return false;
  for (size_t i = 0; i < segs.size(); ++i) {
    if (!route.segments[i].empty() && route.segments[i][0] == ':') {
      if (segs[i].empty()) return false;
      (*params)[route.segments[i].substr(1)] = segs[i];
    } else if (route.segments[i] != segs[i]) {
      return false;
    }
  }
  return true;
}

// The Allow header of a 405: the methods some route offers on this path.
std::string AllowedMethods(const std::vector<Route>& routes, const std::string& path) {
  auto segs = Split(path, '/');
  std::vector<std::string> methods;
  for (const auto& r : routes) {
    std::map<std::string, std::string> ignored;
    if (!PathMatches(r, segs, &ignored)) continue;
    methods.emplace_back(ToString(r.method));
    if (r.method == Method::kGet) methods.emplace_back(ToString(Method::kHead));
  }
  std::sort(methods.begin(), methods.end());
  methods.erase(std::unique(methods.begin(), methods.end()), methods.end());
  std::string allow;
  for (const auto& m : methods) allow += (allow.empty() ? "" : ", ") + m;
  return allow;
}

bool ConstantTimeEquals(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  unsigned char d = 0;
  for (size_t i = 0; i < a.size(); ++i) d |= static_cast<unsigned char>(a[i] ^ b[i]);
  return d == 0;
}

using IpBytes = std::array<unsigned char, 16>;

// An IPv4 or IPv6 address in 16 bytes (IPv4 as ::ffff:a.b.c.d); *v4 tells
// which it was written as.
std::optional<IpBytes> ParseIp(std::string_view text, bool* v4 = nullptr) {
  if (text.empty() || text.size() > 45) return std::nullopt;
  std::string s(text);
  IpBytes b{};
  unsigned char v4b[4];
  if (inet_pton(AF_INET, s.c_str(), v4b) == 1) {
    b[10] = b[11] = 0xff;
    std::copy(v4b, v4b + 4, b.begin() + 12);
    if (v4) *v4 = true;
    return b;
  }
  if (inet_pton(AF_INET6, s.c_str(), b.data()) == 1) {
    if (v4) *v4 = false;
    return b;
  }
  return std::nullopt;
}

bool IsV4Mapped(const IpBytes& b) {
  return std::all_of(b.begin(), b.begin() + 10, [](unsigned char c) { return c == 0; }) && b[10] == 0xff &&
         b[11] == 0xff;
}

std::string FormatIp(const IpBytes& b) {
  char out[INET6_ADDRSTRLEN] = {};
  if (IsV4Mapped(b))
    inet_ntop(AF_INET, b.data() + 12, out, sizeof out);
  else
    inet_ntop(AF_INET6, b.data(), out, sizeof out);
  return out;
}

bool InNetwork(const IpNetwork& n, const IpBytes& a) {
  int full = n.prefix / 8, rest = n.prefix % 8;
  if (!std::equal(a.begin(), a.begin() + full, n.bytes.begin())) return false;
  if (rest == 0) return true;
  unsigned char mask = static_cast<unsigned char>(0xff << (8 - rest));
  return (a[full] & mask) == n.bytes[full];
}

// One X-Forwarded-For entry: an address, optionally with a port
// ("203.0.113.7:4711", "[2001:db8::1]:443").
std::optional<IpBytes> ParseHop(std::string_view hop) {
  std::string h = Trim(hop);
  if (!h.empty() && h.front() == '[') {
    auto close = h.find(']');
    if (close == std::string::npos) return std::nullopt;
    return ParseIp(std::string_view(h).substr(1, close - 1));
  }
  if (std::count(h.begin(), h.end(), ':') == 1) h.resize(h.find(':'));
  return ParseIp(h);
}

}  // namespace

Result<IpNetwork> IpNetwork::Parse(std::string_view cidr) {
  auto bad = [&] {
    return InvalidArgument("'" + std::string(cidr) + "' is not an address or network such as 10.0.0.0/8 or ::1/128",
                           "trusted_proxy");
  };
  std::string_view addr = cidr, len;
  if (auto slash = cidr.find('/'); slash != std::string_view::npos) {
    addr = cidr.substr(0, slash);
    len = cidr.substr(slash + 1);
  }
  bool v4 = false;
  auto ip = ParseIp(addr, &v4);
  if (!ip) return bad();
  const int max = v4 ? 32 : 128;
  int bits = max;
  if (cidr.find('/') != std::string_view::npos) {
    if (len.empty() || len.size() > 3 || len.find_first_not_of("0123456789") != std::string_view::npos) return bad();
    bits = std::stoi(std::string(len));
    if (bits > max) return bad();
  }
  IpNetwork n;
  n.prefix = bits + (v4 ? 96 : 0);
  for (int i = 0; i < 16; ++i) {
    int keep = std::clamp(n.prefix - 8 * i, 0, 8);
    n.bytes[i] = static_cast<unsigned char>((*ip)[i] & (keep ? 0xff << (8 - keep) : 0));
  }
  return n;
}

bool IpNetwork::Contains(std::string_view address) const {
  auto ip = ParseIp(address);
  return ip && InNetwork(*this, *ip);
}

std::string ClientAddress(const Request& req, const std::vector<IpNetwork>& trusted_proxies) {
  auto peer = ParseIp(req.remote_address);
  if (!peer) return req.remote_address;
  auto trusted = [&](const IpBytes& a) {
    return std::any_of(trusted_proxies.begin(), trusted_proxies.end(),
                       [&](const IpNetwork& n) { return InNetwork(n, a); });
  };
  IpBytes client = *peer;
  auto forwarded = trusted(client) ? req.Header("x-forwarded-for") : std::nullopt;
  if (forwarded) {
    auto hops = Split(*forwarded, ',');
    for (auto it = hops.rbegin(); it != hops.rend() && trusted(client); ++it) {
      auto hop = ParseHop(*it);
      if (!hop) break;  // not written by a proxy we trust: keep the last good hop
      client = *hop;
    }
  }
  return FormatIp(client);
}

App::App(storage::Database& db, const Clock& clock, AppOptions options)
    : App(std::make_unique<app_services::Services>(db, clock), std::move(options)) {}

App::App(app_services::Services& services, AppOptions options)
    : App(std::unique_ptr<app_services::Services>(), services, std::move(options)) {}

// Both take the unique_ptr by rvalue reference: nothing is moved until the
// member is initialised, so *owned is read before the move whatever the
// order in which the arguments are evaluated.
App::App(std::unique_ptr<app_services::Services>&& owned, AppOptions options)
    : App(std::move(owned), *owned, std::move(options)) {}

App::App(std::unique_ptr<app_services::Services>&& owned, app_services::Services& services, AppOptions options)
    : db_(services.db),
      clock_(services.clock),
      options_(std::move(options)),
      owned_services_(std::move(owned)),
      services_(services),
      metrics_(std::make_unique<Metrics>()) {
  RegisterSystemRoutes(*this);
  RegisterAuthRoutes(*this);
  RegisterMemberRoutes(*this);
  RegisterNetworkRoutes(*this);
  RegisterNetworkAnalysisRoutes(*this);
  RegisterEventsRoutes(*this);
  RegisterNewsletterRoutes(*this);
  RegisterQuestionsRoutes(*this);
  RegisterNotificationsRoutes(*this);
  RegisterOidcRoutes(*this);
  RegisterLeaderMemberRoutes(*this);
  RegisterWebRoutes(*this);
}

App::~App() = default;

void App::Add(Method method, const std::string& pattern, Access access, Handler handler) {
  routes_.push_back({method, pattern, access, std::move(handler), Split(pattern, '/')});
}

Result<Response> App::Dispatch(Request& req, const Route** matched) {
  auto segs = Split(req.path, '/');
  const Route* found = nullptr;
  bool path_matched = false;
  std::map<std::string, std::string> params;
  for (const auto& r : routes_) {
    std::map<std::string, std::string> p;
    if (!PathMatches(r, segs, &p)) continue;
    path_matched = true;
    if (r.method == req.method || (req.method == Method::kHead && r.method == Method::kGet)) {
      found = &r;
      params = std::move(p);
      break;
    }
  }
  if (!found) {
    if (path_matched) return Status(Code::kConflict, "method not allowed", "method");  // remapped to 405 below
    return NotFound("no such endpoint: " + req.path, "path");
  }
  *matched = found;

  req.path_params = std::move(params);
  Ctx ctx{req, {}, std::nullopt};

  // Who is asking: a Bearer API token, or the session cookie.
  if (auto auth = req.Header("authorization")) {
    if (!StartsWith(*auth, "Bearer ")) return Unauthenticated("the Authorization header must be 'Bearer <token>'");
    VB_ASSIGN_OR_RETURN(ctx.viewer, services_.accounts.AuthenticateApiToken(Trim(auth->substr(7))));
  } else if (auto cookie = req.Cookie(kSessionCookie)) {
    auto s = services_.accounts.FindSession(*cookie);
    if (s.ok()) {
      ctx.viewer = domain::Viewer{s->member_id, s->role};
      ctx.session = *s;
      // CSRF: a cookie-authenticated state change must echo the session's token.
      // On public routes (e.g. one-click unsubscribe from a mail link, where the
      // link's signed token is the credential) the request simply proceeds
      // without the cookie's authority instead of being refused.
      if (IsStateChanging(req.method)) {
        auto sent = req.Header(kCsrfHeader);
        if (!sent || !ConstantTimeEquals(*sent, s->csrf_token)) {
          if (found->access != Access::kPublic)
            return PermissionDenied("missing or wrong CSRF token (send the X-CSRF-Token header)");
          ctx.viewer = domain::Viewer{};
          ctx.session.reset();
        }
      }
    }
  }
  switch (found->access) {
    case Access::kPublic:
      break;
    case Access::kMember:
      if (!ctx.viewer.authenticated()) return Unauthenticated("sign in first");
      break;
    case Access::kOrganizer:
      if (!ctx.viewer.authenticated()) return Unauthenticated("sign in first");
      if (!ctx.viewer.IsOrganizer()) return PermissionDenied("only organizers may do this");
      break;
    case Access::kAdmin:
      if (!ctx.viewer.authenticated()) return Unauthenticated("sign in first");
      if (!ctx.viewer.IsAdmin()) return PermissionDenied("only admins may do this");
      break;
  }
  return found->handler(ctx);
}

Response App::Handle(Request req) {
  auto start = std::chrono::steady_clock::now();
  const Route* matched = nullptr;
  Response resp;
  try {
    if (req.method == Method::kOther) {
      // A method no route can have (TRACE, PROPFIND, ...): 501, not 405.
      resp = ErrorResponse(501, "not_implemented",
                           "this HTTP method is not implemented; the API uses GET, HEAD, POST, PUT, PATCH and DELETE",
                           "method");
    } else if (auto r = Dispatch(req, &matched); r.ok()) {
      resp = std::move(*r);
    } else if (r.status().field() == "method" && r.status().code() == Code::kConflict) {
      resp = ErrorResponse(405, "method_not_allowed",
                           "method " + std::string(ToString(req.method)) + " is not allowed on " + req.path, "method");
      resp.SetHeader("Allow", AllowedMethods(routes_, req.path));
    } else if (!matched && r.status().code() == Code::kNotFound && r.status().field() == "path" &&
               (req.method == Method::kGet || req.method == Method::kHead) && !StartsWith(req.path, "/api/")) {
      resp = WebNotFoundPage();  // a mistyped page address: an HTML page, not JSON (issue #17)
    } else {
      resp = ErrorResponse(r.status());
      if (r.status().code() == Code::kInternal)
        spdlog::error("{} {}: {}", ToString(req.method), req.path, r.status().message());
    }
  } catch (const soci::soci_error& e) {
    // A statement a handler did not wrap: the same mapping (and log line) as
    // storage::FromDbError everywhere else — busy → 503, never the SQL.
    resp = ErrorResponse(storage::FromDbError(e));
  } catch (const Json::type_error& e) {
    // A handler read a body value without checking its type: still the
    // caller's mistake (400), but log it so the reader gets fixed.
    spdlog::warn("{} {}: unchecked JSON read: {}", ToString(req.method), req.path, e.what());
    resp =
        ErrorResponse(InvalidArgument("a value in the body has the wrong type", "body").WithReason("body.wrong_type"));
  } catch (const std::exception& e) {
    spdlog::error("{} {}: unhandled exception: {}", ToString(req.method), req.path, e.what());
    resp = ErrorResponse(Internal(e.what()));
  }
  FinishResponse(resp);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  metrics_->Record(std::string(ToString(req.method)), matched ? matched->pattern : "unmatched", resp.status, secs);
  return resp;
}

Result<Json> ParseJsonBody(const Request& req) {
  if (req.body.size() > kMaxBodyBytes)
    return Status(Code::kPayloadTooLarge, "the body is larger than " + std::to_string(kMaxBodyBytes) + " bytes", "body")
        .WithReason("body.too_large");
  if (Trim(req.body).empty())
    return InvalidArgument("the body is empty; expected a JSON object", "body").WithReason("body.empty");
  auto ct = req.Header("content-type");
  if (!ct || !StartsWith(AsciiLower(*ct), "application/json"))
    return Status(Code::kUnsupportedMedia, "send the body as Content-Type: application/json", "content-type")
        .WithReason("body.not_json");
  // Syntax, numbers beyond int64 or a double (1e999) and nesting, with the field named.
  VB_ASSIGN_OR_RETURN(Json j, domain::ParseJson(req.body));
  if (!j.is_object()) return InvalidArgument("the body must be a JSON object", "body").WithReason("body.not_an_object");
  return j;
}

Result<int64_t> PathId(const Ctx& ctx, const std::string& name) {
  auto it = ctx.req.path_params.find(name);
  if (it == ctx.req.path_params.end()) return InvalidArgument("missing", name);
  const std::string& s = it->second;
  if (s.empty() || s.size() > 18 || s.find_first_not_of("0123456789") != std::string::npos || s == "0")
    return InvalidArgument("must be a positive integer id", name).WithReason("field.not_an_id");
  return std::stoll(s);
}

Result<int> QueryInt(const Request& req, const std::string& name, int fallback, int min, int max) {
  auto it = req.query.find(name);
  if (it == req.query.end()) return fallback;
  const std::string& s = it->second;
  bool neg = !s.empty() && s[0] == '-';
  std::string digits = neg ? s.substr(1) : s;
  if (digits.empty() || digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string::npos)
    return InvalidArgument("must be an integer", name).WithReason("field.not_an_integer");
  int v = std::stoi(s);
  if (v < min || v > max)
    return InvalidArgument("must be between " + std::to_string(min) + " and " + std::to_string(max), name)
        .WithReason("field.between", {{"min", std::to_string(min)}, {"max", std::to_string(max)}});
  return v;
}

std::string QueryString(const Request& req, const std::string& name) {
  auto it = req.query.find(name);
  return it == req.query.end() ? std::string() : it->second;
}

Status CheckQueryParams(const Request& req, std::initializer_list<const char*> known) {
  for (const auto& [k, v] : req.query) {
    bool ok = false;
    for (const char* n : known) ok = ok || k == n;
    if (!ok) return InvalidArgument("unknown query parameter", k);
    if (!IsValidUtf8(v)) return InvalidArgument("is not valid UTF-8", k);
    if (v.size() > 1000) return InvalidArgument("is too long", k);
  }
  return Status::Ok();
}

}  // namespace verbinder::api
