// HTTP to an identity provider (discovery, keys, token endpoint) behind a small
// interface, so the flow can be tested against a fake; CurlHttpClient is the
// real one (libcurl, TLS verified, 10 s timeout, at most 1 MiB answers, no
// redirects followed).
// Thread-safety: CurlHttpClient is safe for concurrent use.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "util/status.h"

namespace verbinder::oidc {

struct HttpReply {
  long status = 0;
  std::string body;
};

using FormFields = std::vector<std::pair<std::string, std::string>>;

class HttpClient {
 public:
  virtual ~HttpClient() = default;
  // Unavailable when the provider cannot be reached (any status is a reply).
  virtual Result<HttpReply> Get(const std::string& url) = 0;
  // POST application/x-www-form-urlencoded; with HTTP Basic authentication
  // when basic_user is not empty (RFC 6749 §2.3.1: both parts form-encoded).
  virtual Result<HttpReply> PostForm(const std::string& url, const FormFields& fields, const std::string& basic_user,
                                     const std::string& basic_password) = 0;
};

class CurlHttpClient : public HttpClient {
 public:
  Result<HttpReply> Get(const std::string& url) override;
  Result<HttpReply> PostForm(const std::string& url, const FormFields& fields, const std::string& basic_user,
                             const std::string& basic_password) override;
};

// application/x-www-form-urlencoded value (also used for query strings).
std::string FormEncode(const std::string& s);

}  // namespace verbinder::oidc
