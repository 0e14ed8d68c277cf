// One configured OpenID Connect provider as the relying party sees it:
// discovery (/.well-known/openid-configuration, cached an hour), the key set
// (cached an hour, fetched again once when a token names an unknown key),
// the authorization URL (code flow, PKCE S256, state, nonce) and redeeming a
// code at the token endpoint, whose ID token is then verified (id_token.h).
//
//   Provider p(config, http, clock);
//   auto url = p.AuthorizationUrl(redirect_uri, state, nonce, PkceChallenge(verifier), "nl");
//   auto claims = p.Redeem(code, verifier, redirect_uri, nonce);
//
// Errors: Unavailable (provider unreachable or answering nonsense),
// InvalidArgument(code) when the token endpoint refuses the code (expired,
// used, not ours), Unauthenticated(<claim>) when the ID token fails a check.
// Thread-safety: safe for concurrent use (the caches are locked).
#pragma once

#include <mutex>
#include <string>
#include <vector>

#include "oidc/config.h"
#include "oidc/http_client.h"
#include "oidc/id_token.h"
#include "util/clock.h"
#include "util/status.h"

namespace verbinder::oidc {

inline constexpr int64_t kMetadataLifetime = 3600;

struct ProviderMetadata {
  std::string issuer, authorization_endpoint, token_endpoint, jwks_uri, userinfo_endpoint;
  std::vector<std::string> token_endpoint_auth_methods;
  std::vector<std::string> code_challenge_methods;
};

// Parses and checks a discovery document: the issuer must equal `issuer`
// exactly, every endpoint must be https (or loopback http).
Result<ProviderMetadata> ParseDiscovery(const std::string& json, const std::string& issuer);

class Provider {
 public:
  Provider(ProviderConfig config, HttpClient& http, const Clock& clock)
      : config_(std::move(config)), http_(http), clock_(clock) {}

  const ProviderConfig& config() const { return config_; }
  Result<std::string> AuthorizationUrl(const std::string& redirect_uri, const std::string& state,
                                       const std::string& nonce, const std::string& code_challenge,
                                       const std::string& language);
  Result<IdClaims> Redeem(const std::string& code, const std::string& code_verifier, const std::string& redirect_uri,
                          const std::string& nonce);
  // Whether the claims carry an e-mail address the provider verified (with
  // Entra's xms_edov where the preset allows it).
  bool EmailVerified(const IdClaims& c) const;

 private:
  Result<ProviderMetadata> Metadata();
  Result<std::string> Jwks(bool refresh);

  ProviderConfig config_;
  HttpClient& http_;
  const Clock& clock_;
  std::mutex mu_;
  ProviderMetadata metadata_;
  int64_t metadata_at_ = 0;
  std::string jwks_;
  int64_t jwks_at_ = 0;
};

}  // namespace verbinder::oidc
