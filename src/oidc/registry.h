// The configured providers of one server process: the parsed provider file,
// one Provider (with its discovery and key caches) per [section], and the
// redirect URI each must have registered at the provider.
//
//   auto reg = std::make_shared<Registry>(*LoadOidcConfig(path), std::make_unique<CurlHttpClient>(), clock);
//   Provider* p = reg->Find("linkedin");
//
// Thread-safety: safe for concurrent use after construction.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "oidc/config.h"
#include "oidc/http_client.h"
#include "oidc/provider.h"
#include "util/clock.h"

namespace verbinder::oidc {

class Registry {
 public:
  Registry(OidcConfig config, std::unique_ptr<HttpClient> http, const Clock& clock)
      : config_(std::move(config)), http_(std::move(http)) {
    for (const auto& p : config_.providers) providers_.push_back(std::make_unique<Provider>(p, *http_, clock));
  }

  const OidcConfig& config() const { return config_; }
  // The provider named in the file, or null.
  Provider* Find(std::string_view name) {
    for (auto& p : providers_)
      if (p->config().name == name) return p.get();
    return nullptr;
  }
  const std::vector<std::unique_ptr<Provider>>& providers() const { return providers_; }
  // <base_url>/auth/oidc/<name>/callback: what is registered at the provider.
  std::string RedirectUri(std::string_view name) const {
    return config_.base_url + "/auth/oidc/" + std::string(name) + "/callback";
  }

 private:
  OidcConfig config_;
  std::unique_ptr<HttpClient> http_;
  std::vector<std::unique_ptr<Provider>> providers_;
};

}  // namespace verbinder::oidc
