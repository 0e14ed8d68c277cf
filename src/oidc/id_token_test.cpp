// ID token verification: keys are made in the test with libcjose, tokens
// signed with them; each claim check is shown to refuse exactly what it must.
#include "oidc/id_token.h"

#include <cjose/cjose.h>
#include <gtest/gtest.h>

#include "oidc/pkce.h"

namespace verbinder::oidc {
namespace {

using Json = nlohmann::json;

constexpr int64_t kNow = 1'800'000'000;
const char* kIssuer = "https://id.example.org";
const char* kClient = "verbinder-client";
const char* kNonce = "n-0S6_WzA2Mj";

// A key pair made here; Public() is its JWK without the private members.
struct Key {
  cjose_jwk_t* jwk = nullptr;
  std::string alg, kid;
  Key(bool ec, std::string kid_in) : alg(ec ? "ES256" : "RS256"), kid(std::move(kid_in)) {
    cjose_err err;
    static const uint8_t e[] = {0x01, 0x00, 0x01};
    jwk = ec ? cjose_jwk_create_EC_random(CJOSE_JWK_EC_P_256, &err) : cjose_jwk_create_RSA_random(2048, e, 3, &err);
    EXPECT_NE(jwk, nullptr);
    EXPECT_TRUE(cjose_jwk_set_kid(jwk, kid.c_str(), kid.size(), &err));
  }
  ~Key() { cjose_jwk_release(jwk); }
  Json Public() const {
    cjose_err err;
    char* s = cjose_jwk_to_json(jwk, false, &err);
    Json j = Json::parse(s);
    cjose_get_dealloc()(s);
    j["use"] = "sig";
    return j;
  }
  std::string Sign(const Json& claims, const std::string& header_alg = "",
                   const std::string& header_kid = "\x01") const {
    cjose_err err;
    cjose_header_t* h = cjose_header_new(&err);
    cjose_header_set(h, CJOSE_HDR_ALG, (header_alg.empty() ? alg : header_alg).c_str(), &err);
    std::string k = header_kid == "\x01" ? kid : header_kid;
    if (!k.empty()) cjose_header_set(h, CJOSE_HDR_KID, k.c_str(), &err);
    std::string payload = claims.dump();
    cjose_jws_t* jws = cjose_jws_sign(jwk, h, reinterpret_cast<const uint8_t*>(payload.data()), payload.size(), &err);
    EXPECT_NE(jws, nullptr) << err.message;
    const char* out = nullptr;
    cjose_jws_export(jws, &out, &err);
    std::string token(out);
    cjose_jws_release(jws);
    cjose_header_release(h);
    return token;
  }
};

Json Claims() {
  return {{"iss", kIssuer},         {"aud", kClient},    {"sub", "248289761001"},       {"nonce", kNonce},
          {"iat", kNow - 5},        {"exp", kNow + 300}, {"email", "anja@example.org"}, {"email_verified", true},
          {"name", "Anja Kamphuis"}};
}

IdTokenExpectations Want() {
  return {.issuer = kIssuer, .client_id = kClient, .nonce = kNonce, .now = kNow};
}

std::string Jwks(std::initializer_list<const Key*> keys) {
  Json j = {{"keys", Json::array()}};
  for (const Key* k : keys) j["keys"].push_back(k->Public());
  return j.dump();
}

class IdTokenTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    rsa_ = new Key(false, "rsa-1");
    ec_ = new Key(true, "ec-1");
    other_ = new Key(false, "rsa-1");  // same kid, not in the key set
  }
  static void TearDownTestSuite() {
    delete rsa_;
    delete ec_;
    delete other_;
  }
  // The field of the refusal, or "" when accepted.
  static std::string Refusal(const std::string& token, const IdTokenExpectations& want = Want()) {
    auto r = VerifyIdToken(token, Jwks({rsa_, ec_}), want);
    if (r.ok()) return "";
    EXPECT_EQ(r.status().code(), Code::kUnauthenticated);
    return r.status().field();
  }
  static Key* rsa_;
  static Key* ec_;
  static Key* other_;
};
Key* IdTokenTest::rsa_ = nullptr;
Key* IdTokenTest::ec_ = nullptr;
Key* IdTokenTest::other_ = nullptr;

TEST_F(IdTokenTest, AcceptsRs256AndReadsTheClaims) {
  auto r = VerifyIdToken(rsa_->Sign(Claims()), Jwks({rsa_, ec_}), Want());
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->sub, "248289761001");
  EXPECT_EQ(r->email, "anja@example.org");
  EXPECT_TRUE(r->email_verified);
  EXPECT_EQ(r->name, "Anja Kamphuis");
  EXPECT_EQ(r->exp, kNow + 300);
}

TEST_F(IdTokenTest, AcceptsEs256) {
  EXPECT_EQ(Refusal(ec_->Sign(Claims())), "");
}

TEST_F(IdTokenTest, AcceptsATokenWithoutKidByTryingTheKeysOfItsType) {
  EXPECT_EQ(Refusal(rsa_->Sign(Claims(), "", "")), "");
  EXPECT_EQ(Refusal(ec_->Sign(Claims(), "", "")), "");
}

TEST_F(IdTokenTest, RefusesASignatureByAKeyNotInTheSet) {
  EXPECT_EQ(Refusal(other_->Sign(Claims())), "signature");
  EXPECT_EQ(Refusal(other_->Sign(Claims(), "", "")), "signature");
}

TEST_F(IdTokenTest, AnUnknownKidAsksForTheKeySetAgain) {
  EXPECT_EQ(Refusal(rsa_->Sign(Claims(), "", "rotated-2")), "kid");
}

TEST_F(IdTokenTest, RefusesAChangedPayload) {
  std::string t = rsa_->Sign(Claims());
  size_t a = t.find('.'), b = t.rfind('.');
  Json c = Claims();
  c["sub"] = "someone-else";
  std::string forged = t.substr(0, a + 1) + Base64Url(c.dump()) + t.substr(b);
  EXPECT_EQ(Refusal(forged), "signature");
}

TEST_F(IdTokenTest, RefusesOtherAlgorithms) {
  // alg "none" with an empty signature, and HS256 (an RSA key's public bytes as an HMAC secret).
  std::string none = Base64Url(R"({"alg":"none"})") + "." + Base64Url(Claims().dump()) + ".";
  EXPECT_EQ(Refusal(none), "alg");
  std::string hs = Base64Url(R"({"alg":"HS256","kid":"rsa-1"})") + "." + Base64Url(Claims().dump()) + ".c2ln";
  EXPECT_EQ(Refusal(hs), "alg");
  // A header switched to ES256 over an RSA signature: the EC key does not verify it.
  std::string t = rsa_->Sign(Claims());
  EXPECT_EQ(Refusal(Base64Url(R"({"alg":"ES256","kid":"ec-1"})") + t.substr(t.find('.'))), "signature");
  EXPECT_EQ(Refusal("not.a.token"), "token");
  EXPECT_EQ(Refusal(""), "token");
}

TEST_F(IdTokenTest, ChecksTheIssuer) {
  Json c = Claims();
  c["iss"] = "https://id.example.org/";  // exact match only
  EXPECT_EQ(Refusal(rsa_->Sign(c)), "iss");
  c.erase("iss");
  EXPECT_EQ(Refusal(rsa_->Sign(c)), "iss");
}

TEST_F(IdTokenTest, ChecksTheAudienceAndAuthorizedParty) {
  Json c = Claims();
  c["aud"] = "someone-else";
  EXPECT_EQ(Refusal(rsa_->Sign(c)), "aud");
  c["aud"] = Json::array({"someone-else", kClient});
  EXPECT_EQ(Refusal(rsa_->Sign(c)), "azp");  // several audiences: azp must be us
  c["azp"] = kClient;
  EXPECT_EQ(Refusal(rsa_->Sign(c)), "");
  c["azp"] = "someone-else";
  EXPECT_EQ(Refusal(rsa_->Sign(c)), "azp");
  c.erase("aud");
  c.erase("azp");
  EXPECT_EQ(Refusal(rsa_->Sign(c)), "aud");
}

TEST_F(IdTokenTest, ChecksExpiryWithBoundedSkew) {
  Json c = Claims();
  c["exp"] = kNow - kMaxClockSkew + 1;  // expired, but within the skew
  EXPECT_EQ(Refusal(rsa_->Sign(c)), "");
  c["exp"] = kNow - kMaxClockSkew;
  EXPECT_EQ(Refusal(rsa_->Sign(c)), "exp");
  c.erase("exp");
  EXPECT_EQ(Refusal(rsa_->Sign(c)), "exp");
  c["exp"] = "tomorrow";
  EXPECT_EQ(Refusal(rsa_->Sign(c)), "exp");
}

TEST_F(IdTokenTest, ChecksTheIssueTime) {
  Json c = Claims();
  c["iat"] = kNow + kMaxClockSkew;  // their clock ahead, within the skew
  EXPECT_EQ(Refusal(rsa_->Sign(c)), "");
  c["iat"] = kNow + kMaxClockSkew + 1;
  EXPECT_EQ(Refusal(rsa_->Sign(c)), "iat");
  c["iat"] = kNow - kMaxIdTokenAge - kMaxClockSkew - 1;
  c["exp"] = kNow + 3600;
  EXPECT_EQ(Refusal(rsa_->Sign(c)), "iat");
  c.erase("iat");
  EXPECT_EQ(Refusal(rsa_->Sign(c)), "iat");
}

TEST_F(IdTokenTest, ChecksTheNonce) {
  Json c = Claims();
  c["nonce"] = "another-login";
  EXPECT_EQ(Refusal(rsa_->Sign(c)), "nonce");
  c.erase("nonce");
  EXPECT_EQ(Refusal(rsa_->Sign(c)), "nonce");
  auto want = Want();
  want.nonce = "";
  EXPECT_EQ(Refusal(rsa_->Sign(c), want), "nonce");  // no nonce expected is never "anything goes"
}

TEST_F(IdTokenTest, NeedsASubject) {
  Json c = Claims();
  c.erase("sub");
  EXPECT_EQ(Refusal(rsa_->Sign(c)), "sub");
}

TEST_F(IdTokenTest, EmailVerifiedOnlyWhenTheProviderSaysSo) {
  Json c = Claims();
  c["email_verified"] = false;
  auto r = VerifyIdToken(rsa_->Sign(c), Jwks({rsa_}), Want());
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->email_verified);
  c["email_verified"] = "true";
  r = VerifyIdToken(rsa_->Sign(c), Jwks({rsa_}), Want());
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->email_verified);
  c.erase("email_verified");
  r = VerifyIdToken(rsa_->Sign(c), Jwks({rsa_}), Want());
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->email_verified);
}

TEST_F(IdTokenTest, IgnoresEncryptionKeysAndKeysForOtherAlgorithms) {
  Json enc = rsa_->Public();
  enc["use"] = "enc";
  Json set = {{"keys", {enc}}};
  EXPECT_EQ(VerifyIdToken(rsa_->Sign(Claims()), set.dump(), Want()).status().field(), "kid");
  Json ps = rsa_->Public();
  ps["alg"] = "PS256";
  set = {{"keys", {ps}}};
  EXPECT_EQ(VerifyIdToken(rsa_->Sign(Claims()), set.dump(), Want()).status().field(), "kid");
  EXPECT_EQ(VerifyIdToken(rsa_->Sign(Claims()), "not json", Want()).status().field(), "kid");
}

TEST(PkceTest, S256ChallengeOfTheRfc7636Example) {
  // RFC 7636 Appendix B.
  EXPECT_EQ(PkceChallenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
  std::string a = RandomUrlToken(), b = RandomUrlToken();
  EXPECT_EQ(a.size(), 43u);
  EXPECT_NE(a, b);
  EXPECT_EQ(a.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"), std::string::npos);
}

}  // namespace
}  // namespace verbinder::oidc
