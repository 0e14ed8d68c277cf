// The provider file: presets, secrets from a file or the environment, and
// refusals for what an operator might get wrong.
#include "oidc/config.h"

#include <gtest/gtest.h>

namespace verbinder::oidc {
namespace {

Result<OidcConfig> Parse(const std::string& text) {
  auto env = [](const std::string& n) -> std::optional<std::string> {
    if (n == "ENTRA_SECRET") return std::string("from-env\n");
    return std::nullopt;
  };
  auto file = [](const std::string& f) -> Result<std::string> {
    if (f == "/etc/verbinder/linkedin.secret") return std::string("s3cret\nignored second line\n");
    return NotFound("no such file", "file");
  };
  return ParseOidcConfig(text, env, file);
}

TEST(OidcConfigTest, PresetsAndGeneric) {
  auto c = Parse(R"(# verbinder sign-in providers
base_url = https://netwerk.example.nl/

[linkedin]
preset = linkedin
client_id = 86abc
client_secret_file = /etc/verbinder/linkedin.secret

[werk]
preset = entra
tenant = 0f1e2d3c-aaaa-bbbb-cccc-111122223333
client_id = entra-id
client_secret_env = ENTRA_SECRET

[keycloak]
issuer = https://id.gemeente.example/realms/leden
label = "Gemeente-account"
client_id = verbinder
client_secret_env = ENTRA_SECRET
scopes = openid email
)");
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->base_url, "https://netwerk.example.nl");
  ASSERT_EQ(c->providers.size(), 3u);
  const auto& li = c->providers[0];
  EXPECT_EQ(li.issuer, "https://www.linkedin.com/oauth");
  EXPECT_EQ(li.scopes, "openid profile email");
  EXPECT_EQ(li.label, "LinkedIn");
  EXPECT_EQ(li.client_secret, "s3cret");
  EXPECT_FALSE(li.accept_xms_edov);
  const auto& en = c->providers[1];
  EXPECT_EQ(en.issuer, "https://login.microsoftonline.com/0f1e2d3c-aaaa-bbbb-cccc-111122223333/v2.0");
  EXPECT_EQ(en.client_secret, "from-env");
  EXPECT_TRUE(en.accept_xms_edov);
  EXPECT_EQ(c->Find("keycloak")->label, "Gemeente-account");
  EXPECT_EQ(c->Find("keycloak")->scopes, "openid email");
  EXPECT_EQ(c->Find("nope"), nullptr);
}

TEST(OidcConfigTest, RefusesMistakes) {
  const char* base = "base_url = https://netwerk.example.nl\n[p]\nclient_id = x\nclient_secret_env = ENTRA_SECRET\n";
  EXPECT_FALSE(Parse(std::string(base)).ok());                                       // no issuer
  EXPECT_FALSE(Parse(std::string(base) + "issuer = http://id.example.org\n").ok());  // not https
  EXPECT_TRUE(Parse(std::string(base) + "issuer = http://127.0.0.1:9000\n").ok());   // loopback test provider
  EXPECT_FALSE(Parse(std::string(base) + "issuer = https://a\nclient_secret = inline\n").ok());
  EXPECT_FALSE(Parse(std::string(base) + "issuer = https://a\nscopes = profile email\n").ok());
  EXPECT_FALSE(Parse(std::string(base) + "issuer = https://a\nunknown = 1\n").ok());
  EXPECT_FALSE(Parse(std::string(base) + "preset = entra\n").ok());  // no tenant
  EXPECT_FALSE(Parse(std::string(base) + "preset = entra\ntenant = common\n").ok());
  EXPECT_FALSE(Parse(std::string(base) + "preset = linkedin\nissuer = https://a\n").ok());
  EXPECT_FALSE(Parse(std::string(base) + "preset = facebook\n").ok());
  EXPECT_FALSE(
      Parse("[p]\nissuer = https://a\nclient_id = x\nclient_secret_env = ENTRA_SECRET\n").ok());  // no base_url
  EXPECT_FALSE(
      Parse("base_url = https://n.example\n[p]\nissuer = https://a\nclient_id = x\nclient_secret_env = MISSING\n")
          .ok());
  EXPECT_FALSE(
      Parse("base_url = https://n.example\n[p]\nissuer = https://a\nclient_id = x\nclient_secret_file = /nope\n").ok());
  EXPECT_FALSE(Parse("base_url = https://n.example\n[p]\nissuer = https://a\nclient_id = x\n").ok());  // no secret
  EXPECT_FALSE(Parse("[Bad Name]\n").ok());
  EXPECT_FALSE(Parse("[a]\n[a]\n").ok());
  EXPECT_FALSE(Parse("something\n").ok());
  auto r = Parse(
      "base_url = https://n.example\n[p]\nissuer = https://a\nclient_id = x\nclient_secret_env = "
      "ENTRA_SECRET\nclient_id = y\n");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("line 6"), std::string::npos) << r.status().message();
}

TEST(OidcConfigTest, AllowedProviderUrls) {
  EXPECT_TRUE(IsAllowedProviderUrl("https://www.linkedin.com/oauth"));
  EXPECT_TRUE(IsAllowedProviderUrl("http://127.0.0.1:4000/token"));
  EXPECT_TRUE(IsAllowedProviderUrl("http://localhost/x"));
  EXPECT_FALSE(IsAllowedProviderUrl("http://127.0.0.1.evil.example/x"));
  EXPECT_FALSE(IsAllowedProviderUrl("http://localhost.evil.example"));
  EXPECT_FALSE(IsAllowedProviderUrl("ftp://x"));
  EXPECT_FALSE(IsAllowedProviderUrl("https://"));
}

}  // namespace
}  // namespace verbinder::oidc
