// Checking an OpenID Connect ID token (OpenID Connect Core 1.0 §3.1.3.7): the
// JWS signature against the provider's JSON Web Key Set (RS256 or ES256, by
// libcjose; no other algorithm, never "none"), then iss, aud/azp, exp, iat,
// nonce and sub. Pure: no network, no clock of its own.
//
//   auto claims = VerifyIdToken(id_token, jwks_json,
//                               {.issuer = iss, .client_id = id, .nonce = n, .now = clock.Now()});
//   if (!claims && claims.status().field() == "kid") { /* refetch the JWKS once, try again */ }
//
// Every failure is Unauthenticated with `field` naming the check that failed
// (token, alg, kid, signature, iss, aud, azp, exp, iat, nonce, sub).
// Thread-safety: stateless.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "util/status.h"

namespace verbinder::oidc {

// How far the provider's clock may be off from ours, both ways (seconds).
inline constexpr int64_t kMaxClockSkew = 120;
// An ID token issued longer ago than this (plus the skew) is refused even if
// it has not expired: the code was redeemed just now, so it must be fresh.
inline constexpr int64_t kMaxIdTokenAge = 600;

struct IdTokenExpectations {
  std::string issuer;     // exactly the provider's issuer
  std::string client_id;  // must be in aud
  std::string nonce;      // what we sent in the authorization request
  int64_t now = 0;        // Unix seconds
  int64_t max_skew = kMaxClockSkew;
};

struct IdClaims {
  std::string sub, email, name, given_name, family_name, locale;
  bool email_verified = false;
  int64_t iat = 0, exp = 0;
  nlohmann::json all;  // every claim, for provider-specific extras
};

Result<IdClaims> VerifyIdToken(std::string_view token, const std::string& jwks_json, const IdTokenExpectations& want);

}  // namespace verbinder::oidc
