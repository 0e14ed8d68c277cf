// Sign-in and sessions (account_sign_in.h): accounts and roles, login with
// throttling, password change, the session lookup and its cache.
#include "domain/account_sign_in.h"

#include <algorithm>
#include <optional>
#include <shared_mutex>
#include <unordered_map>

#include "domain/account_common.h"
#include "domain/db_util.h"
#include "storage/transaction.h"

namespace verbinder::domain {

using namespace account_internal;

Status SignInService::CreateAccount(const Viewer& viewer, model::Id member_id, const std::string& password,
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
    if (n)
      return AlreadyExists("this member already has an account", "member_id").WithReason("account.already_has_account");
    std::string r(model::ToString(role));
    sql << "INSERT INTO accounts (member_id, password_hash, role, disabled, created_at) VALUES (:m, :h, :r, 0, :t)",
        soci::use(id), soci::use(hash), soci::use(r), soci::use(now);
    return true;
  });
  return r.ok() ? Status::Ok() : r.status();
}

Status SignInService::SetRole(const Viewer& viewer, model::Id member_id, model::Role role) {
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

Status SignInService::ChangePassword(const Viewer& viewer, const PasswordChange& c) {
  if (!viewer.authenticated() || viewer.member_id <= 0) return Unauthenticated("sign in first");
  if (Status s = CheckPassword(c.new_password); !s.ok())
    return Status(s.code(), s.message(), "new_password").WithReason(s.reason(), s.params());
  if (c.old_password.empty()) return InvalidArgument("is required", "old_password").WithReason("field.required");
  auto r = WithSession<bool>(db_, [&](soci::session& sql) -> Result<bool> {
    long long id = viewer.member_id, now = clock_.Now();
    std::string hash, email;
    sql << "SELECT a.password_hash, m.email FROM accounts a JOIN members m ON m.id = a.member_id WHERE a.member_id = "
           ":id",
        soci::use(id), soci::into(hash), soci::into(email);
    if (!sql.got_data()) return NotFound("no account", "member_id");
    // Guessing the old password with a stolen session is guessing a login.
    VB_RETURN_IF_ERROR(StartGuess(sql, email, c.address, now));
    if (!VerifyPassword(hash, c.old_password))
      return InvalidArgument("is not your current password", "old_password").WithReason("account.wrong_password");
    ForgiveGuess(sql, email, c.address, now);
    VB_ASSIGN_OR_RETURN(std::string new_hash, HashPassword(c.new_password));
    storage::Transaction tr(sql);
    // Only over the hash just checked: a change in between wins, this one fails.
    soci::statement st =
        (sql.prepare << "UPDATE accounts SET password_hash = :n WHERE member_id = :m AND password_hash = :o",
         soci::use(new_hash), soci::use(id), soci::use(hash));
    st.execute(true);
    if (st.get_affected_rows() != 1)
      return Conflict("your password was changed meanwhile; sign in again", "old_password")
          .WithReason("account.password_changed_meanwhile");
    // Whoever else holds a session or a token of this account is out.
    std::string keep = c.keep_session.empty() ? std::string() : TokenHash(c.keep_session);
    sql << "DELETE FROM sessions WHERE member_id = :m AND token_hash <> :h", soci::use(id), soci::use(keep);
    if (!c.keep_tokens) sql << "DELETE FROM api_tokens WHERE member_id = :m", soci::use(id);
    sql << "UPDATE password_resets SET used_at = :n WHERE member_id = :m AND used_at = 0", soci::use(now),
        soci::use(id);
    tr.commit();
    return true;
  });
  ForgetCachedSessions(db_);  // after the commit: the other sessions ended
  return r.ok() ? Status::Ok() : r.status();
}

int64_t SignInService::RetryAfter(const std::string& email, const std::string& address) {
  auto r = WithSession<int64_t>(db_, [&](soci::session& sql) -> Result<int64_t> {
    int64_t now = clock_.Now(), since = now - kThrottleWindow;
    int64_t worst = 0;
    for (auto [key, limit] : {std::pair<std::string, int>{LoginKey(email, address), kMaxFailuresPerEmail},
                              std::pair<std::string, int>{AddressKey(address), kMaxFailuresPerAddress}}) {
      const int64_t n = Failures(sql, key, since);
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

Status SignInService::StartGuess(soci::session& sql, const std::string& email, const std::string& address,
                                 int64_t now) {
  const std::pair<std::string, int> keys[] = {{LoginKey(email, address), kMaxFailuresPerEmail},
                                              {AddressKey(address), kMaxFailuresPerAddress}};
  long long t = now;
  for (const auto& [key, limit] : keys)
    sql << "INSERT INTO login_attempts (key, at) VALUES (:k, :t)", soci::use(key), soci::use(t);
  bool over = false;
  for (const auto& [key, limit] : keys) {
    const int64_t n = Failures(sql, key, now - kThrottleWindow);
    over = over || n > limit;  // this guess included
  }
  if (!over) return Status::Ok();
  for (const auto& [key, limit] : keys) DropOneAttempt(sql, key, now);  // a refused guess does not count
  return Status(Code::kTooManyRequests, "too many failed sign-ins from here; try again later")
      .WithReason("account.too_many_sign_ins");
}

void SignInService::ForgiveGuess(soci::session& sql, const std::string& email, const std::string& address,
                                 int64_t now) {
  std::string key = LoginKey(email, address);
  sql << "DELETE FROM login_attempts WHERE key = :k", soci::use(key);  // this client's failures for the account
  DropOneAttempt(sql, AddressKey(address), now);                       // but not its failures for other accounts
}

Result<Session> SignInService::Login(const std::string& email_in, const std::string& password,
                                     const std::string& address) {
  std::string email = NormalEmail(email_in);
  if (email.empty()) return InvalidArgument("is required", "email").WithReason("field.required");
  if (password.empty()) return InvalidArgument("is required", "password").WithReason("field.required");
  if (email.size() > 254 || password.size() > 1024)
    return Unauthenticated("wrong e-mail address or password").WithReason("account.login_failed");
  return WithSession<Session>(db_, [&](soci::session& sql) -> Result<Session> {
    long long id = 0, now = clock_.Now();
    VB_RETURN_IF_ERROR(StartGuess(sql, email, address, now));
    std::string hash, role;
    int disabled = 0;
    sql << "SELECT a.member_id, a.password_hash, a.role, a.disabled FROM accounts a JOIN members m ON m.id = "
           "a.member_id "
           "WHERE m.email = :e",
        soci::use(email), soci::into(id), soci::into(hash), soci::into(role), soci::into(disabled);
    bool found = sql.got_data();
    // Verify against a dummy hash when the account is missing, so timing does not reveal accounts.
    static const std::string kDummy = *HashPassword("not-a-real-password-0000");
    bool ok = VerifyPassword(found ? hash : kDummy, password) && found && !disabled;
    if (!ok)
      return Unauthenticated("wrong e-mail address or password")
          .WithReason("account.login_failed");  // the guess stays counted
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
    sql << "INSERT INTO sessions (token_hash, member_id, csrf_token, created_at, expires_at) VALUES (:h, :m, :c, :n, "
           ":e)",
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
  using Time = Clock::Monotonic;
  struct Entry {
    Session session;
    Time fetched;
  };
  std::shared_mutex mu;
  std::unordered_map<std::string, Entry> entries;  // by cookie token
  uint64_t generation = 0;                         // bumped by every Clear
  static constexpr size_t kMaxEntries = 100000;

  std::optional<Session> Find(const std::string& token, Time now) {
    std::shared_lock lock(mu);
    auto it = entries.find(token);
    if (it == entries.end() || now - it->second.fetched >= kSessionCacheWindow) return std::nullopt;
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

std::shared_ptr<SessionCache> Sessions(storage::Database& db) {
  return db.Shared<SessionCache>();
}

}  // namespace

void ForgetCachedSessions(storage::Database& db) {
  Sessions(db)->Clear();
}

Result<Session> SignInService::FindSession(const std::string& token) {
  if (token.size() != 64) return Unauthenticated("not signed in");
  auto cache = Sessions(db_);
  if (auto s = cache->Find(token, clock_.Steady())) {
    if (s->expires_at <= clock_.Now()) return Unauthenticated("not signed in or the session expired");
    return *s;
  }
  const auto fetched = clock_.Steady();
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
    if (!found || q.expires_at <= clock_.Now() || q.disabled)
      return Unauthenticated("not signed in or the session expired");
    cache->Put(s, fetched, since);
    return s;
  } catch (const std::exception& e) {
    return storage::FromDbError(e);
  }
}

Status SignInService::Logout(const std::string& token) {
  auto r = WithSession<bool>(db_, [&](soci::session& sql) -> Result<bool> {
    std::string th = TokenHash(token);
    sql << "DELETE FROM sessions WHERE token_hash = :h", soci::use(th);
    return true;
  });
  ForgetCachedSessions(db_);  // after the commit
  return r.ok() ? Status::Ok() : r.status();
}

}  // namespace verbinder::domain
