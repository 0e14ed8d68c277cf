// ID token verification over libcjose (JWS, JWK).
#include "oidc/id_token.h"

#include <algorithm>
#include <memory>
#include <vector>

#include <cjose/cjose.h>

namespace verbinder::oidc {
namespace {

using Json = nlohmann::json;

Status Refused(std::string message, std::string field) {
  return Status(Code::kUnauthenticated, "ID token refused: " + std::move(message), std::move(field));
}

struct JwsFree {
  void operator()(cjose_jws_t* j) const { cjose_jws_release(j); }
};
struct JwkFree {
  void operator()(cjose_jwk_t* k) const { cjose_jwk_release(k); }
};

std::string HeaderString(cjose_header_t* h, const char* name) {
  cjose_err err;
  const char* v = cjose_header_get(h, name, &err);
  return v ? std::string(v) : std::string();
}

// A time claim as whole seconds; false when missing or not a number.
bool TimeClaim(const Json& c, const char* name, int64_t* out) {
  auto it = c.find(name);
  if (it == c.end() || !it->is_number()) return false;
  *out = it->is_number_float() ? static_cast<int64_t>(it->get<double>()) : it->get<int64_t>();
  return true;
}

std::string StringClaim(const Json& c, const char* name) {
  auto it = c.find(name);
  return it != c.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

Result<IdClaims> VerifyIdToken(std::string_view token, const std::string& jwks_json, const IdTokenExpectations& want) {
  if (token.empty() || token.size() > 64 * 1024) return Refused("missing or too long", "token");
  cjose_err err;
  std::unique_ptr<cjose_jws_t, JwsFree> jws(cjose_jws_import(token.data(), token.size(), &err));
  if (!jws) return Refused("not a compact JWS", "token");
  cjose_header_t* header = cjose_jws_get_protected(jws.get());
  std::string alg = header ? HeaderString(header, CJOSE_HDR_ALG) : "";
  std::string kid = header ? HeaderString(header, CJOSE_HDR_KID) : "";
  // Only the two algorithms OpenID providers sign with; the key type must
  // match the algorithm, so an RSA public key is never used as an HMAC secret.
  std::string kty, crv;
  if (alg == "RS256") {
    kty = "RSA";
  } else if (alg == "ES256") {
    kty = "EC";
    crv = "P-256";
  } else {
    return Refused("signed with '" + alg + "'; only RS256 and ES256 are accepted", "alg");
  }

  Json jwks = Json::parse(jwks_json, nullptr, false);
  if (jwks.is_discarded() || !jwks.is_object() || !jwks.contains("keys") || !jwks["keys"].is_array())
    return Refused("the provider's key set is not a JWKS", "kid");
  bool candidate = false, verified = false;
  for (const auto& k : jwks["keys"]) {
    if (!k.is_object() || StringClaim(k, "kty") != kty) continue;
    if (!crv.empty() && StringClaim(k, "crv") != crv) continue;
    if (k.contains("use") && StringClaim(k, "use") != "sig") continue;
    if (k.contains("alg") && StringClaim(k, "alg") != alg) continue;
    if (!kid.empty() && StringClaim(k, "kid") != kid) continue;
    // Import only the public members: a JWKS never needs more.
    Json pub = {{"kty", kty}};
    for (const char* m : {"n", "e", "crv", "x", "y", "kid"})
      if (k.contains(m)) pub[m] = k[m];
    std::string text = pub.dump();
    std::unique_ptr<cjose_jwk_t, JwkFree> jwk(cjose_jwk_import(text.c_str(), text.size(), &err));
    if (!jwk) continue;
    candidate = true;
    if (cjose_jws_verify(jws.get(), jwk.get(), &err)) {
      verified = true;
      break;
    }
  }
  if (!candidate) return Refused("no key in the provider's key set matches kid '" + kid + "'", "kid");
  if (!verified) return Refused("the signature does not verify", "signature");

  uint8_t* plain = nullptr;
  size_t plain_len = 0;
  if (!cjose_jws_get_plaintext(jws.get(), &plain, &plain_len, &err)) return Refused("no payload", "token");
  Json c = Json::parse(std::string(reinterpret_cast<const char*>(plain), plain_len), nullptr, false);
  if (c.is_discarded() || !c.is_object()) return Refused("the payload is not a JSON object", "token");

  if (StringClaim(c, "iss") != want.issuer) return Refused("issued by someone else", "iss");
  auto aud = c.find("aud");
  std::vector<std::string> auds;
  if (aud != c.end() && aud->is_string()) auds.push_back(aud->get<std::string>());
  if (aud != c.end() && aud->is_array())
    for (const auto& a : *aud)
      if (a.is_string()) auds.push_back(a.get<std::string>());
  if (std::find(auds.begin(), auds.end(), want.client_id) == auds.end())
    return Refused("meant for another client", "aud");
  if (auds.size() > 1 || c.contains("azp"))
    if (StringClaim(c, "azp") != want.client_id) return Refused("authorized for another party", "azp");
  int64_t exp = 0, iat = 0;
  if (!TimeClaim(c, "exp", &exp)) return Refused("no expiry", "exp");
  if (want.now >= exp + want.max_skew) return Refused("expired", "exp");
  if (!TimeClaim(c, "iat", &iat)) return Refused("no issue time", "iat");
  if (iat > want.now + want.max_skew) return Refused("issued in the future", "iat");
  if (iat < want.now - kMaxIdTokenAge - want.max_skew) return Refused("issued too long ago", "iat");
  if (want.nonce.empty() || StringClaim(c, "nonce") != want.nonce) return Refused("the nonce does not match", "nonce");
  IdClaims out;
  out.sub = StringClaim(c, "sub");
  if (out.sub.empty() || out.sub.size() > 255) return Refused("no subject", "sub");
  out.email = StringClaim(c, "email");
  out.name = StringClaim(c, "name");
  out.given_name = StringClaim(c, "given_name");
  out.family_name = StringClaim(c, "family_name");
  out.locale = StringClaim(c, "locale");
  // Some providers send "true" as a string.
  auto ev = c.find("email_verified");
  out.email_verified = ev != c.end() && ((ev->is_boolean() && ev->get<bool>()) || (ev->is_string() && *ev == "true"));
  out.iat = iat;
  out.exp = exp;
  out.all = std::move(c);
  return out;
}

}  // namespace verbinder::oidc
