// The random values of one authorization request and PKCE (RFC 7636, S256):
// state, nonce and code_verifier are 256-bit values from libsodium's CSPRNG,
// base64url without padding; the challenge is BASE64URL(SHA-256(verifier)).
//
//   std::string v = RandomUrlToken();      // 43 characters
//   std::string c = PkceChallenge(v);      // code_challenge_method=S256
//
// Thread-safety: stateless.
#pragma once

#include <string>
#include <string_view>

namespace verbinder::oidc {

std::string Base64Url(std::string_view bytes);  // no padding
std::string RandomUrlToken();                   // 32 random bytes, base64url
std::string PkceChallenge(std::string_view verifier);

}  // namespace verbinder::oidc
