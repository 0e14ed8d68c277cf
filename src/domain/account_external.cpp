// Accounts and sessions for sign-in through an outside identity provider.
#include "domain/account_external.h"

#include <soci/soci.h>

#include "domain/db_util.h"
#include "domain/members.h"
#include "storage/transaction.h"
#include "util/strings.h"

namespace verbinder::domain {
namespace {

// An account made by outside sign-in has no password: an empty hash, which
// VerifyPassword never accepts (libsodium rejects a string that is no hash).
constexpr const char* kNoPassword = "";

template <typename Key>
std::optional<ExternalMember> ReadMember(soci::session& sql, const std::string& where, Key key) {
  ExternalMember m;
  long long id = 0;
  std::string hash;
  int disabled = 0;
  soci::indicator hind = soci::i_null, dind = soci::i_null;
  sql << "SELECT m.id, m.name, m.email, a.password_hash, a.disabled FROM members m "
         "LEFT JOIN accounts a ON a.member_id = m.id WHERE " +
             where,
      soci::use(key), soci::into(id), soci::into(m.name), soci::into(m.email), soci::into(hash, hind),
      soci::into(disabled, dind);
  if (!sql.got_data()) return std::nullopt;
  m.member_id = id;
  m.has_account = hind == soci::i_ok;
  m.has_password = m.has_account && !hash.empty();
  m.disabled = dind == soci::i_ok && disabled != 0;
  return m;
}

}  // namespace

Result<std::optional<ExternalMember>> ExternalAccounts::FindByEmail(const std::string& email) {
  std::string e = AsciiLower(Trim(email));
  if (e.empty()) return std::optional<ExternalMember>{};
  return WithSession<std::optional<ExternalMember>>(
      db_,
      [&](soci::session& sql) -> Result<std::optional<ExternalMember>> { return ReadMember(sql, "m.email = :k", e); });
}

Result<std::optional<ExternalMember>> ExternalAccounts::FindById(model::Id member_id) {
  long long id = member_id;
  return WithSession<std::optional<ExternalMember>>(
      db_,
      [&](soci::session& sql) -> Result<std::optional<ExternalMember>> { return ReadMember(sql, "m.id = :k", id); });
}

Result<Session> ExternalAccounts::StartSession(model::Id member_id) {
  return WithSession<Session>(db_, [&](soci::session& sql) -> Result<Session> {
    storage::Transaction tr(sql);
    long long id = member_id, now = clock_.Now(), n = 0;
    sql << "SELECT count(*) FROM members WHERE id = :m", soci::use(id), soci::into(n);
    if (!n) return NotFound("no member with id " + std::to_string(member_id), "member_id");
    std::string role = "member";
    int disabled = 0;
    sql << "SELECT role, disabled FROM accounts WHERE member_id = :m", soci::use(id), soci::into(role),
        soci::into(disabled);
    if (!sql.got_data()) {
      std::string hash = kNoPassword;
      role = "member";
      sql << "INSERT INTO accounts (member_id, password_hash, role, disabled, created_at) VALUES (:m, :h, :r, 0, :t)",
          soci::use(id), soci::use(hash), soci::use(role), soci::use(now);
    } else if (disabled) {
      return PermissionDenied("this account is disabled").WithReason("account.disabled");
    }
    Session s;
    s.token = RandomToken();
    s.csrf_token = RandomToken();
    s.member_id = member_id;
    s.role = model::ParseRole(role).value_or(model::Role::kMember);
    s.expires_at = now + kSessionLifetime;
    std::string th = TokenHash(s.token);
    long long exp = s.expires_at;
    sql << "INSERT INTO sessions (token_hash, member_id, csrf_token, created_at, expires_at) VALUES (:h, :m, :c, :n, "
           ":e)",
        soci::use(th), soci::use(id), soci::use(s.csrf_token), soci::use(now), soci::use(exp);
    tr.commit();
    return s;
  });
}

Result<model::Id> ExternalAccounts::CreateMember(const std::string& name, const std::string& email,
                                                 const std::string& language) {
  MemberService members(db_, clock_);
  model::Member m;
  m.name = name;
  m.email = email;
  m.languages = {language == "en" ? "en" : "nl"};
  VB_ASSIGN_OR_RETURN(model::Member created, members.Create(Viewer::System(), m));
  auto r = WithSession<bool>(db_, [&](soci::session& sql) -> Result<bool> {
    long long id = created.id, now = clock_.Now();
    std::string hash = kNoPassword, role = "member";
    sql << "INSERT INTO accounts (member_id, password_hash, role, disabled, created_at) VALUES (:m, :h, :r, 0, :t)",
        soci::use(id), soci::use(hash), soci::use(role), soci::use(now);
    return true;
  });
  if (!r.ok()) {
    (void)members.Delete(Viewer::System(), created.id);  // no half-made person stays behind
    return r.status();
  }
  return created.id;
}

}  // namespace verbinder::domain
