#include "domain/accounts.h"

#include <sodium.h>

#include <mutex>

#include "domain/db_util.h"
#include "domain/validation.h"
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

Status CheckPassword(const std::string& password) {
  if (Utf8Length(password) < kMinPasswordLength)
    return InvalidArgument("must be at least " + std::to_string(kMinPasswordLength) + " characters", "password");
  if (password.size() > 1024) return InvalidArgument("is too long", "password");
  if (!IsValidUtf8(password)) return InvalidArgument("is not valid UTF-8", "password");
  return Status::Ok();
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
  return r.ok() ? Status::Ok() : r.status();
}

Status AccountService::ChangePassword(const Viewer& viewer, const std::string& old_password,
                                      const std::string& new_password) {
  if (!viewer.authenticated()) return Unauthenticated("sign in first");
  VB_RETURN_IF_ERROR(CheckPassword(new_password));
  auto r = WithSession<bool>(db_, [&](soci::session& sql) -> Result<bool> {
    long long id = viewer.member_id;
    std::string hash;
    sql << "SELECT password_hash FROM accounts WHERE member_id = :id", soci::use(id), soci::into(hash);
    if (!sql.got_data()) return NotFound("no account", "member_id");
    if (!VerifyPassword(hash, old_password)) return InvalidArgument("is not your current password", "old_password");
    auto nh = HashPassword(new_password);
    if (!nh) return nh.status();
    sql << "UPDATE accounts SET password_hash = :h WHERE member_id = :id", soci::use(*nh), soci::use(id);
    return true;
  });
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
    for (auto [key, limit] : {std::pair<std::string, int>{"email:" + AsciiLower(Trim(email)), kMaxFailuresPerEmail},
                              std::pair<std::string, int>{"addr:" + address, kMaxFailuresPerAddress}}) {
      VB_ASSIGN_OR_RETURN(int64_t n, Failures(sql, key, since));
      if (n >= limit) {
        long long oldest = 0, s = since;
        // The window frees up when the (n - limit + 1)-th oldest failure expires.
        sql << "SELECT min(at) FROM login_attempts WHERE key = :k AND at > :s", soci::use(key), soci::use(s),
            soci::into(oldest);
        worst = std::max<int64_t>(worst, oldest + kThrottleWindow - now + 1);
      }
    }
    return worst;
  });
  return r.ok() ? *r : 0;
}

Result<Session> AccountService::Login(const std::string& email_in, const std::string& password,
                                      const std::string& address) {
  std::string email = AsciiLower(Trim(email_in));
  if (email.empty()) return InvalidArgument("is required", "email");
  if (password.empty()) return InvalidArgument("is required", "password");
  if (email.size() > 254 || password.size() > 1024) return Unauthenticated("wrong e-mail address or password");
  if (RetryAfter(email, address) > 0)
    return Status(Code::kTooManyRequests, "too many failed sign-ins; try again later");
  return WithSession<Session>(db_, [&](soci::session& sql) -> Result<Session> {
    long long id = 0, now = clock_.Now();
    std::string hash, role;
    int disabled = 0;
    sql << "SELECT a.member_id, a.password_hash, a.role, a.disabled FROM accounts a JOIN members m ON m.id = a.member_id "
           "WHERE m.email = :e",
        soci::use(email), soci::into(id), soci::into(hash), soci::into(role), soci::into(disabled);
    bool found = sql.got_data();
    // Verify against a dummy hash when the account is missing, so timing does not reveal accounts.
    static const std::string kDummy = *HashPassword("not-a-real-password-0000");
    bool ok = VerifyPassword(found ? hash : kDummy, password) && found && !disabled;
    if (!ok) {
      for (const std::string& key : {"email:" + email, "addr:" + address})
        sql << "INSERT INTO login_attempts (key, at) VALUES (:k, :t)", soci::use(key), soci::use(now);
      return Unauthenticated("wrong e-mail address or password");
    }
    std::string k = "email:" + email;
    sql << "DELETE FROM login_attempts WHERE key = :k", soci::use(k);
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

}  // namespace

Result<Session> AccountService::FindSession(const std::string& token) {
  if (token.size() != 64) return Unauthenticated("not signed in");
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

}  // namespace verbinder::domain
