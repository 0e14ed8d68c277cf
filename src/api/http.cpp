#include "api/http.h"

#include <cstddef>

#include "util/strings.h"

namespace verbinder::api {

std::string_view ToString(Method m) {
  switch (m) {
    case Method::kGet:
      return "GET";
    case Method::kPost:
      return "POST";
    case Method::kPut:
      return "PUT";
    case Method::kPatch:
      return "PATCH";
    case Method::kDelete:
      return "DELETE";
    case Method::kHead:
      return "HEAD";
    case Method::kOptions:
      return "OPTIONS";
    case Method::kOther:
      return "OTHER";
  }
  return "OTHER";
}

std::optional<std::string> Request::Header(const std::string& lower_name) const {
  auto it = headers.find(lower_name);
  if (it == headers.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string> Request::Cookie(const std::string& name) const {
  auto h = Header("cookie");
  if (!h) return std::nullopt;
  for (const auto& part : Split(*h, ';')) {
    std::string p = Trim(part);
    auto eq = p.find('=');
    if (eq != std::string::npos && p.substr(0, eq) == name) return p.substr(eq + 1);
  }
  return std::nullopt;
}

Response Response::JsonBody(const Json& j, int status) {
  Response r;
  r.status = status;
  r.body = j.dump(-1, ' ', false, Json::error_handler_t::replace);
  return r;
}

Response Response::Text(std::string body, std::string content_type, int status) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  r.content_type = std::move(content_type);
  return r;
}

Response Response::NoContent() {
  Response r;
  r.status = 204;
  r.content_type.clear();
  return r;
}

const std::string* Response::FindHeader(std::string_view name) const {
  for (size_t i = headers.size(); i-- > 0;)  // the last one set wins
    if (EqualsIgnoreCase(headers[i].first, name)) return &headers[i].second;
  return nullptr;
}

void Response::SetHeader(const std::string& name, std::string value) {
  std::erase_if(headers, [&](const auto& h) { return EqualsIgnoreCase(h.first, name); });
  headers.emplace_back(name, std::move(value));
}

void FinishResponse(Response& r) {
  // Last value wins: drop earlier duplicates (Set-Cookie may repeat).
  for (size_t i = r.headers.size(); i-- > 0;) {
    if (EqualsIgnoreCase(r.headers[i].first, "Set-Cookie")) continue;
    for (size_t j = 0; j < i;) {
      if (EqualsIgnoreCase(r.headers[j].first, r.headers[i].first)) {
        r.headers.erase(r.headers.begin() + static_cast<std::ptrdiff_t>(j));
        --i;
      } else {
        ++j;
      }
    }
  }
  auto add = [&r](const char* name, std::string value) {
    if (!r.FindHeader(name)) r.headers.emplace_back(name, std::move(value));
  };
  add("X-Content-Type-Options", "nosniff");
  add("Cache-Control", "no-store");  // API answers are personal
  if (StartsWith(AsciiLower(r.content_type), "text/html")) {
    if (!r.FindHeader("Content-Security-Policy")) {
      r.headers.emplace_back("Content-Security-Policy", kHtmlContentSecurityPolicy);
      add("X-Frame-Options", "DENY");
    }
    add("Referrer-Policy", "no-referrer");
  }
  if (r.status == 503) add("Retry-After", std::to_string(kRetryAfterSeconds));
}

}  // namespace verbinder::api
