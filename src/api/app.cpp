#include "api/app.h"

#include <chrono>

#include <spdlog/spdlog.h>

#include "api/error_mapping.h"
#include "api/metrics.h"
#include "util/strings.h"

namespace verbinder::api {
namespace {

bool IsStateChanging(Method m) {
  return m == Method::kPost || m == Method::kPut || m == Method::kPatch || m == Method::kDelete;
}

bool ConstantTimeEquals(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  unsigned char d = 0;
  for (size_t i = 0; i < a.size(); ++i) d |= static_cast<unsigned char>(a[i] ^ b[i]);
  return d == 0;
}

}  // namespace

App::App(storage::Database& db, const Clock& clock, AppOptions options)
    : db_(db),
      clock_(clock),
      options_(options),
      members_(db, clock),
      accounts_(db, clock),
      network_(db, clock, members_),
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
    if (r.segments.size() != segs.size()) continue;
    std::map<std::string, std::string> p;
    bool ok = true;
    for (size_t i = 0; i < segs.size() && ok; ++i) {
      if (!r.segments[i].empty() && r.segments[i][0] == ':') {
        if (segs[i].empty()) ok = false;
        else p[r.segments[i].substr(1)] = segs[i];
      } else if (r.segments[i] != segs[i]) {
        ok = false;
      }
    }
    if (!ok) continue;
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
    VB_ASSIGN_OR_RETURN(ctx.viewer, accounts_.AuthenticateApiToken(Trim(auth->substr(7))));
  } else if (auto cookie = req.Cookie(kSessionCookie)) {
    auto s = accounts_.FindSession(*cookie);
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
    case Access::kPublic: break;
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
    auto r = Dispatch(req, &matched);
    if (r.ok()) {
      resp = std::move(*r);
    } else {
      resp = ErrorResponse(r.status());
      if (r.status().field() == "method" && r.status().code() == Code::kConflict) {
        resp = ErrorResponse(Status(Code::kInvalidArgument, "method " + std::string(ToString(req.method)) +
                                                                " is not allowed on " + req.path, "method"));
        resp.status = 405;
      }
      if (r.status().code() == Code::kTooManyRequests) {
        resp.headers.push_back({"Retry-After", std::to_string(domain::kThrottleWindow)});
      }
      if (r.status().code() == Code::kInternal) spdlog::error("{} {}: {}", ToString(req.method), req.path, r.status().message());
    }
  } catch (const std::exception& e) {
    spdlog::error("{} {}: unhandled exception: {}", ToString(req.method), req.path, e.what());
    resp = ErrorResponse(Internal(e.what()));
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  metrics_->Record(std::string(ToString(req.method)), matched ? matched->pattern : "unmatched", resp.status, secs);
  return resp;
}

Result<Json> ParseJsonBody(const Request& req) {
  if (req.body.size() > kMaxBodyBytes)
    return Status(Code::kPayloadTooLarge, "the body is larger than " + std::to_string(kMaxBodyBytes) + " bytes", "body");
  if (Trim(req.body).empty()) return InvalidArgument("the body is empty; expected a JSON object", "body");
  auto ct = req.Header("content-type");
  if (!ct || !StartsWith(AsciiLower(*ct), "application/json"))
    return Status(Code::kUnsupportedMedia, "send the body as Content-Type: application/json", "content-type");
  Json j = Json::parse(req.body, nullptr, false);
  if (j.is_discarded()) {
    // Re-parse with exceptions to get the position of the error.
    try {
      (void)Json::parse(req.body);
    } catch (const Json::parse_error& e) {
      return InvalidArgument("malformed JSON at byte " + std::to_string(e.byte), "body");
    }
    return InvalidArgument("malformed JSON", "body");
  }
  if (!j.is_object()) return InvalidArgument("the body must be a JSON object", "body");
  return j;
}

Result<int64_t> PathId(const Ctx& ctx, const std::string& name) {
  auto it = ctx.req.path_params.find(name);
  if (it == ctx.req.path_params.end()) return InvalidArgument("missing", name);
  const std::string& s = it->second;
  if (s.empty() || s.size() > 18 || s.find_first_not_of("0123456789") != std::string::npos || s == "0")
    return InvalidArgument("must be a positive integer id", name);
  return std::stoll(s);
}

Result<int> QueryInt(const Request& req, const std::string& name, int fallback, int min, int max) {
  auto it = req.query.find(name);
  if (it == req.query.end()) return fallback;
  const std::string& s = it->second;
  bool neg = !s.empty() && s[0] == '-';
  std::string digits = neg ? s.substr(1) : s;
  if (digits.empty() || digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string::npos)
    return InvalidArgument("must be an integer", name);
  int v = std::stoi(s);
  if (v < min || v > max)
    return InvalidArgument("must be between " + std::to_string(min) + " and " + std::to_string(max), name);
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
