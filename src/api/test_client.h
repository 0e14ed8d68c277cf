// Test-only: a tiny blocking HTTP client over libcurl that keeps cookies per
// client (like one browser) and exposes status, headers and JSON body.
#pragma once

#include <arpa/inet.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

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

}  // namespace verbinder::api::testing
