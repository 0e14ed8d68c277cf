#include "newsletter/tokens.h"

#include <sodium.h>

#include <soci/soci.h>

#include "domain/db_util.h"
#include "util/strings.h"

namespace verbinder::newsletter {
namespace {

constexpr const char* kKeySetting = "newsletter.token_key";

std::string Mac(const std::string& key, char purpose, int64_t sid, int64_t exp) {
  std::string msg =
      std::string("verbinder-newsletter|") + purpose + "|" + std::to_string(sid) + "|" + std::to_string(exp);
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state st;
  crypto_auth_hmacsha256_init(&st, reinterpret_cast<const unsigned char*>(key.data()), key.size());
  crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char*>(msg.data()), msg.size());
  crypto_auth_hmacsha256_final(&st, mac);
  char hex[2 * sizeof mac + 1];
  sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
  return hex;
}

char PurposeChar(TokenPurpose p) {
  return p == TokenPurpose::kConfirm ? 'c' : 'u';
}

bool ParseInt(const std::string& s, int64_t& out) {
  if (s.empty() || s.size() > 18 || s.find_first_not_of("0123456789") != std::string::npos) return false;
  out = std::stoll(s);
  return true;
}

}  // namespace

std::string SignToken(const std::string& key, TokenPurpose purpose, int64_t subscriber_id, int64_t expires_at) {
  char p = PurposeChar(purpose);
  return std::string(1, p) + "." + std::to_string(subscriber_id) + "." + std::to_string(expires_at) + "." +
         Mac(key, p, subscriber_id, expires_at);
}

Result<int64_t> VerifyToken(const std::string& key, TokenPurpose purpose, const std::string& token, int64_t now) {
  const Status bad = InvalidArgument("this link is not valid", "token").WithReason("newsletter.link_invalid");
  if (token.size() > 200) return bad;
  auto parts = Split(token, '.');
  if (parts.size() != 4 || parts[0].size() != 1 || parts[0][0] != PurposeChar(purpose)) return bad;
  int64_t sid = 0, exp = 0;
  if (!ParseInt(parts[1], sid) || !ParseInt(parts[2], exp) || sid <= 0) return bad;
  std::string want = Mac(key, parts[0][0], sid, exp);
  if (parts[3].size() != want.size() || sodium_memcmp(parts[3].data(), want.data(), want.size()) != 0) return bad;
  if (exp != kNeverExpires && now > exp)
    return InvalidArgument("this link has expired; subscribe again", "token").WithReason("newsletter.link_expired");
  return sid;
}

Result<std::string> TokenKey(storage::Database& db) {
  return domain::WithSession<std::string>(db, [&](soci::session& sql) -> Result<std::string> {
    std::string hex, name = kKeySetting;
    sql << "SELECT value FROM settings WHERE key = :k", soci::use(name), soci::into(hex);
    if (!sql.got_data()) {
      if (sodium_init() < 0) return Internal("libsodium failed to initialise");
      unsigned char k[32];
      randombytes_buf(k, sizeof k);
      char buf[65];
      sodium_bin2hex(buf, sizeof buf, k, sizeof k);
      std::string fresh = buf;
      // Another process may create it at the same moment: insert if absent, then read the winner.
      try {
        sql << "INSERT INTO settings (key, value) VALUES (:k, :v)", soci::use(name), soci::use(fresh);
      } catch (const std::exception&) {}
      sql << "SELECT value FROM settings WHERE key = :k", soci::use(name), soci::into(hex);
      if (!sql.got_data()) return Internal("could not store the newsletter token key");
    }
    std::string bin(hex.size() / 2, '\0');
    size_t len = 0;
    if (sodium_hex2bin(reinterpret_cast<unsigned char*>(bin.data()), bin.size(), hex.data(), hex.size(), nullptr, &len,
                       nullptr) != 0 ||
        len != 32)
      return Internal("the stored newsletter token key is malformed");
    return bin;
  });
}

}  // namespace verbinder::newsletter
