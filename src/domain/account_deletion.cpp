// Deleting a member, all or nothing, and the member's own-data export
// (account_deletion.h). Domain's own tables here; every other module's
// through its MemberDataOwner, in the same transaction.
#include "domain/account_deletion.h"

#include <set>

#include "domain/account_common.h"
#include "domain/db_util.h"
#include "domain/json_codec.h"
#include "domain/member_cache.h"
#include "domain/member_erasure.h"
#include "domain/member_ref.h"
#include "domain/members.h"
#include "domain/network.h"
#include "storage/transaction.h"

namespace verbinder::domain {

using namespace account_internal;
using Json = nlohmann::json;

namespace {

// Who may delete whom: the member themself with their password; organizers
// members; admins anyone; never the last admin. Sets *email.
Status MayDelete(soci::session& sql, const Viewer& viewer, model::Id member_id, const std::string& password,
                 std::string* email) {
  if (!viewer.authenticated()) return Unauthenticated("sign in first");
  bool self = viewer.member_id == member_id;
  if (!self && !viewer.IsOrganizer())
    return PermissionDenied("only the member or the network leader can delete a member");
  long long mid = member_id;
  sql << "SELECT email FROM members WHERE id = :m", soci::use(mid), soci::into(*email);
  if (!sql.got_data()) return NotFound("no member with id " + std::to_string(member_id), "id");
  std::string hash, role = "member";
  sql << "SELECT password_hash, role FROM accounts WHERE member_id = :m", soci::use(mid), soci::into(hash),
      soci::into(role);
  bool has_account = sql.got_data();
  if (self) {
    if (password.empty())
      return InvalidArgument("enter your password to confirm", "password").WithReason("account.password_to_confirm");
    if (!has_account || !VerifyPassword(hash, password))
      return InvalidArgument("is not your password", "password").WithReason("account.wrong_password");
  } else if (!viewer.IsAdmin() && role != "member") {
    return PermissionDenied("only an admin can delete an organizer or admin");
  }
  if (role == "admin") {
    long long admins = 0;
    sql << "SELECT count(*) FROM accounts WHERE role = 'admin'", soci::into(admins);
    if (admins <= 1) return Conflict("the last admin cannot be deleted", "id").WithReason("account.last_admin");
  }
  return Status::Ok();
}

}  // namespace

Status OwnDataService::CheckDeletion(const Viewer& viewer, model::Id member_id, const std::string& password) {
  auto r = WithSession<bool>(db_, [&](soci::session& sql) -> Result<bool> {
    std::string email;
    VB_RETURN_IF_ERROR(MayDelete(sql, viewer, member_id, password, &email));
    return true;
  });
  return r.ok() ? Status::Ok() : r.status();
}

Status OwnDataService::DeleteMember(const Viewer& viewer, model::Id member_id, const std::string& password) {
  auto r = WithSession<bool>(db_, [&](soci::session& sql) -> Result<bool> {
    storage::Transaction tr(sql);
    long long mid = member_id;
    std::string email;
    VB_RETURN_IF_ERROR(MayDelete(sql, viewer, member_id, password, &email));
    const int64_t now = clock_.Now();
    // The account's traces kept by e-mail address (and the invitation by id,
    // while the member's row still links it).
    sql << "DELETE FROM invitations WHERE member_id = :m OR email = :e", soci::use(mid), soci::use(email);
    sql << "DELETE FROM signups WHERE email = :e", soci::use(email);
    // ("email:" keyed login failures per account alone before issue #15.)
    for (const std::string& k : {"email:" + email, "reset:" + email, "signup:" + email})
      sql << "DELETE FROM login_attempts WHERE key = :k", soci::use(k);
    ForgetLoginFailures(sql, email);
    // Every module's data, then domain's tables and the member's row: the one
    // erasing path, shared with MemberService::Delete (member_erasure.h).
    VB_RETURN_IF_ERROR(EraseMember(sql, wiring_.member_data.get(), MemberRecord{member_id, email}, now));
    tr.commit();
    return true;
  });
  MemberCache::For(db_)->Invalidate(member_id);  // after the commit (member_cache.h)
  ForgetCachedSessions(db_);                     // after the commit
  return r.ok() ? Status::Ok() : r.status();
}

Result<nlohmann::json> OwnDataService::Export(const Viewer& viewer) {
  if (!viewer.authenticated() || viewer.member_id <= 0) return Unauthenticated("sign in first");
  MemberService members(db_, clock_);
  NetworkService network(db_, clock_, members);
  VB_ASSIGN_OR_RETURN(model::Member me, members.Get(viewer, viewer.member_id));
  VB_ASSIGN_OR_RETURN(auto ties, network.TiesOf(viewer, viewer.member_id));
  Json out = {{"format", "verbinder-own-data/1"}, {"exported_at", clock_.Now()}, {"profile", ToJson(me, viewer)}};
  Json tj = Json::array();
  for (const auto& t : ties) tj.push_back(ToJson(t));
  out["ties"] = tj;
  const MemberRecord who{viewer.member_id, me.email};
  auto parts = WithSession<std::vector<ExportPart>>(db_, [&](soci::session& sql) -> Result<std::vector<ExportPart>> {
    const model::Id m = who.id;
    std::vector<ExportPart> p = {
        {"account", RowsAsJson(sql, "SELECT role, disabled, created_at FROM accounts WHERE member_id = :m", m), {}},
        {"sessions",
         RowsAsJson(sql, "SELECT created_at, expires_at FROM sessions WHERE member_id = :m ORDER BY created_at", m),
         {}},
        {"api_tokens",
         RowsAsJson(sql, "SELECT id, name, created_at FROM api_tokens WHERE member_id = :m ORDER BY id", m),
         {}},
        {"connections",
         RowsAsJson(sql,
                    "SELECT id, from_member, to_member, status, message, created_at, updated_at FROM connections "
                    "WHERE from_member = :m OR to_member = :m2 ORDER BY id",
                    m, 2),
         {"from_member", "to_member"}},
        {"interactions",
         RowsAsJson(sql,
                    "SELECT id, a, b, kind, at, source, event_id FROM interactions WHERE a = :m OR b = :m2 "
                    "ORDER BY at, id",
                    m, 2),
         {"a", "b"}},
        {"invitation",
         RowsAsJson(sql, "SELECT id, email, name, status, created_at, updated_at FROM invitations WHERE member_id = :m",
                    m),
         {}},
    };
    if (wiring_.member_data)
      for (const auto& owner : wiring_.member_data->owners()) {
        VB_ASSIGN_OR_RETURN(auto more, owner->Export(sql, who));
        for (auto& part : more) p.push_back(std::move(part));
      }
    return p;
  });
  if (!parts) return parts.status();
  // Who is on the other side of an entry is shown only when the viewer may see them.
  std::vector<model::Id> others;
  for (const auto& part : *parts)
    for (const auto& row : part.rows)
      for (const auto& c : part.member_columns)
        if (row.contains(c) && row[c].is_number_integer() && row[c].get<long long>() != viewer.member_id)
          others.push_back(row[c].get<long long>());
  VB_ASSIGN_OR_RETURN(auto visible, members.VisibleAmong(viewer, others));
  for (auto& part : *parts) {
    for (auto& row : part.rows)
      for (const auto& c : part.member_columns)
        if (row.contains(c) && row[c].is_number_integer() && row[c].get<long long>() != viewer.member_id &&
            !visible.count(row[c].get<long long>()))
          row[c] = nullptr;
    out[part.key] = std::move(part.rows);
  }
  // Names and addresses of members the viewer may not see, inside texts
  // (notifications, meeting reasons, messages): the one projection.
  VB_RETURN_IF_ERROR(WithSession<bool>(db_, [&](soci::session& sql) -> Result<bool> {
                       ScrubHiddenMembers(sql, viewer, out, "nl");
                       return true;
                     }).status());
  return out;
}

}  // namespace verbinder::domain
