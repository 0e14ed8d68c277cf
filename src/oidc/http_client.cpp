// libcurl client for the identity provider.
#include "oidc/http_client.h"

#include <cctype>
#include <memory>

#include <curl/curl.h>

namespace verbinder::oidc {
namespace {

constexpr size_t kMaxReply = 1 << 20;

size_t Collect(char* data, size_t size, size_t n, void* user) {
  auto* out = static_cast<std::string*>(user);
  if (out->size() + size * n > kMaxReply) return 0;  // ends the transfer with an error
  out->append(data, size * n);
  return size * n;
}

struct CurlFree {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};

Result<HttpReply> Perform(const std::string& url, const std::string* post_body, const std::string& user,
                          const std::string& password) {
  std::unique_ptr<CURL, CurlFree> c(curl_easy_init());
  if (!c) return Internal("curl_easy_init failed");
  HttpReply reply;
  curl_easy_setopt(c.get(), CURLOPT_URL, url.c_str());
  curl_easy_setopt(c.get(), CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c.get(), CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(c.get(), CURLOPT_TIMEOUT, 10L);
  curl_easy_setopt(c.get(), CURLOPT_CONNECTTIMEOUT, 5L);
  curl_easy_setopt(c.get(), CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c.get(), CURLOPT_WRITEFUNCTION, Collect);
  curl_easy_setopt(c.get(), CURLOPT_WRITEDATA, &reply.body);
  curl_easy_setopt(c.get(), CURLOPT_USERAGENT, "verbinder");
  struct curl_slist* headers = curl_slist_append(nullptr, "Accept: application/json");
  curl_easy_setopt(c.get(), CURLOPT_HTTPHEADER, headers);
  if (post_body) {
    curl_easy_setopt(c.get(), CURLOPT_POSTFIELDS, post_body->c_str());
    curl_easy_setopt(c.get(), CURLOPT_POSTFIELDSIZE, static_cast<long>(post_body->size()));
  }
  if (!user.empty()) {
    curl_easy_setopt(c.get(), CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
    curl_easy_setopt(c.get(), CURLOPT_USERNAME, user.c_str());
    curl_easy_setopt(c.get(), CURLOPT_PASSWORD, password.c_str());
  }
  CURLcode rc = curl_easy_perform(c.get());
  curl_slist_free_all(headers);
  if (rc != CURLE_OK)
    return Status(Code::kUnavailable,
                  std::string("the sign-in provider could not be reached: ") + curl_easy_strerror(rc));
  curl_easy_getinfo(c.get(), CURLINFO_RESPONSE_CODE, &reply.status);
  return reply;
}

}  // namespace

std::string FormEncode(const std::string& s) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char ch : s) {
    if (std::isalnum(ch) || ch == '-' || ch == '.' || ch == '_' || ch == '~') {
      out += static_cast<char>(ch);
    } else {
      out += '%';
      out += kHex[ch >> 4];
      out += kHex[ch & 15];
    }
  }
  return out;
}

Result<HttpReply> CurlHttpClient::Get(const std::string& url) {
  return Perform(url, nullptr, "", "");
}

Result<HttpReply> CurlHttpClient::PostForm(const std::string& url, const FormFields& fields,
                                           const std::string& basic_user, const std::string& basic_password) {
  std::string body;
  for (const auto& [k, v] : fields) body += (body.empty() ? "" : "&") + FormEncode(k) + "=" + FormEncode(v);
  // Basic credentials are form-encoded first (RFC 6749 §2.3.1).
  return Perform(url, &body, basic_user.empty() ? "" : FormEncode(basic_user), FormEncode(basic_password));
}

}  // namespace verbinder::oidc
