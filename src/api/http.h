// The HTTP request/response records the API handlers work with. They carry no
// RESTinio types, so handlers compile fast and are testable without a socket;
// api/server.cpp is the only file that talks to RESTinio.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/viewer.h"
#include "util/status.h"

namespace verbinder::api {

using Json = nlohmann::json;

enum class Method { kGet, kPost, kPut, kPatch, kDelete, kHead, kOptions, kOther };
std::string_view ToString(Method m);

struct Request {
  Method method = Method::kGet;
  std::string path;                                // decoded path, without the query
  std::map<std::string, std::string> query;        // decoded query parameters (last one wins)
  std::map<std::string, std::string> headers;      // lowercased names
  std::map<std::string, std::string> path_params;  // filled by the router (":id" → "12")
  std::string body;
  std::string remote_address;
  bool over_tls = false;

  std::optional<std::string> Header(const std::string& lower_name) const;
  std::optional<std::string> Cookie(const std::string& name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers (Set-Cookie, Retry-After, ...)

  static Response JsonBody(const Json& j, int status = 200);
  static Response Text(std::string body, std::string content_type, int status = 200);
  static Response NoContent();

  // The value of an extra header (name compared case-insensitively), or null.
  const std::string* FindHeader(std::string_view name) const;
  // Sets a header, replacing every earlier value of that name.
  void SetHeader(const std::string& name, std::string value);
};

// The policy for HTML the API renders itself (printable schedules, the
// check-in sheet, the newsletter's confirm/unsubscribe pages): inline styles,
// images from this origin, forms posting back here; no scripts, no fetches,
// never framed. The web app's pages (routes_web.cpp) set their own.
inline constexpr const char* kHtmlContentSecurityPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'";
inline constexpr int kRetryAfterSeconds = 2;  // Retry-After of a 503 that names no other

// The last step before a response leaves the App (App::Handle, and the
// server's own answers); adds what a handler did not set itself:
//   every response   X-Content-Type-Options: nosniff, Cache-Control: no-store
//   any text/html    Content-Security-Policy: kHtmlContentSecurityPolicy (and
//                    X-Frame-Options: DENY with it), Referrer-Policy: no-referrer
//   503              Retry-After: kRetryAfterSeconds
// A header set more than once keeps its last value (Set-Cookie excepted), so
// a handler can override a default set earlier (e.g. by ErrorResponse).
void FinishResponse(Response& r);

}  // namespace verbinder::api
