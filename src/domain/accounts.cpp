#include "domain/accounts.h"
#include "domain/member_cache.h"
#include "domain/search_index.h"

#include <arpa/inet.h>
#include <sodium.h>

#include <algorithm>
#include <chrono>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <unordered_map>
#include <set>

#include "domain/db_util.h"
#include "domain/member_ref.h"
#include "domain/json_codec.h"
#include "domain/members.h"
#include "domain/network.h"
#include "domain/validation.h"
#include "util/strings.h"
#include "storage/transaction.h"

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

Status CheckPassword(const std::string& password) {
  if (Utf8Length(password) < kMinPasswordLength)
    return InvalidArgument("must be at least " + std::to_string(kMinPasswordLength) + " characters", "password");
  if (password.size() > 1024) return InvalidArgument("is too long", "password");
  if (!IsValidUtf8(password)) return InvalidArgument("is not valid UTF-8", "password");
  return Status::Ok();
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

// Keys of login_attempts. Guesses of a password: per account and client
// ("login:<email>|<client>") and per client ("addr:<client>") — never per
// account alone, so one client's failures never refuse another
// (docs/accounts.md). Mails: "reset:<email>", "signup:<email>",
// "mail-addr:<client>".
std::string NormalEmail(const std::string& email) { return AsciiLower(Trim(email)); }
std::string LoginKeyPrefix(const std::string& email) { return "login:" + NormalEmail(email) + "|"; }
std::string LoginKey(const std::string& email, const std::string& address) {
  return LoginKeyPrefix(email) + ThrottleAddress(address);
}
std::string AddressKey(const std::string& address) { return "addr:" + ThrottleAddress(address); }
std::string MailAddressKey(const std::string& address) { return "mail-addr:" + ThrottleAddress(address); }

// Forgets the failures of an account from every client (a password reset:
// the owner proved they hold the mailbox).
void ForgetLoginFailures(soci::session& sql, const std::string& email) {
  std::string pattern;
  for (char c : LoginKeyPrefix(email)) {
    if (c == '!' || c == '%' || c == '_') pattern += '!';
    pattern += c;
  }
  pattern += '%';
  sql << "DELETE FROM login_attempts WHERE key LIKE :p ESCAPE '!'", soci::use(pattern);
}

// Takes back one use of `key` counted at `now`.
void DropOneAttempt(soci::session& sql, const std::string& key, int64_t now) {
  long long t = now;
  sql << "DELETE FROM login_attempts WHERE id = (SELECT max(id) FROM login_attempts WHERE key = :k AND at = :t)",
      soci::use(key), soci::use(t);
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

Status AccountService::CreateAccount(const Viewer& viewer, model::Id member_id, const std::string& password,
                                     model::Role role) {
  if (!viewer.IsAdmin() && !(viewer.IsOrganizer() && role == model::Role::kMember))
    return PermissionDenied("only admins create organizer or admin accounts");
  VB_RETURN_IF_ERROR(CheckPassword(password));
  VB_ASSIGN_OR_RETURN(std::string hash, HashPassword(password));
  auto r = WithSession<bool>(db_, [&](soci::session& sql) -> Result<bool> {
    long long id = member_id, n = 0, now = clock_.Now();
    sql << "SELECT count(*) FROM members WHERE id = :id", soci::use(id), soci::into(n);
    if (!n) return NotFound("no member with id " + std::to_string(member_id), "member_id");
    sql << "SELECT count(*) FROM accounts WHERE member_id = :id", soci::use(id), soci::into(n);
    if (n) return AlreadyExists("this member already has an account", "member_id");
    std::string r(model::ToString(role));
    sql << "INSERT INTO accounts (member_id, password_hash, role, disabled, created_at) VALUES (:m, :h, :r, 0, :t)",
        soci::use(id), soci::use(hash), soci::use(r), soci::use(now);
    return true;
  });
  return r.ok() ? Status::Ok() : r.status();
}

Status AccountService::SetRole(const Viewer& viewer, model::Id member_id, model::Role role) {
  if (!viewer.IsAdmin()) return PermissionDenied("only admins change roles");
  auto r = WithSession<bool>(db_, [&](soci::session& sql) -> Result<bool> {
    long long id = member_id, n = 0;
    sql << "SELECT count(*) FROM accounts WHERE member_id = :id", soci::use(id), soci::into(n);
    if (!n) return NotFound("this member has no account", "member_id");
    std::string rs(model::ToString(role));
    sql << "UPDATE accounts SET role = :r WHERE member_id = :id", soci::use(rs), soci::use(id);
    return true;
  });
  ForgetCachedSessions(db_);  // after the commit
  return r.ok() ? Status::Ok() : r.status();
}

Status AccountService::ChangePassword(const Viewer& viewer, const PasswordChange& c) {
  if (!viewer.authenticated() || viewer.member_id <= 0) return Unauthenticated("sign in first");
  if (Status s = CheckPassword(c.new_password); !s.ok()) return Status(s.code(), s.message(), "new_password");
  if (c.old_password.empty()) return InvalidArgument("is required", "old_password");
  auto r = WithSession<bool>(db_, [&](soci::session& sql) -> Result<bool> {
    long long id = viewer.member_id, now = clock_.Now();
    std::string hash, email;
    sql << "SELECT a.password_hash, m.email FROM accounts a JOIN members m ON m.id = a.member_id WHERE a.member_id = :id",
        soci::use(id), soci::into(hash), soci::into(email);
    if (!sql.got_data()) return NotFound("no account", "member_id");
    // Guessing the old password with a stolen session is guessing a login.
    VB_RETURN_IF_ERROR(StartGuess(sql, email, c.address, now));
    if (!VerifyPassword(hash, c.old_password)) return InvalidArgument("is not your current password", "old_password");
    ForgiveGuess(sql, email, c.address, now);
    VB_ASSIGN_OR_RETURN(std::string new_hash, HashPassword(c.new_password));
    storage::Transaction tr(sql);
    // Only over the hash just checked: a change in between wins, this one fails.
    soci::statement st = (sql.prepare << "UPDATE accounts SET password_hash = :n WHERE member_id = :m AND password_hash = :o",
                          soci::use(new_hash), soci::use(id), soci::use(hash));
    st.execute(true);
    if (st.get_affected_rows() != 1) return Conflict("your password was changed meanwhile; sign in again", "old_password");
    // Whoever else holds a session or a token of this account is out.
    std::string keep = c.keep_session.empty() ? std::string() : TokenHash(c.keep_session);
    sql << "DELETE FROM sessions WHERE member_id = :m AND token_hash <> :h", soci::use(id), soci::use(keep);
    if (!c.keep_tokens) sql << "DELETE FROM api_tokens WHERE member_id = :m", soci::use(id);
    sql << "UPDATE password_resets SET used_at = :n WHERE member_id = :m AND used_at = 0", soci::use(now), soci::use(id);
    tr.commit();
    return true;
  });
  ForgetCachedSessions(db_);  // after the commit: the other sessions ended
  return r.ok() ? Status::Ok() : r.status();
}

Result<int64_t> AccountService::Failures(soci::session& sql, const std::string& key, int64_t since) {
  long long n = 0, s = since;
  sql << "SELECT count(*) FROM login_attempts WHERE key = :k AND at > :s", soci::use(key), soci::use(s), soci::into(n);
  return static_cast<int64_t>(n);
}

int64_t AccountService::RetryAfter(const std::string& email, const std::string& address) {
  auto r = WithSession<int64_t>(db_, [&](soci::session& sql) -> Result<int64_t> {
    int64_t now = clock_.Now(), since = now - kThrottleWindow;
    int64_t worst = 0;
    for (auto [key, limit] : {std::pair<std::string, int>{LoginKey(email, address), kMaxFailuresPerEmail},
                              std::pair<std::string, int>{AddressKey(address), kMaxFailuresPerAddress}}) {
      VB_ASSIGN_OR_RETURN(int64_t n, Failures(sql, key, since));
      if (n >= limit) {
        // The window frees up when the (n - limit + 1)-th oldest failure expires.
        long long freeing = now, s = since, skip = n - limit;
        sql << "SELECT at FROM login_attempts WHERE key = :k AND at > :s ORDER BY at LIMIT 1 OFFSET :o", soci::use(key),
            soci::use(s), soci::use(skip), soci::into(freeing);
        worst = std::max<int64_t>(worst, freeing + kThrottleWindow - now + 1);
      }
    }
    return worst;
  });
  return r.ok() ? *r : 0;
}

Status AccountService::StartGuess(soci::session& sql, const std::string& email, const std::string& address,
                                  int64_t now) {
  const std::pair<std::string, int> keys[] = {{LoginKey(email, address), kMaxFailuresPerEmail},
                                              {AddressKey(address), kMaxFailuresPerAddress}};
  long long t = now;
  for (const auto& [key, limit] : keys)
    sql << "INSERT INTO login_attempts (key, at) VALUES (:k, :t)", soci::use(key), soci::use(t);
  bool over = false;
  for (const auto& [key, limit] : keys) {
    VB_ASSIGN_OR_RETURN(int64_t n, Failures(sql, key, now - kThrottleWindow));
    over = over || n > limit;  // this guess included
  }
  if (!over) return Status::Ok();
  for (const auto& [key, limit] : keys) DropOneAttempt(sql, key, now);  // a refused guess does not count
  return Status(Code::kTooManyRequests, "too many failed sign-ins from here; try again later");
}

void AccountService::ForgiveGuess(soci::session& sql, const std::string& email, const std::string& address,
                                  int64_t now) {
  std::string key = LoginKey(email, address);
  sql << "DELETE FROM login_attempts WHERE key = :k", soci::use(key);  // this client's failures for the account
  DropOneAttempt(sql, AddressKey(address), now);  // but not its failures for other accounts
}

Result<Session> AccountService::Login(const std::string& email_in, const std::string& password,
                                      const std::string& address) {
  std::string email = NormalEmail(email_in);
  if (email.empty()) return InvalidArgument("is required", "email");
  if (password.empty()) return InvalidArgument("is required", "password");
  if (email.size() > 254 || password.size() > 1024) return Unauthenticated("wrong e-mail address or password");
  return WithSession<Session>(db_, [&](soci::session& sql) -> Result<Session> {
    long long id = 0, now = clock_.Now();
    VB_RETURN_IF_ERROR(StartGuess(sql, email, address, now));
    std::string hash, role;
    int disabled = 0;
    sql << "SELECT a.member_id, a.password_hash, a.role, a.disabled FROM accounts a JOIN members m ON m.id = a.member_id "
           "WHERE m.email = :e",
        soci::use(email), soci::into(id), soci::into(hash), soci::into(role), soci::into(disabled);
    bool found = sql.got_data();
    // Verify against a dummy hash when the account is missing, so timing does not reveal accounts.
    static const std::string kDummy = *HashPassword("not-a-real-password-0000");
    bool ok = VerifyPassword(found ? hash : kDummy, password) && found && !disabled;
    if (!ok) return Unauthenticated("wrong e-mail address or password");  // the guess stays counted
    ForgiveGuess(sql, email, address, now);
    long long old = now - kThrottleWindow;
    sql << "DELETE FROM login_attempts WHERE at < :t", soci::use(old);
    Session s;
    s.token = RandomToken();
    s.csrf_token = RandomToken();
    s.member_id = id;
    s.role = model::ParseRole(role).value_or(model::Role::kMember);
    s.expires_at = now + kSessionLifetime;
    std::string th = TokenHash(s.token);
    long long exp = s.expires_at;
    sql << "INSERT INTO sessions (token_hash, member_id, csrf_token, created_at, expires_at) VALUES (:h, :m, :c, :n, :e)",
        soci::use(th), soci::use(id), soci::use(s.csrf_token), soci::use(now), soci::use(exp);
    return s;
  });
}

namespace {

// The session lookup runs on every signed-in request: keep it prepared.
struct SessionLookup {
  std::string token_hash, csrf, role;
  long long member_id = 0, expires_at = 0;
  int disabled = 0;
  soci::statement st;
  explicit SessionLookup(soci::session& sql)
      : st((sql.prepare << "SELECT s.member_id, s.csrf_token, s.expires_at, a.role, a.disabled FROM sessions s "
                           "JOIN accounts a ON a.member_id = s.member_id WHERE s.token_hash = :h",
            soci::use(token_hash), soci::into(member_id), soci::into(csrf), soci::into(expires_at), soci::into(role),
            soci::into(disabled))) {}
};

// Sessions looked up in the last kSessionCacheWindow, so that a signed-in
// request does not read the database for its session. Freshness: every
// change to sessions or roles through this process clears it (after the
// commit; ForgetCachedSessions); a logout, role change or deletion through
// another process is honoured here within the window. Expiry is checked on
// every use. Thread-safety: a shared mutex.
struct SessionCache {
  using Time = std::chrono::steady_clock::time_point;
  struct Entry {
    Session session;
    Time fetched;
  };
  std::shared_mutex mu;
  std::unordered_map<std::string, Entry> entries;  // by cookie token
  uint64_t generation = 0;                         // bumped by every Clear
  static constexpr size_t kMaxEntries = 100000;

  std::optional<Session> Find(const std::string& token) {
    std::shared_lock lock(mu);
    auto it = entries.find(token);
    if (it == entries.end() || std::chrono::steady_clock::now() - it->second.fetched >= kSessionCacheWindow)
      return std::nullopt;
    return it->second.session;
  }
  uint64_t Generation() {
    std::shared_lock lock(mu);
    return generation;
  }
  void Put(const Session& s, Time fetched, uint64_t since) {
    std::unique_lock lock(mu);
    if (generation != since) return;  // the session may have changed after it was read
    if (entries.size() >= kMaxEntries) entries.clear();
    entries.insert_or_assign(s.token, Entry{s, fetched});
  }
  void Clear() {
    std::unique_lock lock(mu);
    entries.clear();
    ++generation;
  }
};

std::shared_ptr<SessionCache> Sessions(storage::Database& db) { return db.Shared<SessionCache>("session_cache"); }

}  // namespace

void ForgetCachedSessions(storage::Database& db) { Sessions(db)->Clear(); }

Result<Session> AccountService::FindSession(const std::string& token) {
  if (token.size() != 64) return Unauthenticated("not signed in");
  auto cache = Sessions(db_);
  if (auto s = cache->Find(token)) {
    if (s->expires_at <= clock_.Now()) return Unauthenticated("not signed in or the session expired");
    return *s;
  }
  const auto fetched = std::chrono::steady_clock::now();
  const uint64_t since = cache->Generation();
  try {
    storage::Database::Lease lease(db_);
    auto& q = lease.Cached<SessionLookup>("session_lookup",
                                          [](soci::session& s) { return std::make_shared<SessionLookup>(s); });
    q.token_hash = TokenHash(token);
    bool found = q.st.execute(true);
    Session s;
    s.token = token;
    s.csrf_token = q.csrf;
    s.member_id = q.member_id;
    s.role = model::ParseRole(q.role).value_or(model::Role::kMember);
    s.expires_at = q.expires_at;
    // Run the statement to completion: a half-read SQLite statement keeps its
    // read transaction (an old snapshot) open on this pooled connection, and
    // the next write on it would fail with "database is locked".
    if (found) q.st.fetch();
    if (!found || q.expires_at <= clock_.Now() || q.disabled) return Unauthenticated("not signed in or the session expired");
    cache->Put(s, fetched, since);
    return s;
  } catch (const std::exception& e) {
    return storage::FromDbError(e);
  }
}

Status AccountService::Logout(const std::string& token) {
  auto r = WithSession<bool>(db_, [&](soci::session& sql) -> Result<bool> {
    std::string th = TokenHash(token);
    sql << "DELETE FROM sessions WHERE token_hash = :h", soci::use(th);
    return true;
  });
  ForgetCachedSessions(db_);  // after the commit
  return r.ok() ? Status::Ok() : r.status();
}

Result<ApiToken> AccountService::CreateApiToken(const Viewer& viewer, const std::string& name) {
  if (!viewer.authenticated() || viewer.member_id < 0) return Unauthenticated("sign in first");
  VB_RETURN_IF_ERROR(CheckText("name", Trim(name), 1, 100));
  return WithSession<ApiToken>(db_, [&](soci::session& sql) -> Result<ApiToken> {
    ApiToken t;
    t.name = Trim(name);
    t.token = "vbt_" + RandomToken();
    t.created_at = clock_.Now();
    std::string th = TokenHash(t.token);
    long long id = viewer.member_id, now = t.created_at;
    sql << "INSERT INTO api_tokens (member_id, name, token_hash, created_at) VALUES (:m, :n, :h, :t)", soci::use(id),
        soci::use(t.name), soci::use(th), soci::use(now);
    long long tid = 0;
    sql << "SELECT id FROM api_tokens WHERE token_hash = :h", soci::use(th), soci::into(tid);
    t.id = tid;
    return t;
  });
}

Result<std::vector<ApiToken>> AccountService::ApiTokens(const Viewer& viewer) {
  if (!viewer.authenticated()) return Unauthenticated("sign in first");
  return WithSession<std::vector<ApiToken>>(db_, [&](soci::session& sql) -> Result<std::vector<ApiToken>> {
    std::vector<ApiToken> out;
    long long id = 0, created = 0, mid = viewer.member_id;
    std::string name;
    soci::statement st = (sql.prepare << "SELECT id, name, created_at FROM api_tokens WHERE member_id = :m ORDER BY id",
                          soci::use(mid), soci::into(id), soci::into(name), soci::into(created));
    st.execute();
    while (st.fetch()) out.push_back({id, name, "", created});
    return out;
  });
}

Status AccountService::RevokeApiToken(const Viewer& viewer, model::Id id) {
  auto r = WithSession<bool>(db_, [&](soci::session& sql) -> Result<bool> {
    long long tid = id, mid = viewer.member_id, n = 0;
    sql << "SELECT count(*) FROM api_tokens WHERE id = :i AND member_id = :m", soci::use(tid), soci::use(mid), soci::into(n);
    if (!n) return NotFound("no such token", "id");
    sql << "DELETE FROM api_tokens WHERE id = :i", soci::use(tid);
    return true;
  });
  return r.ok() ? Status::Ok() : r.status();
}

Result<Viewer> AccountService::AuthenticateApiToken(const std::string& token) {
  if (!StartsWith(token, "vbt_") || token.size() != 68) return Unauthenticated("invalid API token");
  return WithSession<Viewer>(db_, [&](soci::session& sql) -> Result<Viewer> {
    std::string th = TokenHash(token), role;
    long long id = 0;
    int disabled = 0;
    sql << "SELECT t.member_id, a.role, a.disabled FROM api_tokens t JOIN accounts a ON a.member_id = t.member_id "
           "WHERE t.token_hash = :h",
        soci::use(th), soci::into(id), soci::into(role), soci::into(disabled);
    if (!sql.got_data() || disabled) return Unauthenticated("invalid API token");
    return Viewer{id, model::ParseRole(role).value_or(model::Role::kMember)};
  });
}

// ---------------------------------------------------------------------------
// Accounts for real people: sign-up, invitations, password reset, deletion,
// own-data export.

namespace {

using Json = nlohmann::json;

constexpr const char* kSignupModeKey = "accounts.signup_mode";

bool IsHexToken(const std::string& t) {
  return t.size() == 64 && std::all_of(t.begin(), t.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

Status BadLink() { return InvalidArgument("is not a valid link; ask for a new one", "token"); }
Status UsedLink() { return Conflict("this link has already been used", "token"); }
Status ExpiredLink() { return InvalidArgument("this link has expired; ask for a new one", "token"); }

Result<std::string> Language(const std::string& l) {
  if (l.empty()) return std::string("nl");
  if (l == "nl" || l == "en") return l;
  return InvalidArgument("must be nl or en", "language");
}

std::string Setting(soci::session& sql, const std::string& key) {
  std::string v;
  soci::indicator ind = soci::i_null;
  sql << "SELECT value FROM settings WHERE key = :k", soci::use(key), soci::into(v, ind);
  return sql.got_data() && ind == soci::i_ok ? v : "";
}

// The public address of the server for links in mails (mail.base_url, else
// newsletter.base_url), without a trailing slash.
std::string BaseUrl(soci::session& sql) {
  std::string b = Setting(sql, "mail.base_url");
  if (b.empty()) b = Setting(sql, "newsletter.base_url");
  if (b.empty()) b = "http://localhost:8080";
  while (!b.empty() && b.back() == '/') b.pop_back();
  return b;
}

bool TableExists(soci::session& sql, storage::Backend backend, const std::string& name) {
  long long n = 0;
  if (backend == storage::Backend::kSqlite)
    sql << "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = :n", soci::use(name), soci::into(n);
  else
    sql << "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = :n",
        soci::use(name), soci::into(n);
  return n > 0;
}

// One mail in the reader's language: a greeting, the lines, the link, a closing line.
AccountMail MakeMail(const std::string& kind, const std::string& lang, const std::string& to_email,
                     const std::string& to_name, const std::string& subject, const std::vector<std::string>& lines,
                     const std::string& link, const std::string& closing) {
  AccountMail m{to_email, to_name, subject, "", "", kind};
  std::string hello = (lang == "en" ? "Hello " : "Beste ") + (to_name.empty() ? std::string(lang == "en" ? "there" : "lezer") : to_name) + ",";
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

std::string Hours(int64_t seconds) { return std::to_string(seconds / 3600); }

// An integer column of a dynamic row, whatever integer type the backend reports
// (SQLite says INTEGER for the ids, PostgreSQL BIGINT).
long long RowInt(const soci::row& r, std::size_t i) {
  if (r.get_indicator(i) == soci::i_null) return 0;
  switch (r.get_properties(i).get_data_type()) {
    case soci::dt_integer: return r.get<int>(i);
    case soci::dt_long_long: return r.get<long long>(i);
    case soci::dt_unsigned_long_long: return static_cast<long long>(r.get<unsigned long long>(i));
    case soci::dt_double: return static_cast<long long>(r.get<double>(i));
    case soci::dt_string: return std::stoll(r.get<std::string>(i));
    default: return 0;
  }
}

// Rows of any query as JSON objects (column name → value), leaving out secrets.
Json RowsAsJson(soci::session& sql, const std::string& query, long long member_id, int uses) {
  static const std::set<std::string> kSecret = {"token_hash", "password_hash", "csrf_token", "text_body", "html_body",
                                                "lock_owner", "lock_until"};
  Json out = Json::array();
  soci::row row;
  long long m1 = member_id, m2 = member_id;
  soci::statement st = uses == 2 ? (sql.prepare << query, soci::use(m1), soci::use(m2), soci::into(row))
                                 : (sql.prepare << query, soci::use(m1), soci::into(row));
  st.execute(false);
  while (st.fetch()) {
    Json o = Json::object();
    for (std::size_t i = 0; i < row.size(); ++i) {
      const auto& p = row.get_properties(i);
      std::string name = p.get_name();
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (kSecret.count(name)) continue;
      if (row.get_indicator(i) == soci::i_null) { o[name] = nullptr; continue; }
      switch (p.get_data_type()) {
        case soci::dt_string: o[name] = row.get<std::string>(i); break;
        case soci::dt_integer: o[name] = row.get<int>(i); break;
        case soci::dt_long_long: o[name] = row.get<long long>(i); break;
        case soci::dt_unsigned_long_long: o[name] = row.get<unsigned long long>(i); break;
        case soci::dt_double: o[name] = row.get<double>(i); break;
        default: o[name] = nullptr; break;
      }
    }
    out.push_back(std::move(o));
  }
  return out;
}

// To the member whose address someone used to sign up: in the member's first
// language; with an account, "log in or reset"; without (imported by the
// leader), "ask the leader".
AccountMail SignupAttemptMail(soci::session& sql, const std::string& email, const std::string& name,
                              const std::string& languages, bool has_account) {
  const std::string lang = StartsWith(languages, "en") ? "en" : "nl";
  const bool en = lang == "en";
  std::vector<std::string> lines = {
      en ? "Someone tried to sign up for verbinder with this e-mail address, but it already belongs to you."
         : "Iemand probeerde zich bij verbinder aan te melden met dit e-mailadres, maar het is al van jou."};
  if (has_account)
    lines.push_back(en ? "If it was you: you already have an account. Log in with the link below, or choose "
                         "\"Forgot your password?\" there to set a new password."
                       : "Was jij het? Je hebt al een account. Log in met de link hieronder, of kies daar "
                         "\"Wachtwoord vergeten?\" om een nieuw wachtwoord in te stellen.");
  else
    lines.push_back(en ? "If it was you: you are already in the network, but without a login yet. Ask the network "
                         "leader to give you one."
                       : "Was jij het? Je staat al in het netwerk, maar hebt nog geen inlog. Vraag de netwerkleider "
                         "je er een te geven.");
  return MakeMail("account.signup_existing", lang, email, name,
                  en ? "Someone tried to sign up with your address" : "Aanmelding met jouw e-mailadres",
                  lines, BaseUrl(sql) + "/login",
                  en ? "Was it not you? Then ignore this mail: nothing has changed, and nobody can sign up with your "
                       "address."
                     : "Was jij het niet? Negeer deze mail dan: er is niets veranderd, en niemand kan zich met jouw "
                       "adres aanmelden.");
}

}  // namespace

Status AccountService::Throttle(soci::session& sql, const std::string& key, int limit) {
  int64_t now = clock_.Now();
  VB_ASSIGN_OR_RETURN(int64_t n, Failures(sql, key, now - kThrottleWindow));
  if (n >= limit) return Status(Code::kTooManyRequests, "too many requests; try again later");
  long long t = now;
  sql << "INSERT INTO login_attempts (key, at) VALUES (:k, :t)", soci::use(key), soci::use(t);
  return Status::Ok();
}

Status AccountService::SendMail(soci::session& sql, const AccountMail& m) {
  if (mail_sink_) return mail_sink_(sql, m, clock_.Now());
  long long now = clock_.Now();
  sql << "INSERT INTO outbox (kind, to_email, to_name, subject, text_body, html_body, status, next_attempt_at, created_at) "
         "VALUES (:k, :e, :n, :s, :t, :h, 'pending', :a, :c)",
      soci::use(m.kind), soci::use(m.to_email), soci::use(m.to_name), soci::use(m.subject), soci::use(m.text),
      soci::use(m.html), soci::use(now), soci::use(now);
  return Status::Ok();
}

Result<std::string> AccountService::SignupMode() {
  return WithSession<std::string>(db_, [&](soci::session& sql) -> Result<std::string> {
    std::string v = Setting(sql, kSignupModeKey);
    return v == "invitation" ? v : std::string("open");
  });
}

Status AccountService::SetSignupMode(const Viewer& viewer, const std::string& mode) {
  if (!viewer.IsOrganizer()) return PermissionDenied("only the network leader sets how people sign up");
  if (mode != "open" && mode != "invitation") return InvalidArgument("must be open or invitation", "mode");
  auto r = WithSession<bool>(db_, [&](soci::session& sql) -> Result<bool> {
    storage::Transaction tr(sql);
    std::string k = kSignupModeKey;
    sql << "DELETE FROM settings WHERE key = :k", soci::use(k);
    sql << "INSERT INTO settings (key, value) VALUES (:k, :v)", soci::use(k), soci::use(mode);
    tr.commit();
    return true;
  });
  return r.ok() ? Status::Ok() : r.status();
}

Status AccountService::SignUp(const Signup& in, const std::string& address) {
  MemberService members(db_, clock_);
  VB_ASSIGN_OR_RETURN(auto sectors, members.SectorKeys());
  model::Member m;
  m.name = in.name;
  m.email = in.email;
  m.sector = Trim(in.sector);
  m.organization = Trim(in.organization);
  VB_RETURN_IF_ERROR(ValidateMember(m, sectors));
  if (m.sector.empty()) return InvalidArgument("is required", "sector");
  if (m.organization.empty()) return InvalidArgument("is required", "organization");
  VB_RETURN_IF_ERROR(CheckPassword(in.password));
  VB_ASSIGN_OR_RETURN(std::string lang, Language(in.language));
  VB_ASSIGN_OR_RETURN(std::string mode, SignupMode());
  if (mode != "open") return PermissionDenied("sign-up is by invitation only; ask the network leader for an invitation");
  VB_ASSIGN_OR_RETURN(std::string hash, HashPassword(in.password));
  auto r = WithSession<bool>(db_, [&](soci::session& sql) -> Result<bool> {
    // Counted outside the transaction: a refused request still counts.
    VB_RETURN_IF_ERROR(Throttle(sql, "signup:" + m.email, kMaxSignupsPerEmail));
    VB_RETURN_IF_ERROR(Throttle(sql, MailAddressKey(address), kMaxMailsPerAddress));
    storage::Transaction tr(sql);
    // The address of a member: nothing is stored, the owner hears of it, and the
    // caller gets the same answer as for a new address (no account enumeration).
    long long owner = 0, accounts = 0;
    std::string owner_name, owner_langs;
    sql << "SELECT m.id, m.name, m.languages, (SELECT count(*) FROM accounts a WHERE a.member_id = m.id) "
           "FROM members m WHERE m.email = :e",
        soci::use(m.email), soci::into(owner), soci::into(owner_name), soci::into(owner_langs), soci::into(accounts);
    if (sql.got_data()) {
      VB_RETURN_IF_ERROR(SendMail(sql, SignupAttemptMail(sql, m.email, owner_name, owner_langs, accounts > 0)));
      tr.commit();
      return true;
    }
    std::string token = RandomToken(), th = TokenHash(token);
    long long now = clock_.Now(), exp = now + kSignupLifetime;
    sql << "DELETE FROM signups WHERE email = :e", soci::use(m.email);
    sql << "INSERT INTO signups (email, name, password_hash, sector, organization, language, token_hash, created_at, "
           "expires_at) VALUES (:e, :n, :p, :s, :o, :l, :t, :c, :x)",
        soci::use(m.email), soci::use(m.name), soci::use(hash), soci::use(m.sector), soci::use(m.organization),
        soci::use(lang), soci::use(th), soci::use(now), soci::use(exp);
    std::string link = BaseUrl(sql) + "/signup/confirm?token=" + token;
    bool en = lang == "en";
    AccountMail mail = MakeMail(
        "account.confirm", lang, m.email, m.name, en ? "Confirm your e-mail address" : "Bevestig je e-mailadres",
        {en ? "You signed up for verbinder. Confirm your e-mail address with the link below; after that you can log in."
            : "Je hebt je aangemeld bij verbinder. Bevestig je e-mailadres met de link hieronder; daarna kun je inloggen.",
         en ? "The link works once and for " + Hours(kSignupLifetime) + " hours."
            : "De link werkt één keer en " + Hours(kSignupLifetime) + " uur lang."},
        link, en ? "Did you not sign up? Then ignore this mail." : "Heb je je niet aangemeld? Negeer deze mail dan.");
    VB_RETURN_IF_ERROR(SendMail(sql, mail));
    tr.commit();
    return true;
  });
  return r.ok() ? Status::Ok() : r.status();
}

Result<model::Id> AccountService::CreateMemberWithAccount(const std::string& name, const std::string& email,
                                                          const std::string& password_hash, const std::string& sector,
                                                          const std::string& organization, const std::string& title,
                                                          const std::string& language) {
  MemberService members(db_, clock_);
  model::Member m;
  m.name = name;
  m.email = email;
  m.sector = sector;
  m.organization = organization;
  m.title = title;
  m.languages = {language};
  VB_ASSIGN_OR_RETURN(model::Member created, members.Create(Viewer::System(), m));
  auto r = WithSession<bool>(db_, [&](soci::session& sql) -> Result<bool> {
    long long id = created.id, now = clock_.Now();
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

Result<model::Id> AccountService::ConfirmSignup(const std::string& token) {
  if (!IsHexToken(token)) return BadLink();
  struct Pending { std::string email, name, hash, sector, organization, language; };
  // Claim the sign-up first (delete it and remember the used token), so two
  // clicks at once cannot both create a member.
  auto claimed = WithSession<Pending>(db_, [&](soci::session& sql) -> Result<Pending> {
    storage::Transaction tr(sql);
    std::string th = TokenHash(token);
    Pending p;
    long long exp = 0;
    sql << "SELECT email, name, password_hash, sector, organization, language, expires_at FROM signups WHERE token_hash = :t",
        soci::use(th), soci::into(p.email), soci::into(p.name), soci::into(p.hash), soci::into(p.sector),
        soci::into(p.organization), soci::into(p.language), soci::into(exp);
    if (!sql.got_data()) {
      long long used = 0;
      sql << "SELECT count(*) FROM consumed_tokens WHERE token_hash = :t", soci::use(th), soci::into(used);
      return used ? UsedLink() : BadLink();
    }
    if (exp <= clock_.Now()) return ExpiredLink();
    soci::statement del = (sql.prepare << "DELETE FROM signups WHERE token_hash = :t", soci::use(th));
    del.execute(true);
    if (del.get_affected_rows() != 1) return UsedLink();
    long long now = clock_.Now();
    std::string purpose = "signup";
    sql << "INSERT INTO consumed_tokens (token_hash, purpose, used_at) VALUES (:t, :p, :n)", soci::use(th),
        soci::use(purpose), soci::use(now);
    tr.commit();
    return p;
  });
  if (!claimed) return claimed.status();
  auto id = CreateMemberWithAccount(claimed->name, claimed->email, claimed->hash, claimed->sector,
                                    claimed->organization, "", claimed->language);
  if (!id && id.status().code() == Code::kAlreadyExists)
    return AlreadyExists("a member with this e-mail address exists; log in or reset your password", "email");
  return id;
}

namespace {

Invitation ReadInvitation(const soci::row& r, int64_t now) {
  Invitation i;
  i.id = RowInt(r, 0);
  i.email = r.get<std::string>(1);
  i.name = r.get<std::string>(2);
  i.language = r.get<std::string>(3);
  i.status = r.get<std::string>(4);
  i.invited_by = RowInt(r, 5);
  i.member_id = RowInt(r, 6);
  i.sent_count = static_cast<int>(RowInt(r, 7));
  i.created_at = RowInt(r, 8);
  i.updated_at = RowInt(r, 9);
  i.expires_at = RowInt(r, 10);
  if (i.status == "pending" && i.expires_at <= now) i.status = "expired";
  return i;
}

constexpr const char* kInvitationCols =
    "SELECT id, email, name, language, status, invited_by, member_id, sent_count, created_at, updated_at, expires_at "
    "FROM invitations ";

// The invitation with this id, for changing it: not found, or already accepted, is an error.
Result<Invitation> ChangeableInvitation(soci::session& sql, long long id, int64_t now) {
  soci::row r;
  sql << std::string(kInvitationCols) + "WHERE id = :i", soci::use(id), soci::into(r);
  if (!sql.got_data()) return NotFound("no invitation with id " + std::to_string(id), "id");
  Invitation inv = ReadInvitation(r, now);
  if (inv.status == "accepted") return Conflict("this invitation was already accepted", "id");
  return inv;
}

AccountMail InvitationMail(soci::session& sql, const Invitation& inv, const std::string& token,
                           const std::string& inviter) {
  bool en = inv.language == "en";
  std::string link = BaseUrl(sql) + "/invite/accept?token=" + token;
  return MakeMail(
      "account.invitation", inv.language, inv.email, inv.name,
      en ? "You are invited to join the network" : "Je bent uitgenodigd voor het netwerk",
      {en ? inviter + " invites you to join the network on verbinder: find the people who can help with what you "
                      "are running into, and meet them."
          : inviter + " nodigt je uit voor het netwerk op verbinder: vind de mensen die kunnen helpen met waar je "
                      "tegenaan loopt, en ontmoet ze.",
       en ? "Open the link to choose your password and fill in your profile. It works once and for " +
                std::to_string(kInvitationLifetime / 86400) + " days."
          : "Open de link om je wachtwoord te kiezen en je profiel in te vullen. Hij werkt één keer en " +
                std::to_string(kInvitationLifetime / 86400) + " dagen lang."},
      link, en ? "Not interested? Then ignore this mail." : "Geen interesse? Negeer deze mail dan.");
}

std::string InviterName(soci::session& sql, model::Id id) {
  std::string n;
  long long mid = id;
  sql << "SELECT name FROM members WHERE id = :i", soci::use(mid), soci::into(n);
  return sql.got_data() && !n.empty() ? n : std::string("verbinder");
}

}  // namespace

Result<std::vector<Invitation>> AccountService::Invite(const Viewer& viewer, const std::vector<Invitee>& invitees,
                                                       const std::string& language) {
  if (!viewer.IsOrganizer()) return PermissionDenied("only the network leader invites");
  VB_ASSIGN_OR_RETURN(std::string lang, Language(language));
  if (invitees.empty()) return InvalidArgument("name at least one person", "invitees");
  if (invitees.size() > kMaxInvitationsPerCall)
    return InvalidArgument("at most " + std::to_string(kMaxInvitationsPerCall) + " at a time", "invitees");
  std::vector<Invitee> clean;
  std::set<std::string> seen;
  for (size_t i = 0; i < invitees.size(); ++i) {
    std::string f = "invitees[" + std::to_string(i) + "]";
    Invitee x{AsciiLower(Trim(invitees[i].email)), Trim(invitees[i].name)};
    if (x.email.empty()) return InvalidArgument("is required", f + ".email");
    if (x.email.size() > 254 || !IsValidEmail(x.email)) return InvalidArgument("is not a valid e-mail address", f + ".email");
    if (!seen.insert(x.email).second) return InvalidArgument("appears twice in the list", f + ".email");
    VB_RETURN_IF_ERROR(CheckText(f + ".name", x.name, 0, kMaxName));
    clean.push_back(x);
  }
  return WithSession<std::vector<Invitation>>(db_, [&](soci::session& sql) -> Result<std::vector<Invitation>> {
    storage::Transaction tr(sql);
    long long now = clock_.Now(), exp = now + kInvitationLifetime, by = viewer.member_id;
    soci::indicator by_ind = viewer.member_id > 0 ? soci::i_ok : soci::i_null;
    std::string inviter = viewer.member_id > 0 ? InviterName(sql, viewer.member_id) : "verbinder";
    std::vector<Invitation> out;
    for (size_t i = 0; i < clean.size(); ++i) {
      const auto& x = clean[i];
      std::string f = "invitees[" + std::to_string(i) + "].email";
      long long n = 0;
      sql << "SELECT count(*) FROM members WHERE email = :e", soci::use(x.email), soci::into(n);
      if (n) return AlreadyExists(x.email + " is already a member", f);
      sql << "SELECT count(*) FROM invitations WHERE email = :e AND status = 'pending' AND expires_at > :n",
          soci::use(x.email), soci::use(now), soci::into(n);
      if (n) return AlreadyExists(x.email + " already has an open invitation; resend it instead", f);
      // An expired pending invitation of the same address is replaced.
      sql << "UPDATE invitations SET status = 'revoked', updated_at = :n WHERE email = :e AND status = 'pending'",
          soci::use(now), soci::use(x.email);
      std::string token = RandomToken(), th = TokenHash(token);
      sql << "INSERT INTO invitations (email, name, language, token_hash, status, invited_by, sent_count, created_at, "
             "updated_at, expires_at) VALUES (:e, :n, :l, :t, 'pending', :b, 1, :c, :u, :x)",
          soci::use(x.email), soci::use(x.name), soci::use(lang), soci::use(th), soci::use(by, by_ind), soci::use(now),
          soci::use(now), soci::use(exp);
      soci::row r;
      sql << std::string(kInvitationCols) + "WHERE token_hash = :t", soci::use(th), soci::into(r);
      Invitation inv = ReadInvitation(r, now);
      VB_RETURN_IF_ERROR(SendMail(sql, InvitationMail(sql, inv, token, inviter)));
      out.push_back(inv);
    }
    tr.commit();
    return out;
  });
}

Result<std::vector<Invitation>> AccountService::Invitations(const Viewer& viewer, const std::string& status) {
  if (!viewer.IsOrganizer()) return PermissionDenied("only the network leader sees invitations");
  if (!status.empty() && status != "pending" && status != "accepted" && status != "revoked" && status != "expired")
    return InvalidArgument("must be pending, accepted, revoked or expired", "status");
  return WithSession<std::vector<Invitation>>(db_, [&](soci::session& sql) -> Result<std::vector<Invitation>> {
    std::vector<Invitation> out;
    int64_t now = clock_.Now();
    soci::row r;
    soci::statement st = (sql.prepare << std::string(kInvitationCols) + "ORDER BY id DESC", soci::into(r));
    st.execute();
    while (st.fetch()) {
      Invitation i = ReadInvitation(r, now);
      if (status.empty() || i.status == status) out.push_back(i);
    }
    return out;
  });
}

Result<Invitation> AccountService::ResendInvitation(const Viewer& viewer, model::Id id) {
  if (!viewer.IsOrganizer()) return PermissionDenied("only the network leader invites");
  return WithSession<Invitation>(db_, [&](soci::session& sql) -> Result<Invitation> {
    storage::Transaction tr(sql);
    long long iid = id, now = clock_.Now();
    VB_ASSIGN_OR_RETURN(Invitation inv, ChangeableInvitation(sql, iid, now));
    if (inv.status == "revoked") return Conflict("this invitation was revoked; invite again", "id");
    long long n = 0;
    sql << "SELECT count(*) FROM members WHERE email = :e", soci::use(inv.email), soci::into(n);
    if (n) return Conflict(inv.email + " is already a member", "id");
    std::string token = RandomToken(), th = TokenHash(token);
    long long exp = now + kInvitationLifetime;
    sql << "UPDATE invitations SET token_hash = :t, expires_at = :x, updated_at = :u, sent_count = sent_count + 1 "
           "WHERE id = :i",
        soci::use(th), soci::use(exp), soci::use(now), soci::use(iid);
    inv.status = "pending";
    inv.expires_at = exp;
    inv.updated_at = now;
    inv.sent_count += 1;
    std::string inviter = viewer.member_id > 0 ? InviterName(sql, viewer.member_id) : "verbinder";
    VB_RETURN_IF_ERROR(SendMail(sql, InvitationMail(sql, inv, token, inviter)));
    tr.commit();
    return inv;
  });
}

Result<Invitation> AccountService::RevokeInvitation(const Viewer& viewer, model::Id id) {
  if (!viewer.IsOrganizer()) return PermissionDenied("only the network leader invites");
  return WithSession<Invitation>(db_, [&](soci::session& sql) -> Result<Invitation> {
    storage::Transaction tr(sql);
    long long iid = id, now = clock_.Now();
    VB_ASSIGN_OR_RETURN(Invitation inv, ChangeableInvitation(sql, iid, now));
    if (inv.status == "revoked") return Conflict("this invitation was already revoked", "id");
    sql << "UPDATE invitations SET status = 'revoked', updated_at = :u WHERE id = :i", soci::use(now), soci::use(iid);
    inv.status = "revoked";
    inv.updated_at = now;
    tr.commit();
    return inv;
  });
}

Result<Invitation> AccountService::CheckInvitation(const std::string& token) {
  if (!IsHexToken(token)) return BadLink();
  return WithSession<Invitation>(db_, [&](soci::session& sql) -> Result<Invitation> {
    std::string th = TokenHash(token);
    soci::row r;
    sql << std::string(kInvitationCols) + "WHERE token_hash = :t", soci::use(th), soci::into(r);
    if (!sql.got_data()) return BadLink();
    Invitation inv = ReadInvitation(r, clock_.Now());
    if (inv.status == "accepted") return UsedLink();
    if (inv.status == "revoked") return InvalidArgument("this invitation was withdrawn", "token");
    if (inv.status == "expired") return ExpiredLink();
    return inv;
  });
}

Result<model::Id> AccountService::AcceptInvitation(const Acceptance& a) {
  VB_ASSIGN_OR_RETURN(Invitation inv, CheckInvitation(a.token));
  MemberService members(db_, clock_);
  VB_ASSIGN_OR_RETURN(auto sectors, members.SectorKeys());
  model::Member m;
  m.name = a.name;
  m.email = inv.email;
  m.sector = Trim(a.sector);
  m.organization = Trim(a.organization);
  m.title = Trim(a.title);
  VB_RETURN_IF_ERROR(ValidateMember(m, sectors));
  if (m.sector.empty()) return InvalidArgument("is required", "sector");
  if (m.organization.empty()) return InvalidArgument("is required", "organization");
  VB_RETURN_IF_ERROR(CheckPassword(a.password));
  VB_ASSIGN_OR_RETURN(std::string hash, HashPassword(a.password));
  // Claim the invitation; a second accept at the same moment finds it taken.
  auto claim = WithSession<bool>(db_, [&](soci::session& sql) -> Result<bool> {
    long long iid = inv.id, now = clock_.Now();
    soci::statement st = (sql.prepare << "UPDATE invitations SET status = 'accepted', updated_at = :u "
                                         "WHERE id = :i AND status = 'pending' AND expires_at > :n",
                          soci::use(now), soci::use(iid), soci::use(now));
    st.execute(true);
    if (st.get_affected_rows() != 1) return UsedLink();
    return true;
  });
  if (!claim) return claim.status();
  auto id = CreateMemberWithAccount(m.name, m.email, hash, m.sector, m.organization, m.title, inv.language);
  auto r = WithSession<bool>(db_, [&](soci::session& sql) -> Result<bool> {
    long long iid = inv.id, now = clock_.Now();
    if (id.ok()) {
      long long mid = *id;
      sql << "UPDATE invitations SET member_id = :m WHERE id = :i", soci::use(mid), soci::use(iid);
    } else {
      sql << "UPDATE invitations SET status = 'pending', updated_at = :u WHERE id = :i", soci::use(now), soci::use(iid);
    }
    return true;
  });
  if (!id) return id.status();
  if (!r) return r.status();
  return id;
}

Status AccountService::RequestPasswordReset(const std::string& email_in, const std::string& address) {
  std::string email = AsciiLower(Trim(email_in));
  if (email.empty()) return InvalidArgument("is required", "email");
  if (email.size() > 254 || !IsValidEmail(email)) return InvalidArgument("is not a valid e-mail address", "email");
  auto r = WithSession<bool>(db_, [&](soci::session& sql) -> Result<bool> {
    VB_RETURN_IF_ERROR(Throttle(sql, "reset:" + email, kMaxResetsPerEmail));
    VB_RETURN_IF_ERROR(Throttle(sql, MailAddressKey(address), kMaxMailsPerAddress));
    storage::Transaction tr(sql);
    long long id = 0;
    std::string name, langs;
    int disabled = 0;
    sql << "SELECT m.id, m.name, m.languages, a.disabled FROM members m JOIN accounts a ON a.member_id = m.id "
           "WHERE m.email = :e",
        soci::use(email), soci::into(id), soci::into(name), soci::into(langs), soci::into(disabled);
    if (!sql.got_data() || disabled) return true;  // the same answer: no enumeration
    std::string lang = StartsWith(langs, "en") ? "en" : "nl";
    std::string token = RandomToken(), th = TokenHash(token);
    long long now = clock_.Now(), exp = now + kResetLifetime;
    sql << "INSERT INTO password_resets (token_hash, member_id, created_at, expires_at) VALUES (:t, :m, :c, :x)",
        soci::use(th), soci::use(id), soci::use(now), soci::use(exp);
    bool en = lang == "en";
    AccountMail mail = MakeMail(
        "account.password_reset", lang, email, name, en ? "Set a new password" : "Nieuw wachtwoord instellen",
        {en ? "Someone (hopefully you) asked for a new password for verbinder. Choose a new one with the link below."
            : "Iemand (hopelijk jij) heeft een nieuw wachtwoord voor verbinder aangevraagd. Kies een nieuw wachtwoord met de link hieronder.",
         en ? "The link works once and for " + Hours(kResetLifetime) + " hour. All your sessions end when you set the new password."
            : "De link werkt één keer en " + Hours(kResetLifetime) + " uur lang. Al je sessies worden beëindigd zodra je het nieuwe wachtwoord instelt."},
        BaseUrl(sql) + "/reset/password?token=" + token,
        en ? "Did you not ask for this? Then ignore this mail; your password stays the same."
           : "Heb je dit niet gevraagd? Negeer deze mail dan; je wachtwoord blijft hetzelfde.");
    VB_RETURN_IF_ERROR(SendMail(sql, mail));
    tr.commit();
    return true;
  });
  return r.ok() ? Status::Ok() : r.status();
}

Status AccountService::ResetPassword(const std::string& token, const std::string& new_password) {
  if (!IsHexToken(token)) return BadLink();
  VB_RETURN_IF_ERROR(CheckPassword(new_password));
  VB_ASSIGN_OR_RETURN(std::string hash, HashPassword(new_password));
  auto r = WithSession<bool>(db_, [&](soci::session& sql) -> Result<bool> {
    storage::Transaction tr(sql);
    std::string th = TokenHash(token);
    long long mid = 0, exp = 0, used = 0, now = clock_.Now();
    sql << "SELECT member_id, expires_at, used_at FROM password_resets WHERE token_hash = :t", soci::use(th),
        soci::into(mid), soci::into(exp), soci::into(used);
    if (!sql.got_data()) return BadLink();
    if (used) return UsedLink();
    if (exp <= now) return ExpiredLink();
    soci::statement st = (sql.prepare << "UPDATE password_resets SET used_at = :n WHERE token_hash = :t AND used_at = 0",
                          soci::use(now), soci::use(th));
    st.execute(true);
    if (st.get_affected_rows() != 1) return UsedLink();
    sql << "UPDATE accounts SET password_hash = :h WHERE member_id = :m", soci::use(hash), soci::use(mid);
    // Every other open reset link of this account stops working too.
    sql << "UPDATE password_resets SET used_at = :n WHERE member_id = :m AND used_at = 0", soci::use(now), soci::use(mid);
    sql << "DELETE FROM sessions WHERE member_id = :m", soci::use(mid);
    sql << "DELETE FROM api_tokens WHERE member_id = :m", soci::use(mid);
    std::string email;
    sql << "SELECT email FROM members WHERE id = :m", soci::use(mid), soci::into(email);
    ForgetLoginFailures(sql, email);
    tr.commit();
    return true;
  });
  ForgetCachedSessions(db_);  // after the commit: every session of the account ended
  return r.ok() ? Status::Ok() : r.status();
}

namespace {

// Who may delete whom: the member themself with their password; organizers
// members; admins anyone; never the last admin. Sets *email.
Status MayDelete(soci::session& sql, const Viewer& viewer, model::Id member_id, const std::string& password,
                 std::string* email) {
  if (!viewer.authenticated()) return Unauthenticated("sign in first");
  bool self = viewer.member_id == member_id;
  if (!self && !viewer.IsOrganizer()) return PermissionDenied("only the member or the network leader can delete a member");
  long long mid = member_id;
  sql << "SELECT email FROM members WHERE id = :m", soci::use(mid), soci::into(*email);
  if (!sql.got_data()) return NotFound("no member with id " + std::to_string(member_id), "id");
  std::string hash, role = "member";
  sql << "SELECT password_hash, role FROM accounts WHERE member_id = :m", soci::use(mid), soci::into(hash), soci::into(role);
  bool has_account = sql.got_data();
  if (self) {
    if (password.empty()) return InvalidArgument("enter your password to confirm", "password");
    if (!has_account || !VerifyPassword(hash, password)) return InvalidArgument("is not your password", "password");
  } else if (!viewer.IsAdmin() && role != "member") {
    return PermissionDenied("only an admin can delete an organizer or admin");
  }
  if (role == "admin") {
    long long admins = 0;
    sql << "SELECT count(*) FROM accounts WHERE role = 'admin'", soci::into(admins);
    if (admins <= 1) return Conflict("the last admin cannot be deleted", "id");
  }
  return Status::Ok();
}

}  // namespace

Status AccountService::CheckDeletion(const Viewer& viewer, model::Id member_id, const std::string& password) {
  auto r = WithSession<bool>(db_, [&](soci::session& sql) -> Result<bool> {
    std::string email;
    VB_RETURN_IF_ERROR(MayDelete(sql, viewer, member_id, password, &email));
    return true;
  });
  return r.ok() ? Status::Ok() : r.status();
}

Status AccountService::DeleteMember(const Viewer& viewer, model::Id member_id, const std::string& password) {
  auto r = WithSession<bool>(db_, [&](soci::session& sql) -> Result<bool> {
    storage::Transaction tr(sql);
    long long mid = member_id;
    std::string email;
    VB_RETURN_IF_ERROR(MayDelete(sql, viewer, member_id, password, &email));
    auto backend = db_.backend();
    auto has = [&](const char* t) { return TableExists(sql, backend, t); };
    // Answers to questions go with the member; the questions' counts follow.
    if (has("question_answers")) {
      std::vector<long long> qs;
      {
        long long q = 0;
        soci::statement st = (sql.prepare << "SELECT DISTINCT question_id FROM question_answers WHERE author_id = :m",
                              soci::use(mid), soci::into(q));
        st.execute();
        while (st.fetch()) qs.push_back(q);
      }
      sql << "DELETE FROM question_answers WHERE author_id = :m", soci::use(mid);
      for (long long q : qs) {
        sql << "UPDATE questions SET answer_count = (SELECT count(*) FROM question_answers WHERE question_id = :q) "
               "WHERE id = :q2",
            soci::use(q), soci::use(q);
        sql << "UPDATE questions SET helpful_answer_id = 0 WHERE id = :q AND helpful_answer_id <> 0 AND NOT EXISTS "
               "(SELECT 1 FROM question_answers a WHERE a.id = questions.helpful_answer_id)",
            soci::use(q);
      }
    }
    // Unpublished articles go; published ones stay without an author (author_id → NULL).
    if (has("articles")) sql << "DELETE FROM articles WHERE author_id = :m AND status <> 'published'", soci::use(mid);
    // Traces kept by e-mail address rather than member id.
    if (has("subscribers")) sql << "DELETE FROM subscribers WHERE member_id = :m OR email = :e", soci::use(mid), soci::use(email);
    if (has("outbox")) sql << "DELETE FROM outbox WHERE to_email = :e", soci::use(email);
    sql << "DELETE FROM invitations WHERE member_id = :m OR email = :e", soci::use(mid), soci::use(email);
    sql << "DELETE FROM signups WHERE email = :e", soci::use(email);
    // ("email:" keyed login failures per account alone before issue #15.)
    for (const std::string& k : {"email:" + email, "reset:" + email, "signup:" + email})
      sql << "DELETE FROM login_attempts WHERE key = :k", soci::use(k);
    ForgetLoginFailures(sql, email);
    // Explicit deletes of the core tables (the rest follows by ON DELETE CASCADE).
    for (const char* q : {"DELETE FROM member_terms WHERE member_id = :m", "DELETE FROM challenges WHERE member_id = :m",
                          "DELETE FROM sessions WHERE member_id = :m", "DELETE FROM api_tokens WHERE member_id = :m",
                          "DELETE FROM password_resets WHERE member_id = :m", "DELETE FROM accounts WHERE member_id = :m",
                          "DELETE FROM registrations WHERE member_id = :m"})
      sql << q, soci::use(mid);
    sql << "DELETE FROM connections WHERE from_member = :m OR to_member = :m2", soci::use(mid), soci::use(mid);
    // The ledger: every interaction with the member goes (see docs/accounts.md).
    sql << "DELETE FROM interactions WHERE a = :m OR b = :m2", soci::use(mid), soci::use(mid);
    sql << "DELETE FROM members WHERE id = :m", soci::use(mid);
    LogMemberChange(sql, mid, clock_.Now());
    tr.commit();
    return true;
  });
  MemberCache::For(db_)->Invalidate(member_id);  // after the commit (member_cache.h)
  ForgetCachedSessions(db_);  // after the commit
  return r.ok() ? Status::Ok() : r.status();
}

Result<nlohmann::json> AccountService::ExportOwnData(const Viewer& viewer) {
  if (!viewer.authenticated() || viewer.member_id <= 0) return Unauthenticated("sign in first");
  MemberService members(db_, clock_);
  NetworkService network(db_, clock_, members);
  VB_ASSIGN_OR_RETURN(model::Member me, members.Get(viewer, viewer.member_id));
  VB_ASSIGN_OR_RETURN(auto ties, network.TiesOf(viewer, viewer.member_id));
  Json out = {{"format", "verbinder-own-data/1"}, {"exported_at", clock_.Now()}, {"profile", ToJson(me, viewer)}};
  Json tj = Json::array();
  for (const auto& t : ties) tj.push_back(ToJson(t));
  out["ties"] = tj;
  auto r = WithSession<Json>(db_, [&](soci::session& sql) -> Result<Json> {
    Json j = Json::object();
    long long me_id = viewer.member_id;
    auto backend = db_.backend();
    // (key, table, query, number of :m uses, columns naming another member)
    struct Part { const char* key; const char* table; const char* query; int uses; std::vector<std::string> others; };
    const std::vector<Part> parts = {
        {"account", "accounts", "SELECT role, disabled, created_at FROM accounts WHERE member_id = :m", 1, {}},
        {"sessions", "sessions", "SELECT created_at, expires_at FROM sessions WHERE member_id = :m ORDER BY created_at", 1, {}},
        {"api_tokens", "api_tokens", "SELECT id, name, created_at FROM api_tokens WHERE member_id = :m ORDER BY id", 1, {}},
        {"connections", "connections",
         "SELECT id, from_member, to_member, status, message, created_at, updated_at FROM connections "
         "WHERE from_member = :m OR to_member = :m2 ORDER BY id", 2, {"from_member", "to_member"}},
        {"interactions", "interactions",
         "SELECT id, a, b, kind, at, source, event_id FROM interactions WHERE a = :m OR b = :m2 ORDER BY at, id", 2,
         {"a", "b"}},
        {"registrations", "registrations", "SELECT * FROM registrations WHERE member_id = :m ORDER BY id", 1, {}},
        {"events_organized", "event_organizers", "SELECT event_id FROM event_organizers WHERE member_id = :m", 1, {}},
        {"calendar_feed", "calendar_tokens", "SELECT created_at FROM calendar_tokens WHERE member_id = :m", 1, {}},
        {"meeting_requests", "meeting_requests",
         "SELECT * FROM meeting_requests WHERE from_member = :m OR to_member = :m2 ORDER BY id", 2,
         {"from_member", "to_member"}},
        {"meetings", "meetings", "SELECT * FROM meetings WHERE a = :m OR b = :m2 ORDER BY id", 2, {"a", "b"}},
        {"meeting_feedback", "meeting_feedback", "SELECT * FROM meeting_feedback WHERE member_id = :m", 1, {}},
        {"unavailable_slots", "slot_unavailability", "SELECT slot_id FROM slot_unavailability WHERE member_id = :m", 1, {}},
        {"visits", "visits", "SELECT * FROM visits WHERE host_id = :m OR visitor_id = :m2 ORDER BY id", 2,
         {"host_id", "visitor_id"}},
        {"notifications", "event_notifications", "SELECT * FROM event_notifications WHERE member_id = :m ORDER BY id", 1, {}},
        {"notification_preferences", "notification_prefs", "SELECT * FROM notification_prefs WHERE member_id = :m", 1, {}},
        {"questions", "questions", "SELECT * FROM questions WHERE asker_id = :m ORDER BY id", 1, {}},
        {"answers", "question_answers", "SELECT * FROM question_answers WHERE author_id = :m ORDER BY id", 1, {}},
        {"questions_routed_to_me", "question_routes", "SELECT * FROM question_routes WHERE member_id = :m", 1, {}},
        {"articles", "articles", "SELECT * FROM articles WHERE author_id = :m ORDER BY id", 1, {}},
        {"invitation", "invitations",
         "SELECT id, email, name, status, created_at, updated_at FROM invitations WHERE member_id = :m", 1, {}},
    };
    std::vector<model::Id> others;
    for (const auto& p : parts) {
      if (!TableExists(sql, backend, p.table)) continue;
      j[p.key] = RowsAsJson(sql, p.query, me_id, p.uses);
      for (const auto& row : j[p.key])
        for (const auto& c : p.others)
          if (row.contains(c) && row[c].is_number_integer() && row[c].get<long long>() != me_id)
            others.push_back(row[c].get<long long>());
    }
    std::string email = me.email;
    if (TableExists(sql, backend, "subscribers")) {
      Json rows = Json::array();
      long long id = 0, created = 0, confirmed = 0, unsubscribed = 0;
      std::string em, language, topics, status;
      soci::statement st = (sql.prepare << "SELECT id, email, language, topics, status, created_at, confirmed_at, "
                                           "unsubscribed_at FROM subscribers WHERE member_id = :m OR email = :e",
                            soci::use(me_id), soci::use(email), soci::into(id), soci::into(em), soci::into(language),
                            soci::into(topics), soci::into(status), soci::into(created), soci::into(confirmed),
                            soci::into(unsubscribed));
      st.execute();
      while (st.fetch())
        rows.push_back({{"id", id}, {"email", em}, {"language", language}, {"topics", topics}, {"status", status},
                        {"created_at", created}, {"confirmed_at", confirmed}, {"unsubscribed_at", unsubscribed}});
      j["newsletter_subscriptions"] = rows;
    }
    if (TableExists(sql, backend, "outbox")) {
      Json rows = Json::array();
      long long id = 0, created = 0, sent = 0;
      std::string kind, subject, status;
      soci::statement st = (sql.prepare << "SELECT id, kind, subject, status, created_at, sent_at FROM outbox "
                                           "WHERE to_email = :e ORDER BY id",
                            soci::use(email), soci::into(id), soci::into(kind), soci::into(subject), soci::into(status),
                            soci::into(created), soci::into(sent));
      st.execute();
      while (st.fetch())
        rows.push_back({{"id", id}, {"kind", kind}, {"subject", subject}, {"status", status}, {"created_at", created},
                        {"sent_at", sent}});
      j["mails"] = rows;
    }
    j["_others"] = others;
    return j;
  });
  if (!r) return r.status();
  Json data = *r;
  std::vector<model::Id> others = data["_others"].get<std::vector<model::Id>>();
  data.erase("_others");
  // Who is on the other side of an entry is shown only when the viewer may see them.
  VB_ASSIGN_OR_RETURN(auto visible, members.VisibleAmong(viewer, others));
  const std::vector<std::pair<const char*, std::vector<std::string>>> two_sided = {
      {"connections", {"from_member", "to_member"}}, {"interactions", {"a", "b"}},
      {"meeting_requests", {"from_member", "to_member"}}, {"meetings", {"a", "b"}}, {"visits", {"host_id", "visitor_id"}}};
  for (const auto& [key, cols] : two_sided) {
    if (!data.contains(key)) continue;
    for (auto& row : data[key]) {
      for (const auto& c : cols)
        if (row.contains(c) && row[c].is_number_integer() && row[c].get<long long>() != viewer.member_id &&
            !visible.count(row[c].get<long long>()))
          row[c] = nullptr;
      // The other side's own words stay theirs.
      if (std::string(key) == "meetings") {
        bool i_am_a = row.contains("a") && row["a"].is_number_integer() && row["a"].get<long long>() == viewer.member_id;
        row.erase(i_am_a ? "reason_b" : "reason_a");
      }
    }
  }
  out.update(data);
  // Names and addresses of members the viewer may not see, inside texts
  // (notifications, meeting reasons, messages): the one projection.
  VB_RETURN_IF_ERROR(WithSession<bool>(db_, [&](soci::session& sql) -> Result<bool> {
    ScrubHiddenMembers(sql, viewer, out, "nl");
    return true;
  }).status());
  return out;
}

}  // namespace verbinder::domain

