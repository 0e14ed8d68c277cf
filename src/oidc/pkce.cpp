// Random tokens and the PKCE S256 challenge, over libsodium.
#include "oidc/pkce.h"

#include <sodium.h>

namespace verbinder::oidc {

std::string Base64Url(std::string_view bytes) {
  if (sodium_init() < 0) return {};
  const int variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), variant), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    variant);
  out.resize(std::char_traits<char>::length(out.c_str()));
  return out;
}

std::string RandomUrlToken() {
  if (sodium_init() < 0) return {};
  unsigned char b[32];
  randombytes_buf(b, sizeof b);
  return Base64Url(std::string_view(reinterpret_cast<const char*>(b), sizeof b));
}

std::string PkceChallenge(std::string_view verifier) {
  if (sodium_init() < 0) return {};
  unsigned char h[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(h, reinterpret_cast<const unsigned char*>(verifier.data()), verifier.size());
  return Base64Url(std::string_view(reinterpret_cast<const char*>(h), sizeof h));
}

}  // namespace verbinder::oidc
