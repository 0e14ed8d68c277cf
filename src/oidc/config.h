// Which OpenID Connect providers members may sign in with: read from a small
// INI file an operator writes (serve --oidc-config FILE), with presets for
// LinkedIn and Microsoft Entra ID and a generic provider for any other.
//
//   base_url = https://netwerk.example.nl      # where members reach verbinder (required)
//
//   [linkedin]                                  # the provider's name in URLs
//   preset = linkedin                           # issuer, scopes and label preset
//   client_id = 86abc…
//   client_secret_file = /etc/verbinder/linkedin.secret   # or client_secret_env = VAR
//
//   [werk]
//   preset = entra
//   tenant = 0f1e…                              # the organisation's tenant id
//   client_id = …
//   client_secret_env = VERBINDER_ENTRA_SECRET
//
//   [keycloak]
//   issuer = https://id.gemeente.example/realms/leden
//   label = Gemeente-account
//   client_id = verbinder
//   client_secret_file = /etc/verbinder/keycloak.secret
//   scopes = openid profile email
//
// The redirect URI to register at the provider is
// <base_url>/auth/oidc/<name>/callback. Thread-safety: plain values.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/status.h"

namespace verbinder::oidc {

struct ProviderConfig {
  std::string name;    // [section]: a-z, 0-9, '-', at most 32
  std::string preset;  // linkedin, entra or generic
  std::string label;   // the button's text ("LinkedIn", "Microsoft")
  std::string issuer;  // exactly as the provider's discovery document says
  std::string client_id, client_secret;
  std::string scopes = "openid profile email";
  // Microsoft Entra ID sends no email_verified; with its optional claim
  // xms_edov ("e-mail domain owner verified") the address counts as verified.
  bool accept_xms_edov = false;
};

struct OidcConfig {
  std::string base_url;  // no trailing slash; required once a provider is configured
  std::vector<ProviderConfig> providers;

  const ProviderConfig* Find(std::string_view name) const;
};

// Reads the INI text; `env` answers environment variables, `read_file` reads
// a secret file (its first line counts). InvalidArgument naming "line N" or
// the section for anything wrong, so serve refuses to start with a bad file.
Result<OidcConfig> ParseOidcConfig(std::string_view text,
                                   const std::function<std::optional<std::string>(const std::string&)>& env,
                                   const std::function<Result<std::string>(const std::string&)>& read_file);
// ParseOidcConfig over a file, the process environment and the file system.
Result<OidcConfig> LoadOidcConfig(const std::string& path);

// http(s) URL checks: https, or http to a loopback host (tests, a local provider).
bool IsAllowedProviderUrl(std::string_view url);

}  // namespace verbinder::oidc
