// API tokens (account_tokens.h).
#include "domain/account_tokens.h"

#include "domain/db_util.h"
#include "domain/validation.h"
#include "util/strings.h"

namespace verbinder::domain {

Result<ApiToken> ApiTokenService::Create(const Viewer& viewer, const std::string& name) {
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

Result<std::vector<ApiToken>> ApiTokenService::List(const Viewer& viewer) {
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

Status ApiTokenService::Revoke(const Viewer& viewer, model::Id id) {
  auto r = WithSession<bool>(db_, [&](soci::session& sql) -> Result<bool> {
    long long tid = id, mid = viewer.member_id, n = 0;
    sql << "SELECT count(*) FROM api_tokens WHERE id = :i AND member_id = :m", soci::use(tid), soci::use(mid),
        soci::into(n);
    if (!n) return NotFound("no such token", "id");
    sql << "DELETE FROM api_tokens WHERE id = :i", soci::use(tid);
    return true;
  });
  return r.ok() ? Status::Ok() : r.status();
}

Result<Viewer> ApiTokenService::Authenticate(const std::string& token) {
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
