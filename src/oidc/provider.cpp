// Discovery, keys, authorization URL and code redemption for one provider.
#include "oidc/provider.h"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace verbinder::oidc {
namespace {

using Json = nlohmann::json;

Status ProviderBroken(const std::string& what) {
  return Status(Code::kUnavailable, "the sign-in provider answered unexpectedly: " + what)
      .WithReason("oidc.provider_error");
}

std::string Str(const Json& j, const char* k) {
  auto it = j.find(k);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::vector<std::string> Strs(const Json& j, const char* k) {
  std::vector<std::string> out;
  auto it = j.find(k);
  if (it != j.end() && it->is_array())
    for (const auto& v : *it)
      if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

bool Has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

Result<ProviderMetadata> ParseDiscovery(const std::string& text, const std::string& issuer) {
  Json j = Json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return ProviderBroken("the discovery document is not JSON");
  ProviderMetadata m;
  m.issuer = Str(j, "issuer");
  if (m.issuer != issuer) return ProviderBroken("the discovery document names issuer '" + m.issuer + "'");
  m.authorization_endpoint = Str(j, "authorization_endpoint");
  m.token_endpoint = Str(j, "token_endpoint");
  m.jwks_uri = Str(j, "jwks_uri");
  m.userinfo_endpoint = Str(j, "userinfo_endpoint");
  for (const auto* url : {&m.authorization_endpoint, &m.token_endpoint, &m.jwks_uri})
    if (!IsAllowedProviderUrl(*url)) return ProviderBroken("an endpoint is missing or not https: '" + *url + "'");
  m.token_endpoint_auth_methods = Strs(j, "token_endpoint_auth_methods_supported");
  m.code_challenge_methods = Strs(j, "code_challenge_methods_supported");
  return m;
}

Result<ProviderMetadata> Provider::Metadata() {
  {
    std::lock_guard lock(mu_);
    if (metadata_at_ && clock_.Now() - metadata_at_ < kMetadataLifetime) return metadata_;
  }
  VB_ASSIGN_OR_RETURN(HttpReply r, http_.Get(config_.issuer + "/.well-known/openid-configuration"));
  if (r.status != 200) return ProviderBroken("discovery answered HTTP " + std::to_string(r.status));
  VB_ASSIGN_OR_RETURN(ProviderMetadata m, ParseDiscovery(r.body, config_.issuer));
  std::lock_guard lock(mu_);
  metadata_ = m;
  metadata_at_ = clock_.Now();
  return m;
}

Result<std::string> Provider::Jwks(bool refresh) {
  {
    std::lock_guard lock(mu_);
    if (!refresh && jwks_at_ && clock_.Now() - jwks_at_ < kMetadataLifetime) return jwks_;
  }
  VB_ASSIGN_OR_RETURN(ProviderMetadata m, Metadata());
  VB_ASSIGN_OR_RETURN(HttpReply r, http_.Get(m.jwks_uri));
  if (r.status != 200) return ProviderBroken("the key set answered HTTP " + std::to_string(r.status));
  std::lock_guard lock(mu_);
  jwks_ = r.body;
  jwks_at_ = clock_.Now();
  return jwks_;
}

Result<std::string> Provider::AuthorizationUrl(const std::string& redirect_uri, const std::string& state,
                                               const std::string& nonce, const std::string& code_challenge,
                                               const std::string& language) {
  VB_ASSIGN_OR_RETURN(ProviderMetadata m, Metadata());
  std::string url = m.authorization_endpoint;
  url += url.find('?') == std::string::npos ? "?" : "&";
  FormFields q = {{"response_type", "code"},
                  {"client_id", config_.client_id},
                  {"redirect_uri", redirect_uri},
                  {"scope", config_.scopes},
                  {"state", state},
                  {"nonce", nonce},
                  {"code_challenge", code_challenge},
                  {"code_challenge_method", "S256"},
                  {"ui_locales", language}};
  for (size_t i = 0; i < q.size(); ++i) url += (i ? "&" : "") + FormEncode(q[i].first) + "=" + FormEncode(q[i].second);
  return url;
}

Result<IdClaims> Provider::Redeem(const std::string& code, const std::string& code_verifier,
                                  const std::string& redirect_uri, const std::string& nonce) {
  VB_ASSIGN_OR_RETURN(ProviderMetadata m, Metadata());
  FormFields f = {{"grant_type", "authorization_code"},
                  {"code", code},
                  {"redirect_uri", redirect_uri},
                  {"code_verifier", code_verifier}};
  // client_secret_basic is the default (RFC 8414); providers that list only
  // client_secret_post (LinkedIn) get the secret in the body.
  bool post = !m.token_endpoint_auth_methods.empty() && !Has(m.token_endpoint_auth_methods, "client_secret_basic") &&
              Has(m.token_endpoint_auth_methods, "client_secret_post");
  HttpReply r;
  if (post) {
    f.push_back({"client_id", config_.client_id});
    f.push_back({"client_secret", config_.client_secret});
    VB_ASSIGN_OR_RETURN(r, http_.PostForm(m.token_endpoint, f, "", ""));
  } else {
    VB_ASSIGN_OR_RETURN(r, http_.PostForm(m.token_endpoint, f, config_.client_id, config_.client_secret));
  }
  Json j = Json::parse(r.body, nullptr, false);
  if (r.status == 400 || r.status == 401) {
    std::string err = j.is_object() ? Str(j, "error") : "";
    if (err == "invalid_grant")
      return InvalidArgument("the sign-in code has expired or was already used", "code").WithReason("oidc.start_again");
    return ProviderBroken("the token endpoint refused: " + (err.empty() ? std::to_string(r.status) : err));
  }
  if (r.status != 200 || !j.is_object())
    return ProviderBroken("the token endpoint answered HTTP " + std::to_string(r.status));
  std::string id_token = Str(j, "id_token");
  if (id_token.empty()) return ProviderBroken("no id_token in the token response");
  IdTokenExpectations want{
      .issuer = config_.issuer, .client_id = config_.client_id, .nonce = nonce, .now = clock_.Now()};
  VB_ASSIGN_OR_RETURN(std::string jwks, Jwks(false));
  auto claims = VerifyIdToken(id_token, jwks, want);
  if (!claims && claims.status().field() == "kid") {
    // The provider may have rolled its keys since we fetched them: once more.
    VB_ASSIGN_OR_RETURN(jwks, Jwks(true));
    claims = VerifyIdToken(id_token, jwks, want);
  }
  return claims;
}

bool Provider::EmailVerified(const IdClaims& c) const {
  if (c.email.empty()) return false;
  if (c.email_verified) return true;
  if (config_.accept_xms_edov) {
    auto it = c.all.find("xms_edov");
    return it != c.all.end() && ((it->is_boolean() && it->get<bool>()) || (it->is_string() && *it == "true") ||
                                 (it->is_number_integer() && it->get<int>() == 1));
  }
  return false;
}

}  // namespace verbinder::oidc
