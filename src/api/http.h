// The HTTP request/response records the API handlers work with. They carry no
// RESTinio types, so handlers compile fast and are testable without a socket;
// api/server.cpp is the only file that talks to RESTinio.
#pragma once

#include <map>
#include <optional>
#include <string>
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
  std::string path;                                 // decoded path, without the query
  std::map<std::string, std::string> query;         // decoded query parameters (last one wins)
  std::map<std::string, std::string> headers;       // lowercased names
  std::map<std::string, std::string> path_params;   // filled by the router (":id" → "12")
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
};

}  // namespace verbinder::api
