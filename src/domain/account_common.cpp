// Password hashing and tokens (accounts.h) and the helpers the account use
// cases share (account_common.h).
#include "domain/account_common.h"

#include <arpa/inet.h>
#include <sodium.h>

#include <algorithm>
#include <mutex>

#include "domain/db_util.h"
#include "domain/members.h"
#include "util/strings.h"

namespace verbinder::domain {
namespace {

void InitSodium() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (sodium_init() < 0) std::abort();  // no usable random source: nothing is safe
  });
}

std::string Hex(const unsigned char* p, size_t n) {
  static const char* d = "0123456789abcdef";
  std::string s(n * 2, '0');
  for (size_t i = 0; i < n; ++i) {
    s[2 * i] = d[p[i] >> 4];
    s[2 * i + 1] = d[p[i] & 15];
  }
  return s;
}

// The part of a client address that throttling counts by: the address, or for
// IPv6 its /64 (a subscriber usually holds a whole /64 and could otherwise
// walk through it).
std::string ThrottleAddress(const std::string& address) {
  unsigned char b[16];
  if (address.find(':') == std::string::npos || inet_pton(AF_INET6, address.c_str(), b) != 1) return address;
  static const unsigned char kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  if (std::equal(b, b + 12, kMapped)) return address;  // IPv4, written as IPv6
  std::fill(b + 8, b + 16, 0);
  char out[INET6_ADDRSTRLEN] = {};
  inet_ntop(AF_INET6, b, out, sizeof out);
  return std::string(out) + "/64";
}

}  // namespace

Result<std::string> HashPassword(const std::string& password) {
  InitSodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    return Internal("out of memory while hashing a password");
  return std::string(out);
}

bool VerifyPassword(const std::string& hash, const std::string& password) {
  InitSodium();
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string RandomToken() {
  InitSodium();
  unsigned char b[32];
  randombytes_buf(b, sizeof b);
  return Hex(b, sizeof b);
}

std::string TokenHash(const std::string& token) {
  InitSodium();
  unsigned char h[32];
  crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr, 0);
  return Hex(h, sizeof h);
}

namespace account_internal {

Status CheckPassword(const std::string& password) {
  if (Utf8Length(password) < kMinPasswordLength)
    return InvalidArgument("must be at least " + std::to_string(kMinPasswordLength) + " characters", "password")
        .WithReason("account.password_too_short", {{"min", std::to_string(kMinPasswordLength)}});
  if (password.size() > 1024)
    return InvalidArgument("is too long", "password").WithReason("field.too_long", {{"max", "1024"}});
  if (!IsValidUtf8(password))
    return InvalidArgument("is not valid UTF-8", "password").WithReason("field.invalid_characters");
  return Status::Ok();
}

std::string NormalEmail(const std::string& email) {
  return AsciiLower(Trim(email));
}
std::string LoginKeyPrefix(const std::string& email) {
  return "login:" + NormalEmail(email) + "|";
}
std::string LoginKey(const std::string& email, const std::string& address) {
  return LoginKeyPrefix(email) + ThrottleAddress(address);
}
std::string AddressKey(const std::string& address) {
  return "addr:" + ThrottleAddress(address);
}
std::string MailAddressKey(const std::string& address) {
  return "mail-addr:" + ThrottleAddress(address);
}

void ForgetLoginFailures(soci::session& sql, const std::string& email) {
  std::string pattern;
  for (char c : LoginKeyPrefix(email)) {
    if (c == '!' || c == '%' || c == '_') pattern += '!';
    pattern += c;
  }
  pattern += '%';
  sql << "DELETE FROM login_attempts WHERE key LIKE :p ESCAPE '!'", soci::use(pattern);
}

void DropOneAttempt(soci::session& sql, const std::string& key, int64_t now) {
  long long t = now;
  sql << "DELETE FROM login_attempts WHERE id = (SELECT max(id) FROM login_attempts WHERE key = :k AND at = :t)",
      soci::use(key), soci::use(t);
}

int64_t Failures(soci::session& sql, const std::string& key, int64_t since) {
  long long n = 0, s = since;
  sql << "SELECT count(*) FROM login_attempts WHERE key = :k AND at > :s", soci::use(key), soci::use(s), soci::into(n);
  return static_cast<int64_t>(n);
}

Status Throttle(soci::session& sql, const std::string& key, int limit, int64_t now) {
  if (Failures(sql, key, now - kThrottleWindow) >= limit)
    return Status(Code::kTooManyRequests, "too many requests; try again later").WithReason("account.throttled");
  long long t = now;
  sql << "INSERT INTO login_attempts (key, at) VALUES (:k, :t)", soci::use(key), soci::use(t);
  return Status::Ok();
}

bool IsHexToken(const std::string& t) {
  return t.size() == 64 &&
         std::all_of(t.begin(), t.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

Status BadLink() {
  return InvalidArgument("is not a valid link; ask for a new one", "token").WithReason("account.link_invalid");
}
Status UsedLink() {
  return Conflict("this link has already been used", "token").WithReason("account.link_used");
}
Status ExpiredLink() {
  return InvalidArgument("this link has expired; ask for a new one", "token").WithReason("account.link_expired");
}

Result<std::string> Language(const std::string& l) {
  if (l.empty()) return std::string("nl");
  if (l == "nl" || l == "en") return l;
  return InvalidArgument("must be nl or en", "language").WithReason("field.invalid_choice");
}

std::string Setting(soci::session& sql, const std::string& key) {
  std::string v;
  soci::indicator ind = soci::i_null;
  sql << "SELECT value FROM settings WHERE key = :k", soci::use(key), soci::into(v, ind);
  return sql.got_data() && ind == soci::i_ok ? v : "";
}

std::string BaseUrl(soci::session& sql) {
  std::string b = Setting(sql, "mail.base_url");
  if (b.empty()) b = Setting(sql, "newsletter.base_url");
  if (b.empty()) b = "http://localhost:8080";
  while (!b.empty() && b.back() == '/') b.pop_back();
  return b;
}

AccountMail MakeMail(const std::string& kind, const std::string& lang, const std::string& to_email,
                     const std::string& to_name, const std::string& subject, const std::vector<std::string>& lines,
                     const std::string& link, const std::string& closing) {
  AccountMail m{to_email, to_name, subject, "", "", kind};
  std::string hello = (lang == "en" ? "Hello " : "Beste ") +
                      (to_name.empty() ? std::string(lang == "en" ? "there" : "lezer") : to_name) + ",";
  m.text = hello + "\n\n";
  m.html = "<p>" + HtmlEscape(hello) + "</p>\n";
  for (const auto& l : lines) {
    m.text += l + "\n\n";
    m.html += "<p>" + HtmlEscape(l) + "</p>\n";
  }
  m.text += link + "\n\n" + closing + "\n\n-- \nverbinder\n";
  m.html += "<p><a href=\"" + HtmlEscape(link) + "\">" + HtmlEscape(link) + "</a></p>\n<p>" + HtmlEscape(closing) +
            "</p>\n<p>verbinder</p>\n";
  return m;
}

std::string Hours(int64_t seconds) {
  return std::to_string(seconds / 3600);
}

Status SendMail(const AccountWiring& wiring, soci::session& sql, const AccountMail& mail, int64_t now) {
  if (!wiring.mailer) return Internal("account mails are not wired (app_services::AccountWiring)");
  return wiring.mailer->Queue(sql, mail, now);
}

Result<model::Id> CreateMemberWithAccount(storage::Database& db, const Clock& clock, const std::string& name,
                                          const std::string& email, const std::string& password_hash,
                                          const std::string& sector, const std::string& organization,
                                          const std::string& title, const std::string& language) {
  MemberService members(db, clock);
  model::Member m;
  m.name = name;
  m.email = email;
  m.sector = sector;
  m.organization = organization;
  m.title = title;
  m.languages = {language};
  VB_ASSIGN_OR_RETURN(model::Member created, members.Create(Viewer::System(), m));
  auto r = WithSession<bool>(db, [&](soci::session& sql) -> Result<bool> {
    long long id = created.id, now = clock.Now();
    std::string role = "member";
    sql << "INSERT INTO accounts (member_id, password_hash, role, disabled, created_at) VALUES (:m, :h, :r, 0, :t)",
        soci::use(id), soci::use(password_hash), soci::use(role), soci::use(now);
    return true;
  });
  if (!r.ok()) {
    // Undo the member so no half-made person stays behind.
    (void)members.Delete(Viewer::System(), created.id);
    return r.status();
  }
  return created.id;
}

}  // namespace account_internal
}  // namespace verbinder::domain
