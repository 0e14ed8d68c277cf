// Erasing a member (member_erasure.h), and MemberService::Delete (members.h),
// the members table's deletion, on the same path as the account deletion.
#include "domain/member_erasure.h"

#include <string>

#include "domain/accounts.h"
#include "domain/change_log.h"
#include "domain/db_util.h"
#include "domain/member_cache.h"
#include "domain/members.h"
#include "storage/transaction.h"

namespace verbinder::domain {

Status EraseMember(soci::session& sql, const MemberDataRegistry* owners, const MemberRecord& who, int64_t now) {
  // Every other module first, while the member's row is still there: its
  // cancellations name the member and tell the others involved (events:
  // registrations for events to come, open visits; questions: answers;
  // newsletter: drafts, subscriptions; notify: mails). An error rolls all
  // of it back.
  if (owners)
    for (const auto& owner : owners->owners()) VB_RETURN_IF_ERROR(owner->Erase(sql, who, now));
  long long mid = who.id;
  // Explicit deletes of the core tables (the rest follows by ON DELETE CASCADE).
  for (const char* q :
       {"DELETE FROM member_terms WHERE member_id = :m", "DELETE FROM challenges WHERE member_id = :m",
        "DELETE FROM sessions WHERE member_id = :m", "DELETE FROM api_tokens WHERE member_id = :m",
        "DELETE FROM password_resets WHERE member_id = :m", "DELETE FROM accounts WHERE member_id = :m"})
    sql << q, soci::use(mid);
  sql << "DELETE FROM connections WHERE from_member = :m OR to_member = :m2", soci::use(mid), soci::use(mid);
  // The ledger: every interaction with the member goes (see docs/accounts.md).
  sql << "DELETE FROM interactions WHERE a = :m OR b = :m2", soci::use(mid), soci::use(mid);
  sql << "DELETE FROM members WHERE id = :m", soci::use(mid);
  LogMemberChange(sql, mid, now);
  return Status::Ok();
}

Status MemberService::Delete(const Viewer& viewer, model::Id id) {
  if (!(viewer.member_id == id || viewer.IsAdmin()))
    return PermissionDenied("only the member or an admin can delete a member");
  auto r = WithSession<bool>(db_, [&](soci::session& sql) -> Result<bool> {
    storage::Transaction tr(sql);
    long long mid = id;
    std::string email;
    sql << "SELECT email FROM members WHERE id = :id", soci::use(mid), soci::into(email);
    if (!sql.got_data()) return NotFound("no member with id " + std::to_string(id), "id");
    VB_RETURN_IF_ERROR(EraseMember(sql, member_data_.get(), MemberRecord{id, email}, clock_.Now()));
    tr.commit();
    return true;
  });
  cache_->Invalidate(id);     // after the commit (member_cache.h)
  ForgetCachedSessions(db_);  // the member's sessions are gone
  return r.ok() ? Status::Ok() : r.status();
}

}  // namespace verbinder::domain
